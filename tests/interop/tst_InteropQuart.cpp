// Quart (Debian's python3-quart 0.18.3, served by hypercorn on loopback) signs its session as
// Flask does (itsdangerous, salt cookie-session, HMAC-SHA1, Flask's tags), with two differences
// these tests pin down: it writes keys in insertion order, not sorted, and a datetime as ISO
// 8601 (`{" d": "2001-06-06T03:54:50.000000+00:00"}`, which Flask's parse_date reads as None).
// Quart reads Flask's HTTP dates too. So: Quart reads every cookie we sign as the same
// session; its cookies of sessions without datetimes open, verify and, when their keys are
// in sorted order, re-sign byte-identically. A third difference is a Quart bug: its TagDict
// cannot read Flask's `{" di": ...}` escape (a dict whose one key is a tag) and answers 500.

#include "FlaskServer.h"
#include "SessionGenerator.h"
#include "TestData.h"
#include "document/CookieOpener.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/FlaskSignedFormat.h"
#include "json/PythonJsonWriter.h"
#include "json/PythonRepr.h"

#include <QDateTime>
#include <QTest>

using namespace sessionlens;

namespace {

const QByteArray kSecret = "quart-secret-\xc3\xa9";
constexpr int kSessions = 80;

SecureBytes secret()
{
    return SecureBytes(kSecret.constData(), std::size_t(kSecret.size()));
}

bool containsDateTime(const SessionValue &value)
{
    if (value.type() == SessionValue::Type::DateTime)
        return true;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (containsDateTime(*value.child(i)))
            return true;
    }
    return false;
}

bool containsTagEscape(const SessionValue &session)
{
    return PythonJsonWriter::write(session, PythonJsonWriter::Style::FlaskTagged)
        .contains(R"({" di":)");
}

/// The next generated session Quart can read (no " di" escape) and, with `noDateTime`,
/// without a datetime (which Quart writes its own way).
SessionValue quartSession(test::SessionGenerator &generator, bool noDateTime)
{
    for (int attempt = 0; attempt < 1000; ++attempt) {
        SessionValue session = generator.flaskSession();
        if (!containsTagEscape(session) && !(noDateTime && containsDateTime(session)))
            return session;
    }
    return SessionValue::makeDict();
}

KeyRing quartRing()
{
    KeyRing ring;
    if (!ring.add(SessionKey(QStringLiteral("quart"), secret(), SessionKey::Kind::SigningSecret)))
        qFatal("the ring refused the secret");
    return ring;
}

} // namespace

class TestInteropQuart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void quartReadsOurCookies();
    void weReadAndResignQuartCookies();
    void quartKeepsInsertionOrder();
    void quartWritesDateTimesAsIso();
    void quartFailsOnTheTagEscape();
    void theFormatNamesQuart();

private:
    test::FlaskServer m_server;
};

void TestInteropQuart::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(QStringLiteral("interop/quart_session_app.py"),
                            {QString::fromUtf8(kSecret)}, &error),
             qPrintable(error));
}

void TestInteropQuart::quartReadsOurCookies()
{
    test::SessionGenerator generator(141);
    const FlaskSignedCodec::Options options;
    for (int i = 0; i < kSessions; ++i) {
        const SessionValue session = quartSession(generator, false);
        auto cookie =
            FlaskSignedCodec::sign(session, secret(), QDateTime::currentSecsSinceEpoch(), options);
        QVERIFY(cookie.ok());
        const test::FlaskServer::Dump dump = m_server.dump(cookie.value());
        QVERIFY2(dump.error.isEmpty(),
                 qPrintable(dump.error + u' ' + QString::fromLatin1(cookie.value())));
        QVERIFY2(!dump.empty, qPrintable(QStringLiteral("Quart rejected session %1").arg(i)));
        if (!containsDateTime(session))
            QCOMPARE(dump.json,
                     PythonJsonWriter::write(session, PythonJsonWriter::Style::FlaskTagged));
        const auto decoded = FlaskSignedCodec::decode(cookie.value(), options, {secret()});
        QVERIFY(decoded.ok());
        QCOMPARE(dump.repr, PythonRepr::repr(decoded.session));
    }
}

