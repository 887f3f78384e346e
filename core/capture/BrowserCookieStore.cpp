#include "capture/BrowserCookieStore.h"

#include "capture/CookieDatabaseSchema.h"
#include "capture/ImportWarnings.h"
#include "capture/RegularFile.h"
#include "crypto/ChromiumCookieCipher.h"

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

#include <cstring>

#include <QCoreApplication>
#include <libsecret/secret.h>

namespace sessionlens {

namespace {

// Chromium's time is microseconds since 1601-01-01.
constexpr qint64 kWindowsEpochOffsetUs = 11644473600LL * 1000000LL;

Error storeError(const QString &message, const QString &path = {})
{
    return Error::make(ErrorCategory::Io, message, path);
}

// A private copy of the database and its WAL, so that the browser's files are only read.
Result<QString> snapshot(const QString &path, const QTemporaryDir &folder)
{
    const QString copy = folder.filePath(QStringLiteral("cookies.db"));
    if (auto copied = RegularFile::copy(path, copy, BrowserCookieStore::kMaxDatabaseBytes); !copied)
        return copied.error();
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = path + QLatin1String(suffix);
        if (!QFileInfo::exists(side))
            continue;
        if (auto copied = RegularFile::copy(side, copy + QLatin1String(suffix),
                                            BrowserCookieStore::kMaxDatabaseBytes);
            !copied)
            return copied.error();
    }
    return copy;
}

// Text columns are selected through substr() and length(): a value over its limit is
// reported, never handed over whole (the file limit bounds what is stored, not what one
// row may hold).
QString bounded(const char *column, qsizetype limit)
{
    return QStringLiteral("substr(%1, 1, %2), length(%1)").arg(QLatin1String(column)).arg(limit);
}

// The value at `index` (with its length at index + 1), or a limit error naming the field.
Result<QVariant> boundedValue(const QSqlQuery &query, int index, qsizetype limit,
                              const QString &field, const QString &host)
{
    const qint64 length = query.value(index + 1).toLongLong();
    if (length > limit)
        return Error::make(
            ErrorCategory::Limit,
            QCoreApplication::translate("sessionlens::Error",
                                        "%1: the %2 has %3 characters, more than the %4 read")
                .arg(host.isEmpty() ? QStringLiteral("?") : host, field)
                .arg(length)
                .arg(limit));
    return query.value(index);
}

Error tooManyRows()
{
    return Error::make(ErrorCategory::Limit,
                       QCoreApplication::translate(
                           "sessionlens::Error",
                           "more than %1 cookies of this name in the database; none are read")
                           .arg(BrowserCookieStore::kMaxCookies));
}

// The rows of one query with the bounded host and path first: their limit errors become
// warnings (as does any error `row` returns), and the first one is the result when no
// cookie came out.
template <typename Row>
Result<CookieImporter::Imported> readRows(QSqlQuery &query, CookieImporter::Kind kind,
                                          const CookieImporter::Options &options, Row &&row)
{
    CookieImporter::Imported imported;
    imported.kind = kind;
    ImportWarnings warnings;
    std::optional<Error> firstFailure;
    qsizetype rows = 0;
    while (query.next()) {
        if (++rows > BrowserCookieStore::kMaxCookies)
            return tooManyRows();
        auto host = boundedValue(query, 0, BrowserCookieStore::kMaxLocationChars,
                                 QCoreApplication::translate("sessionlens::Note", "host"), {});
        const QString hostText = host ? host->toString() : QString();
        if (host && !CookieImporter::hostMatches(hostText, options.host))
            continue;
        auto path =
            boundedValue(query, 2, BrowserCookieStore::kMaxLocationChars,
                         QCoreApplication::translate("sessionlens::Note", "path"), hostText);
        Result<CapturedCookie> cookie = !host   ? Result<CapturedCookie>(host.error())
                                        : !path ? Result<CapturedCookie>(path.error())
                                                : row(hostText, path->toString());
        if (!cookie) {
            if (!firstFailure)
                firstFailure = cookie.error();
            warnings.add(cookie.error().message);
            continue;
        }
        cookie->source = CapturedCookie::Source::Store;
        cookie->name = options.cookieName;
        imported.cookies.append(std::move(cookie.value()));
    }
    imported.warnings = warnings.take();
    if (imported.cookies.isEmpty() && firstFailure)
        return *firstFailure;
    return imported;
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
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1, %2, %3, isSecure, lastAccessed FROM moz_cookies "
                                 "WHERE name = ? ORDER BY lastAccessed LIMIT ?")
                      .arg(bounded("host", BrowserCookieStore::kMaxLocationChars),
                           bounded("path", BrowserCookieStore::kMaxLocationChars),
                           bounded("value", BrowserCookieStore::kMaxValueBytes)));
    query.addBindValue(QString::fromLatin1(options.cookieName));
    query.addBindValue(BrowserCookieStore::kMaxCookies + 1);
    if (!query.exec())
        return storeError(
            QCoreApplication::translate("sessionlens::Error", "cannot read moz_cookies: %1")
                .arg(query.lastError().text()));
    return readRows(query, CookieImporter::Kind::FirefoxDatabase, options,
                    [&](const QString &host, const QString &path) -> Result<CapturedCookie> {
                        auto value = boundedValue(
                            query, 4, BrowserCookieStore::kMaxValueBytes,
                            QCoreApplication::translate("sessionlens::Note", "value"), host);
                        if (!value)
                            return value.error();
                        CapturedCookie cookie;
                        cookie.url = urlOf(host, path, query.value(6).toInt() != 0);
                        cookie.value = value->toString().toLatin1();
                        const qint64 accessedUs = query.value(7).toLongLong();
                        if (accessedUs > 0)
                            cookie.time =
                                QDateTime::fromMSecsSinceEpoch(accessedUs / 1000, QTimeZone::utc());
                        return cookie;
                    });
}

