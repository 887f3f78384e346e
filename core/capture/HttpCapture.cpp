#include "capture/HttpCapture.h"

#include "capture/HttpFieldRules.h"
#include "capture/RequestText.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslError>

namespace sessionlens {

HttpCapture::HttpCapture(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent), m_network(network)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &HttpCapture::onDeadline);
}

HttpCapture::~HttpCapture()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

bool HttpCapture::sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto defaultPort = [](const QUrl &u) {
        return u.scheme() == QLatin1String("https") ? 443 : 80;
    };
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(defaultPort(a)) == b.port(defaultPort(b));
}

Result<Done> HttpCapture::check(const Request &request, const FieldNames &names)
{
    const auto named = [](const QString &given, const char *generic) {
        return given.isEmpty() ? QCoreApplication::translate("sessionlens::Error", generic) : given;
    };
    const QString method = named(names.method, QT_TRANSLATE_NOOP("sessionlens::Error", "method"));
    if (!HttpFieldRules::isToken(request.method))
        return Error::make(ErrorCategory::Format,
                           QCoreApplication::translate(
                               "sessionlens::Error",
                               "%1: a method is a token: letters, digits and !#$%&'*+-.^_`|~, no "
                               "spaces or line breaks")
                               .arg(method),
                           method);
    const QString header = named(names.header, QT_TRANSLATE_NOOP("sessionlens::Error", "header"));
    for (const auto &[name, value] : request.headers) {
        // The header's name helps find it among several, when it can be shown as it is.
        const QString field = HttpFieldRules::isToken(name)
                                  ? QStringLiteral("%1 %2").arg(header, QString::fromLatin1(name))
                                  : header;
        if (auto valid = HttpFieldRules::checkHeader(name, value, field); !valid)
            return valid;
    }
    const QString cookieName =
        named(names.cookieName, QT_TRANSLATE_NOOP("sessionlens::Error", "cookie name"));
    if (!HttpFieldRules::isCookieName(request.cookieName))
        return HttpFieldRules::checkCookie(request.cookieName, {}, cookieName);
    const QString cookieValue =
        named(names.cookieValue, QT_TRANSLATE_NOOP("sessionlens::Error", "cookie"));
    return HttpFieldRules::checkCookie(request.cookieName, request.cookieValue, cookieValue);
}

void HttpCapture::finishLater(Error error)
{
    // Reported from the event loop, as every other outcome is.
    QMetaObject::invokeMethod(
        this, [this, error = std::move(error)] { finish(error); }, Qt::QueuedConnection);
}

void HttpCapture::start(Request request)
{
    cancel();
    m_request = std::move(request);
    m_request.maxRedirects = std::clamp(m_request.maxRedirects, 0, kMaxRedirectsLimit);
    m_request.maxTimeMs = std::clamp(m_request.maxTimeMs, 1, kMaxTimeLimitMs);
    m_url = m_request.url;
    m_method = RequestText::method(m_request.method);
    m_body = m_request.body;
    m_cookie = m_request.cookieValue;
    m_redirects = 0;
    m_notesLeftOut = 0;
    m_response = Response{};
    m_clock.start();
    if (!m_url.isValid() ||
        (m_url.scheme() != QLatin1String("http") && m_url.scheme() != QLatin1String("https")) ||
        m_url.host().isEmpty()) {
        finishLater(Error::make(
            ErrorCategory::Network,
            QCoreApplication::translate("sessionlens::Error", "not an http or https URL"),
            m_request.url.toString(QUrl::RemoveUserInfo)));
        return;
    }
    // Nothing reaches the wire unchecked, whoever built the request.
    if (auto valid = check(m_request); !valid) {
        finishLater(valid.error());
        return;
    }
    m_deadline.start(m_request.maxTimeMs);
    sendHop();
}

