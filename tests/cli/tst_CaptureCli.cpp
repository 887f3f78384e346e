// `sessionlens-cli capture` with curl's habits (issue 18, items 2 and 3): -d is a form that a
// real Flask app reads, --json is JSON, a body makes a POST, and -c/-b carry the session from
// one run to the next as a shell script does. Against a real Flask app and a loopback server
// that keeps each request whole, both started here.
#include "FlaskServer.h"
#include "RecordingHttpServer.h"
#include "TestData.h"
#include "capture/CookieJar.h"
#include "formats/FlaskSignedCodec.h"
#include "json/Utf8Validator.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace sessionlens;

namespace {
const QByteArray kSecret = "loop-secret";
const QByteArray kForm = "application/x-www-form-urlencoded";

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

/// A HAR of one request with this User-Agent, carrying `session` signed with "dev".
bool writeHar(const QString &path, const QString &userAgent, const SessionValue &session)
{
    const QByteArray cookie =
        FlaskSignedCodec::sign(session, SecureBytes("dev", 3), 1700000000, {}).value();
    const auto header = [](const QString &name, const QString &value) {
        return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}};
    };
    const QJsonObject request{
        {QStringLiteral("url"), QStringLiteral("http://app.test/")},
        {QStringLiteral("headers"),
         QJsonArray{header(QStringLiteral("User-Agent"), userAgent),
                    header(QStringLiteral("Cookie"), QString::fromLatin1("session=" + cookie))}}};
    const QJsonObject entries{
        {QStringLiteral("entries"), QJsonArray{QJsonObject{{QStringLiteral("request"), request}}}}};
    return writeFile(path, QJsonDocument(QJsonObject{{QStringLiteral("log"), entries}}).toJson());
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestCaptureCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dataIsAFormFlaskReads();
    void cookieJarCarriesTheSessionAcrossRuns();
    void headersAsCurlSendsThem_data();
    void headersAsCurlSendsThem();
    void cookieStringSendsEveryPair();
    void sessionValueStillWorksAsBefore();
    void hostileCookieFileIsRefusedNamingTheLine();
    void cookiesLeaveTheCommandLine();
    void givenSessionWinsOverTheJars();
    void jarCookiesFollowRedirectsWithinTheOrigin();
    void importChecksFlaskLoginsIdentifier();
    void importSaysARefusedUserAgent();

private:
    test::CliRun capture(const QStringList &arguments)
    {
        return test::runCli(QStringList{QStringLiteral("capture")} + arguments);
    }
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_app.port()).arg(path);
    }
    test::FlaskServer m_app;
};

void TestCaptureCli::initTestCase()
{
    QString error;
    QVERIFY2(m_app.start(QStringLiteral("interop/flask_default_app.py"),
                         {QString::fromLatin1(kSecret)}, &error),
             qPrintable(error));
}

void TestCaptureCli::dataIsAFormFlaskReads()
{
    // The issue's command: before, no Content-Type went with the body, request.form was empty
    // and the app answered 401 "wrong password".
    const test::CliRun issue =
        capture({QStringLiteral("--method"), QStringLiteral("POST"), QStringLiteral("--data"),
                 QStringLiteral("username=alice&password=letmein"), url(QStringLiteral("/login"))});
    QVERIFY2(issue.exitCode == 0, issue.err.constData());
    QVERIFY2(issue.out.contains("302 POST " + url(QStringLiteral("/login")).toUtf8()),
             issue.out.constData());

    // No -X and no -H: the body makes a POST, and a form, so request.form has the password.
    const test::CliRun login =
        capture({QStringLiteral("--secret"), QString::fromLatin1(kSecret), QStringLiteral("-d"),
                 QStringLiteral("username=alice&password=letmein"), url(QStringLiteral("/login"))});
    QVERIFY2(login.exitCode == 0, login.err.constData());
    // The hops are listed first, then the sessions the app set.
    QVERIFY2(login.out.contains("302 POST " + url(QStringLiteral("/login")).toUtf8()),
             login.out.constData());
    QVERIFY2(login.out.contains("200 GET " + url(QStringLiteral("/account")).toUtf8()),
             login.out.constData());
    QVERIFY2(login.out.contains("alice"), login.out.constData());
}

