#pragma once

#include "capture/CapturedCookie.h"
#include "capture/ProxyForwardRules.h"
#include "capture/ProxyRequestReader.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTcpSocket;

namespace sessionlens {

class ProxyBodyPipe;

/**
 * One browser connection to the reverse proxy: requests are read by ProxyRequestReader
 * (HTTP/1.1, keep-alive, pipelining one at a time), judged by ProxyForwardRules, sent
 * upstream through the shared network access manager, and the responses streamed back as
 * they arrive.
 *
 * Every side is bounded: a head must be complete within Settings::headTimeout, a kept-alive
 * connection is closed after Settings::idleTimeout without a request, and a side whose other
 * side is behind is not read (client bytes beyond kPendingHighWater, an upload pipe at its
 * high-water mark, a response while the client has kClientWriteHighWater unread).
 */
class ProxyConnection : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        ProxyForwardRules::Policy policy;
        QUrl publicBase; ///< how the browser reaches the proxy (Location rewrites)
        /// From the connection's start, or the first byte after a response, to a whole head.
        std::chrono::milliseconds headTimeout{10'000};
        /// A kept-alive connection without a request, or a client that reads nothing of
        /// its response, for this long is closed.
        std::chrono::milliseconds idleTimeout{15'000};
    };

    /// Request bodies sent chunked (no length to announce upstream) are kept in memory up to
    /// this, then answered 413; bodies of announced length are streamed whatever their size.
    static constexpr qsizetype kMaxRequestBody = 16 * 1024 * 1024;
    /// Client bytes read ahead of the parser; the rest waits in the kernel (TCP backpressure).
    static constexpr qsizetype kPendingHighWater = 256 * 1024;
    /// Response bytes queued for the client before the proxy stops reading the upstream.
    static constexpr qsizetype kClientWriteHighWater = 512 * 1024;
    /// The upstream reply's own buffer, so the network manager stops reading too.
    static constexpr qint64 kReplyReadBuffer = 256 * 1024;
    /// Kept for callers that name the head limit here.
    static constexpr qsizetype kMaxHeadBytes = ProxyRequestReader::kMaxHeadBytes;

    ProxyConnection(QTcpSocket *socket, QNetworkAccessManager &network,
                    std::shared_ptr<const Settings> settings, QObject *parent = nullptr);
    ~ProxyConnection() override;

    /// No request is being served: waiting for one, or for the rest of its head.
    [[nodiscard]] bool isIdle() const;
    [[nodiscard]] QHostAddress peer() const { return m_peer; }
    /// Bytes this connection holds in memory: unparsed client bytes, the upload pipe, the
    /// answer queued for the client and the upstream reply's buffer.
    [[nodiscard]] qint64 bufferedBytes() const;
    /// A side is not being read because the other is behind.
    [[nodiscard]] bool isHoldingBack() const;
    /// Closes at once (the server needs the slot).
    void evict();

Q_SIGNALS:
    void cookieSeen(const sessionlens::CapturedCookie &cookie);
    void closed();

private:
    enum class Wait
    {
        None,
        Head,
        Idle,
        Write
    };

    void pumpRequest();
    bool parseStep();
    void startRequest();
    void forward(const QByteArray &body);
    void pumpResponse();
    void sendResponseHead(QNetworkReply *reply);
    void sendChunk(const QByteArray &data);
    void finishResponse();
    void answer(const ProxyRefusal &refusal);
    void closeAfterResponse();
    /// The pinned request in flight, with its answer's status (-1: none came), once.
    void reportPinned(int status);
    void arm(Wait wait);
    void timedOut();
    void teardown();

    QTcpSocket *m_socket;
    QNetworkAccessManager &m_network;
    std::shared_ptr<const Settings> m_settings;
    QHostAddress m_peer;
    ProxyRequestReader m_reader;
    QByteArray m_pending; ///< received, not yet parsed
    QTimer m_timer;
    Wait m_wait = Wait::None;
    bool m_pumping = false;
    bool m_closing = false;
    bool m_torndown = false;
    // The request in flight.
    bool m_inFlight = false;
    bool m_requestComplete = false;
    bool m_keepAlive = true;
    bool m_tooLarge = false;
    ProxyForwardRules::Outgoing m_outgoing;
    RequestClient m_client; ///< of the request in flight, as the app sees it
    QByteArray m_pinSent;   ///< the pin this request carried, until it is reported
    QString m_pinUrl;
    QByteArray m_body; ///< a chunked body, gathered
    ProxyBodyPipe *m_pipe = nullptr;
    QPointer<QNetworkReply> m_reply;
    bool m_replyFinished = false;
    bool m_headSent = false;
    bool m_chunked = false;
    bool m_noBody = false;
};

} // namespace sessionlens
