#include "FlaskServer.h"
#include "SessionGenerator.h"
#include "TestData.h"
#include "document/SessionSealer.h"
#include "formats/EncryptedSessionCodec.h"
#include "report/SizeReport.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonWriter.h"
#include "json/PythonRepr.h"

#include <QTest>

using namespace sessionlens;

namespace {

const QByteArray kKeyHex = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";
constexpr int kSessions = 240;

using Dump = test::FlaskServer::Dump;

} // namespace

class TestInteropEncrypted : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void appReadsVectors();
    void appRejectsInvalidVectors();
    void appReadsOurCookies();
    void weReadAppCookies();
    void floatsAgreeWithPython();
    void serverMovesTypeKeyLast();
    void editedSessionsSurviveTheWholeLoop();

private:
    test::FlaskServer m_server;
    std::optional<EncryptedSessionCodec> m_codec;
};

void TestInteropEncrypted::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(QStringLiteral("interop/encrypted_session_app.py"),
                            {QString::fromLatin1(kKeyHex)}, &error),
             qPrintable(error));
    const QByteArray raw = QByteArray::fromHex(kKeyHex);
    auto codec =
        EncryptedSessionCodec::create(SecureBytes(raw.constData(), std::size_t(raw.size())));
    QVERIFY(codec.ok());
    m_codec.emplace(std::move(codec).value());
}

void TestInteropEncrypted::appReadsVectors()
{
    // Sanity of the test app itself: it reads the reference cookies as the reference server did.
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session"))) {
        const Dump dump = m_server.dump(v[QStringLiteral("cookie")].toString().toLatin1());
        QVERIFY2(dump.error.isEmpty(), qPrintable(dump.error));
        QCOMPARE(dump.repr, v[QStringLiteral("python_repr")].toString());
        QCOMPARE(dump.json, v[QStringLiteral("plaintext")].toString().toUtf8());
    }
}

void TestInteropEncrypted::appRejectsInvalidVectors()
{
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session_invalid"))) {
        const QByteArray cookie = v[QStringLiteral("cookie")].toString().toLatin1();
        const Dump dump = m_server.dump(cookie);
        QVERIFY2(dump.error.isEmpty(), qPrintable(dump.error));
        QVERIFY(dump.empty);                    // the server silently drops it...
        QVERIFY(!m_codec->decode(cookie).ok()); // ...and we say why
    }
}

void TestInteropEncrypted::appReadsOurCookies()
{
    test::SessionGenerator generator(1);
    int compressed = 0;
    for (int i = 0; i < kSessions; ++i) {
        const SessionValue session = generator.session();
        auto sealed = m_codec->seal(session);
        QVERIFY(sealed.ok());
        compressed += sealed->compressed ? 1 : 0;
        const Dump dump = m_server.dump(sealed->cookie);
        QVERIFY2(dump.error.isEmpty(), qPrintable(dump.error));
        QVERIFY2(!dump.empty,
                 qPrintable(QStringLiteral("session %1 was rejected by the app").arg(i)));
        QCOMPARE(dump.json, sealed->plaintext);
        QCOMPARE(dump.repr, PythonRepr::repr(session));
    }
    QVERIFY(compressed > kSessions / 10);
    QVERIFY(compressed < kSessions - kSessions / 10);
}

void TestInteropEncrypted::weReadAppCookies()
{
    test::SessionGenerator generator(2);
    for (int i = 0; i < kSessions; ++i) {
        const SessionValue session = generator.session();
        const QByteArray json = PythonJsonWriter::write(session);
        const auto reply = m_server.post(QStringLiteral("/set"), json);
        QVERIFY2(reply.error.isEmpty() && reply.status == 200, qPrintable(reply.error));
        const QByteArray cookie = test::FlaskServer::cookieValue(reply);
        QVERIFY(!cookie.isEmpty());
        const auto decoded = m_codec->decode(cookie);
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error->toString()));
        QCOMPARE(decoded.plaintext, json);
        QVERIFY(decoded.session == session);
        QCOMPARE(decoded.fields.compressed, json.size() > 1024);
        // The size report predicts the app's cookie to the byte.
        QCOMPARE(SizeReport::compute(session).cookieValueBytes, cookie.size());
    }
}

void TestInteropEncrypted::floatsAgreeWithPython()
{
    test::SessionGenerator generator(3);
    SessionValue session = SessionValue::makeDict();
    SessionValue *list = session.setValue(QStringLiteral("f"), SessionValue::makeList());
    for (int i = 0; i < 3000; ++i)
        list->append(SessionValue::makeFloat(generator.awkwardDouble()));
    auto sealed = m_codec->seal(session);
    QVERIFY(sealed.ok());
    const Dump dump = m_server.dump(sealed->cookie);
    QVERIFY2(dump.error.isEmpty(), qPrintable(dump.error));
    QCOMPARE(dump.json, sealed->plaintext);
    QCOMPARE(dump.repr, PythonRepr::repr(session));
}

