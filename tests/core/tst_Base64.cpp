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
    void everyCharacterAtEveryPlace();
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

// Each of the 256 byte values in each of a group's four places, in both alphabets: decoded as
// Qt decodes it, or refused at its own offset (the decoder keeps a table per place).
void TestBase64::everyCharacterAtEveryPlace()
{
    const QByteArray data = QByteArray::fromHex("fb0ff1c3a5e7d9b28644");
    for (const auto alphabet : {Base64::Alphabet::Standard, Base64::Alphabet::UrlSafe}) {
        const QByteArray valid = Base64::encode(data.first(9), alphabet); // 12 characters
        const QByteArray::Base64Options qtOptions =
            (alphabet == Base64::Alphabet::UrlSafe ? QByteArray::Base64UrlEncoding
                                                   : QByteArray::Base64Encoding) |
            QByteArray::AbortOnBase64DecodingErrors;
        const QByteArray alphabetChars =
            QByteArray("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") +
            (alphabet == Base64::Alphabet::UrlSafe ? "-_" : "+/");
        for (qsizetype place = 0; place < valid.size(); ++place) {
            for (int c = 0; c < 256; ++c) {
                if (c == '=')
                    continue; // padding has rules of its own (rejects_data)
                QByteArray text = valid;
                text[place] = char(c);
                auto decoded = Base64::decode(text, alphabet);
                const QByteArray context = QByteArray::number(place) + ' ' + QByteArray::number(c);
                if (alphabetChars.contains(char(c))) {
                    QVERIFY2(decoded.ok(), context.constData());
                    const auto expected = QByteArray::fromBase64Encoding(text, qtOptions);
                    QVERIFY2(expected.decodingStatus == QByteArray::Base64DecodingStatus::Ok,
                             context.constData());
                    QCOMPARE(decoded.value(), expected.decoded);
                } else {
                    QVERIFY2(!decoded.ok(), context.constData());
                    QCOMPARE(decoded.error().position, place);
                }
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestBase64)
#include "tst_Base64.moc"
