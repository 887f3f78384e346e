#include "capture/ProxyConnection.h"

#include "capture/ProxyBodyPipe.h"
#include "capture/SetCookieParser.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>

namespace sessionlens {

namespace {

/// Response bytes taken from the upstream reply at a time.
constexpr qint64 kResponseStep = 64 * 1024;

} // namespace

ProxyConnection::ProxyConnection(QTcpSocket *socket, QNetworkAccessManager &network,
                                 std::shared_ptr<const Settings> settings, QObject *parent)
    : QObject(parent), m_socket(socket), m_network(network), m_settings(std::move(settings)),
      m_peer(socket->peerAddress())
{
    socket->setParent(this);
    // Unread bytes stay in the kernel, so a client sending faster than the upstream takes
    // them is slowed by TCP instead of growing this process.
    socket->setReadBufferSize(kPendingHighWater);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ProxyConnection::timedOut);
    connect(socket, &QTcpSocket::readyRead, this, &ProxyConnection::pumpRequest);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_wait == Wait::Write)
            arm(Wait::Write); // the client is reading: the stall timer starts again
        if (m_reply)
            pumpResponse();
    });
    connect(socket, &QTcpSocket::disconnected, this, &ProxyConnection::teardown);
    arm(Wait::Head);
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &ProxyConnection::pumpRequest, Qt::QueuedConnection);
}

ProxyConnection::~ProxyConnection()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

bool ProxyConnection::isIdle() const
{
    return !m_inFlight && !m_closing;
}

qint64 ProxyConnection::bufferedBytes() const
{
    return m_pending.size() + m_body.size() + (m_pipe ? m_pipe->buffered() : 0) +
           m_socket->bytesAvailable() + m_socket->bytesToWrite() +
           (m_reply ? m_reply->bytesAvailable() : 0);
}

bool ProxyConnection::isHoldingBack() const
{
    return m_pending.size() >= kPendingHighWater ||
           (m_pipe && m_pipe->buffered() >= ProxyBodyPipe::kHighWater) ||
           (m_reply && m_socket->bytesToWrite() >= kClientWriteHighWater);
}

void ProxyConnection::evict()
{
    m_socket->abort();
    teardown();
}

void ProxyConnection::reportPinned(int status)
{
    if (m_pinSent.isEmpty())
        return;
    CapturedCookie sent;
    sent.source = CapturedCookie::Source::Request;
    sent.time = QDateTime::currentDateTimeUtc();
    sent.url = m_pinUrl;
    sent.status = status;
    sent.name = m_settings->policy.cookieName;
    sent.value = std::exchange(m_pinSent, QByteArray());
    sent.pinned = true;
    sent.client = m_client;
    Q_EMIT cookieSeen(sent);
}

void ProxyConnection::teardown()
{
    if (m_torndown)
        return;
    m_torndown = true;
    reportPinned(-1); // the answer never came
    m_timer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    Q_EMIT closed();
    deleteLater();
}

void ProxyConnection::arm(Wait wait)
{
    m_wait = wait;
    switch (wait) {
    case Wait::None:
        m_timer.stop();
        break;
    case Wait::Head:
        m_timer.start(m_settings->headTimeout);
        break;
    case Wait::Idle:
    case Wait::Write:
        m_timer.start(m_settings->idleTimeout);
        break;
    }
}

void ProxyConnection::timedOut()
{
    if (m_closing || m_wait == Wait::Write || m_inFlight) {
        // A client that reads nothing, or stopped sending the body of a forwarded request.
        m_socket->abort();
        teardown();
        return;
    }
    if (m_wait == Wait::Head && m_reader.headStarted()) {
        m_keepAlive = false;
        answer({408, "Request Timeout", "the request head did not come in time\n"});
    }
    closeAfterResponse();
}

void ProxyConnection::pumpRequest()
{
    if (m_pumping || m_closing || m_torndown)
        return;
    m_pumping = true;
    for (;;) {
        if (m_pending.size() < kPendingHighWater && m_socket->bytesAvailable() > 0)
            m_pending += m_socket->read(kPendingHighWater - m_pending.size());
        if (!parseStep())
            break;
    }
    m_pumping = false;
}