void TestCaptureCli::cookieJarCarriesTheSessionAcrossRuns()
{
    QTemporaryDir dir;
    const QString jar = dir.filePath(QStringLiteral("jar"));
    const test::CliRun login =
        capture({QStringLiteral("-c"), jar, QStringLiteral("-d"),
                 QStringLiteral("username=alice&password=letmein"), url(QStringLiteral("/login"))});
    QVERIFY2(login.exitCode == 0, login.err.constData());
    // Private from the start, as the other files holding credentials are.
    QCOMPARE(QFileInfo(jar).permissions() &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    const QByteArray written = readFile(jar);
    QVERIFY2(written.startsWith("# Netscape HTTP Cookie File\n"), written.constData());
    QVERIFY2(written.contains("#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\t"),
             written.constData());

    // The next run goes on with the session and writes the app's new one back.
    const test::CliRun cart =
        capture({QStringLiteral("-b"), jar, QStringLiteral("-c"), jar, QStringLiteral("--body"),
                 QStringLiteral("-d"), QStringLiteral("item=mug"), url(QStringLiteral("/cart"))});
    QVERIFY2(cart.exitCode == 0, cart.err.constData());
    QVERIFY2(cart.out.contains("200 POST"), cart.out.constData());
    QVERIFY2(cart.out.contains("\"mug\""), cart.out.constData());
    QVERIFY(readFile(jar) != written);

    const test::CliRun account = capture({QStringLiteral("--cookie"), jar, QStringLiteral("--body"),
                                          url(QStringLiteral("/account"))});
    QVERIFY2(account.exitCode == 0, account.err.constData());
    QVERIFY2(account.out.contains("\"user\":\"alice\"") && account.out.contains("\"mug\""),
             account.out.constData());

    // Without the jar the app knows nobody: the session above came from the file.
    const test::CliRun nobody =
        capture({QStringLiteral("--body"), url(QStringLiteral("/account"))});
    QVERIFY2(nobody.out.contains("401 GET"), nobody.out.constData());
}

void TestCaptureCli::headersAsCurlSendsThem_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("-d") << QStringList{QStringLiteral("-d"), QStringLiteral("a=1")}
                        << QByteArray("POST") << kForm << QByteArray() << QByteArray("a=1");
    QTest::newRow("--data with -X PUT")
        << QStringList{QStringLiteral("--data"), QStringLiteral("a=1"), QStringLiteral("-X"),
                       QStringLiteral("PUT")}
        << QByteArray("PUT") << kForm << QByteArray() << QByteArray("a=1");
    QTest::newRow("-H Content-Type wins")
        << QStringList{QStringLiteral("-d"), QStringLiteral("x"), QStringLiteral("-H"),
                       QStringLiteral("content-type: text/plain")}
        << QByteArray("POST") << QByteArray("text/plain") << QByteArray() << QByteArray("x");
    QTest::newRow("--json") << QStringList{QStringLiteral("--json"), QStringLiteral("{\"a\":1}")}
                            << QByteArray("POST") << QByteArray("application/json")
                            << QByteArray("application/json") << QByteArray("{\"a\":1}");
    QTest::newRow("--json with -H Accept")
        << QStringList{QStringLiteral("--json"), QStringLiteral("[]"), QStringLiteral("-H"),
                       QStringLiteral("Accept: */*")}
        << QByteArray("POST") << QByteArray("application/json") << QByteArray("*/*")
        << QByteArray("[]");
    QTest::newRow("no body") << QStringList{} << QByteArray("GET") << QByteArray() << QByteArray()
                             << QByteArray();
}

void TestCaptureCli::headersAsCurlSendsThem()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, accept);
    QFETCH(QByteArray, body);
    test::RecordingHttpServer server;
    QVERIFY(server.listenLoopback());
    const test::CliRun run = capture(arguments + QStringList{server.url(QStringLiteral("/x"))});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(server.requests().size(), 1);
    const test::RecordingHttpServer::Request &seen = server.requests().first();
    QCOMPARE(seen.method, method);
    QCOMPARE(seen.header("Content-Type"), contentType);
    QCOMPARE(seen.head.count("ontent-Type:") + seen.head.count("ontent-type:"),
             contentType.isEmpty() ? 0 : 1);
    if (!accept.isEmpty())
        QCOMPARE(seen.header("Accept"), accept);
    QCOMPARE(seen.body, body);
}

void TestCaptureCli::cookieStringSendsEveryPair()
{
    test::RecordingHttpServer server;
    QVERIFY(server.listenLoopback());
    const test::CliRun run =
        capture({QStringLiteral("-b"), QStringLiteral("theme=dark; session=abc"),
                 server.url(QStringLiteral("/"))});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().first().header("Cookie"), QByteArray("theme=dark; session=abc"));

    // Every pair is checked as a cookie before anything is sent.
    const test::CliRun refused = capture(
        {QStringLiteral("-b"), QStringLiteral("theme=da rk"), server.url(QStringLiteral("/"))});
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(refused.err.contains("--cookie: a cookie value"), refused.err.constData());
    QCOMPARE(server.requests().size(), 1);
}

