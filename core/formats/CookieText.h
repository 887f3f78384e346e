#pragma once

#include "Limits.h"
#include "Result.h"
#include "formats/FormatDetector.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace sessionlens {

/**
 * Finds the session cookie value in what a user pastes: a bare value, a
 * `name=value` pair, a `Cookie:` request header or a `Set-Cookie:` response
 * header line, possibly quoted or surrounded by white space; and what browsers
 * copy: a "Copy as cURL" command (`-b`/`--cookie`, or `-H 'Cookie: ...'`), raw
 * request or response headers, or rows of a developer tools cookie table
 * (tab-separated: name, value, domain, ...). With several cookies, the one named
 * `cookieName` is taken.
 */
class CookieText
{
public:
    static constexpr qsizetype kMaxInputSize = limits::kMaxCookieBytes;

    /// Where a value was found, beyond a plain value or header line.
    enum class Source
    {
        Text,
        CurlCommand,
        Headers,
        CookieTable
    };

    struct Extracted
    {
        QString name;     ///< cookie name, empty for a bare value
        QByteArray value; ///< the cookie value, unquoted
        Source source = Source::Text;
    };

    [[nodiscard]] static Result<Extracted>
    extract(const QString &text, const QString &cookieName = QStringLiteral("session"));

    /// The batch paths' shortcut: when `line` is nothing but a cookie value (RFC 6265's
    /// cookie octets, no header name, no '=' that extract() would read as ending a cookie's
    /// name, within the size limit), the value extract() would give for it, as it is;
    /// otherwise nullopt, and extract() decides. Saves turning every line of a large file
    /// into UTF-16 and back (Starlette's padded base64, Django's ':', Flask-Login's '|').
    [[nodiscard]] static std::optional<QByteArrayView> bareValue(QByteArrayView line);
    /// bareValue() that also hands out the scan of the line's characters it made (filled when
    /// a value is returned), so that detection need not scan the same bytes again.
    [[nodiscard]] static std::optional<QByteArrayView>
    bareValue(QByteArrayView line, FormatDetector::Characters &scanned);

    /// A `limit` error when a cookie of this size would be more than SessionLens opens: what a
    /// format's seal checks, so that no cookie is made that could not be opened again.
    [[nodiscard]] static std::optional<Error> overInputLimit(qsizetype cookieBytes);

private:
    /// One value, pair list or header line.
    [[nodiscard]] static Result<Extracted> extractLine(const QString &text,
                                                       const QString &cookieName);
};

} // namespace sessionlens
