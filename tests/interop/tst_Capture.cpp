// The capture client against real apps on loopback: log in, open the session, edit it,
// replay it and see the app act on the edit; and every way a request can fail.
#include "FlaskServer.h"
#include "LoopbackHttpServer.h"
#include "TestData.h"
#include "capture/HttpCapture.h"
#include "capture/ReverseProxy.h"
#include "capture/Timeline.h"
#include "document/CookieOpener.h"
#include "document/SessionSealer.h"
#include "keys/KeyRing.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <tuple>

using namespace sessionlens;

namespace {

const QByteArray kKeyHex = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";
const QByteArray kSecret = "capture-test-secret";

SecureBytes aesKey()
{
    const QByteArray raw = QByteArray::fromHex(kKeyHex);
    return SecureBytes(raw.constData(), 32);
}

SecureBytes signingSecret()
{
    return SecureBytes(kSecret.constData(), std::size_t(kSecret.size()));
}

} // namespace

class TestCapture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loginEditReplay_data();
    void loginEditReplay();
    void sameOriginRedirectsCarryTheCookie();
    void crossOriginRedirectIsNotFollowed();
    void redirectLimit();
    void refusedConnection();
    void timeout();
    void untrustedCertificate();
    void logoutDeletesTheCookie();
    void timelineDiffsPerOrigin();
    void cliCaptureJsonl();
    void proxyReportsCookiesAndPins();
    void proxyRewritesAbsoluteRedirects();
    void proxyServesManyConnections();
    void proxyStreamsUploads();
    void proxyRefusesOversizedHeads();
    void cliProxyRunsUntilInterrupted();

private:
    HttpCapture::Outcome run(HttpCapture::Request request);
    QUrl url(const test::FlaskServer &server, const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(server.port()).arg(path));
    }
    HttpCapture::Request login(const test::FlaskServer &server) const;

    QNetworkAccessManager m_network;
    test::FlaskServer m_encrypted;
    test::FlaskServer m_signed;
    test::FlaskServer m_other;
};

void TestCapture::initTestCase()
{
    QString error;
    QVERIFY2(m_encrypted.start(QStringLiteral("interop/encrypted_session_app.py"),
                               {QString::fromLatin1(kKeyHex)}, &error),
             qPrintable(error));
    QVERIFY2(m_signed.start(QStringLiteral("interop/flask_default_app.py"),
                            {QString::fromLatin1(kSecret)}, &error),
             qPrintable(error));
    QVERIFY2(m_other.start(QStringLiteral("interop/encrypted_session_app.py"),
                           {QString::fromLatin1(kKeyHex)}, &error),
             qPrintable(error));
}

HttpCapture::Outcome TestCapture::run(HttpCapture::Request request)
{
    HttpCapture capture(m_network);
    QSignalSpy finished(&capture, &HttpCapture::finished);
    capture.start(std::move(request));
    if (finished.isEmpty() && !finished.wait(60000))
        return {Error::make(ErrorCategory::Network, QStringLiteral("test: no outcome")), {}};
    return finished.takeFirst().at(0).value<HttpCapture::Outcome>();
}

HttpCapture::Request TestCapture::login(const test::FlaskServer &server) const
{
    HttpCapture::Request request;
    request.method = "POST";
    request.url = url(server, QStringLiteral("/login"));
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    request.body = "username=alice&password=letmein";
    return request;
}

void TestCapture::loginEditReplay_data()
{
    QTest::addColumn<bool>("signedFormat");
    QTest::newRow("EncryptedSession") << false;
    QTest::newRow("Flask signed") << true;
}

