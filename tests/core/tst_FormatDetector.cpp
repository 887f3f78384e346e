#include "TestData.h"
#include "document/CookieOpener.h"
#include "formats/FormatDetector.h"

#include <QTest>

using namespace sessionlens;

class TestFormatDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shapes_data();
    void shapes();
    void vectors();
    void cutSignedCookieGetsItsOwnMessage();
    void keyCountNamesOnlyAesKeys();
};

void TestFormatDetector::shapes_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("format");
    const int encrypted = int(FormatDetector::Format::EncryptedSession);
    const int signedCookie = int(FormatDetector::Format::FlaskSigned);
    const int unknown = int(FormatDetector::Format::Unknown);
    QTest::newRow("encrypted") << QByteArray("u.YWJj.ZGVm+/==.Z2hp==") << encrypted;
    QTest::newRow("encrypted, z") << QByteArray("z.YWJj.ZGVm.Z2hpamtsbW5vcHFyc3R1dg==")
                                  << encrypted;
    QTest::newRow("encrypted with bad base64") << QByteArray("u.abc$$.def.ghi") << encrypted;
    QTest::newRow("signed") << QByteArray("eyJhIjoxfQ.ZwAAAA.c2ln") << signedCookie;
    QTest::newRow("signed, compressed") << QByteArray(".eJyrVkrKyU9S.ZwAAAA.c2ln") << signedCookie;
    QTest::newRow("signed, cut after the payload") << QByteArray(".eJyrVkrKyU9S") << signedCookie;
    QTest::newRow("signed, cut, plain JSON") << QByteArray("eyJhIjoxfQ.ZwAA") << signedCookie;
    QTest::newRow("garbage") << QByteArray("hello world") << unknown;
    QTest::newRow("empty") << QByteArray() << unknown;
}

void TestFormatDetector::shapes()
{
    QFETCH(QByteArray, value);
    QFETCH(int, format);
    QCOMPARE(int(FormatDetector::detect(value)), format);
}

void TestFormatDetector::vectors()
{
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session")))
        QCOMPARE(FormatDetector::detect(v[QStringLiteral("cookie")].toString().toLatin1()),
                 FormatDetector::Format::EncryptedSession);
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("flask_default")))
        QCOMPARE(FormatDetector::detect(v[QStringLiteral("cookie")].toString().toLatin1()),
                 FormatDetector::Format::FlaskSigned);
}

void TestFormatDetector::cutSignedCookieGetsItsOwnMessage()
{
    KeyRing ring;
    const CookieOpener::Opened opened = CookieOpener::open(".eJyrVkrKyU9S", ring, {});
    QCOMPARE(opened.format, FormatDetector::Format::FlaskSigned);
    QVERIFY(opened.error);
    QCOMPARE(opened.error->category, ErrorCategory::Format);
    QVERIFY2(opened.error->message.contains(QStringLiteral("<timestamp>")),
             qPrintable(opened.error->message));
    QVERIFY(!opened.error->message.contains(QStringLiteral("4 fields")));
}

void TestFormatDetector::keyCountNamesOnlyAesKeys()
{
    // One AES key and two Flask secrets: one key was tried, and the message says so.
    KeyRing ring;
    const QByteArray raw(32, '\x01');
    QVERIFY(ring.add(SessionKey(QStringLiteral("aes"), SecureBytes(raw.constData(), 32))).ok());
    QVERIFY(ring.add(SessionKey(QStringLiteral("s1"), SecureBytes("a", 1),
                                SessionKey::Kind::SigningSecret))
                .ok());
    QVERIFY(ring.add(SessionKey(QStringLiteral("s2"), SecureBytes("b", 1),
                                SessionKey::Kind::SigningSecret))
                .ok());
    const QByteArray cookie =
        test::cookieVectors(QStringLiteral("encrypted_session"))[0][QStringLiteral("cookie")]
            .toString()
            .toLatin1();
    const CookieOpener::Opened one = CookieOpener::open(cookie, ring, {});
    QVERIFY(one.error);
    QCOMPARE(one.error->message,
             QStringLiteral("the tag does not match: wrong key or altered cookie"));
    const QByteArray raw2(32, '\x02');
    QVERIFY(ring.add(SessionKey(QStringLiteral("aes2"), SecureBytes(raw2.constData(), 32))).ok());
    const CookieOpener::Opened two = CookieOpener::open(cookie, ring, {});
    QVERIFY2(two.error->message.contains(QStringLiteral("none of the 2 AES keys")),
             qPrintable(two.error->message));
}

QTEST_GUILESS_MAIN(TestFormatDetector)
#include "tst_FormatDetector.moc"
