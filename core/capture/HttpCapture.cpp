#include "capture/HttpCapture.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslError>

namespace sessionlens {

HttpCapture::HttpCapture(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent), m_network(network)
{
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

void HttpCapture::start(Request request)
{
    cancel();
    m_request = std::move(request);
    m_request.maxRedirects = std::clamp(m_request.maxRedirects, 0, kMaxRedirectsLimit);
    m_url = m_request.url;
    m_method = m_request.method.toUpper();
    m_body = m_request.body;
    m_cookie = m_request.cookieValue;
    m_redirects = 0;
    m_response = Response{};
    m_clock.start();
    if (!m_url.isValid() ||
        (m_url.scheme() != QLatin1String("http") && m_url.scheme() != QLatin1String("https")) ||
        m_url.host().isEmpty()) {
        // Reported from the event loop, as every other outcome is.
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish(Error::make(
                    ErrorCategory::Network,
                    QCoreApplication::translate("sessionlens::Error", "not an http or https URL"),
                    m_request.url.toString()));
            },
            Qt::QueuedConnection);
        return;
    }
    sendHop();
}

void HttpCapture::cancel()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
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
        if (name.compare("cookie", Qt::CaseInsensitive) == 0 && !m_cookie.isEmpty())
            continue; // the session cookie below replaces a pasted one
        request.setRawHeader(name, value);
    }
    if (!m_cookie.isEmpty()) {
        request.setRawHeader("Cookie", m_request.cookieName + '=' + m_cookie);
        CapturedCookie sent;
        sent.source = CapturedCookie::Source::Request;
        sent.time = QDateTime::currentDateTimeUtc();
        sent.url = m_url.toString();
        sent.name = m_request.cookieName;
        sent.value = m_cookie;
        m_response.captured.append(sent);
    }
    m_hopStart = m_clock.elapsed();
    m_sslProblem.clear();
    m_reply = m_network.sendCustomRequest(request, m_method, m_body);
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

Error HttpCapture::networkError(QNetworkReply::NetworkError code, const QString &detail,
                                bool timedOut)
{
    QString what;
    if (timedOut) {
        what = QCoreApplication::translate("sessionlens::Error",
                                           "timeout: no complete answer in time");
    } else {
        switch (code) {
        case QNetworkReply::ConnectionRefusedError:
            what = QCoreApplication::translate("sessionlens::Error", "connection refused");
            break;
        case QNetworkReply::HostNotFoundError:
            what = QCoreApplication::translate("sessionlens::Error", "DNS: host not found");
            break;
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError:
            what = QCoreApplication::translate("sessionlens::Error",
                                               "timeout: no complete answer in time");
            break;
        case QNetworkReply::SslHandshakeFailedError:
            what = QCoreApplication::translate("sessionlens::Error", "TLS: the handshake failed");
            break;
        case QNetworkReply::RemoteHostClosedError:
            what = QCoreApplication::translate("sessionlens::Error",
                                               "the server closed the connection");
            break;
        default:
            what = QCoreApplication::translate("sessionlens::Error", "the request failed");
            break;
        }
    }
    return Error::make(ErrorCategory::Network, what, detail);
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
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError &&
                              m_clock.elapsed() - m_hopStart >= m_request.timeoutMs - 50;
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
        finish(networkError(reply->error(), detail, timedOut));
        return;
    }

    Hop hop;
    hop.url = m_url;
    hop.method = m_method;
    hop.status = status;
    hop.elapsedMs = m_clock.elapsed() - m_hopStart;
    const auto &pairs = reply->rawHeaderPairs();
    if (pairs.size() > kMaxHeaders) {
        finish(Error::make(ErrorCategory::Limit,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "a response with more than %1 headers")
                               .arg(kMaxHeaders)));
        return;
    }
    hop.headers = pairs;
    for (const auto &[name, value] : pairs) {
        if (name.compare("set-cookie", Qt::CaseInsensitive) != 0)
            continue;
        // Qt joins repeated Set-Cookie headers with newlines.
        for (const QByteArray &line : value.split('\n')) {
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
                set.url = m_url.toString();
                set.status = status;
                set.name = parsed->name;
                set.value = parsed->value;
                m_response.captured.append(set);
            }
        }
    }
    m_response.hops.append(hop);
    m_response.sessionCookie = m_cookie;

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
                target.toString()));
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
    const QByteArray body = reply->read(kMaxBodyBytes + 1);
    m_response.bodyTruncated = body.size() > kMaxBodyBytes;
    m_response.body = body.left(kMaxBodyBytes);
    finish(std::nullopt);
}

void HttpCapture::finish(std::optional<Error> error)
{
    Outcome outcome;
    outcome.error = std::move(error);
    outcome.response = std::move(m_response);
    m_response = Response{};
    Q_EMIT finished(outcome);
}

} // namespace sessionlens
