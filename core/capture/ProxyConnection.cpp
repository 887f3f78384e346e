#include "capture/ProxyConnection.h"

#include "capture/ProxyBodyPipe.h"
#include "capture/SetCookieParser.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>

#include <http_parser.h>

#include <climits>

namespace sessionlens {

namespace {

bool isHopByHop(QByteArrayView name)
{
    for (const char *header :
         {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
          "transfer-encoding", "upgrade", "proxy-connection"}) {
        if (name.compare(header, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

ProxyConnection *self(http_parser *parser)
{
    return static_cast<ProxyConnection *>(parser->data);
}

} // namespace

struct ProxyConnection::Parser
{
    http_parser parser{};
    http_parser_settings settings{};
};

ProxyConnection::ProxyConnection(QTcpSocket *socket, QNetworkAccessManager &network,
                                 std::shared_ptr<const Settings> settings, QObject *parent)
    : QObject(parent), m_parser(std::make_unique<Parser>()), m_socket(socket), m_network(network),
      m_settings(std::move(settings))
{
    socket->setParent(this);
    http_parser_init(&m_parser->parser, HTTP_REQUEST);
    m_parser->parser.data = this;
    http_parser_settings &s = m_parser->settings;
    s.on_message_begin = [](http_parser *p) { return self(p)->onMessageBegin(); };
    s.on_url = [](http_parser *p, const char *at, size_t n) { return self(p)->onUrl(at, n); };
    s.on_header_field = [](http_parser *p, const char *at, size_t n) {
        return self(p)->onHeaderField(at, n);
    };
    s.on_header_value = [](http_parser *p, const char *at, size_t n) {
        return self(p)->onHeaderValue(at, n);
    };
    s.on_headers_complete = [](http_parser *p) { return self(p)->onHeadersComplete(); };
    s.on_body = [](http_parser *p, const char *at, size_t n) { return self(p)->onBody(at, n); };
    s.on_message_complete = [](http_parser *p) { return self(p)->onMessageComplete(); };
    connect(socket, &QTcpSocket::readyRead, this, &ProxyConnection::readFromClient);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        if (m_reply)
            m_reply->abort();
        Q_EMIT closed();
        deleteLater();
    });
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &ProxyConnection::readFromClient, Qt::QueuedConnection);
}

ProxyConnection::~ProxyConnection()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

int ProxyConnection::onMessageBegin()
{
    m_method.clear();
    m_target.clear();
    m_headers.clear();
    m_body.clear();
    m_lastWasValue = false;
    m_headBytes = 0;
    m_tooLarge = false;
    m_refusal = 0;
    return 0;
}

int ProxyConnection::onUrl(const char *at, size_t length)
{
    m_target.append(at, qsizetype(length));
    m_headBytes += qsizetype(length);
    return m_headBytes > kMaxHeadBytes ? (m_refusal = 431, 1) : 0;
}

int ProxyConnection::onHeaderField(const char *at, size_t length)
{
    if (m_lastWasValue || m_headers.isEmpty()) {
        if (m_headers.size() == kMaxHeaders)
            return m_refusal = 431, 1;
        m_headers.append({QByteArray(), QByteArray()});
    }
    m_lastWasValue = false;
    m_headers.last().first.append(at, qsizetype(length));
    m_headBytes += qsizetype(length);
    return m_headBytes > kMaxHeadBytes ? (m_refusal = 431, 1) : 0;
}

int ProxyConnection::onHeaderValue(const char *at, size_t length)
{
    m_lastWasValue = true;
    if (!m_headers.isEmpty())
        m_headers.last().second.append(at, qsizetype(length));
    m_headBytes += qsizetype(length);
    return m_headBytes > kMaxHeadBytes ? (m_refusal = 431, 1) : 0;
}

int ProxyConnection::onHeadersComplete()
{
    m_method = http_method_str(static_cast<http_method>(m_parser->parser.method));
    m_keepAlive = http_should_keep_alive(&m_parser->parser) != 0;
    // A body of announced length is streamed upstream as it arrives; a chunked one (no length
    // to announce) is gathered first, within kMaxRequestBody.
    const bool chunked = (m_parser->parser.flags & F_CHUNKED) != 0;
    const quint64 length = m_parser->parser.content_length;
    if (!chunked && length > 0 && length != ULLONG_MAX) {
        m_pipe = new ProxyBodyPipe(this);
        m_bodyLength = qint64(length);
        forward();
    }
    return 0;
}

int ProxyConnection::onBody(const char *at, size_t length)
{
    if (m_pipe) {
        m_pipe->append(QByteArrayView(at, qsizetype(length)));
        return 0;
    }
    if (m_body.size() + qsizetype(length) > kMaxRequestBody) {
        m_tooLarge = true;
        return 0; // keep reading to the end of the message, drop the rest
    }
    m_body.append(at, qsizetype(length));
    return 0;
}

int ProxyConnection::onMessageComplete()
{
    m_keepAlive = http_should_keep_alive(&m_parser->parser) != 0;
    m_requestComplete = true;
    if (m_pipe)
        m_pipe->finish();
    // One request at a time: later pipelined bytes wait until this response is out.
    http_parser_pause(&m_parser->parser, 1);
    return 0;
}

void ProxyConnection::readFromClient()
{
    m_pending.append(m_socket->readAll());
    if (!m_requestComplete)
        parse();
}

void ProxyConnection::parse()
{
    while (!m_pending.isEmpty() && !m_requestComplete) {
        const size_t parsed = http_parser_execute(&m_parser->parser, &m_parser->settings,
                                                  m_pending.constData(), size_t(m_pending.size()));
        m_pending.remove(0, qsizetype(parsed));
        const http_errno error = HTTP_PARSER_ERRNO(&m_parser->parser);
        if (error == HPE_PAUSED) {
            http_parser_pause(&m_parser->parser, 0);
        } else if (error != HPE_OK) {
            m_keepAlive = false;
            if (m_refusal == 431)
                answer(431, "Request Header Fields Too Large",
                       "request head over the proxy's limit\n");
            else
                answer(400, "Bad Request",
                       QByteArray("cannot parse the request: ") + http_errno_description(error) +
                           '\n');
            closeAfterResponse();
            return;
        }
        if (m_requestComplete) {
            if (!m_forwarded)
                forward();
            return;
        }
        if (parsed == 0)
            return;
    }
}

void ProxyConnection::forward()
{
    m_forwarded = true;
    if (m_tooLarge) {
        answer(413, "Payload Too Large", "request body over the proxy's limit\n");
        finishResponse();
        return;
    }
    QUrl url = m_settings->upstream;
    const QUrl relative = QUrl::fromEncoded(m_target);
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + relative.path(QUrl::FullyEncoded), QUrl::StrictMode);
    url.setQuery(relative.query(QUrl::FullyEncoded), QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    bool sawCookie = false;
    for (const auto &[name, value] : std::as_const(m_headers)) {
        if (isHopByHop(name) || name.compare("host", Qt::CaseInsensitive) == 0 ||
            name.compare("content-length", Qt::CaseInsensitive) == 0)
            continue; // the manager sets Host and the length itself
        if (name.compare("cookie", Qt::CaseInsensitive) != 0) {
            request.setRawHeader(name, value);
            continue;
        }
        sawCookie = true;
        auto pairs = SetCookieParser::parseCookieHeader(value);
        QByteArray rewritten;
        for (const auto &[cookieName, cookieValue] :
             pairs ? pairs.value() : QList<std::pair<QByteArray, QByteArray>>{}) {
            QByteArray sent = cookieValue;
            if (cookieName == m_settings->cookieName) {
                CapturedCookie seen;
                seen.source = CapturedCookie::Source::Request;
                seen.time = QDateTime::currentDateTimeUtc();
                seen.url = url.toString();
                seen.name = cookieName;
                seen.value = cookieValue;
                Q_EMIT cookieSeen(seen);
                if (!m_settings->pinnedCookie.isEmpty())
                    sent = m_settings->pinnedCookie;
            }
            if (!rewritten.isEmpty())
                rewritten.append("; ");
            rewritten.append(cookieName.isEmpty() ? sent : cookieName + '=' + sent);
        }
        if (!pairs)
            rewritten = value; // not ours to judge: pass it on unchanged
        request.setRawHeader("Cookie", rewritten);
    }
    if (!sawCookie && !m_settings->pinnedCookie.isEmpty())
        request.setRawHeader("Cookie", m_settings->cookieName + '=' + m_settings->pinnedCookie);
    m_headSent = false;
    m_noBody = m_method == "HEAD";
    if (m_pipe) {
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_bodyLength);
        m_reply = m_network.sendCustomRequest(request, m_method, m_pipe);
    } else {
        m_reply = m_network.sendCustomRequest(request, m_method, m_body);
    }
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (m_reply && !m_headSent &&
            m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
            sendResponseHead(m_reply);
    });
    connect(m_reply, &QNetworkReply::readyRead, this, [this] {
        if (!m_reply)
            return;
        if (!m_headSent)
            sendResponseHead(m_reply);
        sendChunk(m_reply->readAll());
    });
    connect(m_reply, &QNetworkReply::finished, this, [this] {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        if (!m_headSent &&
            reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 0) {
            answer(502, "Bad Gateway",
                   "the upstream did not answer: " + reply->errorString().toUtf8() + '\n');
            finishResponse();
            return;
        }
        if (!m_headSent)
            sendResponseHead(reply);
        sendChunk(reply->readAll());
        if (m_chunked)
            m_socket->write("0\r\n\r\n");
        finishResponse();
    });
}

