// What a capture keeps of a request's client, and Flask-Login's `_id` checked against it: the
// rules of Qt's requests (its own User-Agent, X-Forwarded-For's first entry, the loopback
// address), the User-Agent's bound (a 10 MB one in a HAR is refused and said), a HAR whose
// session's `_id` was computed for its User-Agent, and JSON records that stay valid for any
// bytes.

#include "capture/CookieImporter.h"
#include "capture/RequestClient.h"
#include "capture/Timeline.h"
#include "formats/FlaskSignedCodec.h"
#include "json/Utf8Validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sessionlens;

namespace {

using Check = FlaskLoginSession::IdentifierCheck;

// A HAR's User-Agent: quotes and a non-ASCII character the app reads as Latin-1 and
// Flask-Login hashes as UTF-8.
const QString kUserAgent = QStringLiteral("Mozilla/5.0 (X11; Linux) \"quoted\" \u00e9");
// python3: ua = 'Mozilla/5.0 (X11; Linux) "quoted" \u00e9';
//   hashlib.sha512(f"{b'127.0.0.1'}|{ua.encode('utf-8')}".encode()).hexdigest()
// (Flask-Login 0.6.2's _create_identifier; tst_interop_flasklogin proves the rule against it).
constexpr char kIdForUserAgent[] =
    "026f02824a9b7800d025d9853ecde89231f758d7dfd1fa40e5867777526422745d3d1ff1e49ae019aecf760ca9"
    "9f936816a6da5bd5b633490e2936dd4c35f52e";

SessionValue loginSession(const QByteArray &id)
{
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("_fresh"), SessionValue::makeBool(true));
    session.setValue(QStringLiteral("_id"), SessionValue::makeString(QString::fromLatin1(id)));
    session.setValue(QStringLiteral("_user_id"), SessionValue::makeString(QStringLiteral("42")));
    return session;
}

QByteArray signedCookie(const SessionValue &session)
{
    return FlaskSignedCodec::sign(session, SecureBytes("dev", 3), 1700000000, {}).value();
}

KeyRing devRing()
{
    KeyRing ring;
    if (!ring.add(SessionKey(QStringLiteral("dev"), SecureBytes("dev", 3),
                             SessionKey::Kind::SigningSecret)))
        qFatal("the ring refused a secret");
    return ring;
}

/// A HAR of one entry: `headers` on the request, the cookie set by its response.
QByteArray har(const QJsonArray &headers, const QByteArray &cookie)
{
    const QJsonObject request{{QStringLiteral("method"), QStringLiteral("GET")},
                              {QStringLiteral("url"), QStringLiteral("http://app.test/login")},
                              {QStringLiteral("headers"), headers}};
    const QJsonObject response{
        {QStringLiteral("status"), 200},
        {QStringLiteral("headers"),
         QJsonArray{QJsonObject{
             {QStringLiteral("name"), QStringLiteral("Set-Cookie")},
             {QStringLiteral("value"), QString::fromLatin1("session=" + cookie + "; Path=/")}}}}};
    const QJsonObject entry{
        {QStringLiteral("startedDateTime"), QStringLiteral("2026-11-20T10:00:00.000Z")},
        {QStringLiteral("request"), request},
        {QStringLiteral("response"), response}};
    return QJsonDocument(QJsonObject{{QStringLiteral("log"),
                                      QJsonObject{{QStringLiteral("entries"), QJsonArray{entry}}}}})
        .toJson();
}

QJsonObject header(const QString &name, const QString &value)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("value"), value}};
}

} // namespace

class TestRequestClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void userAgentIsBounded();
    void qtRequestRules();
    void checkNeverClaimsAMismatchItCannotKnow();
    void harUserAgentChecksTheIdentifier();
    void hugeHarUserAgentIsRefusedAndSaid();
    void jsonRecordsCarryTheClientForAnyBytes();
};

void TestRequestClient::userAgentIsBounded()
{
    RequestClient client;
    QVERIFY(!client.userAgentKnown());
    QVERIFY(client.setUserAgent(QByteArray(RequestClient::kMaxUserAgentBytes, 'a')));
    QVERIFY(client.userAgentKnown());
    QCOMPARE(client.userAgent()->size(), RequestClient::kMaxUserAgentBytes);
    QVERIFY(!client.setUserAgent(QByteArray(RequestClient::kMaxUserAgentBytes + 1, 'a')));
    QVERIFY(!client.userAgentKnown());
    QVERIFY(!client.userAgent());
    QCOMPARE(client.refusedUserAgentBytes(), RequestClient::kMaxUserAgentBytes + 1);
    QVERIFY(!client.flaskLoginClient());
    const auto note = client.checkIdentifier(loginSession(kIdForUserAgent));
    QVERIFY(note);
    QCOMPARE(note->check, Check::NoClient);
    QVERIFY2(note->text.contains(QLatin1String("8193 bytes")) &&
                 note->text.contains(QLatin1String("over the limit of 8192")),
             qPrintable(note->text));
    // None is a user agent too: the request had no header.
    QVERIFY(client.setUserAgent(std::nullopt));
    QVERIFY(client.userAgentKnown());
    QCOMPARE(client.refusedUserAgentBytes(), 0);
}