void HttpCapture::cancel()
{
    m_deadline.stop();
    if (m_probe) {
        m_probe->disconnect(this);
        m_probe->deleteLater();
        m_probe = nullptr;
    }
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void HttpCapture::probe(Error error)
{
    m_probe = new ProtocolProbe(this);
    connect(m_probe, &ProtocolProbe::finished, this,
            [this, error = std::move(error)](ProtocolProbe::Verdict verdict) {
                m_probe->deleteLater();
                m_probe = nullptr;
                finish(verdict == ProtocolProbe::Verdict::NotHttp ? notHttpError(m_url) : error);
            });
    m_probe->start(m_url);
}

void HttpCapture::sendHop()
{
    QNetworkRequest request(m_url);
    // Cookies are ours to send: the manager's jar must neither add nor keep any, so that the
    // session cookie goes only where this class decides.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_request.timeoutMs);
    for (const auto &[name, value] : std::as_const(m_request.headers)) {
        if (name.compare("cookie", Qt::CaseInsensitive) != 0)
            request.setRawHeader(name, value);
    }
    if (const QByteArray cookies = cookieHeader(); !cookies.isEmpty())
        request.setRawHeader("Cookie", cookies);
    m_hopStart = m_clock.elapsed();
    m_sslProblem.clear();
    m_hopBody.clear();
    m_reply = m_network.sendCustomRequest(request, m_method, m_body);
    // The body is taken as it comes, so that no more than the limit is ever held. The size is
    // set again once the head is in: Qt's HTTP thread may not have its reply yet when it is
    // set here, and then reads on unthrottled (measured: 24 MB ahead of us instead of ~1 MB).
    m_reply->setReadBufferSize(kReadBufferBytes);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (m_reply)
            m_reply->setReadBufferSize(kReadBufferBytes);
    });
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpCapture::onReadyRead);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &HttpCapture::progress);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts.append(error.errorString());
        m_sslProblem = texts.join(QStringLiteral("; "));
        if (m_request.insecureHosts.contains(m_url.host().toLower())) {
            m_reply->ignoreSslErrors();
        }
    });
    connect(m_reply, &QNetworkReply::finished, this, &HttpCapture::onHopFinished);
}

QByteArray HttpCapture::cookieHeader()
{
    QList<std::pair<QByteArray, QByteArray>> pairs;
    const auto put = [&pairs](const QByteArray &name, const QByteArray &value) {
        pairs.removeIf([&name](const auto &pair) { return pair.first == name; });
        pairs.append({name, value});
    };
    if (m_jar) {
        for (const CookieJar::Cookie &c : m_jar->matching(m_url, QDateTime::currentDateTimeUtc()))
            pairs.append({c.name, c.value});
    }
    for (const auto &[name, value] : std::as_const(m_request.headers)) {
        if (name.compare("cookie", Qt::CaseInsensitive) != 0)
            continue;
        // Nothing to merge with: the header goes as it was typed.
        if (pairs.isEmpty() && m_cookie.isEmpty())
            return value;
        auto typed = SetCookieParser::parseCookieHeader(value);
        if (!typed) {
            m_response.cookieNotes.append(typed.error().message);
            continue;
        }
        for (const auto &[typedName, typedValue] : std::as_const(typed.value()))
            put(typedName, typedValue);
    }
    if (!m_cookie.isEmpty())
        put(m_request.cookieName, m_cookie);

    QByteArrayList parts;
    for (const auto &[name, value] : std::as_const(pairs)) {
        parts.append(name.isEmpty() ? value : name + '=' + value);
        if (name != m_request.cookieName)
            continue;
        CapturedCookie sent;
        sent.source = CapturedCookie::Source::Request;
        sent.time = QDateTime::currentDateTimeUtc();
        sent.url = m_url.toString(QUrl::RemoveUserInfo);
        sent.name = name;
        sent.value = value;
        sent.client = RequestClient::sentByQt(m_url, m_request.headers);
        m_response.captured.append(sent);
    }
    return parts.join("; ");
}

void HttpCapture::storeInJar(QByteArrayView line)
{
    auto parsed = SetCookieParser::parseSetCookie(line);
    const Result<Done> kept =
        parsed ? m_jar->store(parsed.value(), m_url, QDateTime::currentDateTimeUtc())
               : Result<Done>(parsed.error());
    if (kept)
        return;
    if (m_response.cookieNotes.size() < kMaxCookieNotes)
        m_response.cookieNotes.append(kept.error().message);
    else
        ++m_notesLeftOut;
}

QString HttpCapture::authority(const QUrl &url)
{
    return QStringLiteral("%1:%2").arg(
        url.host(), QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80)));
}

