#include "capture/BrowserCookieStore.h"

#include "crypto/OpenSslHandles.h"
#include "keys/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QUuid>

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <cstring>

#include <QCoreApplication>
#include <libsecret/secret.h>

namespace sessionlens {

namespace {

constexpr char kChromiumSalt[] = "saltysalt";
constexpr int kChromiumKeyBytes = 16;
constexpr int kHostHashBytes = 32;
// Chromium's time is microseconds since 1601-01-01.
constexpr qint64 kWindowsEpochOffsetUs = 11644473600LL * 1000000LL;

Error storeError(const QString &message, const QString &path = {})
{
    return Error::make(ErrorCategory::Io, message, path);
}

Result<SecureBytes> deriveKey(const SecureBytes &password)
{
    SecureBytes key(kChromiumKeyBytes);
    if (PKCS5_PBKDF2_HMAC_SHA1(
            reinterpret_cast<const char *>(password.data()), int(password.size()),
            reinterpret_cast<const unsigned char *>(kChromiumSalt), int(sizeof(kChromiumSalt) - 1),
            1, kChromiumKeyBytes, key.data()) != 1)
        return Error::make(ErrorCategory::Key,
                           QCoreApplication::translate(
                               "sessionlens::Error", "OpenSSL could not derive the Chromium key"));
    return key;
}

Result<QByteArray> cbc(bool encrypt, const SecureBytes &key, QByteArrayView in)
{
    EvpCipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    const unsigned char iv[16] = {' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ',
                                  ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '};
    if (!ctx || EVP_CipherInit_ex(ctx.get(), EVP_aes_128_cbc(), nullptr, key.data(), iv,
                                  encrypt ? 1 : 0) != 1)
        return Error::make(ErrorCategory::Key,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "OpenSSL could not set up AES-128-CBC"));
    QByteArray out(in.size() + 16, Qt::Uninitialized);
    int written = 0, final = 0;
    auto *outBytes = reinterpret_cast<unsigned char *>(out.data());
    if (EVP_CipherUpdate(ctx.get(), outBytes, &written,
                         reinterpret_cast<const unsigned char *>(in.data()), int(in.size())) != 1 ||
        EVP_CipherFinal_ex(ctx.get(), outBytes + written, &final) != 1)
        return Error::make(
            ErrorCategory::Authentication,
            QCoreApplication::translate(
                "sessionlens::Error",
                "the value does not decrypt with this key (wrong password, or damaged)"));
    out.resize(written + final);
    return out;
}

QByteArray sha256(QByteArrayView data)
{
    QByteArray digest(SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    EVP_Digest(data.data(), std::size_t(data.size()),
               reinterpret_cast<unsigned char *>(digest.data()), nullptr, EVP_sha256(), nullptr);
    return digest;
}

// A private copy of the database and its WAL, so that the browser's files are only read.
Result<QString> snapshot(const QString &path, const QTemporaryDir &folder)
{
    const QString copy = folder.filePath(QStringLiteral("cookies.db"));
    if (!QFile::copy(path, copy))
        return storeError(
            QCoreApplication::translate("sessionlens::Error", "cannot copy the cookie database"),
            path);
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = path + QLatin1String(suffix);
        if (QFile::exists(side) && !QFile::copy(side, copy + QLatin1String(suffix)))
            return storeError(QCoreApplication::translate("sessionlens::Error",
                                                          "cannot copy the database's %1 file")
                                  .arg(QLatin1String(suffix)),
                              side);
    }
    for (const QString &file : QDir(folder.path()).entryList(QDir::Files))
        QFile::setPermissions(folder.filePath(file),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return copy;
}

QString urlOf(QString host, const QString &path, bool secure)
{
    if (host.startsWith(u'.'))
        host.remove(0, 1);
    return QStringLiteral("%1://%2%3")
        .arg(secure ? QStringLiteral("https") : QStringLiteral("http"), host,
             path.isEmpty() ? QStringLiteral("/") : path);
}

Result<CookieImporter::Imported> readFirefox(QSqlDatabase &db,
                                             const CookieImporter::Options &options)
{
    CookieImporter::Imported imported;
    imported.kind = CookieImporter::Kind::FirefoxDatabase;
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT host, path, value, isSecure, lastAccessed FROM moz_cookies WHERE name = ? "
        "ORDER BY lastAccessed"));
    query.addBindValue(QString::fromLatin1(options.cookieName));
    if (!query.exec())
        return storeError(
            QCoreApplication::translate("sessionlens::Error", "cannot read moz_cookies: %1")
                .arg(query.lastError().text()));
    while (query.next()) {
        const QString host = query.value(0).toString();
        if (!CookieImporter::hostMatches(host, options.host))
            continue;
        CapturedCookie cookie;
        cookie.source = CapturedCookie::Source::Store;
        cookie.url = urlOf(host, query.value(1).toString(), query.value(3).toInt() != 0);
        cookie.name = options.cookieName;
        cookie.value = query.value(2).toString().toLatin1();
        const qint64 accessedUs = query.value(4).toLongLong();
        if (accessedUs > 0)
            cookie.time = QDateTime::fromMSecsSinceEpoch(accessedUs / 1000, QTimeZone::utc());
        imported.cookies.append(cookie);
    }
    return imported;
}

Result<CookieImporter::Imported> readChromium(QSqlDatabase &db,
                                              const CookieImporter::Options &options,
                                              const BrowserCookieStore::V11PasswordProvider &v11)
{
    CookieImporter::Imported imported;
    imported.kind = CookieImporter::Kind::ChromiumDatabase;
    QSqlQuery meta(db);
    int version = 0;
    if (meta.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'version'")) && meta.next())
        version = meta.value(0).toInt();
    const bool hostPrefix = version >= 24;
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT host_key, path, value, encrypted_value, is_secure, creation_utc FROM cookies "
        "WHERE name = ? ORDER BY creation_utc"));
    query.addBindValue(QString::fromLatin1(options.cookieName));
    if (!query.exec())
        return storeError(
            QCoreApplication::translate("sessionlens::Error", "cannot read the cookies table: %1")
                .arg(query.lastError().text()));
    std::optional<SecureBytes> v11Password;
    std::optional<Error> v11Problem;
    bool v11Asked = false;
    std::optional<Error> firstFailure;
    while (query.next()) {
        const QString host = query.value(0).toString();
        if (!CookieImporter::hostMatches(host, options.host))
            continue;
        QByteArray value = query.value(2).toString().toLatin1();
        const QByteArray encrypted = query.value(3).toByteArray();
        if (value.isEmpty() && !encrypted.isEmpty()) {
            Result<QByteArray> decrypted = Error::make(
                ErrorCategory::Format,
                QCoreApplication::translate("sessionlens::Error", "unknown encryption"));
            if (encrypted.startsWith("v10")) {
                decrypted = BrowserCookieStore::decryptChromium(
                    encrypted, BrowserCookieStore::v10Password(), hostPrefix, host.toUtf8());
            } else if (encrypted.startsWith("v11")) {
                if (!v11Asked) {
                    v11Asked = true;
                    for (const QString &application :
                         {QStringLiteral("chromium"), QStringLiteral("chrome")}) {
                        auto password =
                            v11 ? v11(application)
                                : Result<std::optional<SecureBytes>>(std::optional<SecureBytes>());
                        if (!password) {
                            v11Problem = password.error();
                            break;
                        }
                        if (password.value()) {
                            v11Password = std::move(password.value());
                            break;
                        }
                    }
                    if (!v11Password && !v11Problem)
                        v11Problem = Error::make(
                            ErrorCategory::Key,
                            QCoreApplication::translate(
                                "sessionlens::Error",
                                "the value is encrypted with Chromium's v11 key, and the "
                                "Secret Service holds no Chromium password"));
                }
                decrypted = v11Password ? BrowserCookieStore::decryptChromium(
                                              encrypted, *v11Password, hostPrefix, host.toUtf8())
                                        : Result<QByteArray>(*v11Problem);
            } else {
                decrypted = Error::make(
                    ErrorCategory::Format,
                    QCoreApplication::translate("sessionlens::Error",
                                                "an encrypted value of an unknown kind (%1)")
                        .arg(QString::fromLatin1(encrypted.left(3).toHex())));
            }
            if (!decrypted) {
                if (!firstFailure)
                    firstFailure = decrypted.error();
                imported.warnings.append(
                    QStringLiteral("%1: %2").arg(host, decrypted.error().message));
                continue;
            }
            value = decrypted.value();
        }
        CapturedCookie cookie;
        cookie.source = CapturedCookie::Source::Store;
        cookie.url = urlOf(host, query.value(1).toString(), query.value(4).toInt() != 0);
        cookie.name = options.cookieName;
        cookie.value = value;
        const qint64 created = query.value(5).toLongLong();
        if (created > kWindowsEpochOffsetUs)
            cookie.time = QDateTime::fromMSecsSinceEpoch((created - kWindowsEpochOffsetUs) / 1000,
                                                         QTimeZone::utc());
        imported.cookies.append(cookie);
    }
    if (imported.cookies.isEmpty() && firstFailure)
        return *firstFailure;
    return imported;
}

} // namespace