void TestRequestClient::qtRequestRules()
{
    const QUrl local(QStringLiteral("http://127.0.0.1:5000/login"));
    // No User-Agent, or an empty one: Qt sends its own.
    RequestClient client = RequestClient::sentByQt(local, {});
    QCOMPARE(client.userAgent(), std::optional<QByteArray>("Mozilla/5.0"));
    QCOMPARE(client.remoteAddress(), std::optional<QByteArray>("127.0.0.1"));
    client = RequestClient::sentByQt(local, {{"User-Agent", ""}});
    QCOMPARE(client.userAgent(), std::optional<QByteArray>("Mozilla/5.0"));
    // The last one given is the one sent (QNetworkRequest::setRawHeader replaces).
    client = RequestClient::sentByQt(local, {{"user-agent", "first"}, {"USER-AGENT", "last"}});
    QCOMPARE(client.userAgent(), std::optional<QByteArray>("last"));
    // X-Forwarded-For's first entry, stripped, is what Flask-Login takes.
    client = RequestClient::sentByQt(local, {{"X-Forwarded-For", " 10.0.0.7 \t, 127.0.0.1"}});
    QCOMPARE(client.remoteAddress(), std::optional<QByteArray>("10.0.0.7"));
    QCOMPARE(RequestClient::firstForwardedFor("203.0.113.9"), QByteArray("203.0.113.9"));
    QCOMPARE(RequestClient::firstForwardedFor(",x"), QByteArray());
    client = RequestClient::sentByQt(QUrl(QStringLiteral("http://[::1]:5000/")), {});
    QCOMPARE(client.remoteAddress(), std::optional<QByteArray>("::1"));
    // A name, or another host: the address the app sees cannot be known here.
    for (const char *url : {"http://localhost:5000/", "http://app.test/", "http://127.0.0.2/"})
        QVERIFY2(!RequestClient::sentByQt(QUrl(QString::fromLatin1(url)), {}).remoteAddress(), url);
}

void TestRequestClient::checkNeverClaimsAMismatchItCannotKnow()
{
    const SessionValue session = loginSession(kIdForUserAgent);
    RequestClient client;
    QVERIFY(client.setUserAgent(kUserAgent.toLatin1()));
    // Address unknown: the loopback address is tried, and its match is proof.
    auto note = client.checkIdentifier(session);
    QVERIFY(note);
    QCOMPARE(note->check, Check::Matches);
    QVERIFY2(note->text.contains(QLatin1String(
                 R"(computed from b'127.0.0.1'|b'Mozilla/5.0 (X11; Linux) "quoted" \xc3\xa9')")),
             qPrintable(note->text));
    // Another user agent, address unknown: not checked, never "does not match".
    QVERIFY(client.setUserAgent("curl/7.88.1"));
    note = client.checkIdentifier(session);
    QCOMPARE(note->check, Check::AddressUnknown);
    QCOMPARE(RequestClient::checkName(note->check), QStringLiteral("not_checked"));
    QVERIFY2(note->text.startsWith(QLatin1String("not checked")) &&
                 note->text.contains(QLatin1String("b'curl/7.88.1'")),
             qPrintable(note->text));
    // With the address known, the same user agent is a mismatch.
    client.setRemoteAddress(QByteArray("127.0.0.1"));
    note = client.checkIdentifier(session);
    QCOMPARE(note->check, Check::DoesNotMatch);
    QCOMPARE(RequestClient::checkName(note->check), QStringLiteral("does_not_match"));
    // A source that knows nothing of the request (a browser's store) says so.
    note = RequestClient().checkIdentifier(session);
    QCOMPARE(note->check, Check::NoClient);
    QVERIFY2(note->text.contains(QLatin1String("does not know")), qPrintable(note->text));
    // No `_id`, or no Flask-Login session: nothing to check.
    SessionValue plain = SessionValue::makeDict();
    plain.setValue(QStringLiteral("_user_id"), SessionValue::makeString(QStringLiteral("1")));
    QVERIFY(!client.checkIdentifier(plain));
    QVERIFY(!client.checkIdentifier(SessionValue::makeDict()));
}