void TestCapture::loginEditReplay()
{
    QFETCH(bool, signedFormat);
    const test::FlaskServer &server = signedFormat ? m_signed : m_encrypted;
    const HttpCapture::Outcome loggedIn = run(login(server));
    QVERIFY2(!loggedIn.error, qPrintable(loggedIn.error ? loggedIn.error->toString() : QString()));
    QCOMPARE(loggedIn.response.hops.size(), 2); // POST /login, then GET /account
    QCOMPARE(loggedIn.response.hops[0].status, 302);
    QCOMPARE(loggedIn.response.hops[1].status, 200);
    QVERIFY(!loggedIn.response.sessionCookie.isEmpty());

    KeyRing ring;
    QVERIFY(ring.add(SessionKey(QStringLiteral("aes"), aesKey())).ok());
    QVERIFY(ring.add(SessionKey(QStringLiteral("secret"), signingSecret(),
                                SessionKey::Kind::SigningSecret))
                .ok());
    const CookieOpener::Opened opened =
        CookieOpener::open(loggedIn.response.sessionCookie, ring, {});
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error->toString()));
    QCOMPARE(opened.format->id(),
             signedFormat ? QStringLiteral("signed") : QStringLiteral("encrypted"));
    QCOMPARE(opened.session().value(QStringLiteral("role"))->stringValue(), QStringLiteral("user"));

    // As the developer: the admin page refuses, then the edited session gets in.
    HttpCapture::Request admin;
    admin.url = url(server, QStringLiteral("/admin"));
    admin.cookieValue = loggedIn.response.sessionCookie;
    QCOMPARE(run(admin).response.hops.last().status, 403);

    SessionValue edited = opened.session();
    edited.setValue(QStringLiteral("role"), SessionValue::makeString(QStringLiteral("admin")));
    SessionSealer::Options options;
    options.format = opened.format;
    const SessionSealer::Sealed resealed =
        SessionSealer::seal(edited, signedFormat ? signingSecret() : aesKey(), options);
    QVERIFY(resealed.ok());
    admin.cookieValue = resealed.cookie;
    const HttpCapture::Outcome replayed = run(admin);
    QVERIFY(!replayed.error);
    QCOMPARE(replayed.response.hops.last().status, 200);
    QCOMPARE(replayed.response.body, QByteArray("welcome, admin"));
    // The request's cookie is on record as sent.
    QCOMPARE(replayed.response.captured.first().source, CapturedCookie::Source::Request);
    QCOMPARE(replayed.response.captured.first().value, resealed.cookie);
}

void TestCapture::sameOriginRedirectsCarryTheCookie()
{
    const HttpCapture::Outcome loggedIn = run(login(m_encrypted));
    HttpCapture::Request bounce;
    bounce.url = url(m_encrypted, QStringLiteral("/bounce"));
    bounce.cookieValue = loggedIn.response.sessionCookie;
    const HttpCapture::Outcome outcome = run(bounce);
    QVERIFY(!outcome.error);
    QCOMPARE(outcome.response.hops.size(), 2);
    QCOMPARE(outcome.response.hops[1].status, 200); // /account saw the cookie: logged in
    QVERIFY(outcome.response.body.contains("\"alice\""));
}

void TestCapture::crossOriginRedirectIsNotFollowed()
{
    const HttpCapture::Outcome loggedIn = run(login(m_encrypted));
    const QUrl elsewhere = url(m_other, QStringLiteral("/account"));
    HttpCapture::Request away;
    away.url = url(m_encrypted, QStringLiteral("/away"));
    away.url.setQuery(QStringLiteral("to=") +
                      QString::fromLatin1(QUrl::toPercentEncoding(elsewhere.toString())));
    away.cookieValue = loggedIn.response.sessionCookie;
    const HttpCapture::Outcome outcome = run(away);
    QVERIFY(!outcome.error);
    QCOMPARE(outcome.response.hops.size(), 1);
    QVERIFY(outcome.response.crossOriginRedirect);
    QCOMPARE(*outcome.response.crossOriginRedirect, elsewhere);
    // The other origin never saw the session: asked directly, it has none.
    QVERIFY(m_other.dump({}).empty);
    for (const CapturedCookie &cookie : outcome.response.captured)
        QVERIFY(HttpCapture::sameOrigin(QUrl(cookie.url), away.url));
}

void TestCapture::redirectLimit()
{
    HttpCapture::Request loop;
    loop.url = url(m_encrypted, QStringLiteral("/loop"));
    loop.maxRedirects = 3;
    const HttpCapture::Outcome outcome = run(loop);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->category, ErrorCategory::Limit);
    QCOMPARE(outcome.response.hops.size(), 4);
}

