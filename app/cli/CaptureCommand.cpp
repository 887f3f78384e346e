#include "CaptureCommand.h"

#include "CookieArguments.h"
#include "EntryPrinter.h"
#include "KeyArguments.h"
#include "SignerArguments.h"
#include "capture/HttpCapture.h"
#include "capture/RequestText.h"
#include "capture/Timeline.h"
#include "keys/KeyRing.h"
#include "keys/RunKeyLoader.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QNetworkAccessManager>

namespace sessionlens::cli {

CommandSyntax CaptureCommand::syntax() const
{
    CommandSyntax syntax(QStringLiteral("capture"),
                         tr("Send a request and print the session cookies it sets, decoded."));
    SignerArguments::addOpeningOptions(syntax);
    EntryPrinter::addOption(syntax);
    syntax.addOption(
        {QStringLiteral("method"), tr("HTTP method (default GET)."), tr("method"),
         QStringLiteral("GET")},
        CommandOption::Hints::oneOf({QStringLiteral("GET"), QStringLiteral("POST"),
                                     QStringLiteral("PUT"), QStringLiteral("PATCH"),
                                     QStringLiteral("DELETE"), QStringLiteral("HEAD")}));
    syntax.addOption({{QStringLiteral("H"), QStringLiteral("header")},
                      tr("Request header 'Name: value' (repeatable)."),
                      tr("header")},
                     CommandOption::Hints::repeated());
    syntax.addOption({QStringLiteral("data"), tr("Request body."), tr("body")});
    syntax.addOption({QStringLiteral("data-file"),
                      tr("Request body from a file ('-': standard input)."), tr("file")},
                     CommandOption::Hints::path());
    CookieArguments::addOptions(syntax, tr("Session cookie value to send."));
    syntax.addOption({QStringLiteral("max-redirects"),
                      tr("Same-origin redirects to follow (default 10)."), tr("count"),
                      QString::number(HttpCapture::kDefaultMaxRedirects)});
    syntax.addOption({QStringLiteral("insecure-host"),
                      tr("Accept certificate errors of this host (repeatable)."), tr("host")},
                     CommandOption::Hints::repeated());
    syntax.addOption({QStringLiteral("timeout"),
                      tr("Seconds the transfer may stay idle (default 30)."), tr("seconds"),
                      QStringLiteral("30")});
    syntax.addOption({QStringLiteral("max-time"),
                      tr("Seconds the whole request may take, redirects included (default %1).")
                          .arg(HttpCapture::kDefaultMaxTimeMs / 1000),
                      tr("seconds"), QString::number(HttpCapture::kDefaultMaxTimeMs / 1000)});
    syntax.addOption({QStringLiteral("body"), tr("Print the final response body.")});
    syntax.addPositionalArgument(QStringLiteral("url"), tr("http:// or https:// URL."),
                                 QStringLiteral("URL"));
    return syntax;
}

int CaptureCommand::execute(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().size() != 1)
        return m_io.usage(tr("capture takes one URL"));
    const auto format = EntryPrinter::formatFrom(parser, m_io);
    if (!format)
        return ExitUsage;

