#include "capture/CapturedCookie.h"

#include <QUrl>

namespace sessionlens {

QString CapturedCookie::origin() const
{
    if (url.isEmpty())
        return {};
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return {};
    const int defaultPort = parsed.scheme() == QLatin1String("https") ? 443 : 80;
    return QStringLiteral("%1://%2:%3")
        .arg(parsed.scheme(), parsed.host())
        .arg(parsed.port(defaultPort));
}

QString CapturedCookie::sourceName(Source source)
{
    switch (source) {
    case Source::Request:
        return QStringLiteral("request");
    case Source::Response:
        return QStringLiteral("response");
    case Source::Store:
        return QStringLiteral("store");
    case Source::File:
        return QStringLiteral("file");
    }
    return {};
}

} // namespace sessionlens