bool ProxyConnection::parseStep()
{
    using Stage = ProxyRequestReader::Stage;
    if (m_closing || m_reader.stage() == Stage::Complete || m_pending.isEmpty())
        return false;
    if (m_pipe && m_pipe->buffered() >= ProxyBodyPipe::kHighWater) {
        // The upstream is behind: it is us who keep the client waiting, not the client.
        if (m_wait == Wait::Head)
            arm(Wait::None);
        return false;
    }
    const bool wasIdle = !m_reader.headStarted();
    const qsizetype used = m_reader.feed(m_pending);
    m_pending.remove(0, used);
    if (wasIdle && m_reader.headStarted() && m_wait == Wait::Idle)
        arm(Wait::Head);
    if (m_reader.stage() == Stage::Refused) {
        m_keepAlive = false;
        answer(m_reader.refusal());
        closeAfterResponse();
        return false;
    }
    if (m_reader.takeHeadReady()) {
        startRequest();
        if (m_closing)
            return false;
    }
    const QByteArray body = m_reader.takeBody();
    if (!body.isEmpty()) {
        if (m_pipe)
            m_pipe->append(body);
        else if (m_body.size() + body.size() > kMaxRequestBody)
            m_tooLarge = true; // read to the end of the message, drop the rest
        else
            m_body += body;
        arm(Wait::Head); // a body that stops coming ends the connection
    }
    if (m_reader.stage() == Stage::Complete && !m_requestComplete) {
        m_requestComplete = true;
        arm(Wait::None);
        if (m_pipe)
            m_pipe->finish();
        else
            forward(std::exchange(m_body, QByteArray()));
    }
    return used > 0;
}

void ProxyConnection::startRequest()
{
    const ProxyRequestHead &head = m_reader.head();
    m_keepAlive = head.keepAlive;
    ProxyForwardRules::Decision decision = ProxyForwardRules::decide(head, m_settings->policy);
    if (decision.refusal) {
        m_keepAlive = false; // a body may follow that must not be read as a request
        answer(*decision.refusal);
        closeAfterResponse();
        return;
    }
    m_inFlight = true;
    m_requestComplete = false;
    m_tooLarge = false;
    m_body.clear();
    m_outgoing = std::move(decision.outgoing);
    // What the app sees of the client: the headers as forwarded, from the proxy's own address.
    m_client = RequestClient::sentByQt(m_settings->policy.upstream, m_outgoing.headers);
    const QString url = ProxyForwardRules::upstreamUrl(m_settings->policy, m_outgoing).toString();
    // A pinned request is reported with its answer's status, once the answer comes; the
    // browser's own cookie never reached the app, so it is not what the timeline shows.
    m_pinSent = m_outgoing.pinned ? m_settings->policy.pin : QByteArray();
    m_pinUrl = url;
    for (const QByteArray &value : std::as_const(m_outgoing.sessionCookiesSeen)) {
        if (m_outgoing.pinned)
            break;
        CapturedCookie seen;
        seen.source = CapturedCookie::Source::Request;
        seen.time = QDateTime::currentDateTimeUtc();
        seen.url = url;
        seen.name = m_settings->policy.cookieName;
        seen.value = value;
        seen.client = m_client;
        Q_EMIT cookieSeen(seen);
    }
    arm(m_reader.stage() == ProxyRequestReader::Stage::Body ? Wait::Head : Wait::None);
    // A body of announced length is streamed upstream as it arrives; a chunked one (no length
    // to announce) is gathered first, within kMaxRequestBody.
    if (!head.chunked && head.contentLength > 0) {
        m_pipe = new ProxyBodyPipe(this);
        connect(m_pipe, &ProxyBodyPipe::drained, this, &ProxyConnection::pumpRequest,
                Qt::QueuedConnection);
        forward({});
    }
}

void ProxyConnection::forward(const QByteArray &body)
{
    if (m_tooLarge) {
        m_pinSent.clear(); // the app never got this request
        answer({413, "Payload Too Large", "request body over the proxy's limit\n"});
        finishResponse();
        return;
    }
    QNetworkRequest request(ProxyForwardRules::upstreamUrl(m_settings->policy, m_outgoing));
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // The pipe is the only copy of an upload: the manager must not keep its own.
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    for (const auto &[name, value] : std::as_const(m_outgoing.headers))
        request.setRawHeader(name, value);
    m_headSent = false;
    m_replyFinished = false;
    m_noBody = m_outgoing.method == "HEAD";
    if (m_pipe) {
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_reader.head().contentLength);
        m_reply = m_network.sendCustomRequest(request, m_outgoing.method, m_pipe);
    } else {
        m_reply = m_network.sendCustomRequest(request, m_outgoing.method, body);
    }
    // The manager's HTTP thread takes the buffer size only once it holds the request, and a
    // size given before is lost: it is given again at each step until the answer starts.
    m_reply->setReadBufferSize(kReplyReadBuffer);
    connect(m_reply, &QNetworkReply::requestSent, this, [this] {
        if (m_reply)
            m_reply->setReadBufferSize(kReplyReadBuffer);
    });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (m_reply)
            m_reply->setReadBufferSize(kReplyReadBuffer);
        if (m_reply && !m_headSent &&
            m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
            sendResponseHead(m_reply);
    });
    connect(m_reply, &QNetworkReply::readyRead, this, &ProxyConnection::pumpResponse);
    connect(m_reply, &QNetworkReply::finished, this, [this] {
        m_replyFinished = true;
        pumpResponse();
    });
}

