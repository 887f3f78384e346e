// The reverse proxy under hostile clients: `sessionlens-cli proxy` runs as its own process
// (so its memory is its own), and this program is both the app behind it (LenientUpstream)
// and the clients. For each load it prints the proxy's peak RSS (VmHWM) and how many real
// clients were served meanwhile. Optional argument: another sessionlens-cli to measure
// (an older build, for a before/after figure).

#include "LenientUpstream.h"
#include "TestData.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <vector>

using sessionlens::test::LenientUpstream;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr int kWait = 120000;
constexpr int kRealClients = 20;

QString g_cli;

struct Proxy
{
    ~Proxy()
    {
        process.terminate(); // the proxy stops on SIGTERM as on Ctrl-C
        if (!process.waitForFinished(10000))
            process.kill();
        process.waitForFinished(10000);
    }
    QProcess process;
    quint16 port = 0;
};

std::unique_ptr<Proxy> startProxy(quint16 upstreamPort)
{
    auto proxy = std::make_unique<Proxy>();
    proxy->process.setProcessEnvironment(sessionlens::test::isolatedCliEnvironment());
    proxy->process.start(g_cli, {QStringLiteral("proxy"), QStringLiteral("--listen"),
                                 QStringLiteral("127.0.0.1:0"), QStringLiteral("--upstream"),
                                 QStringLiteral("http://127.0.0.1:%1/").arg(upstreamPort),
                                 QStringLiteral("--cookie"), QStringLiteral("pinned")});
    if (!proxy->process.waitForStarted(kWait))
        return nullptr;
    QByteArray banner;
    proxy->process.setReadChannel(QProcess::StandardError);
    (void)QTest::qWaitFor(
        [&] {
            banner += proxy->process.readAllStandardError();
            return banner.contains('\n') || proxy->process.state() == QProcess::NotRunning;
        },
        kWait);
    const auto match =
        QRegularExpression(QStringLiteral(":(\\d+)/")).match(QString::fromUtf8(banner));
    proxy->port = match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
    return proxy->port ? std::move(proxy) : nullptr;
}

double peakRssMiB(const QProcess &process)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(process.processId()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return double(line.mid(6).trimmed().split(' ').first().toLongLong()) / 1024.0;
    return -1;
}

QByteArray get(quint16 port, const QByteArray &target = "/")
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
           "\r\n\r\n";
}

/// kRealClients plain requests, each on its own connection, one after the other: how many
/// were answered 200 (within kWait each).
int realClients(quint16 port)
{
    int served = 0;
    for (int i = 0; i < kRealClients; ++i) {
        QTcpSocket socket;
        QByteArray received;
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                         [&] { received += socket.readAll(); });
        QObject::connect(&socket, &QTcpSocket::connected, &socket,
                         [&] { socket.write(get(port)); });
        socket.connectToHost(QHostAddress::LocalHost, port);
        const bool answered = QTest::qWaitFor(
            [&] {
                return received.contains("\r\n\r\n") ||
                       socket.state() == QAbstractSocket::UnconnectedState;
            },
            kWait);
        served += answered && received.startsWith("HTTP/1.1 200") ? 1 : 0;
    }
    return served;
}

void report(const char *load, const Proxy &proxy, int served, const QString &extra = {})
{
    std::printf("%-34s peak RSS %7.1f MiB   real clients served %2d/%d%s\n", load,
                peakRssMiB(proxy.process), served, kRealClients, qPrintable(extra));
    std::fflush(stdout);
}

