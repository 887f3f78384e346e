// What may go onto the wire: every byte value tried in names, values and cookies against the
// grammar spelled out here from RFC 9110 and RFC 6265, and errors that name the field.
#include "capture/HttpFieldRules.h"

#include <QTest>

using namespace sessionlens;

class TestHttpFieldRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyByteInAToken();
    void everyByteInAFieldValue();
    void everyByteInACookieValue();
    void examples_data();
    void examples();
    void errorsNameTheField();
};

void TestHttpFieldRules::everyByteInAToken()
{
    const QByteArray separators = "\"(),/:;<=>?@[\\]{}";
    int accepted = 0;
    for (int c = 0; c < 256; ++c) {
        const bool expected = c > 0x20 && c < 0x7f && !separators.contains(char(c));
        const QByteArray text = "a" + QByteArray(1, char(c)) + "b";
        QCOMPARE(HttpFieldRules::isToken(text), expected);
        accepted += expected ? 1 : 0;
    }
    QCOMPARE(accepted, 77); // 62 letters and digits and 15 marks
    QVERIFY(!HttpFieldRules::isToken(""));
}

void TestHttpFieldRules::everyByteInAFieldValue()
{
    for (int c = 0; c < 256; ++c) {
        const bool expected = c == '\t' || (c >= 0x20 && c != 0x7f);
        QCOMPARE(HttpFieldRules::isFieldValue("x" + QByteArray(1, char(c)) + "y"), expected);
    }
    QVERIFY(HttpFieldRules::isFieldValue(""));
}

void TestHttpFieldRules::everyByteInACookieValue()
{
    for (int c = 0; c < 256; ++c) {
        const bool expected = c == 0x21 || (c >= 0x23 && c <= 0x2b) || (c >= 0x2d && c <= 0x3a) ||
                              (c >= 0x3c && c <= 0x5b) || (c >= 0x5d && c <= 0x7e);
        QCOMPARE(HttpFieldRules::isCookieValue("x" + QByteArray(1, char(c)) + "y"), expected);
    }
}

void TestHttpFieldRules::examples_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("header");
    QTest::addColumn<bool>("cookie");
    QTest::newRow("flask") << QByteArray("session") << QByteArray(".eJyrVkrNTczMUbJSKs1LVqoF")
                           << true << true;
    QTest::newRow("encrypted") << QByteArray("session") << QByteArray("u.abc.def.ghi") << true
                               << true;
    QTest::newRow("quoted cookie") << QByteArray("s") << QByteArray("\"abc\"") << true << true;
    QTest::newRow("injected header")
        << QByteArray("session") << QByteArray("abc\r\nX-Injected: yes") << false << false;
    QTest::newRow("bare LF") << QByteArray("s") << QByteArray("a\nb") << false << false;
    QTest::newRow("NUL") << QByteArray("s") << QByteArray("a\0b", 3) << false << false;
    QTest::newRow("space before colon") << QByteArray("Host ") << QByteArray("x") << false << false;
    QTest::newRow("colon in name") << QByteArray("X-A:b") << QByteArray("x") << false << false;
    QTest::newRow("semicolon in cookie")
        << QByteArray("s") << QByteArray("a; admin=1") << true << false;
    QTest::newRow("empty name") << QByteArray() << QByteArray("x") << false << false;
    QTest::newRow("empty value") << QByteArray("s") << QByteArray() << true << true;
}

void TestHttpFieldRules::examples()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(bool, header);
    QFETCH(bool, cookie);
    QCOMPARE(HttpFieldRules::checkHeader(name, value, QStringLiteral("-H")).ok(), header);
    QCOMPARE(HttpFieldRules::checkCookie(name, value, QStringLiteral("--cookie")).ok(), cookie);
}

void TestHttpFieldRules::errorsNameTheField()
{
    const auto header = HttpFieldRules::checkHeader("X-A", "a\r\nb", QStringLiteral("-H"));
    QVERIFY(!header.ok());
    QCOMPARE(header.error().category, ErrorCategory::Format);
    QVERIFY2(header.error().message.startsWith(QStringLiteral("-H: ")),
             qPrintable(header.error().message));
    QCOMPARE(header.error().detail, QStringLiteral("-H"));
    const auto cookie =
        HttpFieldRules::checkCookie("bad name", "v", QStringLiteral("--cookie-name"));
    QVERIFY(!cookie.ok());
    QVERIFY(cookie.error().message.startsWith(QStringLiteral("--cookie-name: ")));
}

QTEST_GUILESS_MAIN(TestHttpFieldRules)
#include "tst_HttpFieldRules.moc"