void ProxyConnection::pumpResponse()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (!m_headSent) {
        if (!reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid()) {
            if (!m_replyFinished)
                return;
            m_reply = nullptr;
            reply->deleteLater();
            reportPinned(-1);
            answer({502, "Bad Gateway",
                    "the upstream did not answer: " + reply->errorString().toUtf8() + '\n'});
            finishResponse();
            return;
        }
        sendResponseHead(reply);
    }
    while (m_socket->bytesToWrite() < kClientWriteHighWater) {
        const QByteArray data = reply->read(kResponseStep);
        if (data.isEmpty())
            break;
        sendChunk(data);
    }
    if (m_socket->bytesToWrite() >= kClientWriteHighWater) {
        // The client is behind: the reply's own small buffer stops the upstream.
        if (m_wait != Wait::Write)
            arm(Wait::Write);
        return;
    }
    if (m_wait == Wait::Write)
        arm(Wait::None);
    if (!m_replyFinished || reply->bytesAvailable() > 0)
        return;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    if (m_chunked)
        m_socket->write("0\r\n\r\n");
    finishResponse();
}

void ProxyConnection::sendResponseHead(QNetworkReply *reply)
{
    m_headSent = true;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray reason =
        reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    m_noBody = m_noBody || status == 204 || status == 304 || (status >= 100 && status < 200);
    const QByteArray pin = m_pinSent;
    reportPinned(status);
    // The body is re-framed as chunks, so the upstream's Content-Length does not apply.
    // Accept-Encoding is always sent (ProxyForwardRules), so the manager passes the body on
    // exactly as the app encoded it and its Content-Encoding stays true.
    m_chunked = !m_noBody;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    const QUrl upstream = m_settings->policy.upstream;
    bool hasLength = false;
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        if (ProxyForwardRules::isHopByHop(name))
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
                if (parsed && parsed->name == m_settings->policy.cookieName &&
                    !parsed->value.isEmpty() && !parsed->deletes(QDateTime::currentDateTimeUtc())) {
                    CapturedCookie seen;
                    seen.source = CapturedCookie::Source::Response;
                    seen.time = QDateTime::currentDateTimeUtc();
                    seen.url = reply->url().toString();
                    seen.status = status;
                    seen.name = parsed->name;
                    seen.value = parsed->value;
                    seen.pinned = !pin.isEmpty();
                    seen.pin = pin;
                    seen.client = m_client;
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

void ProxyConnection::answer(const ProxyRefusal &refusal)
{
    m_socket->write("HTTP/1.1 " + QByteArray::number(refusal.status) + ' ' + refusal.reason +
                    "\r\nContent-Type: text/plain\r\nContent-Length: " +
                    QByteArray::number(refusal.message.size()) +
                    (m_keepAlive ? "\r\n\r\n" : "\r\nConnection: close\r\n\r\n") + refusal.message);
}

void ProxyConnection::finishResponse()
{
    // An answer that came before the whole request body (a streamed upload the app refused
    // early) ends the connection: the rest of that body must not be read as a new request.
    const bool requestDone = m_requestComplete;
    m_inFlight = false;
    m_requestComplete = false;
    m_tooLarge = false;
    m_replyFinished = false;
    m_outgoing = {};
    if (m_pipe) {
        m_pipe->disconnect(this);
        m_pipe->deleteLater();
        m_pipe = nullptr;
    }
    if (!requestDone || !m_keepAlive) {
        m_keepAlive = false;
        closeAfterResponse();
        return;
    }
    m_reader.next();
    arm(m_pending.isEmpty() && m_socket->bytesAvailable() == 0 ? Wait::Idle : Wait::Head);
    QMetaObject::invokeMethod(this, &ProxyConnection::pumpRequest, Qt::QueuedConnection);
}

void ProxyConnection::closeAfterResponse()
{
    m_closing = true;
    m_socket->disconnectFromHost();
    // A client that never reads the last answer would hold the close open for ever.
    if (!m_torndown && m_socket->state() != QAbstractSocket::UnconnectedState)
        arm(Wait::Write);
}

} // namespace sessionlens