Error HttpCapture::networkError(QNetworkReply::NetworkError code, const QString &qtText,
                                const QUrl &url, bool timedOut, int timeoutMs)
{
    // One clause that says what happened, naming the server; Qt's own text only where it adds
    // something (it repeats the clause in English otherwise).
    const QString where = authority(url);
    const auto error = [](const QString &message, const QString &detail = {}) {
        return Error::make(ErrorCategory::Network, message, detail);
    };
    if (timedOut || code == QNetworkReply::TimeoutError)
        return error(
            QCoreApplication::translate("sessionlens::Error", "timed out: %1 sent nothing for %2 s")
                .arg(where)
                .arg(double(timeoutMs) / 1000.0));
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        return error(QCoreApplication::translate("sessionlens::Error",
                                                 "connection refused: nothing listens at %1")
                         .arg(where));
    case QNetworkReply::HostNotFoundError:
        return error(
            QCoreApplication::translate("sessionlens::Error", "DNS: the host %1 was not found")
                .arg(url.host()));
    case QNetworkReply::SslHandshakeFailedError:
        return error(
            QCoreApplication::translate("sessionlens::Error", "TLS: the handshake with %1 failed")
                .arg(where),
            qtText);
    case QNetworkReply::RemoteHostClosedError:
        return error(QCoreApplication::translate("sessionlens::Error",
                                                 "%1 closed the connection without an answer")
                         .arg(where));
    default:
        return error(QCoreApplication::translate("sessionlens::Error", "the request to %1 failed")
                         .arg(where),
                     qtText);
    }
}

Error HttpCapture::notHttpError(const QUrl &url)
{
    return Error::make(
        ErrorCategory::Network,
        QCoreApplication::translate("sessionlens::Error", "the answer from %1 is not HTTP")
            .arg(authority(url)));
}

bool HttpCapture::takeBody(QNetworkReply &reply)
{
    // One byte past the limit is enough to know the body is longer.
    const qint64 room = kMaxBodyBytes + 1 - m_hopBody.size();
    m_hopBody.append(reply.read(std::min(room, reply.bytesAvailable())));
    return m_hopBody.size() > kMaxBodyBytes;
}

void HttpCapture::onReadyRead()
{
    if (!m_reply || !takeBody(*m_reply))
        return;
    // Stop reading here: the rest of the answer is never taken in.
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    std::optional<Error> error = recordHop(*reply, status);
    reply->abort();
    reply->deleteLater();
    finishAtLimit(std::move(error));
}

void HttpCapture::finishAtLimit(std::optional<Error> error)
{
    m_hopBody.truncate(kMaxBodyBytes);
    m_response.body = std::exchange(m_hopBody, {});
    m_response.bodyTruncated = true;
    if (!error)
        error = Error::make(ErrorCategory::Limit,
                            QCoreApplication::translate("sessionlens::Error",
                                                        "the response body is longer than %1 "
                                                        "bytes: reading stopped there")
                                .arg(kMaxBodyBytes),
                            m_url.toString(QUrl::RemoveUserInfo));
    finish(std::move(error));
}

void HttpCapture::onDeadline()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    finish(Error::make(ErrorCategory::Network,
                       QCoreApplication::translate("sessionlens::Error",
                                                   "timed out: the exchange with %1 took longer "
                                                   "than %2 s in all")
                           .arg(authority(m_url))
                           .arg(double(m_request.maxTimeMs) / 1000.0)));
}

