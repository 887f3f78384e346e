#include "encoding/Base64.h"

#include <QRandomGenerator>
#include <QTest>

using namespace sessionlens;

class TestBase64 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsRandomData();
    void rejects_data();
    void rejects();
    void urlSafeUnpadded();
};

void TestBase64::roundTripsRandomData()
{
    QRandomGenerator random(42);
    for (int length = 0; length < 200; ++length) {
        QByteArray data(length, Qt::Uninitialized);
        for (char &c : data)
            c = static_cast<char>(random.bounded(256));
        for (auto alphabet : {Base64::Alphabet::Standard, Base64::Alphabet::UrlSafe}) {
            const QByteArray text = Base64::encode(data, alphabet);
            QCOMPARE(text.size(), Base64::encodedSize(length, alphabet));
            auto decoded = Base64::decode(text, alphabet);
            QVERIFY(decoded.ok());
            QCOMPARE(decoded.value(), data);
        }
        // Agrees with Qt's encoder on the standard alphabet.
        QCOMPARE(Base64::encode(data, Base64::Alphabet::Standard), data.toBase64());
    }
}

void TestBase64::rejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qsizetype>("position");
    QTest::newRow("bad char") << QByteArray("ab@d") << qsizetype(2);
    QTest::newRow("missing padding") << QByteArray("abcde") << qsizetype(5);
    QTest::newRow("url char in standard") << QByteArray("ab-_") << qsizetype(2);
    QTest::newRow("padding inside") << QByteArray("a=bc") << qsizetype(1);
    QTest::newRow("three pads") << QByteArray("a===") << qsizetype(1);
    QTest::newRow("space") << QByteArray("ab d") << qsizetype(2);
    // A bad character is named even when the length is also wrong.
    QTest::newRow("bad char, bad length") << QByteArray("abc$$") << qsizetype(3);
}

void TestBase64::rejects()
{
    QFETCH(QByteArray, text);
    QFETCH(qsizetype, position);
    auto decoded = Base64::decode(text, Base64::Alphabet::Standard);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().category, ErrorCategory::Base64);
    QCOMPARE(decoded.error().position, position);
}

void TestBase64::urlSafeUnpadded()
{
    auto decoded = Base64::decode("eyJhIjoxfQ", Base64::Alphabet::UrlSafe);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value(), QByteArray("{\"a\":1}"));
    QVERIFY(!Base64::decode("eyJhIjoxfQ==", Base64::Alphabet::UrlSafe).ok());
    QVERIFY(!Base64::decode("a+b/", Base64::Alphabet::UrlSafe).ok());
}

QTEST_GUILESS_MAIN(TestBase64)
#include "tst_Base64.moc"
