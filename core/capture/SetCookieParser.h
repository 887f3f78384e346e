#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace sessionlens {

/**
 * `Set-Cookie` and `Cookie` header values as RFC 6265 (section 5.2 and 5.4) has user
 * agents read them: the first `name=value` pair, then attributes in any case and order,
 * unknown ones ignored; the last of a repeated attribute wins.
 */
class SetCookieParser
{
public:
    /// One header value: longer is a `limit` error (it could not be a cookie a browser keeps).
    static constexpr qsizetype kMaxHeaderBytes = 1024 * 1024;
    /// Cookies in one `Cookie:` header; more is a `limit` error.
    static constexpr qsizetype kMaxCookiesPerHeader = 1000;

    enum class SameSite
    {
        Unset,
        Strict,
        Lax,
        None
    };

    struct SetCookie
    {
        QByteArray name;
        QByteArray value; ///< as sent (quotes removed)
        QString path;
        QString domain; ///< without a leading dot
        std::optional<QDateTime> expires;
        std::optional<qint64> maxAge; ///< seconds; 0 or less deletes the cookie
        bool secure = false;
        bool httpOnly = false;
        SameSite sameSite = SameSite::Unset;
        /// The server deletes the cookie (empty value with a past expiry, or Max-Age <= 0).
        [[nodiscard]] bool deletes(const QDateTime &now) const;
    };

    /// The value of one `Set-Cookie` header (without the `Set-Cookie:` name).
    [[nodiscard]] static Result<SetCookie> parseSetCookie(QByteArrayView header);
    /// The pairs of a `Cookie` header value, in order.
    [[nodiscard]] static Result<QList<std::pair<QByteArray, QByteArray>>>
    parseCookieHeader(QByteArrayView header);
    /// An HTTP date as cookies use it (RFC 6265 5.1.1: lenient, as browsers parse it).
    [[nodiscard]] static std::optional<QDateTime> parseCookieDate(QByteArrayView text);
};

} // namespace sessionlens
