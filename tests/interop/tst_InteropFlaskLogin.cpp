// Flask-Login (Debian's python3-flask-login) against SessionLens, both ways: its remember
// cookie opens, verifies and re-signs byte-identically; a remember cookie forged for another
// user logs that user in on a fresh client; its session's _id is what our check computes, and
// strong session protection agrees with the check. The app's secret is not ASCII, so Flask
// signs the session with its UTF-8 bytes and Flask-Login the remember cookie with its Latin-1
// bytes.

#include "FlaskServer.h"
#include "TestData.h"
#include "capture/HttpCapture.h"
#include "capture/ReverseProxy.h"
#include "capture/Timeline.h"
#include "document/CookieOpener.h"
#include "document/SessionSealer.h"
#include "formats/FlaskLoginSession.h"
#include "formats/RememberCookieFormat.h"
#include "keys/KeyRing.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>

using namespace sessionlens;

namespace {

const QByteArray kSecret = "interop-s\xc3\xa9"
                           "cret";
const QByteArray kUserAgent = "SessionLens-interop/1.0 (X11; \"quoted\")";
// Sent as UTF-8 bytes: the app reads them as Latin-1 and Flask-Login hashes that text as UTF-8.
const QString kCaptureAgent = QStringLiteral("SessionLens-capture/2.0 (\u00e9t\u00e9; \"q\")");

/// The JSON records of a `capture --format jsonl` run.
QList<QJsonObject> records(const QByteArray &out)
{
    QList<QJsonObject> list;
    for (const QByteArray &line : out.split('\n'))
        if (!line.isEmpty())
            list.append(QJsonDocument::fromJson(line).object());
    return list;
}

/// The first record of `source` ("request", "response").
QJsonObject recordOf(const QList<QJsonObject> &list, const QString &source)
{
    for (const QJsonObject &record : list)
        if (record[QStringLiteral("source")].toString() == source)
            return record;
    return {};
}

SecureBytes secret()
{
    return SecureBytes(kSecret.constData(), std::size_t(kSecret.size()));
}

KeyRing ring()
{
    KeyRing keys;
    if (!keys.add(SessionKey(QStringLiteral("old"), SecureBytes("old", 3),
                             SessionKey::Kind::SigningSecret)) ||
        !keys.add(SessionKey(QStringLiteral("app"), secret(), SessionKey::Kind::SigningSecret)))
        qFatal("the ring refused a secret");
    return keys;
}

QJsonObject json(const test::FlaskServer::Reply &reply)
{
    return QJsonDocument::fromJson(reply.body).object();
}

} // namespace

class TestInteropFlaskLogin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void itsRememberCookieOpensAndResigns();
    void itsIdentifierIsWhatWeCompute();
    void forgedRememberCookieLogsInAnotherUser();
    void wrongSecretLogsNobodyIn();
    void cliConvertsAndExplains();
    void crackFindsTheSecret();
    void captureRecordsTheRememberCookie();
    void captureChecksTheIdentifier();
    void qtsOwnUserAgentIsWhatTheAppHashes();
    void proxyChecksTheIdentifier();

private:
    struct Login
    {
        QByteArray session;
        QByteArray remember;
    };
    Login login(const QString &userId);

    test::FlaskServer m_server;
};

void TestInteropFlaskLogin::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(QStringLiteral("interop/flask_login_app.py"),
                            {QString::fromUtf8(kSecret)}, &error),
             qPrintable(error));
    m_server.setUserAgent(kUserAgent);
}

TestInteropFlaskLogin::Login TestInteropFlaskLogin::login(const QString &userId)
{
    const auto reply = m_server.get(QStringLiteral("/login/") +
                                    QString::fromUtf8(QUrl::toPercentEncoding(userId)));
    if (!reply.error.isEmpty() || reply.status != 200)
        qWarning("login failed: %s", qPrintable(reply.error));
    return {test::FlaskServer::cookieValue(reply, "session"),
            test::FlaskServer::cookieValue(reply, RememberCookieFormat::kCookieName)};
}

