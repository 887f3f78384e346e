#pragma once

#include "Limits.h"
#include "Result.h"
#include "capture/CookieImporter.h"
#include "crypto/SecureBytes.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace sessionlens {

/**
 * A browser's own cookie database, read as a consistent snapshot without disturbing a
 * running browser: the database and its -wal file are copied to a private folder and the
 * copy is opened (a running Firefox holds the original in exclusive mode, and its newest
 * rows are in the WAL).
 *
 * Chromium (Linux) encrypts values ("v10" with a fixed password, "v11" with a password
 * kept in the Secret Service); ChromiumCookieCipher decrypts them.
 */
class BrowserCookieStore
{
public:
    /// The database and its WAL are each copied up to this size; larger is a `limit` error.
    static constexpr qint64 kMaxDatabaseBytes = CookieImporter::kMaxFileBytes;
    /// Rows of the wanted cookie name read from one database; more is a `limit` error (a
    /// browser keeps one per host and path: thousands at most).
    static constexpr qsizetype kMaxCookies = 100'000;
    /// Longest value or encrypted value read; a longer one is a `limit` warning for its row.
    static constexpr qsizetype kMaxValueBytes = limits::kMaxCookieBytes;
    /// Longest host or path read, in characters, the same way.
    static constexpr qsizetype kMaxLocationChars = 8 * 1024;

    struct Profile
    {
        QString browser;  ///< "Chromium", "Google Chrome", "Firefox", ...
        QString name;     ///< the profile's folder name
        QString database; ///< path of Cookies / cookies.sqlite
    };

    /// Looks up Chromium's v11 password ("chromium" or "chrome" application); nullopt
    /// when the Secret Service has none, an error when it cannot be asked (locked, absent).
    using V11PasswordProvider =
        std::function<Result<std::optional<SecureBytes>>(const QString &application)>;

    /// Reads the session cookies of `path` (Firefox or Chromium, told apart by the schema).
    [[nodiscard]] static Result<CookieImporter::Imported>
    read(const QString &path, const CookieImporter::Options &options,
         const V11PasswordProvider &v11 = secretServicePassword);

    /// The usual install locations under `home` (native, snap, flatpak), those that exist.
    [[nodiscard]] static QList<Profile> findProfiles(const QString &home);

    /// Chromium's v11 password from the Secret Service through libsecret.
    [[nodiscard]] static Result<std::optional<SecureBytes>>
    secretServicePassword(const QString &application);
};

} // namespace sessionlens