// Chromium's v11 password, asked for once per database.
class V11Password
{
public:
    explicit V11Password(const BrowserCookieStore::V11PasswordProvider &provider)
        : m_provider(provider)
    {
    }
    Result<QByteArray> decrypt(QByteArrayView encrypted, bool hostPrefix, QByteArrayView host)
    {
        if (!m_asked) {
            m_asked = true;
            ask();
        }
        if (!m_password)
            return *m_problem;
        return ChromiumCookieCipher::decrypt(encrypted, *m_password, hostPrefix, host);
    }

private:
    void ask()
    {
        for (const QString &application : {QStringLiteral("chromium"), QStringLiteral("chrome")}) {
            auto password = m_provider ? m_provider(application)
                                       : Result<std::optional<SecureBytes>>(std::nullopt);
            if (!password) {
                m_problem = password.error();
                return;
            }
            if (password.value()) {
                m_password = std::move(password.value());
                return;
            }
        }
        m_problem = Error::make(
            ErrorCategory::Key,
            QCoreApplication::translate("sessionlens::Error",
                                        "the value is encrypted with Chromium's v11 key, and the "
                                        "Secret Service holds no Chromium password"));
    }

    const BrowserCookieStore::V11PasswordProvider &m_provider;
    bool m_asked = false;
    std::optional<SecureBytes> m_password;
    std::optional<Error> m_problem;
};

Result<int> chromiumVersion(QSqlDatabase &db)
{
    if (!CookieDatabaseSchema::has(db, QStringLiteral("meta")))
        return 0;
    QSqlQuery meta(db);
    // The version is a short number: 16 characters are plenty, and nothing longer is read.
    if (!meta.exec(
            QStringLiteral("SELECT substr(value, 1, 16) FROM meta WHERE key = 'version' LIMIT 1")))
        return storeError(
            QCoreApplication::translate("sessionlens::Error", "cannot read the meta table: %1")
                .arg(meta.lastError().text()));
    return meta.next() ? meta.value(0).toInt() : 0;
}

