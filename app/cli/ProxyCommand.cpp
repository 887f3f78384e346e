#include "ProxyCommand.h"

#include "CookieArguments.h"
#include "EntryPrinter.h"
#include "SignalWaiter.h"
#include "SignerArguments.h"
#include "capture/ReverseProxy.h"
#include "capture/Timeline.h"
#include "keys/KeyRing.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QNetworkAccessManager>

namespace sessionlens::cli {

CommandSyntax ProxyCommand::syntax() const
{
    CommandSyntax syntax(QStringLiteral("proxy"),
                         tr("Forward a browser's requests to the app and print each "
                            "session cookie, until interrupted."));
    SignerArguments::addOpeningOptions(syntax);
    EntryPrinter::addOption(syntax);
    syntax.addOption({QStringLiteral("listen"),
                      tr("Address to listen on (default 127.0.0.1:8080; port 0 picks a free one)."),
                      tr("host:port"), QStringLiteral("127.0.0.1:8080")});
    syntax.addOption({QStringLiteral("upstream"),
                      tr("The app's base URL, e.g. http://127.0.0.1:5000."), tr("url")});
    CookieArguments::addOptions(syntax, tr("Pin: send this session cookie with every request."));
    return syntax;
}

int ProxyCommand::execute(const QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty())
        return m_io.usage(tr("proxy takes no positional arguments"));
    if (!parser.isSet(QStringLiteral("upstream")))
        return m_io.usage(tr("proxy needs --upstream URL"));
    const auto format = EntryPrinter::formatFrom(parser, m_io);
    if (!format)
        return ExitUsage;
    const QString listen = parser.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
    QString host = colon > 0 ? listen.left(colon) : QString();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1")
                                                                  : host);
    if (!portOk || port > 65535 || address.isNull())
        return m_io.usage(tr("--listen takes HOST:PORT, not '%1'").arg(listen));
    if (!address.isLoopback())
        m_io.err() << tr("warning: listening on %1, not loopback: other machines can reach the "
                         "proxy and the app behind it")
                          .arg(address.toString())
                   << Qt::endl;

    // Checked before the proxy listens: the pin goes into every forwarded request.
    auto pin = CookieArguments::read(parser, m_io);
    if (!pin)
        return m_io.fail(pin.error());

    KeyRing ring;
    auto loaded = SignerArguments::loadAll(parser, m_io, ring);
    if (!loaded)
        return m_io.fail(loaded.error());

    QNetworkAccessManager network;
    ReverseProxy proxy(network);
    auto started = proxy.start(address, quint16(port),
                               QUrl(parser.value(QStringLiteral("upstream"))), pin->name);
    if (!started)
        return m_io.fail(started.error());
    if (!pin->value.isEmpty())
        proxy.pin(pin->value);
    m_io.err() << tr("listening on %1, forwarding to %2")
                      .arg(proxy.address().toString(), parser.value(QStringLiteral("upstream")))
               << Qt::endl;

    Timeline timeline(ring, loaded->options);
    EntryPrinter printer(m_io, *format);
    QObject::connect(&proxy, &ReverseProxy::cookieSeen, &proxy,
                     [&](const CapturedCookie &cookie) { printer.print(timeline.add(cookie)); });
    QEventLoop loop;
    SignalWaiter waiter;
    QObject::connect(&waiter, &SignalWaiter::interrupted, &loop, &QEventLoop::quit);
    loop.exec();
    proxy.stop();
    return ExitOk;
}

} // namespace sessionlens::cli
