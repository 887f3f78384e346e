#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace sessionlens {

/**
 * Whether a server that failed an HTTP exchange speaks HTTP at all. The network access
 * manager never shows the bytes of an answer that is not HTTP: it reports a closed
 * connection (after trying again), or a timeout when the server keeps the connection open.
 * The probe connects once more over plain TCP, listens for a banner (SSH, SMTP and the like
 * speak first, HTTP servers never do), then sends a HEAD request and reads the first bytes of
 * the answer. Bounded in time (kMaxMs in all) and in bytes (kBytesRead).
 *
 * Asynchronous: start() returns at once, finished() comes once.
 */
class ProtocolProbe : public QObject
{
    Q_OBJECT

public:
    enum class Verdict
    {
        Http,    ///< the answer starts as HTTP does
        NotHttp, ///< the server sent bytes that are not HTTP
        Unknown  ///< nothing came, or the connection failed
    };

    /// How long the server may speak first before the probe asks.
    static constexpr int kBannerWaitMs = 300;
    /// The whole probe: connecting, the banner, the answer.
    static constexpr int kMaxMs = 3000;
    /// Enough to tell "HTTP/" from anything else.
    static constexpr qsizetype kBytesRead = 5;

    explicit ProtocolProbe(QObject *parent = nullptr);

    /// Probes the host and port of an http URL (its path is asked with HEAD).
    void start(const QUrl &url);

Q_SIGNALS:
    void finished(sessionlens::ProtocolProbe::Verdict verdict);

private:
    void ask();
    void judge();
    void finish(Verdict verdict);

    QTcpSocket m_socket;
    QTimer m_banner;
    QTimer m_deadline;
    QUrl m_url;
    QByteArray m_received;
    bool m_done = false;
};

} // namespace sessionlens
