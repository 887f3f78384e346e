#include "StreamingHttpServer.h"

#include <QTcpSocket>

#include <memory>

namespace sessionlens::test {

namespace {
// A client's request head larger than this is no test's and ends the connection.
constexpr qsizetype kMaxHeadBytes = 64 * 1024;
} // namespace

StreamingHttpServer::StreamingHttpServer(QObject *parent) : QTcpServer(parent) {}

bool StreamingHttpServer::listenLoopback()
{
    return listen(QHostAddress::LocalHost, 0);
}

QString StreamingHttpServer::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path);
}

void StreamingHttpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        socket->deleteLater();
        return;
    }
    struct State
    {
        QByteArray received;
        qint64 remaining = -1; // body bytes still to send; -1 before the head
        QTimer ticker;
    };
    auto state = std::make_shared<State>();
    const Answer answer = m_answer;
    const QByteArray chunk(qsizetype(answer.chunkBytes), 'x');
    const auto sendSome = [this, socket, state, chunk] {
        if (state->remaining <= 0 || socket->state() != QAbstractSocket::ConnectedState)
            return;
        const qint64 size = std::min<qint64>(state->remaining, chunk.size());
        socket->write(chunk.constData(), size);
        state->remaining -= size;
        m_bodyBytesSent += size;
        if (state->remaining == 0)
            socket->disconnectFromHost();
    };
    connect(socket, &QTcpSocket::disconnected, this, [this, socket, state] {
        state->ticker.stop();
        if (state->remaining > 0)
            ++m_cutShort;
        socket->deleteLater();
    });
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, state, answer, sendSome] {
        if (state->remaining >= 0) {
            socket->readAll(); // one request per connection: the rest is not looked at
            return;
        }
        state->received.append(socket->readAll());
        const qsizetype end = state->received.indexOf("\r\n\r\n");
        if (end < 0) {
            if (state->received.size() > kMaxHeadBytes)
                socket->abort();
            return;
        }
        m_heads.append(state->received.left(end + 4));
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                      "Content-Length: " +
                      QByteArray::number(answer.bodyBytes) + "\r\nConnection: close\r\n\r\n");
        state->remaining = answer.bodyBytes;
        if (answer.tickMs > 0) {
            connect(&state->ticker, &QTimer::timeout, socket, sendSome);
            state->ticker.start(answer.tickMs);
        } else {
            sendSome();
        }
    });
    // Written as the client takes it: the next chunk only once the last one left.
    if (answer.tickMs == 0)
        connect(socket, &QTcpSocket::bytesWritten, socket, [socket, sendSome] {
            if (socket->bytesToWrite() == 0)
                sendSome();
        });
}

} // namespace sessionlens::test