void TestCaptureCli::sessionValueStillWorksAsBefore()
{
    test::RecordingHttpServer server;
    QVERIFY(server.listenLoopback());
    // An EncryptedSession value holds '=' padding: still the session cookie's value.
    const QByteArray sealed = "u.YWJjZA==.dGFnMTIzNDU2Nzg5MDEyMw==.bm9uY2UxMjM0NTY3ODkwMQ==";
    const test::CliRun run = capture(
        {QStringLiteral("--cookie"), QString::fromLatin1(sealed), server.url(QStringLiteral("/"))});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(server.requests().last().header("Cookie"), "session=" + sealed);
    // Text that names no file and holds no '=': the session value too, with a word why.
    const test::CliRun plain =
        capture({QStringLiteral("--cookie-name"), QStringLiteral("sid"), QStringLiteral("--cookie"),
                 QStringLiteral("opaque123"), server.url(QStringLiteral("/"))});
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    QCOMPARE(server.requests().last().header("Cookie"), QByteArray("sid=opaque123"));
    QVERIFY2(plain.err.contains("sent as the session cookie's value"), plain.err.constData());
}

void TestCaptureCli::hostileCookieFileIsRefusedNamingTheLine()
{
    test::RecordingHttpServer server;
    QVERIFY(server.listenLoopback());
    QTemporaryDir dir;
    const QString jar = dir.filePath(QStringLiteral("jar"));
    QVERIFY(writeFile(jar, "# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\ta\t1\r\n"
                           "127.0.0.1\tFALSE\t/\tFALSE\t0\tb\t2\rX-Injected: yes\n"));
    const test::CliRun run = capture({QStringLiteral("-b"), jar, server.url(QStringLiteral("/"))});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("cookie file, line 3:"), run.err.constData());
    QVERIFY(server.requests().isEmpty());
}

void TestCaptureCli::cookiesLeaveTheCommandLine()
{
    // A server that takes the connection and never answers holds the run open meanwhile.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QSignalSpy connected(&silent, &QTcpServer::newConnection);
    const QByteArray secret = "eyJzZWNyZXQiOnRydWV9.not-for-ps";
    QProcess cli;
    cli.setProcessEnvironment(test::isolatedCliEnvironment());
    cli.start(test::cliPath(),
              {QStringLiteral("capture"), QStringLiteral("-b"),
               QStringLiteral("theme=dark; session=") + QString::fromLatin1(secret),
               QStringLiteral("--max-time"), QStringLiteral("60"),
               QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort())});
    QVERIFY(cli.waitForStarted());
    QVERIFY(connected.wait(60'000));
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(cli.processId()));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    const QByteArray arguments = cmdline.readAll();
    QVERIFY2(arguments.contains("-b"), arguments.constData());
    QVERIFY2(!arguments.contains(secret) && !arguments.contains("theme=dark"),
             arguments.constData());
    cli.kill();
    QVERIFY(cli.waitForFinished(30'000));
}

void TestCaptureCli::givenSessionWinsOverTheJars()
{
    test::RecordingHttpServer server;
    QVERIFY(server.listenLoopback());
    QTemporaryDir dir;
    const QString jar = dir.filePath(QStringLiteral("jar"));
    const QString edited = dir.filePath(QStringLiteral("edited.cookie"));
    QVERIFY(writeFile(jar, "#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tfrom-the-jar\n"
                           "127.0.0.1\tFALSE\t/\tFALSE\t0\ttheme\tdark\n"));
    QVERIFY(writeFile(edited, "edited.session\n"));

    // The replay of an edited session with the other cookies of the jar.
    const test::CliRun run = capture({QStringLiteral("-b"), jar, QStringLiteral("--cookie-file"),
                                      edited, server.url(QStringLiteral("/admin"))});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().first().header("Cookie"),
             QByteArray("theme=dark; session=edited.session"));

    // Given twice is refused, before anything is sent.
    const test::CliRun twice =
        capture({QStringLiteral("-b"), QStringLiteral("session=a"), QStringLiteral("--cookie-file"),
                 edited, server.url(QStringLiteral("/admin"))});
    QCOMPARE(twice.exitCode, 3);
    QVERIFY2(twice.err.contains("given twice"), twice.err.constData());
    QCOMPARE(server.requests().size(), 1);
}

void TestCaptureCli::jarCookiesFollowRedirectsWithinTheOrigin()
{
    // A login that sets a cookie on its redirect, which the next hop must carry; an expired
    // one deletes what the jar had, and a cookie for a path elsewhere stays home.
    test::RecordingHttpServer server;
    QVERIFY(server.listenLoopback());
    server.setAnswerHeaders("/login",
                            "Location: /account\r\n"
                            "Set-Cookie: csrf=t0k3n; Path=/\r\n"
                            "Set-Cookie: old=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT\r\n"
                            "Set-Cookie: api=1; Path=/api\r\n",
                            "302 Found");
    QTemporaryDir dir;
    const QString jar = dir.filePath(QStringLiteral("jar"));
    QVERIFY(writeFile(jar, "127.0.0.1\tFALSE\t/\tFALSE\t0\told\t1\n"));
    const test::CliRun run =
        capture({QStringLiteral("-b"), jar, QStringLiteral("-c"), jar, QStringLiteral("-d"),
                 QStringLiteral("u=a"), server.url(QStringLiteral("/login"))});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().at(0).header("Cookie"), QByteArray("old=1"));
    QCOMPARE(server.requests().at(1).path, QByteArray("/account"));
    QCOMPARE(server.requests().at(1).method, QByteArray("GET"));
    QCOMPARE(server.requests().at(1).header("Cookie"), QByteArray("csrf=t0k3n"));
    const QByteArray written = readFile(jar);
    QVERIFY2(written.contains("\tcsrf\tt0k3n\n") && written.contains("\t/api\t") &&
                 !written.contains("\told\t"),
             written.constData());
}

