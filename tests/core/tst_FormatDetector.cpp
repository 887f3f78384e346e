#include "TestData.h"
#include "document/CookieOpener.h"
#include "formats/FormatDetector.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

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
    void everyLengthAndCharacter();
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
    QCOMPARE(opened.format->id(), QStringLiteral("signed"));
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

namespace {
// The rules of detect(), spelled out one character at a time: the oracle for its wide scan.
FormatDetector::Format slowDetect(const QByteArray &value)
{
    qsizetype dots = 0;
    bool urlSafeOnly = true, standardChars = false;
    for (const char c : value) {
        const bool urlSafe = c == '-' || c == '_' || c == '.' || (c >= '0' && c <= '9') ||
                             (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        urlSafeOnly = urlSafeOnly && urlSafe;
        standardChars = standardChars || c == '+' || c == '/' || c == '=';
        dots += c == '.';
    }
    const qsizetype firstDot = value.indexOf('.');
    using F = FormatDetector::Format;
    if (dots == 3 && firstDot > 0 && firstDot <= 2 && (standardChars || value.endsWith("==")))
        return F::EncryptedSession;
    if (urlSafeOnly && ((dots == 2 && firstDot > 0) || (dots == 3 && value.startsWith('.'))))
        return F::FlaskSigned;
    if (dots == 3 && firstDot > 0 && firstDot <= 2)
        return F::EncryptedSession;
    if (urlSafeOnly && (value.startsWith("eyJ") || value.startsWith(".eJ")))
        return F::FlaskSigned;
    return F::Unknown;
}
// Only base64 characters of either alphabet and dots, spelled out.
bool slowCookieCharsOnly(const QByteArray &value)
{
    return std::all_of(value.begin(), value.end(), [](char c) {
        return c == '-' || c == '_' || c == '.' || c == '+' || c == '/' || c == '=' ||
               (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
}
// RFC 6265's cookie-octet, spelled out.
bool slowCookieOctetsOnly(const QByteArray &value)
{
    return std::all_of(value.begin(), value.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u == 0x21 || (u >= 0x23 && u <= 0x2B) || (u >= 0x2D && u <= 0x3A) ||
               (u >= 0x3C && u <= 0x5B) || (u >= 0x5D && u <= 0x7E);
    });
}
qsizetype slowFirstOtherChar(const QByteArray &value)
{
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (!(c == '-' || c == '_' || c == '.' || c == '+' || c == '/' || c == '=' ||
              (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return i;
    }
    return -1;
}
// The scan by every kind of step the machine has gives one answer.
void compareScanSteps(const QByteArray &value)
{
    const auto widest = FormatDetector::characters(value);
    for (const auto steps : {FormatDetector::ScanSteps::Sixteen, FormatDetector::ScanSteps::One}) {
        const auto other = FormatDetector::characters(value, steps);
        QCOMPARE(other.dots, widest.dots);
        QCOMPARE(other.urlSafeOnly, widest.urlSafeOnly);
        QCOMPARE(other.standardChars, widest.standardChars);
        QCOMPARE(other.cookieCharsOnly, widest.cookieCharsOnly);
        QCOMPARE(other.cookieOctetsOnly, widest.cookieOctetsOnly);
        QCOMPARE(other.firstOtherChar, widest.firstOtherChar);
    }
}
} // namespace

void TestFormatDetector::everyLengthAndCharacter()
{
    // Every byte value at every position of short and block-crossing lengths (the scan takes
    // sixteen bytes a step, then the rest one by one), and thousands of dots (its counters).
    QByteArray base =
        "u.YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo.ZGVmZ2hpamtsbW5vcA==.Z2hpamtsbW5vcHFy==";
    for (qsizetype length = 0; length <= base.size(); ++length) {
        const QByteArray cut = base.first(length);
        QCOMPARE(FormatDetector::detect(cut), slowDetect(cut));
        for (qsizetype at = 0; at < length; at += 7) {
            for (int c = 0; c < 256; ++c) {
                QByteArray changed = cut;
                changed[at] = char(c);
                QCOMPARE(FormatDetector::detect(changed), slowDetect(changed));
                const FormatDetector::Characters found = FormatDetector::characters(changed);
                QCOMPARE(found.cookieCharsOnly, slowCookieCharsOnly(changed));
                QCOMPARE(found.cookieOctetsOnly, slowCookieOctetsOnly(changed));
                QCOMPARE(found.firstOtherChar, slowFirstOtherChar(changed));
                QCOMPARE(found.urlSafeOnly, slowCookieCharsOnly(changed) &&
                                                !changed.contains('+') && !changed.contains('/') &&
                                                !changed.contains('='));
                QCOMPARE(found.standardChars,
                         changed.contains('+') || changed.contains('/') || changed.contains('='));
                QCOMPARE(found.dots, changed.count('.'));
                compareScanSteps(changed);
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }
    // The first character outside both alphabets when there are several, in any block.
    for (qsizetype first = 0; first < 70; first += 3) {
        for (qsizetype second = first + 1; second < 70; second += 5) {
            QByteArray two(70, 'a');
            two[second] = ':';
            two[first] = '|';
            QCOMPARE(FormatDetector::characters(two).firstOtherChar, first);
        }
    }
    const QByteArray signedCookie =
        "eyJhIjoxfQ." + QByteArray(5000, 'a') + "." + QByteArray(3, 'b');
    QCOMPARE(FormatDetector::detect(signedCookie), FormatDetector::Format::FlaskSigned);
    // More dots than a step's byte counters hold in a round, in steps of 16 and 32.
    for (const qsizetype count :
         {qsizetype(255 * 16 + 17), qsizetype(255 * 32 + 33), qsizetype(20000)}) {
        QCOMPARE(FormatDetector::characters(QByteArray(count, '.')).dots, count);
        compareScanSteps(QByteArray(count, '.'));
    }
    // Long texts of every kind of character, for the steps' rounds and blocks.
    QRandomGenerator random(16);
    const QByteArray pool = "aZ09-_.+/=:|;\" \x7f\x80\xff!~";
    for (int i = 0; i < 3000; ++i) {
        QByteArray text(random.bounded(600), 'a');
        for (int changes = random.bounded(4); changes > 0 && !text.isEmpty(); --changes)
            text[random.bounded(int(text.size()))] = pool[random.bounded(int(pool.size()))];
        compareScanSteps(text);
        if (QTest::currentTestFailed())
            return;
    }
    const QByteArray manyDots(4097, '.');
    QCOMPARE(FormatDetector::detect(manyDots), slowDetect(manyDots));
    QByteArray dotsThenThree(4096 * 2, 'a');
    for (qsizetype i = 0; i < 3; ++i)
        dotsThenThree[1 + i * 3000] = '.';
    QCOMPARE(FormatDetector::detect(dotsThenThree), FormatDetector::Format::EncryptedSession);
    QCOMPARE(slowDetect(dotsThenThree), FormatDetector::Format::EncryptedSession);
}

QTEST_GUILESS_MAIN(TestFormatDetector)
#include "tst_FormatDetector.moc"
