#include "capture/ProtocolProbe.h"

namespace sessionlens {

ProtocolProbe::ProtocolProbe(QObject *parent) : QObject(parent)
{
    m_banner.setSingleShot(true);
    m_deadline.setSingleShot(true);
    m_socket.setReadBufferSize(kBytesRead);
    connect(&m_banner, &QTimer::timeout, this, &ProtocolProbe::ask);
    connect(&m_deadline, &QTimer::timeout, this, &ProtocolProbe::judge);
    connect(&m_socket, &QTcpSocket::connected, this, [this] { m_banner.start(kBannerWaitMs); });
    connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
        m_received += m_socket.read(kBytesRead - m_received.size());
        if (m_received.size() >= kBytesRead)
            judge();
    });
    connect(&m_socket, &QTcpSocket::disconnected, this, &ProtocolProbe::judge);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &ProtocolProbe::judge);
}

void ProtocolProbe::start(const QUrl &url)
{
    m_url = url;
    m_received.clear();
    m_done = false;
    m_deadline.start(kMaxMs);
    m_socket.connectToHost(url.host(), quint16(url.port(80)));
}

void ProtocolProbe::ask()
{
    if (m_done || !m_received.isEmpty())
        return;
    // The path the exchange failed on, as the client sent it; HEAD, so that nothing is sent
    // back but a head, and nothing changes on a server that does speak HTTP.
    const QByteArray path = m_url.path(QUrl::FullyEncoded).toLatin1();
    m_socket.write("HEAD " + (path.isEmpty() ? QByteArray("/") : path) +
                   " HTTP/1.1\r\nHost: " + m_url.authority(QUrl::FullyEncoded).toLatin1() +
                   "\r\nConnection: close\r\n\r\n");
}

void ProtocolProbe::judge()
{
    if (m_done)
        return;
    m_received += m_socket.read(kBytesRead - m_received.size());
    if (m_received.isEmpty()) {
        // Still connected and asked: wait for the answer until the deadline.
        if (m_deadline.isActive() && m_socket.state() == QAbstractSocket::ConnectedState)
            return;
        finish(Verdict::Unknown);
        return;
    }
    if (QByteArray("HTTP/").startsWith(m_received))
        finish(m_received.size() == kBytesRead ? Verdict::Http : Verdict::Unknown);
    else
        finish(Verdict::NotHttp);
}

void ProtocolProbe::finish(Verdict verdict)
{
    m_done = true;
    m_banner.stop();
    m_deadline.stop();
    m_socket.abort();
    Q_EMIT finished(verdict);
}

} // namespace sessionlens
