// What reaches the wire and how much of an answer is taken in, against servers on loopback
// that this test runs: values that would add a header are refused before anything is sent
// (the core, `capture`, `proxy`); an answer is read only up to the body limit and within a
// total deadline; and the proxy's cookie, keys and secrets leave its command line.
#include "StreamingHttpServer.h"
#include "TestData.h"
#include "capture/HttpCapture.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace sessionlens;

Q_DECLARE_METATYPE(HttpCapture::Request)

namespace {

const QByteArray kInjection = "abc\r\nX-Injected: yes";
constexpr qint64 kHugeBody = 200LL * 1024 * 1024;

/// The CLI with this test's own, empty key ring.
test::CliRun runCli(const QStringList &arguments, int timeoutMs = 120'000)
{
    return test::runCli(arguments, {}, test::isolatedCliEnvironment(), timeoutMs);
}

/// A cookie file as an editor leaves it (one line); empty when it could not be written.
QString writeCookieFile(const QTemporaryDir &dir, const QByteArray &cookie)
{
    const QString path = dir.filePath(QStringLiteral("cookie"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(cookie + '\n') != cookie.size() + 1)
        return {};
    return path;
}

QByteArray procCmdline(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

class TestCaptureSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestsThatWouldAddAHeaderAreRefused_data();
    void requestsThatWouldAddAHeaderAreRefused();
    void cliRefusesValuesThatWouldAddAHeader_data();
    void cliRefusesValuesThatWouldAddAHeader();
    void bodyIsReadOnlyUpToTheLimit();
    void cliStopsReadingAtTheLimit();
    void maxTimeEndsATrickle();
    void cliMaxTime();
    void proxySecretsLeaveTheCommandLine_data();
    void proxySecretsLeaveTheCommandLine();

private:
    HttpCapture::Outcome run(HttpCapture::Request request);
    QNetworkAccessManager m_network;
};

HttpCapture::Outcome TestCaptureSafety::run(HttpCapture::Request request)
{
    HttpCapture capture(m_network);
    QSignalSpy finished(&capture, &HttpCapture::finished);
    capture.start(std::move(request));
    if (finished.isEmpty() && !finished.wait(120'000))
        return {Error::make(ErrorCategory::Network, QStringLiteral("test: no outcome")), {}};
    return finished.takeFirst().at(0).value<HttpCapture::Outcome>();
}

void TestCaptureSafety::requestsThatWouldAddAHeaderAreRefused_data()
{
    QTest::addColumn<HttpCapture::Request>("request");
    QTest::addColumn<QString>("field");
    HttpCapture::Request request;
    request.cookieValue = kInjection;
    QTest::newRow("cookie value with CR LF") << request << QStringLiteral("cookie");
    request = {};
    request.cookieName = "session; admin";
    request.cookieValue = "abc";
    QTest::newRow("cookie name with ';'") << request << QStringLiteral("cookie name");
    request = {};
    request.headers = {{"X Injected", "yes"}};
    QTest::newRow("header name with a space") << request << QStringLiteral("header");
    request = {};
    request.headers = {{"X-Note", "a\nX-Injected: yes"}};
    QTest::newRow("header value with LF") << request << QStringLiteral("header X-Note");
    request = {};
    request.headers = {{"X-Note", QByteArray("a\0b", 3)}};
    QTest::newRow("header value with NUL") << request << QStringLiteral("header X-Note");
    request = {};
    request.method = "GET / HTTP/1.1\r\nX-Injected: yes\r\nX-Rest:";
    QTest::newRow("method with CR LF") << request << QStringLiteral("method");
}

void TestCaptureSafety::requestsThatWouldAddAHeaderAreRefused()
{
    QFETCH(HttpCapture::Request, request);
    QFETCH(QString, field);
    test::StreamingHttpServer server;
    QVERIFY(server.listenLoopback());
    request.url = QUrl(server.url());
    const HttpCapture::Outcome refused = run(request);
    QVERIFY(refused.error);
    QCOMPARE(refused.error->category, ErrorCategory::Format);
    QVERIFY2(refused.error->message.startsWith(field + u':'), qPrintable(refused.error->message));
    QVERIFY(refused.response.hops.isEmpty());
    // The same server takes a sound request: it would have seen the refused one first.
    HttpCapture::Request sound;
    sound.url = QUrl(server.url());
    sound.cookieValue = "abc";
    const HttpCapture::Outcome answered = run(sound);
    QVERIFY2(!answered.error, qPrintable(answered.error ? answered.error->toString() : QString()));
    QCOMPARE(server.heads().size(), 1);
    QVERIFY(server.heads().first().contains("\r\nCookie: session=abc\r\n"));
    QVERIFY(!server.heads().first().contains("X-Injected"));
}

void TestCaptureSafety::cliRefusesValuesThatWouldAddAHeader_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("field");
    const QString injection = QString::fromLatin1(kInjection);
    QTest::newRow("--cookie") << QStringList{QStringLiteral("--cookie"), injection}
                              << QStringLiteral("--cookie");
    QTest::newRow("--cookie-name") << QStringList{QStringLiteral("--cookie-name"),
                                                  QStringLiteral("session\r\nX-Injected: yes"),
                                                  QStringLiteral("--cookie"), QStringLiteral("abc")}
                                   << QStringLiteral("--cookie-name");
    QTest::newRow("-H") << QStringList{QStringLiteral("-H"),
                                       QStringLiteral("X-Note: a\rX-Injected: yes")}
                        << QStringLiteral("-H X-Note");
    QTest::newRow("--method") << QStringList{QStringLiteral("--method"),
                                             QStringLiteral("GET / HTTP/1.1\r\nX-Injected: yes")}
                              << QStringLiteral("--method");
    QTest::newRow("--cookie-file")
        << QStringList{QStringLiteral("--cookie-file"), QStringLiteral("COOKIE_FILE")}
        << QStringLiteral("--cookie-file");
}

void TestCaptureSafety::cliRefusesValuesThatWouldAddAHeader()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, field);
    test::StreamingHttpServer server;
    QVERIFY(server.listenLoopback());
    QTemporaryDir dir;
    const QString cookieFile = writeCookieFile(dir, kInjection);
    QVERIFY(!cookieFile.isEmpty());
    arguments.replaceInStrings(QStringLiteral("COOKIE_FILE"), cookieFile);

    const test::CliRun capture =
        runCli(QStringList{QStringLiteral("capture")} + arguments + QStringList{server.url()});
    QCOMPARE(capture.exitCode, 3); // format
    QVERIFY2(capture.err.contains(field.toUtf8() + ':'), capture.err.constData());
    // The proxy refuses the pin the same way, before it listens.
    if (field.startsWith(QLatin1String("--cookie"))) {
        const test::CliRun proxy = runCli(
            QStringList{QStringLiteral("proxy"), QStringLiteral("--listen"),
                        QStringLiteral("127.0.0.1:0"), QStringLiteral("--upstream"), server.url()} +
                arguments,
            30'000);
        QCOMPARE(proxy.exitCode, 3);
        QVERIFY2(proxy.err.contains(field.toUtf8() + ':'), proxy.err.constData());
        QVERIFY(!proxy.err.contains("listening on"));
    }
    QVERIFY(server.heads().isEmpty());
}

void TestCaptureSafety::bodyIsReadOnlyUpToTheLimit()
{
    test::StreamingHttpServer server;
    server.setAnswer({kHugeBody, 64 * 1024, 0});
    QVERIFY(server.listenLoopback());
    HttpCapture::Request request;
    request.url = QUrl(server.url());
    const HttpCapture::Outcome outcome = run(request);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->category, ErrorCategory::Limit);
    QVERIFY2(outcome.error->message.contains(QStringLiteral("reading stopped")),
             qPrintable(outcome.error->message));
    // The hop is on record (its cookies count), with the body up to the limit.
    QCOMPARE(outcome.response.hops.size(), 1);
    QCOMPARE(outcome.response.hops.first().status, 200);
    QCOMPARE(outcome.response.body.size(), HttpCapture::kMaxBodyBytes);
    QVERIFY(outcome.response.bodyTruncated);
    // The client left: the server never had to send the rest.
    QTRY_COMPARE_WITH_TIMEOUT(server.answersCutShort(), 1, 60'000);
    QVERIFY2(server.bodyBytesSent() < kHugeBody / 2,
             qPrintable(QString::number(server.bodyBytesSent())));
}

void TestCaptureSafety::cliStopsReadingAtTheLimit()
{
    test::StreamingHttpServer server;
    server.setAnswer({kHugeBody, 64 * 1024, 0});
    QVERIFY(server.listenLoopback());
    const test::CliRun capture =
        runCli({QStringLiteral("capture"), QStringLiteral("--body"), server.url()});
    QCOMPARE(capture.exitCode, 8); // limit
    QVERIFY2(capture.err.contains("reading stopped"), capture.err.constData());
    QVERIFY(capture.out.startsWith("200 GET"));
    QTRY_COMPARE_WITH_TIMEOUT(server.answersCutShort(), 1, 60'000);
    rusage usage{};
    QCOMPARE(::getrusage(RUSAGE_CHILDREN, &usage), 0);
    qInfo("peak RSS of the CLI children: %ld KiB; body bytes the server sent: %lld",
          usage.ru_maxrss, server.bodyBytesSent());
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer's quarantine and shadow memory make the peak meaningless here.
#else
    // 16 MiB of body and a small read buffer over the program's own size; a 200 MiB answer
    // held whole took 241 MB.
    QVERIFY2(usage.ru_maxrss < 128 * 1024,
             qPrintable(QStringLiteral("peak RSS %1 KiB").arg(usage.ru_maxrss)));
#endif
}

void TestCaptureSafety::maxTimeEndsATrickle()
{
    test::StreamingHttpServer server;
    // A byte every 20 ms for 100,000 bytes: never idle, and half an hour to the end.
    server.setAnswer({100'000, 1, 20});
    QVERIFY(server.listenLoopback());
    HttpCapture::Request request;
    request.url = QUrl(server.url());
    request.timeoutMs = 30'000;
    request.maxTimeMs = 500;
    const HttpCapture::Outcome outcome = run(request);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->category, ErrorCategory::Network);
    QVERIFY2(outcome.error->message.contains(QStringLiteral("longer than 0.5 s")),
             qPrintable(outcome.error->message));
    QTRY_COMPARE_WITH_TIMEOUT(server.answersCutShort(), 1, 60'000);
    QVERIFY(server.bodyBytesSent() < 100'000);
}

void TestCaptureSafety::cliMaxTime()
{
    test::StreamingHttpServer server;
    server.setAnswer({100'000, 1, 20});
    QVERIFY(server.listenLoopback());
    const test::CliRun capture =
        runCli({QStringLiteral("capture"), QStringLiteral("--timeout"), QStringLiteral("30"),
                QStringLiteral("--max-time"), QStringLiteral("0.5"), server.url()});
    QCOMPARE(capture.exitCode, 10); // network
    QVERIFY2(capture.err.contains("longer than 0.5 s"), capture.err.constData());
    QTRY_COMPARE_WITH_TIMEOUT(server.answersCutShort(), 1, 60'000);
    QVERIFY(server.bodyBytesSent() < 100'000);
    const test::CliRun wrong = runCli({QStringLiteral("capture"), QStringLiteral("--max-time"),
                                       QStringLiteral("0"), server.url()});
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY2(wrong.err.contains("--max-time"), wrong.err.constData());
}

void TestCaptureSafety::proxySecretsLeaveTheCommandLine_data()
{
    QTest::addColumn<bool>("cookieFromFile");
    QTest::newRow("--cookie") << false;
    QTest::newRow("--cookie-file") << true;
}

void TestCaptureSafety::proxySecretsLeaveTheCommandLine()
{
    QFETCH(bool, cookieFromFile);
    const QByteArray pin = "pinned-cookie-0123456789";
    const QByteArray key = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";
    const QByteArray secret = "a-flask-secret-on-the-command-line";
    test::StreamingHttpServer upstream;
    QVERIFY(upstream.listenLoopback());
    QTemporaryDir dir;
    const QString cookieFile = writeCookieFile(dir, pin);
    QVERIFY(!cookieFile.isEmpty());

    QProcess cli;
    cli.setProcessEnvironment(test::isolatedCliEnvironment());
    cli.start(test::cliPath(),
              {QStringLiteral("proxy"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
               QStringLiteral("--upstream"), upstream.url(), QStringLiteral("--key"),
               QString::fromLatin1(key), QStringLiteral("--secret=") + QString::fromLatin1(secret),
               cookieFromFile ? QStringLiteral("--cookie-file") : QStringLiteral("--cookie"),
               cookieFromFile ? cookieFile : QString::fromLatin1(pin)});
    QVERIFY(cli.waitForStarted());
    QByteArray banner;
    QTRY_VERIFY_WITH_TIMEOUT((banner += cli.readAllStandardError()).contains('\n') ||
                                 cli.state() == QProcess::NotRunning,
                             60'000);
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("listening on (http://\\S+)"))
            .match(QString::fromUtf8(banner));
    QVERIFY2(match.hasMatch(), banner.constData());

    // While it runs, its command line holds the options, never their values.
    const QByteArray cmdline = procCmdline(cli.processId());
    QVERIFY2(cmdline.contains("--upstream"), cmdline.constData());
    for (const QByteArray &hidden : {key, secret, pin})
        QVERIFY2(!cmdline.contains(hidden), hidden.constData());

    // And it still pins what it was given.
    HttpCapture::Request request;
    request.url = QUrl(match.captured(1)).resolved(QUrl(QStringLiteral("/account")));
    const HttpCapture::Outcome outcome = run(request);
    QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QCOMPARE(upstream.heads().size(), 1);
    QVERIFY2(upstream.heads().first().contains("session=" + pin),
             upstream.heads().first().constData());
    ::kill(pid_t(cli.processId()), SIGTERM);
    QVERIFY(cli.waitForFinished(30'000));
    QCOMPARE(cli.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestCaptureSafety)
#include "tst_CaptureSafety.moc"