void TestInteropEncrypted::serverMovesTypeKeyLast()
{
    // A dict whose "__type__" is not "bytes": the server's hook pops the key and puts it back.
    const QByteArray json = R"({"o": {"__type__": "set", "b": "x", "c": [1]}})";
    auto sealed = m_codec->sealPlaintext(json);
    QVERIFY(sealed.ok());
    const Dump dump = m_server.dump(sealed->cookie);
    QVERIFY2(dump.error.isEmpty(), qPrintable(dump.error));
    const auto decoded = m_codec->decode(sealed->cookie);
    QVERIFY(decoded.ok());
    QCOMPARE(PythonRepr::repr(decoded.session), dump.repr);
    QCOMPARE(PythonJsonWriter::write(decoded.session), dump.json);
}

namespace {

// One random edit of the kind the window makes: change a leaf, add a key, remove one.
void editAtRandom(SessionValue &session, test::SessionGenerator &generator,
                  QRandomGenerator &random)
{
    SessionValue *node = &session;
    while (node->isContainer() && node->size() > 0 && random.bounded(3) != 0)
        node = node->child(qsizetype(random.bounded(int(node->size()))));
    switch (random.bounded(3)) {
    case 0:
        if (node != &session) {
            node->assign(generator.scalar());
            return;
        }
        [[fallthrough]];
    case 1:
        if (node->type() == SessionValue::Type::Dict) {
            node->setValue(QStringLiteral("added-%1").arg(random.generate()), generator.scalar());
            return;
        }
        if (node->type() == SessionValue::Type::List) {
            node->append(generator.scalar());
            return;
        }
        [[fallthrough]];
    default:
        if (session.size() > 0)
            session.remove(qsizetype(random.bounded(int(session.size()))));
        session.setValue(QStringLiteral("edited"), SessionValue::makeBool(true));
    }
}

} // namespace

void TestInteropEncrypted::editedSessionsSurviveTheWholeLoop()
{
    // Property: open -> edit -> seal -> open is byte-exact for random sessions (deep, wide,
    // unicode, big integers, floats, bytes), and the server opens the result to the same JSON.
    for (quint32 seed = 100; seed < 100 + 120; ++seed) {
        test::SessionGenerator generator(seed);
        QRandomGenerator random(seed);
        SessionValue original = generator.session();
        if (seed % 10 == 1) { // deep: the generated session at the bottom of 200 levels
            SessionValue deep = SessionValue::makeDict();
            SessionValue *node = deep.setValue(QStringLiteral("deep"), SessionValue::makeList());
            for (int level = 0; level < 200; ++level)
                node = node->append(SessionValue::makeList());
            node->append(original);
            original = std::move(deep);
        } else if (seed % 10 ==
                   2) { // wide: 400 keys (the test server takes header lines up to 64 KiB)
            for (int i = 0; i < 400; ++i)
                original.setValue(generator.text(12) + QString::number(i), generator.scalar());
        }
        auto first = m_codec->seal(original);
        QVERIFY(first.ok());
        auto opened = m_codec->decode(first->cookie);
        QVERIFY2(opened.ok(), qPrintable(QStringLiteral("seed %1").arg(seed)));
        SessionValue edited = opened.session;
        for (int step = 0; step < 3; ++step)
            editAtRandom(edited, generator, random);
        const QByteArray raw = QByteArray::fromHex(kKeyHex);
        const SessionSealer::Sealed resealed =
            SessionSealer::seal(edited, SecureBytes(raw.constData(), 32), {});
        QVERIFY2(resealed.ok(), qPrintable(QStringLiteral("seed %1").arg(seed)));
        const auto reopened = m_codec->decode(resealed.cookie);
        QVERIFY2(reopened.ok(), qPrintable(QStringLiteral("seed %1").arg(seed)));
        QCOMPARE(reopened.plaintext, PythonJsonWriter::write(edited));
        QVERIFY2(reopened.session == edited, qPrintable(QStringLiteral("seed %1").arg(seed)));
        const Dump dump = m_server.dump(resealed.cookie);
        QVERIFY2(dump.error.isEmpty() && !dump.empty,
                 qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(dump.error)));
        QCOMPARE(dump.json, reopened.plaintext);
    }
}

QTEST_GUILESS_MAIN(TestInteropEncrypted)
#include "tst_InteropEncrypted.moc"