void ProxyConnection::sendResponseHead(QNetworkReply *reply)
{
    m_headSent = true;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray reason =
        reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    m_noBody = m_noBody || status == 204 || status == 304 || (status >= 100 && status < 200);
    // QNetworkAccessManager may have decoded the body, so it is re-framed as chunks and the
    // upstream's Content-Length does not apply.
    m_chunked = !m_noBody;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    const QUrl upstream = m_settings->upstream;
    bool hasLength = false;
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        if (isHopByHop(name))
            continue;
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            hasLength = true;
            if (m_chunked)
                continue;
        } else if (name.compare("location", Qt::CaseInsensitive) == 0) {
            // An absolute redirect to the upstream comes back through the proxy; a relative one is
            // already right.
            QUrl target = QUrl::fromEncoded(value);
            if (target.isRelative() == false && target.host() == upstream.host() &&
                target.port(80) == upstream.port(80) && target.scheme() == upstream.scheme()) {
                target.setScheme(m_settings->publicBase.scheme());
                target.setHost(m_settings->publicBase.host());
                target.setPort(m_settings->publicBase.port());
                head += "Location: " + target.toEncoded() + "\r\n";
                continue;
            }
        } else if (name.compare("set-cookie", Qt::CaseInsensitive) == 0) {
            for (const QByteArray &line : value.split('\n')) {
                auto parsed = SetCookieParser::parseSetCookie(line);
                if (parsed && parsed->name == m_settings->cookieName && !parsed->value.isEmpty() &&
                    !parsed->deletes(QDateTime::currentDateTimeUtc())) {
                    CapturedCookie seen;
                    seen.source = CapturedCookie::Source::Response;
                    seen.time = QDateTime::currentDateTimeUtc();
                    seen.url = reply->url().toString();
                    seen.status = status;
                    seen.name = parsed->name;
                    seen.value = parsed->value;
                    Q_EMIT cookieSeen(seen);
                }
                head += "Set-Cookie: " + line + "\r\n";
            }
            continue;
        }
        head += name + ": " + value + "\r\n";
    }
    if (m_chunked)
        head += "Transfer-Encoding: chunked\r\n";
    else if (!hasLength && status != 304 && status != 204)
        head += "Content-Length: 0\r\n";
    head += m_keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    head += "\r\n";
    m_socket->write(head);
}

void ProxyConnection::sendChunk(const QByteArray &data)
{
    if (data.isEmpty() || m_noBody)
        return;
    m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
}

void ProxyConnection::answer(int status, const QByteArray &reason, const QByteArray &body)
{
    m_socket->write(
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
        "\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size()) +
        (m_keepAlive ? "\r\n\r\n" : "\r\nConnection: close\r\n\r\n") + body);
}

void ProxyConnection::finishResponse()
{
    // An answer that came before the whole request body (a streamed upload the app refused
    // early) ends the connection: the rest of that body must not be read as a new request.
    const bool requestDone = m_requestComplete;
    m_requestComplete = false;
    m_forwarded = false;
    if (m_pipe) {
        m_pipe->deleteLater();
        m_pipe = nullptr;
    }
    if (!requestDone || !m_keepAlive) {
        m_keepAlive = false;
        closeAfterResponse();
        return;
    }
    if (!m_pending.isEmpty())
        QMetaObject::invokeMethod(this, &ProxyConnection::parse, Qt::QueuedConnection);
}

void ProxyConnection::closeAfterResponse()
{
    m_socket->flush();
    m_socket->disconnectFromHost();
}

} // namespace sessionlens