void idleConnections(LenientUpstream &upstream)
{
    auto proxy = startProxy(upstream.port());
    if (!proxy)
        return void(std::printf("the proxy did not start\n"));
    std::vector<std::unique_ptr<QTcpSocket>> holders;
    for (int i = 0; i < 300; ++i) {
        holders.push_back(std::make_unique<QTcpSocket>());
        QTcpSocket *socket = holders.back().get();
        if (i % 2 == 0)
            QObject::connect(socket, &QTcpSocket::connected, socket,
                             [socket] { socket->write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"); });
        socket->connectToHost(QHostAddress::LocalHost, proxy->port);
    }
    (void)QTest::qWaitFor(
        [&] {
            return std::all_of(holders.cbegin(), holders.cend(), [](const auto &socket) {
                return socket->state() != QAbstractSocket::ConnectingState;
            });
        },
        kWait);
    report("300 idle connections", *proxy, realClients(proxy->port));
}

void flood(LenientUpstream &upstream)
{
    auto proxy = startProxy(upstream.port());
    if (!proxy)
        return void(std::printf("the proxy did not start\n"));
    constexpr qint64 kFlood = 200 * kMiB;
    QPointer<QTcpSocket> held;
    upstream.setHandler([&held](QTcpSocket *socket, const LenientUpstream::Request &request) {
        if (request.target == "/held")
            held = socket;
        else
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    });
    QTcpSocket client;
    QByteArray received;
    QObject::connect(&client, &QTcpSocket::readyRead, &client,
                     [&] { received += client.readAll(); });
    qint64 queued = 0;
    auto topUp = [&] {
        while (queued < kFlood && client.bytesToWrite() < 4 * kMiB) {
            client.write(QByteArray(qsizetype(kMiB), 'A'));
            queued += kMiB;
        }
    };
    QObject::connect(&client, &QTcpSocket::bytesWritten, &client, topUp);
    QObject::connect(&client, &QTcpSocket::connected, &client, [&] {
        client.write(get(proxy->port, "/held") +
                     "POST /sink HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(proxy->port) +
                     "\r\nContent-Length: " + QByteArray::number(kFlood) + "\r\n\r\n");
        topUp();
    });
    client.connectToHost(QHostAddress::LocalHost, proxy->port);
    // Real clients come while the flood is held back (or taken in); then the held request
    // is answered and the flood goes through.
    (void)QTest::qWaitFor([&] { return !held.isNull(); }, kWait);
    const int served = realClients(proxy->port);
    if (held)
        held->write("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nheld");
    const bool through =
        QTest::qWaitFor([&] { return received.count("HTTP/1.1 200") == 2; }, kWait);
    report("200 MiB flood behind a held request", *proxy, served,
           QStringLiteral("   flood delivered: %1").arg(QLatin1String(through ? "yes" : "no")));
}

void unreadAnswers(LenientUpstream &upstream)
{
    auto proxy = startProxy(upstream.port());
    if (!proxy)
        return void(std::printf("the proxy did not start\n"));
    constexpr qint64 kAnswer = 10 * kMiB;
    constexpr int kAnswers = 20;
    upstream.setHandler([](QTcpSocket *socket, const LenientUpstream::Request &request) {
        if (request.target == "/big")
            LenientUpstream::streamAnswer(socket, kAnswer);
        else
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    });
    QTcpSocket client;
    client.setReadBufferSize(64 * 1024);
    QByteArray requests;
    for (int i = 0; i < kAnswers; ++i)
        requests += get(proxy->port, "/big");
    QObject::connect(&client, &QTcpSocket::connected, &client, [&] { client.write(requests); });
    client.connectToHost(QHostAddress::LocalHost, proxy->port);
    (void)QTest::qWaitFor([&] { return !upstream.requests().isEmpty(); }, kWait);
    // The client reads nothing while real clients are served (and for at least two seconds).
    QElapsedTimer unread;
    unread.start();
    const int served = realClients(proxy->port);
    (void)QTest::qWaitFor([&] { return unread.elapsed() > 2000; }, 10000);
    const double whileUnread = peakRssMiB(proxy->process);
    qint64 bytes = 0;
    QObject::connect(&client, &QTcpSocket::readyRead, &client,
                     [&] { bytes += client.readAll().size(); });
    bytes += client.readAll().size();
    const bool all = QTest::qWaitFor([&] { return bytes >= kAnswer * kAnswers; }, kWait);
    report("20 unread 10 MiB answers", *proxy, served,
           QStringLiteral("   peak while unread %1 MiB, all read after: %2")
               .arg(whileUnread, 0, 'f', 1)
               .arg(QLatin1String(all ? "yes" : "no")));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    g_cli = argc > 1 ? QString::fromLocal8Bit(argv[1]) : sessionlens::test::cliPath();
    LenientUpstream upstream;
    if (!upstream.listenLoopback()) {
        std::printf("cannot listen on loopback\n");
        return 1;
    }
    std::printf("proxy: %s\n", qPrintable(g_cli));
    idleConnections(upstream);
    flood(upstream);
    unreadAnswers(upstream);
    return 0;
}
