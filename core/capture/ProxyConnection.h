#pragma once

#include "capture/CapturedCookie.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTcpSocket;

namespace sessionlens {

/**
 * One browser connection to the reverse proxy: requests are read with http-parser
 * (HTTP/1.1, keep-alive, pipelining one at a time), sent upstream through the shared
 * network access manager, and the responses streamed back as they arrive.
 */
class ProxyConnection : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        QUrl upstream;   ///< scheme://host:port[/base]
        QUrl publicBase; ///< how the browser reaches the proxy (Location rewrites)
        QByteArray cookieName = "session";
        QByteArray pinnedCookie; ///< replaces the session cookie of every request when set
    };

    /// Request head (line and headers) larger than this is answered 431.
    static constexpr qsizetype kMaxHeadBytes = 64 * 1024;
    /// Request headers; more is answered 431.
    static constexpr qsizetype kMaxHeaders = 200;
    /// Request bodies are kept in memory up to this, then answered 413.
    static constexpr qsizetype kMaxRequestBody = 16 * 1024 * 1024;

    ProxyConnection(QTcpSocket *socket, QNetworkAccessManager &network,
                    std::shared_ptr<const Settings> settings, QObject *parent = nullptr);
    ~ProxyConnection() override;

    // http-parser callbacks (plain functions forward here).
    int onMessageBegin();
    int onUrl(const char *at, size_t length);
    int onHeaderField(const char *at, size_t length);
    int onHeaderValue(const char *at, size_t length);
    int onHeadersComplete();
    int onBody(const char *at, size_t length);
    int onMessageComplete();

Q_SIGNALS:
    void cookieSeen(const sessionlens::CapturedCookie &cookie);
    void closed();

private:
    void readFromClient();
    void parse();
    void forward();
    void sendResponseHead(QNetworkReply *reply);
    void sendChunk(const QByteArray &data);
    void finishResponse();
    void answer(int status, const QByteArray &reason, const QByteArray &body);
    void closeAfterResponse();

    struct Parser;
    std::unique_ptr<Parser> m_parser;
    QTcpSocket *m_socket;
    QNetworkAccessManager &m_network;
    std::shared_ptr<const Settings> m_settings;
    QByteArray m_pending; ///< received, not yet parsed
    QByteArray m_method;
    QByteArray m_target;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    bool m_lastWasValue = false;
    qsizetype m_headBytes = 0;
    QByteArray m_body;
    bool m_requestComplete = false;
    bool m_keepAlive = true;
    bool m_tooLarge = false;
    int m_refusal = 0;
    QPointer<QNetworkReply> m_reply;
    bool m_headSent = false;
    bool m_chunked = false;
    bool m_noBody = false;
    bool m_forwarded = false;
    class ProxyBodyPipe *m_pipe = nullptr; ///< the streamed body of the request in flight
    qint64 m_bodyLength = 0;
};

} // namespace sessionlens
