#pragma once

#include "Result.h"
#include "capture/CapturedCookie.h"
#include "capture/ProxyConnection.h"

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace sessionlens {

/**
 * Live capture without a browser extension or a TLS-intercepting proxy: the developer
 * opens the proxy's address, the proxy forwards every request to the app (the Flask dev
 * server), and each session cookie the browser sends or the app sets is reported. With a
 * pinned cookie, every forwarded request carries the edited session instead.
 *
 * Listens on loopback unless told otherwise.
 */
class ReverseProxy : public QObject
{
    Q_OBJECT

public:
    /// Connections served at once; more are answered 503 and closed.
    static constexpr int kMaxConnections = 256;

    ReverseProxy(QNetworkAccessManager &network, QObject *parent = nullptr);

    /// `upstream`: http(s)://host:port[/base]. A `network` error when the port is taken.
    [[nodiscard]] Result<Done> start(const QHostAddress &address, quint16 port,
                                     const QUrl &upstream,
                                     const QByteArray &cookieName = "session");
    void stop();
    [[nodiscard]] bool isListening() const { return m_server.isListening(); }
    /// The address to open in a browser.
    [[nodiscard]] QUrl address() const;
    /// Pins the session cookie of every later request to `value` (empty: stop pinning).
    void pin(const QByteArray &value);
    [[nodiscard]] QByteArray pinned() const
    {
        return m_settings ? m_settings->pinnedCookie : QByteArray();
    }
    [[nodiscard]] int connections() const { return m_connections; }

Q_SIGNALS:
    void cookieSeen(const sessionlens::CapturedCookie &cookie);

private:
    void accept();

    QNetworkAccessManager &m_network;
    QTcpServer m_server;
    std::shared_ptr<ProxyConnection::Settings> m_settings;
    int m_connections = 0;
};

} // namespace sessionlens
