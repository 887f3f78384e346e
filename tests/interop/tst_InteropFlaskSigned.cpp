#include "FlaskServer.h"
#include "SessionGenerator.h"
#include "TestData.h"
#include "formats/FlaskSignedCodec.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonWriter.h"
#include "json/PythonRepr.h"

#include <QDateTime>
#include <QTest>

using namespace sessionlens;

namespace {

const QByteArray kSecret = "interop-secret-\xc3\xa9";
constexpr int kSessions = 240;

using Dump = test::FlaskServer::Dump;

SecureBytes secret()
{
    return SecureBytes(kSecret.constData(), std::size_t(kSecret.size()));
}

} // namespace

class TestInteropFlaskSigned : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void flaskReadsOurCookies();
    void weReadFlaskCookies();
    void wrongSecretIsRejectedByBoth();

private:
    test::FlaskServer m_server;
};

void TestInteropFlaskSigned::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(QStringLiteral("interop/flask_default_app.py"),
                            {QString::fromUtf8(kSecret)}, &error),
             qPrintable(error));
}

void TestInteropFlaskSigned::flaskReadsOurCookies()
{
    test::SessionGenerator generator(41);
    const FlaskSignedCodec::Options options;
    int compressed = 0;
    for (int i = 0; i < kSessions; ++i) {
        const SessionValue session = generator.flaskSession();
        auto cookie =
            FlaskSignedCodec::sign(session, secret(), QDateTime::currentSecsSinceEpoch(), options);
        QVERIFY(cookie.ok());
        compressed += cookie->startsWith('.') ? 1 : 0;
        const Dump dump = m_server.dump(cookie.value());
        QVERIFY2(dump.error.isEmpty(), qPrintable(dump.error));
        QVERIFY2(!dump.empty, qPrintable(QStringLiteral("Flask rejected session %1: %2")
                                             .arg(i)
                                             .arg(QString::fromLatin1(cookie.value()))));
        const QByteArray ours =
            PythonJsonWriter::write(session, PythonJsonWriter::Style::FlaskTagged);
        QCOMPARE(dump.json, ours);
        // Flask's dict keeps the (sorted) order of the JSON it read: compare with our decode of it.
        const auto decoded = FlaskSignedCodec::decode(cookie.value(), options, {secret()});
        QVERIFY(decoded.ok());
        QCOMPARE(dump.repr, PythonRepr::repr(decoded.session));
    }
    QVERIFY(compressed > kSessions / 10);
    QVERIFY(compressed < kSessions - kSessions / 10);
}

void TestInteropFlaskSigned::weReadFlaskCookies()
{
    test::SessionGenerator generator(42);
    const FlaskSignedCodec::Options options;
    for (int i = 0; i < kSessions; ++i) {
        const SessionValue session = generator.flaskSession();
        const QByteArray json =
            PythonJsonWriter::write(session, PythonJsonWriter::Style::FlaskTagged);
        const auto reply = m_server.post(QStringLiteral("/set"), json);
        QVERIFY2(reply.error.isEmpty() && reply.status == 200,
                 qPrintable(QString::fromUtf8(reply.body.left(500))));
        const QByteArray cookie = test::FlaskServer::cookieValue(reply);
        QVERIFY(!cookie.isEmpty());
        const auto decoded =
            FlaskSignedCodec::decode(cookie, options, {SecureBytes("other", 5), secret()});
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error->toString()));
        QCOMPARE(decoded.verification, FlaskSignedCodec::Verification::Valid);
        QCOMPARE(decoded.secretIndex, 1);
        QCOMPARE(decoded.json, json);
        QVERIFY(!decoded.expired);
        // Signing the same tree with Flask's timestamp gives Flask's cookie exactly.
        auto again =
            FlaskSignedCodec::sign(decoded.session, secret(), decoded.parts.timestamp, options);
        QVERIFY(again.ok());
        QCOMPARE(again.value(), cookie);
    }
}

void TestInteropFlaskSigned::wrongSecretIsRejectedByBoth()
{
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("user"), SessionValue::makeString(QStringLiteral("mallory")));
    auto forged =
        FlaskSignedCodec::sign(session, SecureBytes("guess", 5), QDateTime::currentSecsSinceEpoch(),
                               FlaskSignedCodec::Options{});
    QVERIFY(forged.ok());
    const Dump dump = m_server.dump(forged.value());
    QVERIFY(dump.error.isEmpty());
    QVERIFY(dump.empty);
    QCOMPARE(FlaskSignedCodec::decode(forged.value(), FlaskSignedCodec::Options{}, {secret()})
                 .verification,
             FlaskSignedCodec::Verification::Invalid);
    // An expired cookie: Flask drops it, we flag it.
    auto old = FlaskSignedCodec::sign(session, secret(),
                                      QDateTime::currentSecsSinceEpoch() -
                                          FlaskSignedCodec::kDefaultLifetimeSeconds - 60,
                                      FlaskSignedCodec::Options{});
    QVERIFY(old.ok());
    QVERIFY(m_server.dump(old.value()).empty);
    QVERIFY(FlaskSignedCodec::decode(old.value(), FlaskSignedCodec::Options{}, {secret()}).expired);
}

QTEST_GUILESS_MAIN(TestInteropFlaskSigned)
#include "tst_InteropFlaskSigned.moc"