SecureBytes BrowserCookieStore::v10Password()
{
    return SecureBytes("peanuts", 7);
}

Result<QByteArray> BrowserCookieStore::decryptChromium(QByteArrayView encrypted,
                                                       const SecureBytes &password, bool hostPrefix,
                                                       QByteArrayView host)
{
    if (encrypted.size() < 3 + 16)
        return Error::make(
            ErrorCategory::Format,
            QCoreApplication::translate("sessionlens::Error", "the encrypted value is too short"));
    auto key = deriveKey(password);
    if (!key)
        return key.error();
    auto plain = cbc(false, key.value(), encrypted.sliced(3));
    if (!plain)
        return plain;
    if (hostPrefix) {
        if (plain->size() < kHostHashBytes || plain->first(kHostHashBytes) != sha256(host))
            return Error::make(
                ErrorCategory::Authentication,
                QCoreApplication::translate("sessionlens::Error",
                                            "the value does not start with the hash of its host"));
        plain->remove(0, kHostHashBytes);
    }
    return plain;
}

Result<QByteArray> BrowserCookieStore::encryptChromium(QByteArrayView value,
                                                       const SecureBytes &password,
                                                       QByteArrayView versionTag, bool hostPrefix,
                                                       QByteArrayView host)
{
    auto key = deriveKey(password);
    if (!key)
        return key.error();
    const QByteArray plain = (hostPrefix ? sha256(host) : QByteArray()) + value.toByteArray();
    auto encrypted = cbc(true, key.value(), plain);
    if (!encrypted)
        return encrypted;
    return versionTag.toByteArray() + encrypted.value();
}

