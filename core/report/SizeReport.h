#pragma once

#include "formats/CookieFormat.h"
#include "formats/CookieSize.h"
#include "json/SessionValue.h"

#include <QJsonObject>
#include <QString>

namespace sessionlens {

/**
 * What a session cookie costs: the stages and key shares its format measured (CookieSize, so
 * `stages`, `keys`, `cookieValueBytes` ... are this report's), and what the cookie costs in
 * the headers around it, against Werkzeug's and the browsers' limits.
 *
 * All figures follow from the plaintext alone, so no key is needed and the numbers are
 * exactly those of the cookie the server would write for this session.
 */
class SizeReport : public CookieSize
{
public:
    /// Werkzeug warns when a Set-Cookie header value exceeds this (max_cookie_size).
    static constexpr qsizetype kWerkzeugMaxCookieSize = 4093;
    /// Browsers cap a cookie's name plus value at this many bytes (RFC 6265 6.1 minimum).
    static constexpr qsizetype kBrowserMaxCookieSize = 4096;

    qsizetype nameValueBytes = 0;     ///< `session=<value>`, also the cost per request
    qsizetype setCookieBytes = 0;     ///< header value as the format's server writes it
    qsizetype setCookieLineBytes = 0; ///< with the `Set-Cookie: ` name
    qsizetype werkzeugHeadroom = 0;   ///< kWerkzeugMaxCookieSize - setCookieBytes (negative: over)
    qsizetype browserHeadroom = 0;    ///< kBrowserMaxCookieSize - nameValueBytes

    SizeReport() = default;
    /// The format's figures with the headers of a cookie named `cookieName`.
    SizeReport(CookieSize size, const QString &cookieName);

    /// The report of `session`'s cookie in `options.format` (nullptr: the built-in fallback,
    /// EncryptedSession), measured by the format as it seals (no key needed).
    [[nodiscard]] static SizeReport compute(const SessionValue &session,
                                            const SealOptions &options = {});

    /// Sets cookieValueBytes and the figures that follow from it (name=value, Set-Cookie, the
    /// headroom to both limits).
    void setCookieValueBytes(qsizetype valueBytes, const QString &cookieName);

    /// Flask's Set-Cookie value for a cookie: `NAME=VALUE; HttpOnly; Path=/` (Werkzeug's order).
    [[nodiscard]] static qsizetype setCookieValueSize(qsizetype nameBytes, qsizetype valueBytes);

    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace sessionlens