std::optional<Error> HttpCapture::recordHop(QNetworkReply &reply, int status)
{
    Hop hop;
    hop.url = m_url;
    hop.method = m_method;
    hop.status = status;
    hop.elapsedMs = m_clock.elapsed() - m_hopStart;
    const auto &pairs = reply.rawHeaderPairs();
    if (pairs.size() > kMaxHeaders)
        return Error::make(ErrorCategory::Limit,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "a response with more than %1 headers")
                               .arg(kMaxHeaders));
    hop.headers = pairs;
    for (const auto &[name, value] : pairs) {
        if (name.compare("set-cookie", Qt::CaseInsensitive) != 0)
            continue;
        // Qt joins repeated Set-Cookie headers with newlines.
        for (const QByteArray &line : value.split('\n')) {
            if (m_jar)
                storeInJar(line);
            auto parsed = SetCookieParser::parseSetCookie(line);
            if (!parsed || parsed->name != m_request.cookieName)
                continue;
            const bool deleted =
                parsed->deletes(QDateTime::currentDateTimeUtc()) || parsed->value.isEmpty();
            m_cookie = deleted ? QByteArray() : parsed->value;
            hop.sessionCookies.append(parsed.value());
            if (!deleted) {
                CapturedCookie set;
                set.source = CapturedCookie::Source::Response;
                set.time = QDateTime::currentDateTimeUtc();
                set.url = m_url.toString(QUrl::RemoveUserInfo);
                set.status = status;
                set.name = parsed->name;
                set.value = parsed->value;
                set.client = RequestClient::sentByQt(m_url, m_request.headers);
                m_response.captured.append(set);
            }
        }
    }
    m_response.hops.append(hop);
    m_response.sessionCookie = m_cookie;
    return std::nullopt;
}

void HttpCapture::onHopFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        // Our own aborts disconnect first: a cancellation that reaches here is Qt's transfer
        // timeout (Qt 6.4 reports it as "Operation canceled").
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError;
        QString detail = reply->errorString();
        if (!m_sslProblem.isEmpty()) {
            detail = QCoreApplication::translate("sessionlens::Error",
                                                 "%1 (allow the host explicitly to accept it)")
                         .arg(m_sslProblem);
            finish(Error::make(ErrorCategory::Network,
                               QCoreApplication::translate("sessionlens::Error",
                                                           "TLS: the certificate is not trusted"),
                               detail));
            return;
        }
        Error error = networkError(reply->error(), detail, m_url, timedOut, m_request.timeoutMs);
        // Qt says "closed" or "timed out" for an answer that is not HTTP at all: a probe of
        // the server tells, over plain HTTP (over TLS the handshake already failed).
        const bool ambiguous = timedOut || reply->error() == QNetworkReply::RemoteHostClosedError ||
                               reply->error() == QNetworkReply::ProtocolFailure;
        if (ambiguous && m_url.scheme() == QLatin1String("http")) {
            probe(std::move(error));
            return;
        }
        finish(std::move(error));
        return;
    }

    if (auto error = recordHop(*reply, status)) {
        finish(std::move(error));
        return;
    }

    const bool redirect =
        status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    const QByteArray location = reply->rawHeader("Location");
    if (redirect && !location.isEmpty()) {
        const QUrl target = m_url.resolved(QUrl::fromEncoded(location));
        if (!sameOrigin(target, m_request.url)) {
            m_response.crossOriginRedirect = target;
        } else if (m_redirects >= m_request.maxRedirects) {
            finish(Error::make(
                ErrorCategory::Limit,
                QCoreApplication::translate("sessionlens::Error", "more than %1 redirects")
                    .arg(m_request.maxRedirects),
                target.toString(QUrl::RemoveUserInfo)));
            return;
        } else if (auto sendable = HttpFieldRules::checkCookie(
                       m_request.cookieName, m_cookie,
                       QCoreApplication::translate("sessionlens::Error",
                                                   "the cookie the server set"));
                   !sendable) {
            // A value the server set goes back on the next hop: it is checked as ours are.
            finish(sendable.error());
            return;
        } else {
            ++m_redirects;
            // As browsers do: 303 always, and 301/302 after a POST, continue with GET.
            if (status == 303 || ((status == 301 || status == 302) && m_method == "POST")) {
                m_method = "GET";
                m_body.clear();
            }
            m_url = target;
            sendHop();
            return;
        }
    }
    if (takeBody(*reply)) { // what arrived with the end
        finishAtLimit(std::nullopt);
        return;
    }
    m_response.body = std::exchange(m_hopBody, {});
    finish(std::nullopt);
}

void HttpCapture::finish(std::optional<Error> error)
{
    m_deadline.stop();
    if (const qsizetype more = std::exchange(m_notesLeftOut, 0))
        m_response.cookieNotes.append(QCoreApplication::translate(
            "sessionlens::Error", "%n more cookie(s) not kept in the jar", nullptr, int(more)));
    Outcome outcome;
    outcome.error = std::move(error);
    outcome.response = std::move(m_response);
    m_response = Response{};
    Q_EMIT finished(outcome);
}

} // namespace sessionlens
