#pragma once

#include "Result.h"
#include "capture/SetCookieParser.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace sessionlens {

/**
 * The cookies a browser tab would keep while a developer works with one app: filled from
 * every response's `Set-Cookie` by RFC 6265 section 5.3 (Domain and host-only, Path and its
 * default, Expires and Max-Age, replacement by name, domain and path), and sent by section
 * 5.4 (domain-match, path-match, Secure only over https, longer paths first).
 *
 * Bounded as RFC 6265 section 6.1 asks of a user agent at least; a cookie over a limit is
 * refused with an error that says which, never dropped without a word. It reads and writes
 * curl's Netscape cookie file, and reads it as a hostile file: size, lines and fields are
 * checked, and a bad line is a `format` error naming it.
 */
class CookieJar
{
public:
    /// Cookies kept for one domain (a host, or the domain a Domain attribute names).
    static constexpr qsizetype kMaxCookiesPerDomain = 50;
    /// Cookies kept in all.
    static constexpr qsizetype kMaxCookies = 3000;
    /// Name and value of one cookie together, as browsers count them.
    static constexpr qsizetype kMaxCookieBytes = 4096;
    /// A cookie file read: all kMaxCookies at their largest fit, with room for comments.
    static constexpr qsizetype kMaxFileBytes = 16 * 1024 * 1024;
    /// Lines of a cookie file, comments and blank lines included.
    static constexpr qsizetype kMaxFileLines = 100'000;
    /// One line of a cookie file: a cookie at its largest with its domain, path and flags.
    static constexpr qsizetype kMaxLineBytes = kMaxCookieBytes + 4096;
    /// Max-Age and Expires reach at most this far ahead (RFC 6265bis caps them at 400 days);
    /// a date further away is kept at this distance.
    static constexpr qint64 kMaxLifetimeSeconds = 400LL * 24 * 60 * 60;

    struct Cookie
    {
        QByteArray name;
        QByteArray value;
        QString domain; ///< lower case, without a leading dot
        QString path;
        bool hostOnly = true; ///< sent to `domain` only, not to its subdomains
        bool secure = false;
        bool httpOnly = false;
        std::optional<QDateTime> expires; ///< none: a session cookie, kept while the jar lives
        qint64 created = 0;               ///< order of creation, kept across replacement
    };

    /// Stores (or replaces, or deletes) what one Set-Cookie says, received from `from`.
    /// An error says why the cookie was not kept: `limit` for a bound, `format` for a cookie
    /// RFC 6265 has a user agent ignore (a Domain that does not cover the host, a name or
    /// value that could not be sent back).
    [[nodiscard]] Result<Done> store(const SetCookieParser::SetCookie &cookie, const QUrl &from,
                                     const QDateTime &now);
    /// The same for one Set-Cookie header value.
    [[nodiscard]] Result<Done> storeHeader(QByteArrayView header, const QUrl &from,
                                           const QDateTime &now);
    /// Gives the cookies named `name` that `url` would be sent a new value, as a user's edit
    /// does; when there is none, adds one for the host of `url` and the path "/".
    [[nodiscard]] Result<Done> setValue(const QByteArray &name, const QByteArray &value,
                                        const QUrl &url);
    /// The cookies to send to `url`, in the order of RFC 6265 5.4 (longer paths first, then
    /// older first); expired ones are left out.
    [[nodiscard]] QList<Cookie> matching(const QUrl &url, const QDateTime &now) const;
    [[nodiscard]] const QList<Cookie> &cookies() const { return m_cookies; }
    [[nodiscard]] bool isEmpty() const { return m_cookies.isEmpty(); }
    void clear() { m_cookies.clear(); }
    void removeExpired(const QDateTime &now);

    /// curl's cookie file: a header comment, then one line per cookie (session cookies with
    /// expiry 0, HttpOnly ones with the `#HttpOnly_` prefix).
    [[nodiscard]] QByteArray toNetscape() const;
    /// Reads a cookie file as toNetscape() or curl writes it, leaving out expired cookies.
    [[nodiscard]] static Result<CookieJar> fromNetscape(QByteArrayView text, const QDateTime &now);

    /// RFC 6265 5.1.3.
    [[nodiscard]] static bool domainMatches(const QString &host, const QString &domain);
    /// RFC 6265 5.1.4.
    [[nodiscard]] static bool pathMatches(const QString &requestPath, const QString &cookiePath);
    /// RFC 6265 5.1.4: the path of `url` up to its last '/', or "/".
    [[nodiscard]] static QString defaultPath(const QUrl &url);

private:
    /// Keeps `cookie` in place of the one with its name, domain and path, or as a new one
    /// within the limits.
    [[nodiscard]] Result<Done> keep(Cookie cookie);
    [[nodiscard]] qsizetype indexOf(const QByteArray &name, const QString &domain,
                                    const QString &path) const;

    QList<Cookie> m_cookies;
    qint64 m_nextCreated = 0;
};

} // namespace sessionlens
