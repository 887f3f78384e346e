#include "LoopbackHttpServer.h"

#include <QFile>
#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>

#include <memory>

namespace sessionlens::test {

LoopbackHttpServer::LoopbackHttpServer(Mode mode, QObject *parent)
    : QTcpServer(parent), m_mode(mode),
      m_response("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
{
}

bool LoopbackHttpServer::useTls(QString *error)
{
    QTemporaryDir dir;
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-keyout"), dir.filePath(QStringLiteral("key.pem")),
                   QStringLiteral("-out"), dir.filePath(QStringLiteral("cert.pem"))});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl could not make a certificate: %1")
                     .arg(QString::fromUtf8(openssl.readAllStandardError()));
        return false;
    }
    QFile certificate(dir.filePath(QStringLiteral("cert.pem"))),
        key(dir.filePath(QStringLiteral("key.pem")));
    if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the certificate");
        return false;
    }
    m_certificate = QSslCertificate(certificate.readAll(), QSsl::Pem);
    m_key = QSslKey(key.readAll(), QSsl::Rsa, QSsl::Pem);
    m_tls = !m_certificate.isNull() && !m_key.isNull();
    if (!m_tls)
        *error = QStringLiteral("the certificate or key did not load");
    return m_tls;
}

bool LoopbackHttpServer::listenLoopback()
{
    return listen(QHostAddress::LocalHost, 0);
}

void LoopbackHttpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        socket->deleteLater();
        return;
    }
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    auto received = std::make_shared<QByteArray>();
    connect(socket, &QSslSocket::readyRead, this, [this, socket, received] {
        received->append(socket->readAll());
        if (!received->contains("\r\n\r\n"))
            return;
        received->clear();
        ++m_requests;
        if (m_mode == Mode::Answer) {
            socket->write(m_response);
            socket->disconnectFromHost();
        }
    });
    if (m_tls) {
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        // The client refusing the certificate ends the handshake; that is the point.
        connect(socket, &QSslSocket::sslErrors, socket, [socket] { socket->ignoreSslErrors(); });
        socket->startServerEncryption();
    }
}

} // namespace sessionlens::test
