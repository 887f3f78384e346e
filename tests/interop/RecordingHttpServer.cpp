#include "RecordingHttpServer.h"

#include <QTcpSocket>

#include <memory>

namespace sessionlens::test {

namespace {
// A request larger than these is no test's and ends the connection.
constexpr qsizetype kMaxHeadBytes = 64 * 1024;
constexpr qsizetype kMaxBodyBytes = 1024 * 1024;
} // namespace

QByteArray RecordingHttpServer::Request::header(QByteArrayView name) const
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && QByteArrayView(line).first(colon).compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

RecordingHttpServer::RecordingHttpServer(QObject *parent) : QTcpServer(parent) {}

bool RecordingHttpServer::listenLoopback()
{
    return listen(QHostAddress::LocalHost, 0);
}

QString RecordingHttpServer::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path);
}

void RecordingHttpServer::setAnswerHeaders(const QByteArray &path, const QByteArray &lines,
                                           const QByteArray &status)
{
    m_answerHeaders.insert(path, lines);
    m_answerStatus.insert(path, status);
}

void RecordingHttpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        socket->deleteLater();
        return;
    }
    auto received = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, received] {
        received->append(socket->readAll());
        const qsizetype end = received->indexOf("\r\n\r\n");
        if (end < 0 || end > kMaxHeadBytes || received->size() > kMaxHeadBytes + kMaxBodyBytes) {
            if (received->size() > kMaxHeadBytes + kMaxBodyBytes || end > kMaxHeadBytes)
                socket->abort();
            return;
        }
        Request request;
        request.head = received->left(end + 4);
        const QList<QByteArray> words = request.head.left(request.head.indexOf('\r')).split(' ');
        request.method = words.value(0);
        request.path = words.value(1);
        const qsizetype length = request.header("Content-Length").toLongLong();
        if (received->size() - end - 4 < length)
            return; // the body is still on its way
        request.body = received->mid(end + 4, length);
        const QByteArray path = request.path.split('?').constFirst();
        const QByteArray extra = m_answerHeaders.value(path);
        const QByteArray status = m_answerStatus.value(path, "200 OK");
        m_requests.append(request);
        received->clear();
        socket->write("HTTP/1.1 " + status + "\r\nContent-Type: text/plain\r\n" + extra +
                      "Content-Length: 2\r\nConnection: close\r\n\r\nok");
        socket->disconnectFromHost();
    });
}

} // namespace sessionlens::test
