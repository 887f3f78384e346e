#pragma once

#include "Limits.h"
#include "Result.h"

#include <QByteArray>
#include <QString>

namespace sessionlens {

/**
 * Finds the session cookie value in what a user pastes: a bare value, a
 * `name=value` pair, a `Cookie:` request header or a `Set-Cookie:` response
 * header line, possibly quoted or surrounded by white space.
 */
class CookieText
{
public:
    static constexpr qsizetype kMaxInputSize = limits::kMaxCookieBytes;

    struct Extracted
    {
        QString name;     ///< cookie name, empty for a bare value
        QByteArray value; ///< the cookie value, unquoted
    };

    [[nodiscard]] static Result<Extracted>
    extract(const QString &text, const QString &cookieName = QStringLiteral("session"));
};

} // namespace sessionlens