void TestInteropFlaskLogin::itsRememberCookieOpensAndResigns()
{
    for (const QString &userId :
         {QStringLiteral("42"), QStringLiteral("ada lovelace"), QStringLiteral("\u00fc;x")}) {
        const Login made = login(userId);
        QVERIFY(!made.remember.isEmpty());
        KeyRing keys = ring();
        const auto opened = CookieOpener::open(made.remember, keys, {});
        QVERIFY2(opened.ok(), qPrintable(opened.error ? opened.error->message : QString()));
        QCOMPARE(opened.format->id(), QStringLiteral("remember"));
        QCOMPARE(opened.verified, std::optional<bool>(true));
        QCOMPARE(keys.at(opened.keyIndex).name(), QStringLiteral("app"));
        QCOMPARE(opened.session().child(0)->stringValue(), userId);
        QVERIFY(opened.detailsAs<RememberCookieFormat::Details>()->latin1Key);
        // Re-signed with the secret that verified it: Flask-Login's cookie, byte for byte.
        SealOptions options;
        options.format = opened.format;
        const auto sealed =
            SessionSealer::seal(opened.session(), keys.at(opened.keyIndex).bytes(), options);
        QVERIFY(sealed.ok());
        QCOMPARE(sealed.cookie, made.remember);
        QCOMPARE(sealed.report.cookieValueBytes, made.remember.size());
    }
}

void TestInteropFlaskLogin::itsIdentifierIsWhatWeCompute()
{
    const Login made = login(QStringLiteral("42"));
    KeyRing keys = ring();
    const auto opened = CookieOpener::open(made.session, keys, {});
    QVERIFY(opened.ok());
    QCOMPARE(opened.format->id(), QStringLiteral("signed"));
    const FlaskLoginSession::Client same{"127.0.0.1", kUserAgent};
    const FlaskLoginSession::Client other{"127.0.0.1", "curl/7.88.1"};
    QCOMPARE(FlaskLoginSession::checkIdentifier(opened.session(), same),
             FlaskLoginSession::IdentifierCheck::Matches);
    QCOMPARE(FlaskLoginSession::checkIdentifier(opened.session(), other),
             FlaskLoginSession::IdentifierCheck::DoesNotMatch);
    // Strong protection says the same: the session logs in with the same user agent only.
    const QByteArray cookie = "session=" + made.session;
    QCOMPARE(
        json(m_server.get(QStringLiteral("/whoami"), cookie))[QStringLiteral("user")].toString(),
        QStringLiteral("42"));
    m_server.setUserAgent(other.userAgent.value());
    const QJsonObject stranger = json(m_server.get(QStringLiteral("/whoami"), cookie));
    m_server.setUserAgent(kUserAgent);
    QVERIFY(stranger[QStringLiteral("user")].isNull());
}

void TestInteropFlaskLogin::forgedRememberCookieLogsInAnotherUser()
{
    const Login made = login(QStringLiteral("42"));
    KeyRing keys = ring();
    const auto opened = CookieOpener::open(made.remember, keys, {});
    QVERIFY(opened.ok());
    for (const QString &userId : {QStringLiteral("7"), QStringLiteral("root admin")}) {
        // The generic edit path: change the tree, seal it in its own format with its secret.
        SessionValue edited = opened.session();
        edited.setValue(QStringLiteral("user_id"), SessionValue::makeString(userId));
        SealOptions options;
        options.format = opened.format;
        const auto forged = SessionSealer::seal(edited, keys.at(opened.keyIndex).bytes(), options);
        QVERIFY(forged.ok());
        // A fresh client: no session cookie, only the remember cookie.
        const QJsonObject who =
            json(m_server.get(QStringLiteral("/whoami"),
                              QByteArray(RememberCookieFormat::kCookieName) + '=' + forged.cookie));
        QCOMPARE(who[QStringLiteral("user")].toString(), userId);
        QCOMPARE(who[QStringLiteral("fresh")].toBool(true), false); // logged in from the cookie
    }
}

