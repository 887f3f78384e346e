#pragma once

#include "Result.h"

#include <QByteArrayView>
#include <QString>

namespace sessionlens {

/**
 * What may go onto the wire in an HTTP/1.1 head: field names are RFC 9110 tokens, field values
 * hold no CR, LF, NUL or other control byte but tab, and cookies follow RFC 6265 section 4.1.
 * The proxy refuses requests that break these rules, and every value a user types is checked
 * against them before anything is sent, so no text can add a header or split a request.
 */
class HttpFieldRules
{
public:
    /// RFC 9110 5.6.2: one or more tchar (no separators, spaces or controls).
    [[nodiscard]] static bool isToken(QByteArrayView text);
    /// RFC 9110 5.5: visible characters, obs-text, space and tab; no CR, LF, NUL or controls.
    [[nodiscard]] static bool isFieldValue(QByteArrayView text);
    /// RFC 6265 4.1.1: a cookie name is a token.
    [[nodiscard]] static bool isCookieName(QByteArrayView text);
    /// RFC 6265 4.1.1: cookie-octets, optionally inside one pair of double quotes.
    [[nodiscard]] static bool isCookieValue(QByteArrayView text);

    /// A `format` error naming `field` (as the user knows it: "--cookie", "Headers") when
    /// `name` is not a token or `value` is not a field value.
    [[nodiscard]] static Result<Done> checkHeader(QByteArrayView name, QByteArrayView value,
                                                  const QString &field);
    /// A `format` error naming `field` when `name` or `value` could not be sent as a cookie.
    [[nodiscard]] static Result<Done> checkCookie(QByteArrayView name, QByteArrayView value,
                                                  const QString &field);
};

} // namespace sessionlens