Result<CookieImporter::Imported> readChromium(QSqlDatabase &db,
                                              const CookieImporter::Options &options,
                                              const BrowserCookieStore::V11PasswordProvider &v11)
{
    auto version = chromiumVersion(db);
    if (!version)
        return version.error();
    const bool hostPrefix = version.value() >= 24;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT %1, %2, %3, %4, is_secure, creation_utc FROM cookies WHERE name = "
                       "? ORDER BY creation_utc LIMIT ?")
            .arg(bounded("host_key", BrowserCookieStore::kMaxLocationChars),
                 bounded("path", BrowserCookieStore::kMaxLocationChars),
                 bounded("value", BrowserCookieStore::kMaxValueBytes),
                 bounded("encrypted_value", BrowserCookieStore::kMaxValueBytes)));
    query.addBindValue(QString::fromLatin1(options.cookieName));
    query.addBindValue(BrowserCookieStore::kMaxCookies + 1);
    if (!query.exec())
        return storeError(
            QCoreApplication::translate("sessionlens::Error", "cannot read the cookies table: %1")
                .arg(query.lastError().text()));
    V11Password password(v11);
    const QString valueField = QCoreApplication::translate("sessionlens::Note", "value");
    const QString encryptedField =
        QCoreApplication::translate("sessionlens::Note", "encrypted value");
    return readRows(
        query, CookieImporter::Kind::ChromiumDatabase, options,
        [&](const QString &host, const QString &path) -> Result<CapturedCookie> {
            auto plain =
                boundedValue(query, 4, BrowserCookieStore::kMaxValueBytes, valueField, host);
            if (!plain)
                return plain.error();
            auto encrypted =
                boundedValue(query, 6, BrowserCookieStore::kMaxValueBytes, encryptedField, host);
            if (!encrypted)
                return encrypted.error();
            QByteArray value = plain->toString().toLatin1();
            const QByteArray sealed = encrypted->toByteArray();
            if (value.isEmpty() && !sealed.isEmpty()) {
                Result<QByteArray> decrypted =
                    sealed.startsWith("v10")
                        ? ChromiumCookieCipher::decrypt(sealed, ChromiumCookieCipher::v10Password(),
                                                        hostPrefix, host.toUtf8())
                    : sealed.startsWith("v11")
                        ? password.decrypt(sealed, hostPrefix, host.toUtf8())
                        : Result<QByteArray>(
                              Error::make(ErrorCategory::Format,
                                          QCoreApplication::translate(
                                              "sessionlens::Error",
                                              "an encrypted value of an unknown kind (%1)")
                                              .arg(QString::fromLatin1(sealed.left(3).toHex()))));
                if (!decrypted) {
                    Error error = decrypted.error();
                    error.message = QStringLiteral("%1: %2").arg(host, error.message);
                    return error;
                }
                value = decrypted.value();
            }
            CapturedCookie cookie;
            cookie.url = urlOf(host, path, query.value(8).toInt() != 0);
            cookie.value = value;
            const qint64 created = query.value(9).toLongLong();
            if (created > kWindowsEpochOffsetUs)
                cookie.time = QDateTime::fromMSecsSinceEpoch(
                    (created - kWindowsEpochOffsetUs) / 1000, QTimeZone::utc());
            return cookie;
        });
}

} // namespace

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
        // Read-only, and not "immutable=1": an immutable database is read without its WAL,
        // which holds a running Firefox's newest rows. The copy is private, so nobody else
        // changes it meanwhile.
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            result = storeError(
                QCoreApplication::translate("sessionlens::Error", "cannot open the database: %1")
                    .arg(db.lastError().text()),
                path);
        } else {
            // No writes, and no function in the schema that is not harmless.
            QSqlQuery pragmas(db);
            (void)pragmas.exec(QStringLiteral("PRAGMA query_only = ON"));
            (void)pragmas.exec(QStringLiteral("PRAGMA trusted_schema = OFF"));
            const auto browser = CookieDatabaseSchema::inspect(db);
            if (!browser) {
                Error error = browser.error();
                error.detail = path;
                result = error;
            } else if (browser.value() == CookieDatabaseSchema::Browser::Firefox) {
                result = readFirefox(db, options);
            } else {
                result = readChromium(db, options, v11);
            }
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