void TestRequestClient::harUserAgentChecksTheIdentifier()
{
    const QByteArray cookie = signedCookie(loginSession(kIdForUserAgent));
    const QJsonArray headers{header(QStringLiteral("Host"), QStringLiteral("app.test")),
                             header(QStringLiteral("User-Agent"), kUserAgent)};
    auto imported = CookieImporter::importData(har(headers, cookie), {});
    QVERIFY2(imported.ok(), qPrintable(imported ? QString() : imported.error().message));
    QCOMPARE(imported->cookies.size(), 1);
    const CapturedCookie &captured = imported->cookies.first();
    QVERIFY(captured.client.userAgentKnown());
    QCOMPARE(captured.client.userAgent(), std::optional<QByteArray>(kUserAgent.toLatin1()));
    QVERIFY(!captured.client.remoteAddress()); // a HAR does not say it

    const KeyRing ring = devRing();
    Timeline timeline(ring, {});
    const Timeline::Entry &entry = timeline.add(captured);
    QVERIFY(entry.readable());
    QVERIFY(entry.identifier);
    QCOMPARE(entry.identifier->check, Check::Matches);
    const QJsonObject record = Timeline::toJson(entry);
    QCOMPARE(record[QStringLiteral("user_agent")].toString(), kUserAgent);
    QVERIFY(record[QStringLiteral("remote_addr")].isNull());
    QCOMPARE(record[QStringLiteral("id_check")].toString(), QStringLiteral("matches"));

    // The same session under another browser: not checked (the address is not known).
    const QJsonArray other{header(QStringLiteral("user-agent"), QStringLiteral("curl/7.88.1"))};
    imported = CookieImporter::importData(har(other, cookie), {});
    QVERIFY(imported.ok());
    const Timeline::Entry &curl = timeline.add(imported->cookies.first());
    QCOMPARE(curl.identifier->check, Check::AddressUnknown);
    QCOMPARE(Timeline::toJson(curl)[QStringLiteral("id_check")].toString(),
             QStringLiteral("not_checked"));
    // No User-Agent header at all: Python's None, known.
    imported = CookieImporter::importData(har({}, cookie), {});
    QVERIFY(imported->cookies.first().client.userAgentKnown());
    QVERIFY(!imported->cookies.first().client.userAgent());
}

void TestRequestClient::hugeHarUserAgentIsRefusedAndSaid()
{
    const QByteArray cookie = signedCookie(loginSession(kIdForUserAgent));
    const QString huge(10 * 1024 * 1024, u'x');
    auto imported = CookieImporter::importData(
        har(QJsonArray{header(QStringLiteral("User-Agent"), huge)}, cookie), {});
    QVERIFY(imported.ok());
    QCOMPARE(imported->cookies.size(), 1); // the cookie is kept, its user agent is not
    const RequestClient &client = imported->cookies.first().client;
    QVERIFY(!client.userAgentKnown());
    QCOMPARE(client.refusedUserAgentBytes(), huge.size());
    QCOMPARE(imported->warnings.size(), 1);
    QVERIFY2(imported->warnings.first().contains(QLatin1String("entry 1")) &&
                 imported->warnings.first().contains(QLatin1String("10485760 bytes")),
             qPrintable(imported->warnings.first()));
    const KeyRing ring = devRing();
    Timeline timeline(ring, {});
    const Timeline::Entry &entry = timeline.add(imported->cookies.first());
    QCOMPARE(entry.identifier->check, Check::NoClient);
    QVERIFY2(entry.identifier->text.contains(QLatin1String("over the limit")),
             qPrintable(entry.identifier->text));
    QVERIFY(Timeline::toJson(entry)[QStringLiteral("user_agent")].isNull());
}

void TestRequestClient::jsonRecordsCarryTheClientForAnyBytes()
{
    // Quotes, a backslash, controls, NUL, invalid UTF-8 and a lone UTF-8 lead byte.
    const QByteArray hostile("say \"hi\" \\ \x01\x1f\x7f\x00 \xff\xfe \xc3(", 20);
    CapturedCookie cookie;
    cookie.value = signedCookie(loginSession(kIdForUserAgent));
    QVERIFY(cookie.client.setUserAgent(hostile));
    cookie.client.setRemoteAddress(QByteArray("10.0.0.1\"\n"));
    const KeyRing ring = devRing();
    Timeline timeline(ring, {});
    const Timeline::Entry &entry = timeline.add(cookie);
    QCOMPARE(entry.identifier->check, Check::DoesNotMatch);
    const QByteArray line = QJsonDocument(Timeline::toJson(entry)).toJson(QJsonDocument::Compact);
    QVERIFY(!line.contains('\n'));
    QCOMPARE(Utf8Validator::firstInvalid(line), -1);
    QJsonParseError error;
    const QJsonObject back = QJsonDocument::fromJson(line, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    // Each byte one character: the exact bytes come back.
    QCOMPARE(back[QStringLiteral("user_agent")].toString().toLatin1(), hostile);
    QCOMPARE(back[QStringLiteral("remote_addr")].toString(), QStringLiteral("10.0.0.1\"\n"));
    QCOMPARE(back[QStringLiteral("id_check")].toString(), QStringLiteral("does_not_match"));
    // A cookie its source knows no client of: both null, and no check without a session.
    CapturedCookie stored;
    stored.value = "not a cookie";
    const QJsonObject none = Timeline::toJson(timeline.add(stored));
    QVERIFY(none[QStringLiteral("user_agent")].isNull());
    QVERIFY(none[QStringLiteral("remote_addr")].isNull());
    QVERIFY(none[QStringLiteral("id_check")].isNull());
}

QTEST_GUILESS_MAIN(TestRequestClient)
#include "tst_RequestClient.moc"