    HttpCapture::Request request;
    request.url = QUrl(parser.positionalArguments().constFirst());
    request.method = RequestText::method(parser.value(QStringLiteral("method")).toUtf8());
    auto given = CookieArguments::read(parser, m_io);
    if (!given)
        return m_io.fail(given.error());
    request.cookieName = given->name;
    request.cookieValue = given->value;
    bool ok = false;
    request.maxRedirects = parser.value(QStringLiteral("max-redirects")).toInt(&ok);
    if (!ok || request.maxRedirects < 0 || request.maxRedirects > HttpCapture::kMaxRedirectsLimit)
        return m_io.usage(
            tr("--max-redirects takes a count from 0 to %1").arg(HttpCapture::kMaxRedirectsLimit));
    const int timeout = parser.value(QStringLiteral("timeout")).toInt(&ok);
    if (!ok || timeout < 1 || timeout > 3600)
        return m_io.usage(tr("--timeout takes seconds from 1 to 3600"));
    request.timeoutMs = timeout * 1000;
    const double maxTime = parser.value(QStringLiteral("max-time")).toDouble(&ok);
    // Written so that NaN fails too.
    if (!ok || !(maxTime * 1000 >= 1 && maxTime * 1000 <= HttpCapture::kMaxTimeLimitMs))
        return m_io.usage(tr("--max-time takes seconds from 0.001 to %1")
                              .arg(HttpCapture::kMaxTimeLimitMs / 1000));
    request.maxTimeMs = int(maxTime * 1000);
    for (const QString &host : parser.values(QStringLiteral("insecure-host")))
        request.insecureHosts.insert(host.toLower());
    for (const QString &line : parser.values(QStringLiteral("header"))) {
        const auto header = RequestText::header(line);
        if (!header)
            return m_io.usage(tr("a header is 'Name: value', not '%1'").arg(line));
        request.headers.append({header->name, header->value});
    }
    if (parser.isSet(QStringLiteral("data")) && parser.isSet(QStringLiteral("data-file")))
        return m_io.usage(tr("give --data or --data-file, not both"));
    if (parser.isSet(QStringLiteral("data")))
        request.body = parser.value(QStringLiteral("data")).toUtf8();
    if (parser.isSet(QStringLiteral("data-file"))) {
        auto body =
            m_io.readAll(parser.value(QStringLiteral("data-file")), HttpCapture::kMaxBodyBytes);
        if (!body)
            return m_io.fail(body.error());
        request.body = body.value();
    }
    // Refused here, in the words of the options, before anything is sent.
    if (auto valid = HttpCapture::check(request, {QStringLiteral("--method"), QStringLiteral("-H"),
                                                  QStringLiteral("--cookie-name"),
                                                  QStringLiteral("--cookie")});
        !valid)
        return m_io.fail(valid.error());

    KeyRing ring;
    auto loaded = SignerArguments::loadAll(parser, m_io, ring);
    if (!loaded)
        return m_io.fail(loaded.error());

    QNetworkAccessManager network;
    HttpCapture capture(network);
    QEventLoop loop;
    HttpCapture::Outcome outcome;
    QObject::connect(&capture, &HttpCapture::finished, &loop,
                     [&](const HttpCapture::Outcome &result) {
                         outcome = result;
                         loop.quit();
                     });
    capture.start(request);
    loop.exec();

    EntryPrinter printer(m_io, *format);
    for (const HttpCapture::Hop &hop : std::as_const(outcome.response.hops))
        printer.notes() << QStringLiteral("%1 %2 %3")
                               .arg(QString::number(hop.status), QString::fromLatin1(hop.method),
                                    hop.url.toString())
                        << Qt::endl;
    if (outcome.response.crossOriginRedirect)
        printer.notes() << tr("not followed: a redirect to another origin, %1 (the session cookie "
                              "stays with its origin)")
                               .arg(outcome.response.crossOriginRedirect->toString())
                        << Qt::endl;
    Timeline timeline(ring, loaded->options);
    for (const CapturedCookie &cookie : std::as_const(outcome.response.captured)) {
        if (cookie.source == CapturedCookie::Source::Response)
            printer.print(timeline.add(cookie));
    }
    if (!outcome.response.hops.isEmpty() &&
        std::none_of(
            outcome.response.captured.cbegin(), outcome.response.captured.cend(),
            [](const CapturedCookie &c) { return c.source == CapturedCookie::Source::Response; }))
        printer.notes()
            << tr("no response set a %1 cookie").arg(QString::fromLatin1(request.cookieName))
            << Qt::endl;
    if (outcome.error)
        return m_io.fail(*outcome.error);
    if (parser.isSet(QStringLiteral("body"))) {
        m_io.out().flush();
        std::fwrite(outcome.response.body.constData(), 1, std::size_t(outcome.response.body.size()),
                    stdout);
        if (!outcome.response.body.endsWith('\n'))
            std::fputc('\n', stdout);
        std::fflush(stdout);
    }
    return ExitOk;
}

} // namespace sessionlens::cli