void TestCaptureCli::importChecksFlaskLoginsIdentifier()
{
    // A HAR whose session's `_id` Flask-Login computed for its request's User-Agent: quotes, a
    // control character and a non-ASCII one, which the records and notes must carry safely.
    const QString userAgent = QStringLiteral("Mozilla/5.0 \"q\" \u0001 \u00ff");
    // python3: ua = 'Mozilla/5.0 "q" \x01 \xff'
    //   hashlib.sha512(f"{b'127.0.0.1'}|{ua.encode('utf-8')}".encode()).hexdigest()
    const QString id = QStringLiteral(
        "b44af757a7b40741bcd0d2134cd9599aa4fce5f1094bff5cb33140f784dcac6e18b5f28462e74d17b53a0933c0"
        "842ee9811a97d8c45ce3387ecdd53a154e1a17");
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("_id"), SessionValue::makeString(id));
    session.setValue(QStringLiteral("_user_id"), SessionValue::makeString(QStringLiteral("42")));
    QTemporaryDir dir;
    const QString har = dir.filePath(QStringLiteral("login.har"));
    QVERIFY(writeHar(har, userAgent, session));
    const QStringList keys{QStringLiteral("--no-ring"), QStringLiteral("--secret"),
                           QStringLiteral("dev")};
    const test::CliRun tree =
        test::runCli(QStringList{QStringLiteral("import")} + keys + QStringList{har});
    QVERIFY2(tree.exitCode == 0, tree.err.constData());
    QVERIFY2(
        tree.out.contains(R"(# session['_id']: Flask-Login: SHA-512)") &&
            tree.out.contains(R"(computed from b'127.0.0.1'|b'Mozilla/5.0 "q" \x01 \xc3\xbf')"),
        tree.out.constData());
    const test::CliRun jsonl =
        test::runCli(QStringList{QStringLiteral("import")} + keys +
                     QStringList{QStringLiteral("--format"), QStringLiteral("jsonl"), har});
    QVERIFY2(jsonl.exitCode == 0, jsonl.err.constData());
    QCOMPARE(Utf8Validator::firstInvalid(jsonl.out), -1);
    QCOMPARE(jsonl.out.count('\n'), 1);
    QJsonParseError error;
    const QJsonObject record = QJsonDocument::fromJson(jsonl.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(record[QStringLiteral("user_agent")].toString(), userAgent);
    QVERIFY(record[QStringLiteral("remote_addr")].isNull());
    QCOMPARE(record[QStringLiteral("id_check")].toString(), QStringLiteral("matches"));
    QVERIFY2(jsonl.err.contains("note: session['_id']:"), jsonl.err.constData());
}

void TestCaptureCli::importSaysARefusedUserAgent()
{
    // No Flask-Login session here: the refusal is still said, in each output form.
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("cart"), SessionValue::makeList());
    QTemporaryDir dir;
    const QString har = dir.filePath(QStringLiteral("big.har"));
    QVERIFY(writeHar(har, QString(9000, u'A'), session));
    const test::CliRun tree =
        test::runCli({QStringLiteral("import"), QStringLiteral("--no-ring"), har});
    QVERIFY2(tree.exitCode == 0, tree.err.constData());
    QVERIFY2(tree.out.contains("# the request's User-Agent (9000 bytes) is over the limit of 8192 "
                               "bytes and was not kept"),
             tree.out.constData());
    const test::CliRun jsonl =
        test::runCli({QStringLiteral("import"), QStringLiteral("--no-ring"),
                      QStringLiteral("--format"), QStringLiteral("jsonl"), har});
    QVERIFY2(jsonl.exitCode == 0, jsonl.err.constData());
    QVERIFY(QJsonDocument::fromJson(jsonl.out).object()[QStringLiteral("user_agent")].isNull());
    QVERIFY2(jsonl.err.contains("note: the request's User-Agent (9000 bytes)"),
             jsonl.err.constData());
}

QTEST_GUILESS_MAIN(TestCaptureCli)
#include "tst_CaptureCli.moc"