Result<CookieImporter::Imported> BrowserCookieStore::read(const QString &path,
                                                          const CookieImporter::Options &options,
                                                          const V11PasswordProvider &v11)
{
    QTemporaryDir folder;
    if (!folder.isValid())
        return storeError(QCoreApplication::translate(
            "sessionlens::Error", "cannot make a private folder for the snapshot"));
    auto copy = snapshot(path, folder);
    if (!copy)
        return copy.error();
    const QString connection =
        QStringLiteral("sessionlens-store-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    Result<CookieImporter::Imported> result =
        storeError(QCoreApplication::translate("sessionlens::Error", "not read"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(copy.value());
        if (!db.open()) {
            result = storeError(
                QCoreApplication::translate("sessionlens::Error", "cannot open the database: %1")
                    .arg(db.lastError().text()),
                path);
        } else {
            const QStringList tables = db.tables();
            if (tables.contains(QStringLiteral("moz_cookies")))
                result = readFirefox(db, options);
            else if (tables.contains(QStringLiteral("cookies")))
                result = readChromium(db, options, v11);
            else
                result = Error::make(
                    ErrorCategory::Format,
                    QCoreApplication::translate("sessionlens::Error",
                                                "not a Firefox or Chromium cookie database"),
                    path);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

QList<BrowserCookieStore::Profile> BrowserCookieStore::findProfiles(const QString &home)
{
    QList<Profile> profiles;
    const QDir base(home);
    const struct
    {
        const char *browser;
        const char *folder;
    } chromiumFamilies[] = {
        {"Chromium", ".config/chromium"},
        {"Google Chrome", ".config/google-chrome"},
        {"Google Chrome Beta", ".config/google-chrome-beta"},
        {"Brave", ".config/BraveSoftware/Brave-Browser"},
        {"Microsoft Edge", ".config/microsoft-edge"},
        {"Chromium (snap)", "snap/chromium/common/chromium"},
        {"Chromium (flatpak)", ".var/app/org.chromium.Chromium/config/chromium"},
        {"Google Chrome (flatpak)", ".var/app/com.google.Chrome/config/google-chrome"},
    };
    for (const auto &family : chromiumFamilies) {
        const QDir root(base.filePath(QLatin1String(family.folder)));
        if (!root.exists())
            continue;
        for (const QString &entry : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            for (const char *relative : {"Cookies", "Network/Cookies"}) {
                const QString database = root.filePath(entry + u'/' + QLatin1String(relative));
                if (QFileInfo::exists(database))
                    profiles.append({QLatin1String(family.browser), entry, database});
            }
        }
    }
    for (const char *folder : {".mozilla/firefox", "snap/firefox/common/.mozilla/firefox",
                               ".var/app/org.mozilla.firefox/.mozilla/firefox"}) {
        const QDir root(base.filePath(QLatin1String(folder)));
        if (!root.exists())
            continue;
        for (const QString &entry : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString database = root.filePath(entry + QStringLiteral("/cookies.sqlite"));
            if (QFileInfo::exists(database))
                profiles.append({QStringLiteral("Firefox"), entry, database});
        }
    }
    return profiles;
}

Result<std::optional<SecureBytes>>
BrowserCookieStore::secretServicePassword(const QString &application)
{
    // Chromium's own schema; it matches items by attribute whatever their schema name.
    static const SecretSchema schema = [] {
        SecretSchema s{};
        s.name = "chrome_libsecret_os_crypt_password_v2";
        s.flags = SECRET_SCHEMA_DONT_MATCH_NAME;
        s.attributes[0] = {"application", SECRET_SCHEMA_ATTRIBUTE_STRING};
        return s;
    }();
    GError *error = nullptr;
    const QByteArray app = application.toUtf8();
    gchar *password = secret_password_lookup_sync(&schema, nullptr, &error, "application",
                                                  app.constData(), nullptr);
    if (error) {
        const QString message = QString::fromUtf8(error->message);
        g_error_free(error);
        return Error::make(
            ErrorCategory::Key,
            QCoreApplication::translate(
                "sessionlens::Error",
                "the Secret Service cannot be asked for Chromium's v11 password (locked or not "
                "running): %1")
                .arg(message));
    }
    if (!password)
        return std::optional<SecureBytes>();
    SecureBytes bytes(password, std::strlen(password));
    secret_password_free(password);
    return std::optional<SecureBytes>(std::move(bytes));
}

} // namespace sessionlens
