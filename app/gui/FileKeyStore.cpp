#include "FileKeyStore.h"

#include "crypto/EaxCipher.h"
#include "crypto/SecureRandom.h"
#include "formats/Base64.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonWriter.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace sessionlens::gui {

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr qsizetype kNonceSize = 16;

Result<Done> writePrivateFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(ErrorCategory::Io, file.errorString(), path);
    file.setPermissions(kOwnerOnly);
    file.write(content);
    if (!file.commit())
        return Error::make(ErrorCategory::Io, file.errorString(), path);
    QFile::setPermissions(path, kOwnerOnly);
    return Done{};
}

} // namespace

FileKeyStore::FileKeyStore(QString folder) : m_folder(std::move(folder)) {}

QString FileKeyStore::label() const
{
    return tr("File store (not the desktop keychain): %1, readable only by you").arg(dataFile());
}

QString FileKeyStore::dataFile() const
{
    return QDir(m_folder).filePath(QStringLiteral("keyring.dat"));
}

QString FileKeyStore::wrapKeyFile() const
{
    return QDir(m_folder).filePath(QStringLiteral("keyring.wrap"));
}

Result<SecureBytes> FileKeyStore::wrapKey(bool create)
{
    QFile file(wrapKeyFile());
    if (file.open(QIODevice::ReadOnly)) {
        QByteArray raw = file.read(64);
        if (raw.size() != 32)
            return Error::make(ErrorCategory::Key, tr("the key store's wrapping key is damaged"), wrapKeyFile());
        return SecureBytes::fromByteArray(raw, true);
    }
    if (!create)
        return SecureBytes();
    if (!QDir().mkpath(m_folder))
        return Error::make(ErrorCategory::Io, tr("cannot create %1").arg(m_folder));
    QFile::setPermissions(m_folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    auto random = SecureRandom::bytes(32);
    if (!random)
        return random.error();
    auto written = writePrivateFile(wrapKeyFile(), random.value());
    SecureBytes key = SecureBytes::fromByteArray(random.value(), true);
    if (!written)
        return written.error();
    return key;
}

Result<FileKeyStore::Secrets> FileKeyStore::readAll()
{
    QFile file(dataFile());
    if (!file.exists())
        return Secrets{};
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorCategory::Io, file.errorString(), dataFile());
    const QByteArray sealed = file.readAll();
    auto key = wrapKey(false);
    if (!key)
        return key.error();
    if (key->isEmpty() || sealed.size() < kNonceSize + EaxCipher::kTagSize)
        return Error::make(ErrorCategory::Key, tr("the key store is damaged"), dataFile());
    auto cipher = EaxCipher::create(key.value());
    if (!cipher)
        return cipher.error();
    auto plain = cipher->decrypt(sealed.left(kNonceSize), "sessionlens-keyring",
                                 sealed.mid(kNonceSize + EaxCipher::kTagSize),
                                 sealed.mid(kNonceSize, EaxCipher::kTagSize));
    if (!plain)
        return Error::make(ErrorCategory::Authentication, tr("the key store does not open with its wrapping key"),
                           dataFile());
    PythonJsonReader::Options options;
    options.dialect = PythonJsonReader::Dialect::Plain;
    auto tree = PythonJsonReader::read(plain.value(), options);
    wipeByteArray(plain.value());
    if (!tree || tree->type() != SessionValue::Type::Dict)
        return Error::make(ErrorCategory::Json, tr("the key store is damaged"), dataFile());
    Secrets secrets;
    for (qsizetype i = 0; i < tree->size(); ++i) {
        QByteArray text = tree->child(i)->stringValue().toLatin1();
        auto bytes = Base64::decode(text, Base64::Alphabet::Standard);
        wipeByteArray(text);
        if (bytes)
            secrets.insert(tree->child(i)->key(), SecureBytes::fromByteArray(bytes.value(), true));
    }
    return secrets;
}

Result<Done> FileKeyStore::writeAll(const Secrets &secrets)
{
    auto key = wrapKey(true);
    if (!key)
        return key.error();
    SessionValue tree = SessionValue::makeDict();
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        QByteArray raw = it.value().exposeCopy();
        tree.setValue(it.key(), SessionValue::makeString(QString::fromLatin1(raw.toBase64())));
        wipeByteArray(raw);
    }
    QByteArray plain = PythonJsonWriter::write(tree);
    auto cipher = EaxCipher::create(key.value());
    auto nonce = SecureRandom::bytes(kNonceSize);
    if (!cipher || !nonce) {
        wipeByteArray(plain);
        return Error::make(ErrorCategory::Key, tr("cannot seal the key store"));
    }
    auto sealed = cipher->encrypt(nonce.value(), "sessionlens-keyring", plain);
    wipeByteArray(plain);
    if (!sealed)
        return sealed.error();
    return writePrivateFile(dataFile(), nonce.value() + sealed->tag + sealed->ciphertext);
}

Result<SecureBytes> FileKeyStore::load(const QString &name)
{
    auto secrets = readAll();
    if (!secrets)
        return secrets.error();
    if (!secrets->contains(name))
        return Error::make(ErrorCategory::Key, tr("no secret stored for \"%1\"").arg(name));
    return secrets->value(name);
}

Result<Done> FileKeyStore::store(const QString &name, const SecureBytes &secret)
{
    auto secrets = readAll();
    if (!secrets)
        return secrets.error();
    secrets->insert(name, secret);
    return writeAll(secrets.value());
}

Result<Done> FileKeyStore::remove(const QString &name)
{
    auto secrets = readAll();
    if (!secrets)
        return secrets.error();
    secrets->remove(name);
    return writeAll(secrets.value());
}

} // namespace sessionlens::gui
