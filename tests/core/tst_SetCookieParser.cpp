#include "capture/SetCookieParser.h"

#include <QTest>
#include <QTimeZone>

using namespace sessionlens;

class TestSetCookieParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void attributes_data();
    void attributes();
    void dates_data();
    void dates();
    void cookieHeader_data();
    void cookieHeader();
    void limits();
};

void TestSetCookieParser::attributes_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<bool>("secure");
    QTest::addColumn<bool>("httpOnly");
    QTest::addColumn<int>("sameSite");
    QTest::addColumn<qint64>("maxAge"); // -999: absent
    QTest::newRow("flask") << QByteArray("session=u.a.b.c; HttpOnly; Path=/")
                           << QByteArray("session") << QByteArray("u.a.b.c") << QStringLiteral("/")
                           << QString() << false << true << 0 << qint64(-999);
    QTest::newRow("every attribute, any case")
        << QByteArray("session=.eJx.Zx.sig; Domain=.Example.COM; path=/app; SECURE; httponly; "
                      "SameSite=Lax; Max-Age=60")
        << QByteArray("session") << QByteArray(".eJx.Zx.sig") << QStringLiteral("/app")
        << QStringLiteral("example.com") << true << true << 2 << qint64(60);
    QTest::newRow("quoted value") << QByteArray("session=\"u.a.b.c\"") << QByteArray("session")
                                  << QByteArray("u.a.b.c") << QString() << QString() << false
                                  << false << 0 << qint64(-999);
    QTest::newRow("spaces and unknown")
        << QByteArray("  s  =  v ; Foo=bar; SameSite=None;Secure") << QByteArray("s")
        << QByteArray("v") << QString() << QString() << true << false << 3 << qint64(-999);
    QTest::newRow("last attribute wins")
        << QByteArray("s=v; Max-Age=5; Max-Age=0; Path=/a; Path=relative") << QByteArray("s")
        << QByteArray("v") << QString() << QString() << false << false << 0 << qint64(0);
    QTest::newRow("value with =") << QByteArray("s=a=b=c") << QByteArray("s") << QByteArray("a=b=c")
                                  << QString() << QString() << false << false << 0 << qint64(-999);
    QTest::newRow("bad max-age ignored")
        << QByteArray("s=v; Max-Age=soon") << QByteArray("s") << QByteArray("v") << QString()
        << QString() << false << false << 0 << qint64(-999);
}

void TestSetCookieParser::attributes()
{
    QFETCH(QByteArray, header);
    auto parsed = SetCookieParser::parseSetCookie(header);
    QVERIFY(parsed.ok());
    QTEST(parsed->name, "name");
    QTEST(parsed->value, "value");
    QTEST(parsed->path, "path");
    QTEST(parsed->domain, "domain");
    QTEST(parsed->secure, "secure");
    QTEST(parsed->httpOnly, "httpOnly");
    QTEST(int(parsed->sameSite), "sameSite");
    QTEST(parsed->maxAge.value_or(-999), "maxAge");
}

void TestSetCookieParser::dates_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime epoch(QDate(1970, 1, 1), QTime(0, 0), QTimeZone::utc());
    QTest::newRow("werkzeug delete") << QByteArray("Thu, 01 Jan 1970 00:00:00 GMT") << epoch;
    QTest::newRow("rfc 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT")
                             << QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), QTimeZone::utc());
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994")
                             << QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), QTimeZone::utc());
    QTest::newRow("two-digit year")
        << QByteArray("Wed, 09 Jun 21 10:18:14 GMT")
        << QDateTime(QDate(2021, 6, 9), QTime(10, 18, 14), QTimeZone::utc());
    QTest::newRow("garbage") << QByteArray("tomorrow at noon") << QDateTime();
    QTest::newRow("bad day") << QByteArray("Mon, 31 Feb 2025 10:00:00 GMT") << QDateTime();
}

void TestSetCookieParser::dates()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    const auto parsed = SetCookieParser::parseCookieDate(text);
    QCOMPARE(parsed.has_value(), expected.isValid());
    if (parsed)
        QCOMPARE(*parsed, expected);
}

void TestSetCookieParser::cookieHeader_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QList<QByteArray>>("names");
    QTest::addColumn<QList<QByteArray>>("values");
    QTest::newRow("several") << QByteArray("theme=dark; session=u.a.b.c; lang=en")
                             << QList<QByteArray>{"theme", "session", "lang"}
                             << QList<QByteArray>{"dark", "u.a.b.c", "en"};
    QTest::newRow("empty parts") << QByteArray(";; a=1 ;;b=\"2\";") << QList<QByteArray>{"a", "b"}
                                 << QList<QByteArray>{"1", "2"};
    QTest::newRow("nameless") << QByteArray("justvalue; a=1") << QList<QByteArray>{"", "a"}
                              << QList<QByteArray>{"justvalue", "1"};
}

void TestSetCookieParser::cookieHeader()
{
    QFETCH(QByteArray, header);
    QFETCH(QList<QByteArray>, names);
    QFETCH(QList<QByteArray>, values);
    auto pairs = SetCookieParser::parseCookieHeader(header);
    QVERIFY(pairs.ok());
    QCOMPARE(pairs->size(), names.size());
    for (qsizetype i = 0; i < names.size(); ++i) {
        QCOMPARE(pairs->at(i).first, names[i]);
        QCOMPARE(pairs->at(i).second, values[i]);
    }
}

void TestSetCookieParser::limits()
{
    QVERIFY(!SetCookieParser::parseSetCookie("novalue").ok());
    QCOMPARE(SetCookieParser::parseSetCookie("=v").error().category, ErrorCategory::Format);
    const QByteArray huge = "s=" + QByteArray(SetCookieParser::kMaxHeaderBytes, 'x');
    QCOMPARE(SetCookieParser::parseSetCookie(huge).error().category, ErrorCategory::Limit);
    QByteArray many;
    for (qsizetype i = 0; i <= SetCookieParser::kMaxCookiesPerHeader; ++i)
        many.append("c=1;");
    QCOMPARE(SetCookieParser::parseCookieHeader(many).error().category, ErrorCategory::Limit);
    QVERIFY(SetCookieParser::parseCookieHeader(many.left(4 * SetCookieParser::kMaxCookiesPerHeader))
                .ok());
}

QTEST_GUILESS_MAIN(TestSetCookieParser)
#include "tst_SetCookieParser.moc"