void TestInteropFlaskLogin::wrongSecretLogsNobodyIn()
{
    SealOptions options;
    options.format = FormatRegistry::builtIn().find(RememberCookieFormat::formatId());
    SessionValue tree = SessionValue::makeDict();
    tree.setValue(QStringLiteral("user_id"), SessionValue::makeString(QStringLiteral("7")));
    // The secret's UTF-8 bytes as if the app's SECRET_KEY were bytes: Flask-Login uses Latin-1.
    const auto forged = SessionSealer::seal(tree, SecureBytes("guess", 5), options);
    QVERIFY(forged.ok());
    const QJsonObject who =
        json(m_server.get(QStringLiteral("/whoami"),
                          QByteArray(RememberCookieFormat::kCookieName) + '=' + forged.cookie));
    QVERIFY(who[QStringLiteral("user")].isNull());
    KeyRing keys = ring();
    const auto opened = CookieOpener::open(forged.cookie, keys, {});
    QCOMPARE(opened.verified, std::optional<bool>(false));
    QCOMPARE(opened.error->category, ErrorCategory::Authentication);
}

void TestInteropFlaskLogin::cliConvertsAndExplains()
{
    const Login made = login(QStringLiteral("42"));
    const QString secretArg = QString::fromUtf8(kSecret);
    // Flask-Login's session becomes the remember cookie Flask-Login set beside it.
    const test::CliRun converted =
        test::runCli({QStringLiteral("convert"), QStringLiteral("--no-ring"),
                      QStringLiteral("--secret"), secretArg, QStringLiteral("--to"),
                      QStringLiteral("remember"), QString::fromLatin1(made.session)});
    QVERIFY2(converted.exitCode == 0, converted.err.constData());
    QCOMPARE(converted.out.trimmed(), made.remember);
    QVERIFY2(converted.err.contains("session['_id']: dropped"), converted.err.constData());
    // decode names the remember cookie's user and the secret that verified it ...
    const test::CliRun remember = test::runCli(
        {QStringLiteral("decode"), QStringLiteral("--no-ring"), QStringLiteral("--secret"),
         QStringLiteral("old"), QStringLiteral("--secret"), secretArg,
         QStringLiteral("remember_token=") + QString::fromLatin1(made.remember)});
    QVERIFY2(remember.exitCode == 0, remember.err.constData());
    QVERIFY2(remember.err.contains("user id \"42\"") &&
                 remember.err.contains("digest valid: --secret #2"),
             remember.err.constData());
    // ... and explains the session's Flask-Login keys, _id checked against the user agent.
    const test::CliRun session = test::runCli(
        {QStringLiteral("decode"), QStringLiteral("--no-ring"), QStringLiteral("--user-agent"),
         QString::fromLatin1(kUserAgent), QString::fromLatin1(made.session)});
    QVERIFY2(session.exitCode == 0, session.err.constData());
    QVERIFY2(session.err.contains("session['_id']:") &&
                 session.err.contains("computed from b'127.0.0.1'|b'" + kUserAgent + "'"),
             session.err.constData());
    QVERIFY2(session.err.contains("session['_user_id']:"), session.err.constData());
}

void TestInteropFlaskLogin::crackFindsTheSecret()
{
    const Login made = login(QStringLiteral("42"));
    QTemporaryFile list;
    QVERIFY(list.open());
    // The app's secret is not ASCII: Flask-Login keyed the digest with its Latin-1 bytes.
    list.write("changeme\nsecret\n" + kSecret + "\nletmein\n");
    list.close();
    const test::CliRun found = test::runCli(
        {QStringLiteral("crack"), QStringLiteral("--no-builtin"), QStringLiteral("--wordlist"),
         list.fileName(), QStringLiteral("remember_token=") + QString::fromLatin1(made.remember)});
    QVERIFY2(found.exitCode == 0, found.err.constData());
    QCOMPARE(found.out.trimmed(), kSecret);
    QVERIFY2(found.err.contains("found at line 3"), found.err.constData());
    // Without the secret in the list: nothing found, every candidate tried.
    QTemporaryFile wrong;
    QVERIFY(wrong.open());
    wrong.write("changeme\nsecret\n");
    wrong.close();
    const test::CliRun none = test::runCli({QStringLiteral("crack"), QStringLiteral("--no-builtin"),
                                            QStringLiteral("--wordlist"), wrong.fileName(),
                                            QString::fromLatin1(made.remember)});
    QCOMPARE(none.exitCode, 4);
    QVERIFY2(none.err.contains("tried 2"), none.err.constData());
}

