#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>

#include <functional>
#include <utility>

class QTcpSocket;

namespace sessionlens::test {

/**
 * An upstream for the proxy's tests that frames requests as leniently as many servers do:
 * header names are trimmed and compared without case, the first Content-Length wins, keep-alive
 * is the default. It records every request it reads, so a test sees exactly what the proxy sent,
 * and can stop reading (a slow upstream) or stream a large answer without holding it.
 */
class LenientUpstream : public QTcpServer
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QList<std::pair<QByteArray, QByteArray>> headers; ///< names trimmed and lower case
        qint64 bodySize = 0;
        QByteArray body; ///< the first kKeptBody bytes
        [[nodiscard]] QList<QByteArray> values(const QByteArray &name) const;
    };
    /// Answers one request on `socket`.
    using Handler = std::function<void(QTcpSocket *socket, const Request &request)>;

    static constexpr qsizetype kKeptBody = 64 * 1024;

    explicit LenientUpstream(QObject *parent = nullptr);
    ~LenientUpstream() override;
    [[nodiscard]] bool listenLoopback();
    [[nodiscard]] quint16 port() const { return serverPort(); }
    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }
    /// Bytes of request bodies read so far, including requests not yet complete.
    [[nodiscard]] qint64 bodyBytesRead() const { return m_bodyBytes; }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    /// Stops reading (the proxy's upload backs up) or reads again.
    void setReading(bool reading);

    /// Writes a 200 answer of `size` bytes of 'x' as the client takes it, never holding more
    /// than a MiB of it.
    static void streamAnswer(QTcpSocket *socket, qint64 size);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Connection;
    void readFrom(Connection &connection);

    QList<Request> m_requests;
    QList<Connection *> m_connections;
    Handler m_handler;
    bool m_reading = true;
    qint64 m_bodyBytes = 0;
};

} // namespace sessionlens::test
