#include "CaptureCommand.h"

#include "CookieArguments.h"
#include "EntryPrinter.h"
#include "KeyArguments.h"
#include "SignerArguments.h"
#include "capture/HttpCapture.h"
#include "capture/HttpFieldRules.h"
#include "capture/RequestText.h"
#include "capture/Timeline.h"
#include "formats/FormatDetector.h"
#include "keys/KeyRing.h"
#include "keys/RunKeyLoader.h"
#include "os/PrivateFiles.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <algorithm>

namespace sessionlens::cli {

namespace {

bool hasHeader(const HttpCapture::Request &request, QByteArrayView name)
{
    return std::any_of(request.headers.cbegin(), request.headers.cend(), [name](const auto &h) {
        return h.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

/// A header as curl adds it for a body: only when the user gave none of that name.
void addDefaultHeader(HttpCapture::Request &request, const QByteArray &name,
                      const QByteArray &value)
{
    if (!hasHeader(request, name))
        request.headers.append({name, value});
}

} // namespace

CaptureCommand::CookieArgument CaptureCommand::classify(const QString &argument)
{
    // An EncryptedSession value holds '=' (base64 padding): it is recognised first, so that
    // `--cookie VALUE` goes on meaning what it meant before -b joined it.
    if (FormatDetector::detect(argument.toLatin1()) != FormatDetector::Format::Unknown)
        return CookieArgument::SessionValue;
    if (argument.contains(u'='))
        return CookieArgument::Pairs;
    if (argument == QLatin1String("-") || QFileInfo::exists(argument))
        return CookieArgument::File;
    return CookieArgument::SessionValue;
}

Result<Done> CaptureCommand::readCookies(const QCommandLineParser &parser,
                                         HttpCapture::Request &request, CookieJar &jar)
{
    const QString argument = parser.value(QStringLiteral("cookie"));
    const CookieArgument kind =
        parser.isSet(QStringLiteral("cookie")) ? classify(argument) : CookieArgument::SessionValue;
    if (kind == CookieArgument::SessionValue) {
        if (!argument.isEmpty() && !QFileInfo::exists(argument) &&
            FormatDetector::detect(argument.toLatin1()) == FormatDetector::Format::Unknown)
            m_io.err() << tr("note: --cookie: no file of that name and no name=value pair: the "
                             "text is sent as the session cookie's value")
                       << Qt::endl;
        auto given = CookieArguments::read(parser, m_io);
        if (!given)
            return given.error();
        request.cookieName = given->name;
        request.cookieValue = given->value;
        return Done{};
    }
    request.cookieName = parser.value(QStringLiteral("cookie-name")).toUtf8();
    if (!HttpFieldRules::isCookieName(request.cookieName))
        return HttpFieldRules::checkCookie(request.cookieName, {}, QStringLiteral("--cookie-name"));
    // The session cookie the user gives wins over the jar's for its name (HttpCapture sends
    // it so): -b jar --cookie-file edited.cookie replays an edited session with the others.
    const bool sessionFromFile = parser.isSet(QStringLiteral("cookie-file"));
    if (sessionFromFile) {
        auto value =
            CookieArguments::readValueFile(parser.value(QStringLiteral("cookie-file")), m_io);
        if (!value)
            return value.error();
        request.cookieValue = std::move(value).value();
        if (auto valid = HttpFieldRules::checkCookie(request.cookieName, request.cookieValue,
                                                     QStringLiteral("--cookie-file"));
            !valid)
            return valid;
    }
    if (kind == CookieArgument::File) {
        auto text = m_io.readAll(argument, CookieJar::kMaxFileBytes);
        if (!text)
            return text.error();
        auto read = CookieJar::fromNetscape(text.value(), QDateTime::currentDateTimeUtc());
        if (!read) {
            Error error = read.error();
            error.detail = argument;
            return error;
        }
        jar = std::move(read).value();
        return Done{};
    }
    auto pairs = SetCookieParser::parseCookieHeader(argument.toUtf8());
    if (!pairs)
        return pairs.error();
    QByteArrayList others;
    for (const auto &[name, value] : std::as_const(pairs.value())) {
        if (auto valid = HttpFieldRules::checkCookie(name, value, QStringLiteral("--cookie"));
            !valid)
            return valid;
        if (name == request.cookieName && sessionFromFile)
            return Error::make(ErrorCategory::Format,
                               tr("the session cookie is given twice: in --cookie and in "
                                  "--cookie-file"));
        if (name == request.cookieName)
            request.cookieValue = value;
        else
            others.append(name + '=' + value);
    }
    if (!others.isEmpty())
        request.headers.append({"Cookie", others.join("; ")});
    return Done{};
}

std::optional<int> CaptureCommand::readBody(const QCommandLineParser &parser,
                                            HttpCapture::Request &request)
{
    const int bodies = int(parser.isSet(QStringLiteral("data"))) +
                       int(parser.isSet(QStringLiteral("data-file"))) +
                       int(parser.isSet(QStringLiteral("json")));
    if (bodies > 1)
        return m_io.usage(tr("give one of --data, --data-file and --json"));
    if (bodies == 0)
        return std::nullopt;
    if (parser.isSet(QStringLiteral("data")))
        request.body = parser.value(QStringLiteral("data")).toUtf8();
    if (parser.isSet(QStringLiteral("json")))
        request.body = parser.value(QStringLiteral("json")).toUtf8();
    if (parser.isSet(QStringLiteral("data-file"))) {
        auto body =
            m_io.readAll(parser.value(QStringLiteral("data-file")), HttpCapture::kMaxBodyBytes);
        if (!body)
            return m_io.fail(body.error());
        request.body = body.value();
    }
    // As curl: a body is a form unless said otherwise (Flask's request.form is empty without
    // the type), --json is JSON both ways, and a body makes the request a POST.
    if (parser.isSet(QStringLiteral("json"))) {
        addDefaultHeader(request, "Content-Type", "application/json");
        addDefaultHeader(request, "Accept", "application/json");
    } else {
        addDefaultHeader(request, "Content-Type", "application/x-www-form-urlencoded");
    }
    if (!parser.isSet(QStringLiteral("method")))
        request.method = "POST";
    return std::nullopt;
}

CommandSyntax CaptureCommand::syntax() const
{
    CommandSyntax syntax(QStringLiteral("capture"),
                         tr("Send a request and print the session cookies it sets, decoded."));
    SignerArguments::addOpeningOptions(syntax);
    EntryPrinter::addOption(syntax);
    syntax.addOption(
        {{QStringLiteral("X"), QStringLiteral("method")},
         tr("HTTP method (default GET; POST with a body)."),
         tr("method"),
         QStringLiteral("GET")},
        CommandOption::Hints::oneOf({QStringLiteral("GET"), QStringLiteral("POST"),
                                     QStringLiteral("PUT"), QStringLiteral("PATCH"),
                                     QStringLiteral("DELETE"), QStringLiteral("HEAD")}));
    syntax.addOption({{QStringLiteral("H"), QStringLiteral("header")},
                      tr("Request header 'Name: value' (repeatable)."),
                      tr("header")},
                     CommandOption::Hints::repeated());
    syntax.addOption({{QStringLiteral("d"), QStringLiteral("data")},
                      tr("Request body, sent as a form (application/x-www-form-urlencoded) "
                         "unless -H gives a Content-Type."),
                      tr("body")});
    syntax.addOption({QStringLiteral("data-file"),
                      tr("Request body from a file ('-': standard input), sent as --data is."),
                      tr("file")},
                     CommandOption::Hints::path());
    syntax.addOption({QStringLiteral("json"),
                      tr("JSON request body, sent with Content-Type and Accept "
                         "application/json."),
                      tr("body")});
    syntax.addOption({{QStringLiteral("b"), QStringLiteral("cookie")},
                      tr("Cookies to send, as curl takes them: 'name=value; ...', or a cookie "
                         "file as -c writes it. A session cookie value alone is sent as the "
                         "session cookie. Visible to other users in ps: prefer a file."),
                      tr("cookies")},
                     CommandOption::Hints::secretValue());
    syntax.addOption({QStringLiteral("cookie-file"),
                      tr("The session cookie's value, read from a file ('-': standard input)."),
                      tr("file")},
                     CommandOption::Hints::path());
    syntax.addOption({QStringLiteral("cookie-name"),
                      tr("Name of the session cookie (default: session)."), tr("name"),
                      QStringLiteral("session")});
    syntax.addOption({{QStringLiteral("c"), QStringLiteral("cookie-jar")},
                      tr("Write the cookies of the run (those -b read from a file and those the "
                         "responses set) to this file, in curl's format, private (0600)."),
                      tr("file")},
                     CommandOption::Hints::path());
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
    CookieJar jar;
    if (auto cookies = readCookies(parser, request, jar); !cookies)
        return m_io.fail(cookies.error());
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
    if (const auto exit = readBody(parser, request))
        return *exit;
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
    // As curl: the cookie engine runs when -b or -c asks for it.
    const bool useJar =
        parser.isSet(QStringLiteral("cookie")) || parser.isSet(QStringLiteral("cookie-jar"));
    if (useJar)
        capture.setCookieJar(&jar);
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
    for (const QString &note : std::as_const(outcome.response.cookieNotes))
        printer.notes() << tr("cookie jar: %1").arg(note) << Qt::endl;
    if (parser.isSet(QStringLiteral("cookie-jar"))) {
        // Written also after a failed exchange, as curl does: the hops that did complete set
        // cookies too.
        jar.removeExpired(QDateTime::currentDateTimeUtc());
        if (auto written =
                PrivateFiles::write(parser.value(QStringLiteral("cookie-jar")), jar.toNetscape());
            !written)
            return m_io.fail(written.error());
    }
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