void TestInteropFlaskLogin::captureRecordsTheRememberCookie()
{
    // `capture` sends the request itself and records the remember_token the app sets.
    const test::CliRun run = test::runCli(
        {QStringLiteral("capture"), QStringLiteral("--no-ring"), QStringLiteral("--secret"),
         QString::fromUtf8(kSecret), QStringLiteral("--cookie-name"),
         QString::fromLatin1(RememberCookieFormat::kCookieName), QStringLiteral("--format"),
         QStringLiteral("jsonl"),
         QStringLiteral("http://127.0.0.1:%1/login/42").arg(m_server.port())});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject record = QJsonDocument::fromJson(run.out.split('\n').first()).object();
    QCOMPARE(record[QStringLiteral("format")].toString(), QStringLiteral("remember"));
    QCOMPARE(record[QStringLiteral("verified")].toBool(), true);
    QCOMPARE(record[QStringLiteral("plaintext")].toString(),
             QStringLiteral(R"({"user_id": "42"})"));
}

void TestInteropFlaskLogin::captureChecksTheIdentifier()
{
    const QString login = QStringLiteral("http://127.0.0.1:%1/login/42").arg(m_server.port());
    const test::CliRun run =
        test::runCli({QStringLiteral("capture"), QStringLiteral("--no-ring"),
                      QStringLiteral("--secret"), QString::fromUtf8(kSecret),
                      QStringLiteral("--header"), QStringLiteral("User-Agent: ") + kCaptureAgent,
                      QStringLiteral("--format"), QStringLiteral("jsonl"), login});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject set = recordOf(records(run.out), QStringLiteral("response"));
    QCOMPARE(set[QStringLiteral("verified")].toBool(), true);
    // The record keeps the bytes sent, one character each.
    QCOMPARE(set[QStringLiteral("user_agent")].toString(),
             QString::fromLatin1(kCaptureAgent.toUtf8()));
    QCOMPARE(set[QStringLiteral("remote_addr")].toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(set[QStringLiteral("id_check")].toString(), QStringLiteral("matches"));
    QVERIFY2(run.err.contains("note: session['_id']:") &&
                 run.err.contains("computed from b'127.0.0.1'|b'SessionLens-capture/2.0 "
                                  "(\\xc3\\x83\\xc2\\xa9t"),
             run.err.constData());
    const QByteArray session = set[QStringLiteral("value")].toString().toLatin1();

    // Strong protection agrees: the session logs in with that User-Agent only (the proxy's
    // test below checks a request record of another one).
    m_server.setUserAgent("curl/7.88.1");
    const QJsonObject stranger =
        json(m_server.get(QStringLiteral("/whoami"), "session=" + session));
    m_server.setUserAgent(kCaptureAgent.toUtf8());
    const QJsonObject owner = json(m_server.get(QStringLiteral("/whoami"), "session=" + session));
    m_server.setUserAgent(kUserAgent);
    QVERIFY(stranger[QStringLiteral("user")].isNull());
    QCOMPARE(owner[QStringLiteral("user")].toString(), QStringLiteral("42"));
}

void TestInteropFlaskLogin::qtsOwnUserAgentIsWhatTheAppHashes()
{
    // No User-Agent given: Qt sends its own, and the app hashed that.
    const test::CliRun run =
        test::runCli({QStringLiteral("capture"), QStringLiteral("--no-ring"),
                      QStringLiteral("--format"), QStringLiteral("jsonl"),
                      QStringLiteral("http://127.0.0.1:%1/login/7").arg(m_server.port())});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject set = recordOf(records(run.out), QStringLiteral("response"));
    QCOMPARE(set[QStringLiteral("user_agent")].toString(),
             QLatin1String(RequestClient::kQtDefaultUserAgent));
    QCOMPARE(set[QStringLiteral("id_check")].toString(), QStringLiteral("matches"));
}

void TestInteropFlaskLogin::proxyChecksTheIdentifier()
{
    QNetworkAccessManager network;
    ReverseProxy proxy(network);
    QVERIFY(proxy
                .start(QHostAddress::LocalHost, 0,
                       QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server.port())))
                .ok());
    // What the proxy reported of the last request sent through it.
    QList<CapturedCookie> seen;
    connect(&proxy, &ReverseProxy::cookieSeen, this,
            [&seen](const CapturedCookie &cookie) { seen.append(cookie); });
    const KeyRing keys = ring();
    Timeline timeline(keys, {});
    QNetworkAccessManager browserNetwork;
    const auto browse = [&](const QString &path,
                            const QList<std::pair<QByteArray, QByteArray>> &headers,
                            const QByteArray &cookie) {
        seen.clear();
        HttpCapture browser(browserNetwork);
        QSignalSpy done(&browser, &HttpCapture::finished);
        HttpCapture::Request request;
        request.url = proxy.address().resolved(QUrl(path));
        request.headers = headers;
        request.cookieValue = cookie;
        browser.start(request);
        if (!done.wait(60000))
            return QJsonObject{{QStringLiteral("error"), QStringLiteral("no answer")}};
        return QJsonDocument::fromJson(
                   done.takeFirst().at(0).value<HttpCapture::Outcome>().response.body)
            .object();
    };
    // The browser's User-Agent reaches the app through the proxy: the login's `_id` matches.
    QVERIFY(!browse(QStringLiteral("/login/42"), {{"User-Agent", kUserAgent}}, {})
                 .contains(QStringLiteral("error")));
    const auto set = std::find_if(seen.cbegin(), seen.cend(), [](const CapturedCookie &c) {
        return c.source == CapturedCookie::Source::Response && c.name == "session";
    });
    QVERIFY(set != seen.cend());
    QCOMPARE(set->client.userAgent(), std::optional<QByteArray>(kUserAgent));
    QCOMPARE(set->client.remoteAddress(), std::optional<QByteArray>("127.0.0.1"));
    const Timeline::Entry &made = timeline.add(*set);
    QVERIFY(made.identifier);
    QCOMPARE(made.identifier->check, FlaskLoginSession::IdentifierCheck::Matches);
    const QByteArray session = set->value;

    // Another browser with that session: strong protection refuses it, and the request's
    // record does not match.
    const QJsonObject stranger =
        browse(QStringLiteral("/whoami"), {{"User-Agent", "curl/7.88.1"}}, session);
    QVERIFY(stranger.contains(QStringLiteral("user")) && stranger[QStringLiteral("user")].isNull());
    const auto sent = std::find_if(seen.cbegin(), seen.cend(), [&](const CapturedCookie &c) {
        return c.source == CapturedCookie::Source::Request && c.value == session;
    });
    QVERIFY(sent != seen.cend());
    QCOMPARE(timeline.add(*sent).identifier->check,
             FlaskLoginSession::IdentifierCheck::DoesNotMatch);

    // A forwarded X-Forwarded-For is what Flask-Login takes the address from: its first entry.
    QVERIFY(!browse(QStringLiteral("/login/43"),
                    {{"User-Agent", kUserAgent}, {"X-Forwarded-For", "198.51.100.7, 10.0.0.1"}}, {})
                 .contains(QStringLiteral("error")));
    const auto forwarded = std::find_if(seen.cbegin(), seen.cend(), [](const CapturedCookie &c) {
        return c.source == CapturedCookie::Source::Response && c.name == "session";
    });
    QVERIFY(forwarded != seen.cend());
    QCOMPARE(forwarded->client.remoteAddress(), std::optional<QByteArray>("198.51.100.7"));
    const Timeline::Entry &viaForwarded = timeline.add(*forwarded);
    QCOMPARE(viaForwarded.identifier->check, FlaskLoginSession::IdentifierCheck::Matches);
    QVERIFY2(viaForwarded.identifier->text.contains(QLatin1String("b'198.51.100.7'")),
             qPrintable(viaForwarded.identifier->text));
}

QTEST_GUILESS_MAIN(TestInteropFlaskLogin)
#include "tst_InteropFlaskLogin.moc"
