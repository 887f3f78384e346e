#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QTimer>

namespace sessionlens::test {

/**
 * A server on 127.0.0.1 for answers no real app gives on demand: a body of any size written
 * only as fast as the client takes it (so the server holds one chunk, whatever the size), or
 * trickled one small chunk per tick, as a slow or hostile server does. Every request head it
 * receives is kept, so that a test can show what reached the wire, and that nothing did.
 */
class StreamingHttpServer : public QTcpServer
{
    Q_OBJECT

public:
    struct Answer
    {
        qint64 bodyBytes = 2; ///< announced in Content-Length and sent, unless the client leaves
        qint64 chunkBytes = 64 * 1024;
        int tickMs = 0; ///< 0: write as the socket drains; else one chunk per tick
    };

    explicit StreamingHttpServer(QObject *parent = nullptr);
    void setAnswer(const Answer &answer) { m_answer = answer; }
    [[nodiscard]] bool listenLoopback();
    [[nodiscard]] QString url(const QString &path = QStringLiteral("/")) const;
    /// Request heads received, in order.
    [[nodiscard]] const QList<QByteArray> &heads() const { return m_heads; }
    /// Body bytes written to clients so far.
    [[nodiscard]] qint64 bodyBytesSent() const { return m_bodyBytesSent; }
    /// Answers whose client closed the connection before the whole body was sent.
    [[nodiscard]] int answersCutShort() const { return m_cutShort; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    Answer m_answer;
    QList<QByteArray> m_heads;
    qint64 m_bodyBytesSent = 0;
    int m_cutShort = 0;
};

} // namespace sessionlens::test