void TestCapture::refusedConnection()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    } // closed: nothing listens there now
    HttpCapture::Request request;
    request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    const HttpCapture::Outcome outcome = run(request);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->category, ErrorCategory::Network);
    QVERIFY2(outcome.error->message.contains(QStringLiteral("connection refused")),
             qPrintable(outcome.error->message));
}

void TestCapture::timeout()
{
    test::LoopbackHttpServer silent(test::LoopbackHttpServer::Mode::Silent);
    QVERIFY(silent.listenLoopback());
    HttpCapture::Request request;
    request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort()));
    request.timeoutMs = 500;
    const HttpCapture::Outcome outcome = run(request);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->category, ErrorCategory::Network);
    QVERIFY2(outcome.error->message.startsWith(QStringLiteral("timed out")),
             qPrintable(outcome.error->message));
}

void TestCapture::untrustedCertificate()
{
    test::LoopbackHttpServer tls(test::LoopbackHttpServer::Mode::Answer);
    QString error;
    QVERIFY2(tls.useTls(&error), qPrintable(error));
    tls.setResponse("HTTP/1.1 200 OK\r\nSet-Cookie: session=u.abc.def.ghi; HttpOnly; "
                    "Path=/\r\nContent-Length: 2\r\n"
                    "Connection: close\r\n\r\nok");
    QVERIFY(tls.listenLoopback());
    HttpCapture::Request request;
    request.url = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(tls.serverPort()));
    const HttpCapture::Outcome refused = run(request);
    QVERIFY(refused.error);
    QCOMPARE(refused.error->category, ErrorCategory::Network);
    QVERIFY2(refused.error->message.startsWith(QStringLiteral("TLS")),
             qPrintable(refused.error->message));
    QCOMPARE(tls.requestsSeen(), 0);
    // Allowed explicitly for this host, the same server answers.
    request.insecureHosts = {QStringLiteral("127.0.0.1")};
    const HttpCapture::Outcome allowed = run(request);
    QVERIFY2(!allowed.error, qPrintable(allowed.error ? allowed.error->toString() : QString()));
    QCOMPARE(allowed.response.hops.last().status, 200);
    QCOMPARE(allowed.response.sessionCookie, QByteArray("u.abc.def.ghi"));
}

void TestCapture::logoutDeletesTheCookie()
{
    const HttpCapture::Outcome loggedIn = run(login(m_signed));
    HttpCapture::Request logout;
    logout.url = url(m_signed, QStringLiteral("/logout"));
    logout.cookieValue = loggedIn.response.sessionCookie;
    const HttpCapture::Outcome outcome = run(logout);
    QVERIFY(!outcome.error);
    QCOMPARE(outcome.response.hops.size(), 1);
    QCOMPARE(outcome.response.hops[0].sessionCookies.size(), 1); // the deleting Set-Cookie
    QVERIFY(outcome.response.sessionCookie.isEmpty());
}

void TestCapture::timelineDiffsPerOrigin()
{
    KeyRing ring;
    QVERIFY(ring.add(SessionKey(QStringLiteral("aes"), aesKey())).ok());
    Timeline timeline(ring, {});
    const HttpCapture::Outcome loggedIn = run(login(m_encrypted));
    HttpCapture::Request cart;
    cart.method = "POST";
    cart.url = url(m_encrypted, QStringLiteral("/cart"));
    cart.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    cart.body = "item=book";
    cart.cookieValue = loggedIn.response.sessionCookie;
    const HttpCapture::Outcome added = run(cart);
    for (const HttpCapture::Outcome *outcome : {&loggedIn, &added})
        for (const CapturedCookie &cookie : outcome->response.captured)
            if (cookie.source == CapturedCookie::Source::Response)
                (void)timeline.add(cookie);
    QVERIFY(timeline.entries().size() >= 3);
    const Timeline::Entry &last = timeline.entries().last();
    QVERIFY(last.readable());
    QVERIFY(last.hasPrevious);
    QCOMPARE(last.changes.changes.size(), 1);
    QCOMPARE(last.changes.changes[0].path, QStringLiteral("session['cart'][0]"));
    QCOMPARE(last.changes.changes[0].after, QStringLiteral("'book'"));
    const QJsonObject json = Timeline::toJson(last);
    QCOMPARE(json[QStringLiteral("source")].toString(), QStringLiteral("response"));
    QCOMPARE(json[QStringLiteral("status")].toInt(), 200);
    QCOMPARE(json[QStringLiteral("opened_with")].toString(), QStringLiteral("aes"));
    QVERIFY(json[QStringLiteral("error")].isNull());
    QVERIFY(json[QStringLiteral("plaintext")].toString().contains(QStringLiteral("\"book\"")));
}

