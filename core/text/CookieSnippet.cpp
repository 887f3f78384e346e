#include "text/CookieSnippet.h"

namespace sessionlens {

namespace {

// Single-quoted for POSIX shells: ' becomes '\''.
QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

QString pythonQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + quoted + u'"';
}

} // namespace

QString CookieSnippet::make(Kind kind, const QByteArray &value, const QString &cookieName,
                            const QString &url)
{
    const QString v = QString::fromLatin1(value);
    const QString pair = cookieName + u'=' + v;
    switch (kind) {
    case Kind::Value:
        return v;
    case Kind::CookieHeader:
        return QStringLiteral("Cookie: ") + pair;
    case Kind::SetCookieHeader:
        return QStringLiteral("Set-Cookie: ") + pair + QStringLiteral("; HttpOnly; Path=/");
    case Kind::Curl:
        return QStringLiteral("curl --cookie %1 %2").arg(shellQuote(pair), shellQuote(url));
    case Kind::DocumentCookie:
        // HttpOnly cookies cannot be set from script; this is for apps that do not set it.
        return QStringLiteral("document.cookie = \"%1; path=/\";").arg(pair);
    case Kind::PythonRequests:
        return QStringLiteral("import requests\n\nresponse = requests.get(%1, cookies={%2: "
                              "%3})\nprint(response.status_code)")
            .arg(pythonQuote(url), pythonQuote(cookieName), pythonQuote(v));
    }
    return v;
}

} // namespace sessionlens
