#include "capture/ReverseProxy.h"

#include <QCoreApplication>
#include <QTcpSocket>

namespace sessionlens {

ReverseProxy::ReverseProxy(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent), m_network(network)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ReverseProxy::accept);
}

Result<Done> ReverseProxy::start(const QHostAddress &address, quint16 port, const QUrl &upstream,
                                 const QByteArray &cookieName)
{
    stop();
    if (!upstream.isValid() ||
        (upstream.scheme() != QLatin1String("http") &&
         upstream.scheme() != QLatin1String("https")) ||
        upstream.host().isEmpty())
        return Error::make(ErrorCategory::Network,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "the upstream is not an http or https URL"),
                           upstream.toString());
    if (!m_server.listen(address, port))
        return Error::make(ErrorCategory::Network,
                           QCoreApplication::translate("sessionlens::Error", "cannot listen: %1")
                               .arg(m_server.errorString()),
                           QStringLiteral("%1:%2").arg(address.toString()).arg(port));
    auto settings = std::make_shared<ProxyConnection::Settings>();
    settings->upstream = upstream;
    settings->cookieName = cookieName;
    settings->publicBase = this->address();
    m_settings = settings;
    return Done{};
}

void ReverseProxy::stop()
{
    m_server.close();
}

QUrl ReverseProxy::address() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    QHostAddress host = m_server.serverAddress();
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress::LocalHost;
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHostIPv6;
    url.setHost(host.toString());
    url.setPort(m_server.serverPort());
    url.setPath(QStringLiteral("/"));
    return url;
}

void ReverseProxy::pin(const QByteArray &value)
{
    if (!m_settings)
        return;
    // Connections share these settings and read them per request (all on one thread), so a
    // kept-alive browser connection gets the new pin with its next request.
    m_settings->pinnedCookie = value;
}

void ReverseProxy::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_connections >= kMaxConnections) {
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: "
                          "close\r\n\r\n");
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        ++m_connections;
        auto *connection = new ProxyConnection(socket, m_network, m_settings, this);
        connect(connection, &ProxyConnection::cookieSeen, this, &ReverseProxy::cookieSeen);
        connect(connection, &ProxyConnection::closed, this, [this] { --m_connections; });
    }
}

} // namespace sessionlens