void TestCapture::cliCaptureJsonl()
{
    QProcess cli;
    cli.setProcessEnvironment(test::isolatedCliEnvironment());
    cli.start(test::cliPath(),
              {QStringLiteral("capture"), QStringLiteral("--format"), QStringLiteral("jsonl"),
               QStringLiteral("--secret"), QString::fromLatin1(kSecret), QStringLiteral("--method"),
               QStringLiteral("POST"), QStringLiteral("-H"),
               QStringLiteral("Content-Type: application/x-www-form-urlencoded"),
               QStringLiteral("--data"), QStringLiteral("username=bob&password=letmein"),
               url(m_signed, QStringLiteral("/login")).toString()});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 0);
    const QList<QByteArray> lines = cli.readAllStandardOutput().trimmed().split('\n');
    QVERIFY(!lines.isEmpty());
    for (const QByteArray &line : lines) {
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        QCOMPARE(entry[QStringLiteral("format")].toString(), QStringLiteral("signed"));
        QCOMPARE(entry[QStringLiteral("verified")].toBool(), true);
        QCOMPARE(entry[QStringLiteral("name")].toString(), QStringLiteral("session"));
        QVERIFY(entry[QStringLiteral("plaintext")].toString().contains(
            QStringLiteral("\"user\":\"bob\"")));
        QVERIFY(QDateTime::fromString(entry[QStringLiteral("time")].toString(), Qt::ISODateWithMs)
                    .isValid());
    }
    // A 4xx is still a response: exit 0. A refused connection is exit 10.
    QProcess forbidden;
    forbidden.setProcessEnvironment(test::isolatedCliEnvironment());
    forbidden.start(test::cliPath(), {QStringLiteral("capture"),
                                      url(m_signed, QStringLiteral("/admin")).toString()});
    QVERIFY(forbidden.waitForFinished(60000));
    QCOMPARE(forbidden.exitCode(), 0);
    QVERIFY(forbidden.readAllStandardOutput().startsWith("403 GET"));
}