void TestInteropQuart::weReadAndResignQuartCookies()
{
    test::SessionGenerator generator(142);
    const FlaskSignedCodec::Options options;
    for (int i = 0; i < kSessions; ++i) {
        const SessionValue session = quartSession(generator, true);
        const QByteArray json =
            PythonJsonWriter::write(session, PythonJsonWriter::Style::FlaskTagged);
        const auto reply = m_server.post(QStringLiteral("/set"), json);
        QVERIFY2(reply.error.isEmpty() && reply.status == 200,
                 qPrintable(QString::fromUtf8(reply.body.left(500))));
        const QByteArray cookie = test::FlaskServer::cookieValue(reply);
        QVERIFY(!cookie.isEmpty());
        KeyRing ring;
        QVERIFY(ring.add(
            SessionKey(QStringLiteral("quart"), secret(), SessionKey::Kind::SigningSecret)));
        const auto opened = CookieOpener::open(cookie, ring, {});
        QVERIFY2(opened.ok(), qPrintable(opened.error ? opened.error->message : QString()));
        QCOMPARE(opened.format->id(), FlaskSignedFormat::formatId());
        QCOMPARE(opened.verified, std::optional<bool>(true));
        QCOMPARE(opened.keyIndex, 0);
        QCOMPARE(opened.json(), json);
        // The same tree signed with Quart's timestamp is Quart's cookie, byte for byte.
        const auto *details = opened.detailsAs<FlaskSignedCodec::Decoded>();
        QVERIFY(details);
        auto again =
            FlaskSignedCodec::sign(opened.session(), secret(), details->parts.timestamp, options);
        QVERIFY(again.ok());
        QCOMPARE(again.value(), cookie);
    }
}

void TestInteropQuart::quartKeepsInsertionOrder()
{
    // /set keeps the body's order, as session["zebra"] = ...; session["apple"] = ... would.
    const QByteArray json = R"({"zebra":1,"apple":{"y":2,"b":[3]}})";
    const auto reply = m_server.post(QStringLiteral("/set"), json);
    QCOMPARE(reply.status, 200);
    const QByteArray cookie = test::FlaskServer::cookieValue(reply);
    KeyRing ring = quartRing();
    const auto opened = CookieOpener::open(cookie, ring, {});
    QVERIFY(opened.ok());
    QCOMPARE(opened.verified, std::optional<bool>(true));
    // Opened as written, order kept; re-signed, Flask's sorted order, which Quart reads as
    // the same session.
    QCOMPARE(opened.json(), json);
    auto resigned =
        FlaskSignedCodec::sign(opened.session(), secret(), QDateTime::currentSecsSinceEpoch(), {});
    QVERIFY(resigned.ok());
    const test::FlaskServer::Dump dump = m_server.dump(resigned.value());
    QVERIFY(!dump.empty);
    QCOMPARE(dump.json, QByteArray(R"({"apple":{"b":[3],"y":2},"zebra":1})"));
}

void TestInteropQuart::quartWritesDateTimesAsIso()
{
    // Quart reads Flask's HTTP date and writes it back as ISO 8601.
    const auto reply =
        m_server.post(QStringLiteral("/set"), R"({"when":{" d":"Wed, 06 Jun 2001 03:54:50 GMT"}})");
    QCOMPARE(reply.status, 200);
    KeyRing ring = quartRing();
    const auto opened = CookieOpener::open(test::FlaskServer::cookieValue(reply), ring, {});
    QVERIFY(opened.ok());
    QCOMPARE(opened.json(), QByteArray(R"({"when":{" d":"2001-06-06T03:54:50.000000+00:00"}})"));
}

void TestInteropQuart::quartFailsOnTheTagEscape()
{
    // {"x": {" t": 1}} is written with Flask's escape; Flask reads it back, Quart 0.18.3 fails.
    SessionValue inner = SessionValue::makeDict();
    inner.setValue(QStringLiteral(" t"), SessionValue::makeInteger(1));
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("x"), inner);
    QVERIFY(containsTagEscape(session));
    auto cookie = FlaskSignedCodec::sign(session, secret(), QDateTime::currentSecsSinceEpoch(), {});
    QVERIFY(cookie.ok());
    const auto reply = m_server.get(QStringLiteral("/dump"), "session=" + cookie.value());
    QCOMPARE(reply.status, 500);
}

void TestInteropQuart::theFormatNamesQuart()
{
    const CookieFormat *format = FormatRegistry::builtIn().find(FlaskSignedFormat::formatId());
    QVERIFY(format->displayName().contains(QLatin1String("Quart")));
    QVERIFY(format->displayName().contains(QLatin1String("Flask")));
}

QTEST_GUILESS_MAIN(TestInteropQuart)
#include "tst_InteropQuart.moc"
