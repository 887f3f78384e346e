#pragma once

#include "Result.h"
#include "capture/CapturedCookie.h"
#include "capture/ProxyConnection.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

#include <chrono>
#include <memory>

class QNetworkAccessManager;

namespace sessionlens {

/**
 * Live capture without a browser extension or a TLS-intercepting proxy: the developer
 * opens the proxy's address, the proxy forwards every request to the app (the Flask dev
 * server), and each session cookie the browser sends or the app sets is reported. With a
 * pinned cookie, every forwarded request carries the edited session instead.
 *
 * Listens on loopback unless told otherwise, and answers only to its own address
 * (ProxyForwardRules). Connections are bounded in number, overall and per peer; when a bound
 * is reached, the longest-held idle connection gives its place to the new one, so clients
 * that hold connections open without sending a request cannot lock real clients out.
 */
class ReverseProxy : public QObject
{
    Q_OBJECT

public:
    /// Connections served at once, by default.
    static constexpr int kMaxConnections = 256;

    struct Limits
    {
        /// Connections served at once; past it an idle one is closed, or the new one is
        /// answered 503 when none is idle.
        int maxConnections = kMaxConnections;
        /// The same from one peer address.
        int maxPerPeer = 128;
        std::chrono::milliseconds headTimeout{10'000};
        std::chrono::milliseconds idleTimeout{15'000};
    };

    ReverseProxy(QNetworkAccessManager &network, QObject *parent = nullptr);

    /// `upstream`: http(s)://host:port[/base]. A `network` error when the port is taken.
    [[nodiscard]] Result<Done> start(const QHostAddress &address, quint16 port,
                                     const QUrl &upstream,
                                     const QByteArray &cookieName = "session");
    void stop();
    /// Takes effect at the next start().
    void setLimits(const Limits &limits) { m_limits = limits; }
    [[nodiscard]] const Limits &limits() const { return m_limits; }
    [[nodiscard]] bool isListening() const { return m_server.isListening(); }
    /// The address to open in a browser.
    [[nodiscard]] QUrl address() const;
    /// Pins the session cookie of every later request to `value` (empty: stop pinning).
    void pin(const QByteArray &value);
    [[nodiscard]] QByteArray pinned() const
    {
        return m_settings ? m_settings->policy.pin : QByteArray();
    }
    [[nodiscard]] int connections() const { return m_connections; }
    /// What the open connections hold in memory, together (ProxyConnection::bufferedBytes).
    [[nodiscard]] qint64 bufferedBytes() const;
    /// Connections not reading a side because the other is behind.
    [[nodiscard]] int holdingBack() const;

Q_SIGNALS:
    void cookieSeen(const sessionlens::CapturedCookie &cookie);

private:
    void accept();
    [[nodiscard]] bool makeRoom(const QHostAddress &peer);

    QNetworkAccessManager &m_network;
    QTcpServer m_server;
    std::shared_ptr<ProxyConnection::Settings> m_settings;
    Limits m_limits;
    int m_connections = 0;
    QList<QPointer<ProxyConnection>> m_open; ///< oldest first
};

} // namespace sessionlens
