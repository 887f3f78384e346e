#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QTcpServer>

namespace sessionlens::test {

/**
 * A server on 127.0.0.1 that keeps every request whole (head and a Content-Length body), so
 * that a test can show exactly what reached the wire, and answers each path with the extra
 * header lines a test gives it (a Set-Cookie, say), or a plain 200.
 */
class RecordingHttpServer : public QTcpServer
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QByteArray head;
        QByteArray body;
        /// The value of the first header `name` (any case), empty when absent.
        [[nodiscard]] QByteArray header(QByteArrayView name) const;
    };

    explicit RecordingHttpServer(QObject *parent = nullptr);
    [[nodiscard]] bool listenLoopback();
    [[nodiscard]] QString url(const QString &path = QStringLiteral("/")) const;
    /// Header lines ("Name: value\r\n" each) added to the answers for `path`, and their
    /// status line's code and reason ("302 Found" for a redirect with a Location line).
    void setAnswerHeaders(const QByteArray &path, const QByteArray &lines,
                          const QByteArray &status = "200 OK");
    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    QMap<QByteArray, QByteArray> m_answerHeaders;
    QMap<QByteArray, QByteArray> m_answerStatus;
    QList<Request> m_requests;
};

} // namespace sessionlens::test