void TestCapture::proxyReportsCookiesAndPins()
{
    ReverseProxy proxy(m_network);
    QVERIFY(proxy.start(QHostAddress::LocalHost, 0, url(m_encrypted, QStringLiteral("/"))).ok());
    QList<CapturedCookie> seen;
    connect(&proxy, &ReverseProxy::cookieSeen, this,
            [&seen](const CapturedCookie &cookie) { seen.append(cookie); });
    const QUrl base = proxy.address();

    // The browser's side: log in through the proxy. The login's relative redirect stays on it.
    HttpCapture::Request login = this->login(m_encrypted);
    login.url = base.resolved(QUrl(QStringLiteral("/login")));
    const HttpCapture::Outcome loggedIn = run(login);
    QVERIFY2(!loggedIn.error, qPrintable(loggedIn.error ? loggedIn.error->toString() : QString()));
    QCOMPARE(loggedIn.response.hops.size(), 2);
    QCOMPARE(loggedIn.response.hops[1].url.port(), base.port());
    QCOMPARE(loggedIn.response.hops[1].status, 200);
    // Both the cookie the app set and the one the client sent back came by.
    QVERIFY(std::any_of(seen.cbegin(), seen.cend(), [](const CapturedCookie &c) {
        return c.source == CapturedCookie::Source::Response;
    }));
    const auto firstSet = std::find_if(seen.cbegin(), seen.cend(), [](const CapturedCookie &c) {
        return c.source == CapturedCookie::Source::Response;
    });
    QVERIFY(firstSet != seen.cend());
    QVERIFY(std::any_of(seen.cbegin(), seen.cend(), [&](const CapturedCookie &c) {
        return c.source == CapturedCookie::Source::Request && c.value == firstSet->value;
    }));

    // Pin an edited session: every forwarded request carries it, whatever the browser sends.
    KeyRing ring;
    QVERIFY(ring.add(SessionKey(QStringLiteral("aes"), aesKey())).ok());
    SessionValue session = CookieOpener::open(loggedIn.response.sessionCookie, ring, {}).session();
    session.setValue(QStringLiteral("role"), SessionValue::makeString(QStringLiteral("admin")));
    proxy.pin(SessionSealer::seal(session, aesKey(), {}).cookie);
    HttpCapture::Request admin;
    admin.url = base.resolved(QUrl(QStringLiteral("/admin")));
    admin.cookieValue = loggedIn.response.sessionCookie; // the browser's own, still "user"
    const HttpCapture::Outcome pinned = run(admin);
    QCOMPARE(pinned.response.hops.last().status, 200);
    QCOMPARE(pinned.response.body, QByteArray("welcome, admin"));
    admin.cookieValue.clear(); // no cookie at all: the pin is added
    QCOMPARE(run(admin).response.hops.last().status, 200);
    proxy.pin({});
    admin.cookieValue = loggedIn.response.sessionCookie;
    QCOMPARE(run(admin).response.hops.last().status, 403);
}

void TestCapture::proxyRewritesAbsoluteRedirects()
{
    ReverseProxy proxy(m_network);
    QVERIFY(proxy.start(QHostAddress::LocalHost, 0, url(m_encrypted, QStringLiteral("/"))).ok());
    HttpCapture::Request bounce;
    bounce.url = proxy.address().resolved(QUrl(QStringLiteral("/bounce")));
    bounce.maxRedirects = 0;
    const HttpCapture::Outcome outcome = run(bounce);
    QVERIFY(outcome.error); // the limit of 0, after the first hop: we only want its Location
    QCOMPARE(outcome.response.hops.size(), 1);
    QByteArray location;
    for (const auto &[name, value] : outcome.response.hops[0].headers)
        if (name.compare("location", Qt::CaseInsensitive) == 0)
            location = value;
    QCOMPARE(QUrl::fromEncoded(location).port(), proxy.address().port());
    QCOMPARE(QUrl::fromEncoded(location).path(), QStringLiteral("/account"));
}

void TestCapture::proxyServesManyConnections()
{
    ReverseProxy proxy(m_network);
    QVERIFY(proxy.start(QHostAddress::LocalHost, 0, url(m_encrypted, QStringLiteral("/"))).ok());
    // Twenty requests at once, each on its own manager (so on its own connections).
    constexpr int kClients = 20;
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    std::vector<std::unique_ptr<HttpCapture>> captures;
    int done = 0, ok = 0;
    for (int i = 0; i < kClients; ++i) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        captures.push_back(std::make_unique<HttpCapture>(*managers.back()));
        connect(captures.back().get(), &HttpCapture::finished, this,
                [&](const HttpCapture::Outcome &outcome) {
                    ++done;
                    ok += (!outcome.error && outcome.response.hops.last().status == 401)
                              ? 1
                              : 0; // /account without a session
                });
        HttpCapture::Request request;
        request.url = proxy.address().resolved(QUrl(QStringLiteral("/account")));
        captures.back()->start(request);
    }
    QTRY_COMPARE_WITH_TIMEOUT(done, kClients, 60000);
    QCOMPARE(ok, kClients);
}

