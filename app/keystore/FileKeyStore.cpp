#include "FileKeyStore.h"

#include "crypto/EaxCipher.h"
#include "crypto/SecureRandom.h"
#include "encoding/Base64.h"
#include "os/PrivateFiles.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonWriter.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <cstring>

namespace sessionlens {

namespace {

constexpr qsizetype kNonceSize = 16;
constexpr char kContext[] = "sessionlens-keyring";
// The store is a few keys; anything much larger is not ours.
constexpr qsizetype kMaxStoreBytes = 4 * 1024 * 1024;

// Plaintext: for each entry, a 4-byte big-endian length and the name (UTF-8), then the
// same for the secret. Built and parsed in wiped memory: no base64 or QString copies.
void putLength(std::uint8_t *out, std::size_t length)
{
    for (int i = 0; i < 4; ++i)
        out[i] = std::uint8_t(length >> (24 - 8 * i));
}

std::size_t getLength(const std::uint8_t *in)
{
    return (std::size_t(in[0]) << 24) | (std::size_t(in[1]) << 16) | (std::size_t(in[2]) << 8) |
           std::size_t(in[3]);
}

} // namespace

FileKeyStore::FileKeyStore(QString folder) : m_folder(std::move(folder)) {}

QString FileKeyStore::label() const
{
    // Said plainly: the wrapping key lies next to the data, so this keeps key text out of
    // backups, grep and casual reading, but not from anyone who can read your files.
    return tr("File store (not the desktop keychain): %1, readable only by you. Its wrapping key "
              "lies in the same "
              "folder, so it keeps keys out of backups and casual reading, not from someone who "
              "can read your files.")
        .arg(dataFile());
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
    if (QFile::exists(wrapKeyFile())) {
        // Refuse a wrapping key that others could have read or replaced.
        auto raw = PrivateFiles::read(wrapKeyFile(), 64);
        if (!raw)
            return raw.error();
        if (raw->size() != 32)
            return Error::make(ErrorCategory::Key, tr("the key store's wrapping key is damaged"),
                               wrapKeyFile());
        return SecureBytes::fromByteArray(raw.value(), true);
    }
    if (!create)
        return SecureBytes();
    if (auto folder = PrivateFiles::ensureFolder(m_folder); !folder)
        return folder.error();
    auto random = SecureRandom::bytes(32);
    if (!random)
        return random.error();
    auto written = PrivateFiles::write(wrapKeyFile(), random.value());
    SecureBytes key = SecureBytes::fromByteArray(random.value(), true);
    if (!written)
        return written.error();
    return key;
}

Result<FileKeyStore::Secrets> FileKeyStore::readAll()
{
    if (!QFile::exists(dataFile()))
        return Secrets{};
    auto sealed = PrivateFiles::read(dataFile(), kMaxStoreBytes);
    if (!sealed)
        return sealed.error();
    auto key = wrapKey(false);
    if (!key)
        return key.error();
    if (key->isEmpty())
        return Error::make(ErrorCategory::Key, tr("the key store's wrapping key is missing"),
                           wrapKeyFile());
    if (!PrivateFiles::isSealed(sealed.value()))
        return readLegacy(sealed.value(), key.value());
    auto plain = PrivateFiles::unseal(key.value(), kContext, sealed.value());
    if (!plain)
        return Error::make(ErrorCategory::Authentication,
                           tr("the key store does not open with its wrapping key"), dataFile());
    Secrets secrets;
    const std::uint8_t *p = plain->data();
    const std::uint8_t *end = p + plain->size();
    while (p < end) {
        if (end - p < 4)
            return Error::make(ErrorCategory::Format, tr("the key store is damaged"), dataFile());
        const std::size_t nameLength = getLength(p);
        p += 4;
        if (std::size_t(end - p) < nameLength + 4)
            return Error::make(ErrorCategory::Format, tr("the key store is damaged"), dataFile());
        const QString name =
            QString::fromUtf8(reinterpret_cast<const char *>(p), qsizetype(nameLength));
        p += nameLength;
        const std::size_t secretLength = getLength(p);
        p += 4;
        if (std::size_t(end - p) < secretLength)
            return Error::make(ErrorCategory::Format, tr("the key store is damaged"), dataFile());
        secrets.insert(name, SecureBytes(p, secretLength));
        p += secretLength;
    }
    return secrets;
}

Result<FileKeyStore::Secrets> FileKeyStore::readLegacy(const QByteArray &sealed,
                                                       const SecureBytes &key)
{
    // Stores written before the sealed-file format: nonce, tag, ciphertext of a JSON object
    // of base64 secrets. Read once; the next write replaces it with the current format.
    if (sealed.size() < kNonceSize + EaxCipher::kTagSize)
        return Error::make(ErrorCategory::Key, tr("the key store is damaged"), dataFile());
    auto cipher = EaxCipher::create(key);
    if (!cipher)
        return cipher.error();
    auto plain = cipher->decrypt(sealed.left(kNonceSize), kContext,
                                 sealed.mid(kNonceSize + EaxCipher::kTagSize),
                                 sealed.mid(kNonceSize, EaxCipher::kTagSize));
    if (!plain)
        return Error::make(ErrorCategory::Authentication,
                           tr("the key store does not open with its wrapping key"), dataFile());
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
    std::size_t total = 0;
    QList<QByteArray> names;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        names.append(it.key().toUtf8());
        total += 8 + std::size_t(names.last().size()) + it.value().size();
    }
    SecureBytes plain(total);
    std::uint8_t *p = plain.data();
    qsizetype index = 0;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it, ++index) {
        const QByteArray &name = names[index];
        putLength(p, std::size_t(name.size()));
        std::memcpy(p + 4, name.constData(), std::size_t(name.size()));
        p += 4 + name.size();
        putLength(p, it.value().size());
        if (it.value().size())
            std::memcpy(p + 4, it.value().data(), it.value().size());
        p += 4 + it.value().size();
    }
    auto sealed = PrivateFiles::seal(
        key.value(), kContext,
        QByteArrayView(reinterpret_cast<const char *>(plain.data()), qsizetype(total)));
    if (!sealed)
        return sealed.error();
    return PrivateFiles::write(dataFile(), sealed.value());
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

Result<Done> FileKeyStore::check()
{
    auto secrets = readAll();
    if (!secrets)
        return secrets.error();
    return Done{};
}

Result<Done> FileKeyStore::remove(const QString &name)
{
    auto secrets = readAll();
    if (!secrets)
        return secrets.error();
    secrets->remove(name);
    return writeAll(secrets.value());
}

} // namespace sessionlens
