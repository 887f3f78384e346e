#include "os/PrivateFiles.h"

#include "crypto/EaxCipher.h"
#include "crypto/SecureRandom.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <QCoreApplication>
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace sessionlens {

namespace {

constexpr char kMagic[] = "SLSEALED1\n";
constexpr qsizetype kMagicSize = sizeof(kMagic) - 1;
constexpr qsizetype kNonceSize = 16;

Error ioError(const QString &message, const QString &path)
{
    return Error::make(ErrorCategory::Io, message, path);
}

} // namespace

Result<Done> PrivateFiles::ensureFolder(const QString &folder)
{
    const QByteArray path = QFile::encodeName(folder);
    struct stat status
    {
    };
    if (::lstat(path.constData(), &status) != 0) {
        if (!QDir().mkpath(QFileInfo(folder).absolutePath()))
            return ioError(
                QCoreApplication::translate("sessionlens::Error", "cannot create the folder"),
                folder);
        // Only a folder made here is given its mode: one that was there already may be the
        // user's own (a settings file's folder, a home), and is checked, never changed.
        if (::mkdir(path.constData(), 0700) == 0) {
            if (::chmod(path.constData(), 0700) != 0)
                return ioError(QCoreApplication::translate("sessionlens::Error",
                                                           "cannot make the folder private (0700)"),
                               folder);
        } else if (errno != EEXIST) {
            return ioError(
                QCoreApplication::translate("sessionlens::Error", "cannot create the folder"),
                folder);
        }
    }
    return checkTrusted(folder);
}

Result<Done> PrivateFiles::checkTrusted(const QString &path)
{
    struct stat status
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &status) != 0)
        return ioError(QCoreApplication::translate("sessionlens::Error", "cannot inspect the file"),
                       path);
    if (S_ISLNK(status.st_mode))
        return ioError(
            QCoreApplication::translate("sessionlens::Error", "refused: it is a symbolic link"),
            path);
    if (status.st_uid != ::geteuid())
        return ioError(
            QCoreApplication::translate("sessionlens::Error", "refused: another user owns it"),
            path);
    if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        return ioError(
            QCoreApplication::translate(
                "sessionlens::Error",
                "refused: other users may read or write it (mode %1); make it 0600 or 0700")
                .arg(status.st_mode & 0777, 4, 8, QLatin1Char('0')),
            path);
    return Done{};
}

Result<Done> PrivateFiles::write(const QString &path, QByteArrayView content)
{
    // The process umask is 077 (ProcessHardening), so the temporary is private when created;
    // the explicit mode below also covers a caller that did not set it.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ioError(file.errorString(), path);
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return ioError(QCoreApplication::translate("sessionlens::Error",
                                                   "cannot make the file private (0600)"),
                       path);
    }
    if (file.write(content.data(), content.size()) != content.size()) {
        file.cancelWriting();
        return ioError(file.errorString(), path);
    }
    if (!file.commit())
        return ioError(file.errorString(), path);
    return checkTrusted(path);
}

Result<QByteArray> PrivateFiles::read(const QString &path, qsizetype maxBytes)
{
    if (auto trusted = checkTrusted(path); !trusted)
        return trusted.error();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ioError(file.errorString(), path);
    QByteArray content = file.read(maxBytes + 1);
    if (content.size() > maxBytes)
        return Error::make(
            ErrorCategory::Limit,
            QCoreApplication::translate("sessionlens::Error", "the file is larger than %1 bytes")
                .arg(maxBytes),
            path);
    return content;
}

bool PrivateFiles::isSealed(QByteArrayView content)
{
    return content.startsWith(QByteArrayView(kMagic, kMagicSize));
}

Result<QByteArray> PrivateFiles::seal(const SecureBytes &key, QByteArrayView context,
                                      QByteArrayView plain)
{
    auto cipher = EaxCipher::create(key);
    if (!cipher)
        return cipher.error();
    auto nonce = SecureRandom::bytes(kNonceSize);
    if (!nonce)
        return nonce.error();
    auto sealed = cipher->encrypt(nonce.value(), context, plain);
    if (!sealed)
        return sealed.error();
    return QByteArray(kMagic, kMagicSize) + nonce.value() + sealed->tag + sealed->ciphertext;
}

Result<SecureBytes> PrivateFiles::unseal(const SecureBytes &key, QByteArrayView context,
                                         QByteArrayView sealed)
{
    if (!isSealed(sealed) || sealed.size() < kMagicSize + kNonceSize + EaxCipher::kTagSize)
        return Error::make(
            ErrorCategory::Format,
            QCoreApplication::translate("sessionlens::Error", "not a sealed SessionLens file"));
    auto cipher = EaxCipher::create(key);
    if (!cipher)
        return cipher.error();
    const QByteArrayView body = sealed.sliced(kMagicSize);
    auto plain = cipher->decrypt(body.first(kNonceSize), context,
                                 body.sliced(kNonceSize + EaxCipher::kTagSize),
                                 body.sliced(kNonceSize, EaxCipher::kTagSize));
    if (!plain)
        return Error::make(ErrorCategory::Authentication,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "the file does not open with its key"));
    return SecureBytes::fromByteArray(plain.value(), true);
}

} // namespace sessionlens