void TestCapture::proxyStreamsUploads()
{
    ReverseProxy proxy(m_network);
    QVERIFY(proxy.start(QHostAddress::LocalHost, 0, url(m_encrypted, QStringLiteral("/"))).ok());
    // Larger than the proxy ever holds in memory: with its length announced, it is streamed.
    const qsizetype size = ProxyConnection::kMaxRequestBody + 8 * 1024 * 1024;
    HttpCapture::Request upload;
    upload.method = "POST";
    upload.url = proxy.address().resolved(QUrl(QStringLiteral("/upload")));
    upload.headers = {{"Content-Type", "application/octet-stream"}};
    upload.body = QByteArray(size, 'u');
    const HttpCapture::Outcome outcome = run(upload);
    QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QCOMPARE(outcome.response.hops.last().status, 200);
    QCOMPARE(outcome.response.body, QByteArray::number(size));
    // And the connection still serves the next request.
    HttpCapture::Request account;
    account.url = proxy.address().resolved(QUrl(QStringLiteral("/account")));
    QCOMPARE(run(account).response.hops.last().status, 401);
}

void TestCapture::proxyRefusesOversizedHeads()
{
    ReverseProxy proxy(m_network);
    QVERIFY(proxy.start(QHostAddress::LocalHost, 0, url(m_encrypted, QStringLiteral("/"))).ok());
    // The proxy runs on this thread: wait through the event loop, never by blocking.
    QTcpSocket first, second;
    QByteArray tooBig, bad;
    const QByteArray bigRequest =
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(ProxyConnection::kMaxHeadBytes, 'a') +
        "\r\n\r\n";
    const QByteArray badRequest = "NOT HTTP AT ALL\r\n\r\n";
    for (auto [socket, answer, request] :
         {std::tuple{&first, &tooBig, &bigRequest}, std::tuple{&second, &bad, &badRequest}}) {
        connect(socket, &QTcpSocket::readyRead, this,
                [answer, socket] { *answer += socket->readAll(); });
        connect(socket, &QTcpSocket::connected, this,
                [request, socket] { socket->write(*request); });
        socket->connectToHost(QHostAddress::LocalHost, quint16(proxy.address().port()));
    }
    QTRY_VERIFY_WITH_TIMEOUT(tooBig.contains("\r\n\r\n") && bad.contains("\r\n\r\n"), 30000);
    QVERIFY2(tooBig.startsWith("HTTP/1.1 431"), tooBig.constData());
    QVERIFY(tooBig.contains("Connection: close"));
    QVERIFY2(bad.startsWith("HTTP/1.1 400"), bad.constData());
}

void TestCapture::cliProxyRunsUntilInterrupted()
{
    QProcess cli;
    cli.setProcessEnvironment(test::isolatedCliEnvironment());
    cli.start(test::cliPath(),
              {QStringLiteral("proxy"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
               QStringLiteral("--upstream"), url(m_signed, QStringLiteral("/")).toString(),
               QStringLiteral("--secret"), QString::fromLatin1(kSecret), QStringLiteral("--format"),
               QStringLiteral("jsonl")});
    QVERIFY(cli.waitForStarted());
    QByteArray banner;
    cli.setReadChannel(QProcess::StandardError);
    while (!banner.contains('\n') && cli.waitForReadyRead(30000))
        banner += cli.readAllStandardError();
    cli.setReadChannel(QProcess::StandardOutput);
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("listening on (http://\\S+)"))
            .match(QString::fromUtf8(banner));
    QVERIFY2(match.hasMatch(), banner.constData());
    const QUrl address(match.captured(1));

    HttpCapture::Request login = this->login(m_signed);
    login.url = address.resolved(QUrl(QStringLiteral("/login")));
    QVERIFY(!run(login).error);
    // Each entry arrives as it happens, flushed, through the pipe.
    QByteArray lines = cli.readAllStandardOutput();
    while (lines.count('\n') < 2 && cli.waitForReadyRead(30000))
        lines += cli.readAllStandardOutput();
    const QJsonObject first = QJsonDocument::fromJson(lines.split('\n').first()).object();
    QCOMPARE(first[QStringLiteral("source")].toString(), QStringLiteral("response"));
    QCOMPARE(first[QStringLiteral("verified")].toBool(), true);
    ::kill(pid_t(cli.processId()), SIGTERM);
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestCapture)
#include "tst_Capture.moc"
