#pragma once

#include <QByteArray>
#include <QString>

namespace sessionlens {

/// Ready-to-paste forms of a cookie for replaying it elsewhere.
class CookieSnippet
{
public:
    enum class Kind
    {
        Value,           ///< the bare value
        CookieHeader,    ///< Cookie: session=...
        SetCookieHeader, ///< Set-Cookie: session=...; HttpOnly; Path=/ (as Flask writes it)
        Curl,            ///< curl command line
        DocumentCookie,  ///< JavaScript for the browser console
        PythonRequests,  ///< Python requests code
    };

    [[nodiscard]] static QString
    make(Kind kind, const QByteArray &value, const QString &cookieName = QStringLiteral("session"),
         const QString &url = QStringLiteral("http://127.0.0.1:5000/"));
};

} // namespace sessionlens
