#include "LenientUpstream.h"

#include <QTcpSocket>

#include <memory>

namespace sessionlens::test {

struct LenientUpstream::Connection
{
    QTcpSocket *socket = nullptr;
    QByteArray buffer;
    bool inBody = false;
    bool chunked = false;
    qint64 remaining = 0; ///< of the body, or of the current chunk
    Request request;
};

QList<QByteArray> LenientUpstream::Request::values(const QByteArray &name) const
{
    QList<QByteArray> found;
    for (const auto &[key, value] : headers)
        if (key == name)
            found.append(value);
    return found;
}

LenientUpstream::LenientUpstream(QObject *parent) : QTcpServer(parent)
{
    m_handler = [](QTcpSocket *socket, const Request &) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    };
}

bool LenientUpstream::listenLoopback()
{
    return listen(QHostAddress::LocalHost, 0);
}

void LenientUpstream::setReading(bool reading)
{
    m_reading = reading;
    if (reading)
        for (Connection *connection : std::as_const(m_connections))
            readFrom(*connection);
}

void LenientUpstream::streamAnswer(QTcpSocket *socket, qint64 size)
{
    static constexpr qint64 kStep = 1024 * 1024;
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                  QByteArray::number(size) + "\r\n\r\n");
    auto left = std::make_shared<qint64>(size);
    auto pump = [socket, left] {
        while (*left > 0 && socket->bytesToWrite() < kStep) {
            const qint64 n = std::min(kStep, *left);
            socket->write(QByteArray(qsizetype(n), 'x'));
            *left -= n;
        }
    };
    auto *context = new QObject(socket);
    QObject::connect(socket, &QTcpSocket::bytesWritten, context, [pump, left, context] {
        pump();
        if (*left == 0)
            context->deleteLater();
    });
    pump();
}

LenientUpstream::~LenientUpstream()
{
    // Connections the proxy still holds open when the test ends.
    qDeleteAll(m_connections);
}

void LenientUpstream::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        socket->deleteLater();
        return;
    }
    // A small buffer, so that not reading pushes back on the proxy at once.
    socket->setReadBufferSize(64 * 1024);
    auto *connection = new Connection{socket, {}, false, false, 0, {}};
    m_connections.append(connection);
    connect(socket, &QTcpSocket::readyRead, this, [this, connection] { readFrom(*connection); });
    connect(socket, &QTcpSocket::disconnected, this, [this, connection, socket] {
        m_connections.removeAll(connection);
        delete connection;
        socket->deleteLater();
    });
}

void LenientUpstream::readFrom(Connection &c)
{
    if (!m_reading)
        return;
    c.buffer += c.socket->readAll();
    for (;;) {
        if (!c.inBody) {
            const qsizetype end = c.buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = c.buffer.left(end).split('\n');
            c.buffer.remove(0, end + 4);
            c.request = {};
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            c.request.method = requestLine.value(0);
            c.request.target = requestLine.value(1);
            c.remaining = -1;
            c.chunked = false;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon < 0)
                    continue;
                const QByteArray name = lines[i].left(colon).trimmed().toLower();
                const QByteArray value = lines[i].mid(colon + 1).trimmed();
                c.request.headers.append({name, value});
                if (name == "content-length" && c.remaining < 0)
                    c.remaining = value.toLongLong();
                if (name == "transfer-encoding" && value.toLower().contains("chunked"))
                    c.chunked = true;
            }
            if (c.chunked)
                c.remaining = -1; // a chunk-size line comes first
            else if (c.remaining < 0)
                c.remaining = 0;
            c.inBody = true;
        }
        if (c.chunked && c.remaining < 0) {
            const qsizetype lineEnd = c.buffer.indexOf("\r\n");
            if (lineEnd < 0)
                return;
            bool ok = false;
            const qint64 size = c.buffer.left(lineEnd).trimmed().toLongLong(&ok, 16);
            c.buffer.remove(0, lineEnd + 2);
            if (size == 0) {
                const qsizetype trailerEnd = c.buffer.indexOf("\r\n");
                c.buffer.remove(0, trailerEnd < 0 ? 0 : trailerEnd + 2);
                c.remaining = 0;
                c.chunked = false;
            } else {
                c.remaining = ok ? size : 0;
            }
        }
        const qint64 take = std::min<qint64>(c.remaining, c.buffer.size());
        if (take > 0) {
            const qsizetype keep = std::min<qsizetype>(kKeptBody - c.request.body.size(), take);
            c.request.body += c.buffer.left(keep);
            c.request.bodySize += take;
            m_bodyBytes += take;
            c.buffer.remove(0, qsizetype(take));
            c.remaining -= take;
        }
        if (c.remaining > 0)
            return;
        if (c.chunked) {
            if (c.buffer.size() < 2)
                return;
            c.buffer.remove(0, 2); // the CRLF after a chunk
            c.remaining = -1;
            continue;
        }
        c.inBody = false;
        m_requests.append(c.request);
        m_handler(c.socket, m_requests.last());
        if (c.buffer.isEmpty() && c.socket->bytesAvailable() == 0)
            return;
        c.buffer += c.socket->readAll();
    }
}

} // namespace sessionlens::test
