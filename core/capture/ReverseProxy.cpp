#include "capture/ReverseProxy.h"

#include <QCoreApplication>
#include <QNetworkInterface>
#include <QTcpSocket>

#include <algorithm>

namespace sessionlens {

namespace {

QByteArray hostForm(QHostAddress address)
{
    address.setScopeId(QString());
    const QByteArray text = address.toString().toLower().toLatin1();
    return address.protocol() == QAbstractSocket::IPv6Protocol ? '[' + text + ']' : text;
}

/// What a browser may put in Host to reach the proxy listening on `address`:port; nothing
/// else, so a name an attacker controls (rebound to 127.0.0.1 or not) is never served.
QList<QByteArray> ownAuthorities(const QHostAddress &address, quint16 port)
{
    QList<QByteArray> hosts = {"127.0.0.1", "localhost", "[::1]"};
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ||
        address == QHostAddress::AnyIPv6) {
        // Listening on every interface is asking to be reached by the machine's addresses.
        for (const QHostAddress &local : QNetworkInterface::allAddresses())
            hosts.append(hostForm(local));
    } else {
        hosts.append(hostForm(address));
    }
    QList<QByteArray> authorities;
    for (const QByteArray &host : std::as_const(hosts)) {
        if (authorities.contains(host + ':' + QByteArray::number(port)))
            continue;
        authorities.append(host + ':' + QByteArray::number(port));
        if (port == 80)
            authorities.append(host);
    }
    return authorities;
}

} // namespace

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
    if (!m_server.listen(address, port)) {
        if (m_server.serverError() == QAbstractSocket::AddressInUseError)
            return Error::make(ErrorCategory::Network,
                               QCoreApplication::translate(
                                   "sessionlens::Error",
                                   "port %1 is already in use: choose another, or 0 for any "
                                   "free port")
                                   .arg(port));
        return Error::make(
            ErrorCategory::Network,
            QCoreApplication::translate("sessionlens::Error", "the proxy cannot listen on %1:%2")
                .arg(address.toString())
                .arg(port),
            m_server.errorString());
    }
    auto settings = std::make_shared<ProxyConnection::Settings>();
    settings->policy.upstream = upstream;
    settings->policy.cookieName = cookieName;
    settings->policy.authorities = ownAuthorities(address, m_server.serverPort());
    settings->publicBase = this->address();
    settings->headTimeout = m_limits.headTimeout;
    settings->idleTimeout = m_limits.idleTimeout;
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
    m_settings->policy.pin = value;
}

void ReverseProxy::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (!makeRoom(socket->peerAddress())) {
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: "
                          "close\r\n\r\n");
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        ++m_connections;
        auto *connection = new ProxyConnection(socket, m_network, m_settings, this);
        m_open.append(connection);
        connect(connection, &ProxyConnection::cookieSeen, this, &ReverseProxy::cookieSeen);
        connect(connection, &ProxyConnection::closed, this, [this, connection] {
            --m_connections;
            m_open.removeIf([connection](const QPointer<ProxyConnection> &open) {
                return open.isNull() || open == connection;
            });
        });
    }
}

qint64 ReverseProxy::bufferedBytes() const
{
    qint64 total = 0;
    for (const QPointer<ProxyConnection> &connection : m_open)
        total += connection ? connection->bufferedBytes() : 0;
    return total;
}

int ReverseProxy::holdingBack() const
{
    return int(
        std::count_if(m_open.cbegin(), m_open.cend(),
                      [](const QPointer<ProxyConnection> &c) { return c && c->isHoldingBack(); }));
}

bool ReverseProxy::makeRoom(const QHostAddress &peer)
{
    auto evictOldestIdle = [this](auto belongs) {
        const auto oldest =
            std::find_if(m_open.cbegin(), m_open.cend(), [&](const QPointer<ProxyConnection> &c) {
                return c && c->isIdle() && belongs(*c);
            });
        if (oldest == m_open.cend())
            return false;
        (*oldest)->evict(); // its closed() takes it off m_open
        return true;
    };
    const auto fromPeer =
        std::count_if(m_open.cbegin(), m_open.cend(),
                      [&](const QPointer<ProxyConnection> &c) { return c && c->peer() == peer; });
    if (fromPeer >= m_limits.maxPerPeer &&
        !evictOldestIdle([&](const ProxyConnection &c) { return c.peer() == peer; }))
        return false;
    if (m_connections >= m_limits.maxConnections &&
        !evictOldestIdle([](const ProxyConnection &) { return true; }))
        return false;
    return true;
}

} // namespace sessionlens
