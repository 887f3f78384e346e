#include "formats/CookieText.h"

#include <QRandomGenerator>
#include <QTest>

using namespace sessionlens;

class TestCookieText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bareValueAgreesWithExtract();
    void bareValueKnowsEveryCookieOctetEdge();
    void extracts_data();
    void extracts();
    void refuses();
};

void TestCookieText::extracts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("value");
    const QString v =
        QStringLiteral("u.CObO+/==.YM5R80KetVP/gskCUFk9sw==.IsZ1mAy5UqKV12LZspsZxw==");
    const QByteArray b = v.toLatin1();
    QTest::newRow("bare") << v << QString() << b;
    QTest::newRow("bare padded spaces")
        << (QStringLiteral("  ") + v + QStringLiteral("\n")) << QString() << b;
    QTest::newRow("quoted") << (u'"' + v + u'"') << QString() << b;
    QTest::newRow("pair") << (QStringLiteral("session=") + v) << QStringLiteral("session") << b;
    QTest::newRow("cookie header")
        << (QStringLiteral("Cookie: theme=dark; session=") + v + QStringLiteral("; lang=de"))
        << QStringLiteral("session") << b;
    QTest::newRow("set-cookie") << (QStringLiteral("Set-Cookie: session=") + v +
                                    QStringLiteral("; HttpOnly; Path=/"))
                                << QStringLiteral("session") << b;
    QTest::newRow("other single name")
        << (QStringLiteral("sid=") + v) << QStringLiteral("sid") << b;
    QTest::newRow("signed") << QStringLiteral("eyJhIjoxfQ.awhTcw.htKjZWWd3_WT4e898Hpk9aSp0Fc")
                            << QString()
                            << QByteArray("eyJhIjoxfQ.awhTcw.htKjZWWd3_WT4e898Hpk9aSp0Fc");

    // What browsers copy.
    QTest::newRow("chrome copy as cURL, -b")
        << (QStringLiteral("curl 'http://127.0.0.1:5000/cart' \\\n  -H 'Accept: text/html' \\\n"
                           "  -b 'theme=dark; session=") +
            v + QStringLiteral("' \\\n  --compressed"))
        << QStringLiteral("session") << b;
    QTest::newRow("firefox copy as cURL, -H Cookie")
        << (QStringLiteral(
                "curl 'http://127.0.0.1:5000/' -H 'User-Agent: x y' -H 'Cookie: session=") +
            v + QStringLiteral("; lang=de'"))
        << QStringLiteral("session") << b;
    QTest::newRow("curl with double quotes and --cookie=")
        << (QStringLiteral("curl \"http://h/\" --cookie=\"session=") + v + QStringLiteral("\""))
        << QStringLiteral("session") << b;
    QTest::newRow("curl with $'...' quoting")
        << (QStringLiteral("curl $'http://h/' -b $'session=") + v + QStringLiteral("'"))
        << QStringLiteral("session") << b;
    QTest::newRow("raw request headers")
        << (QStringLiteral("GET /cart HTTP/1.1\r\nHost: 127.0.0.1:5000\r\nAccept: */*\r\n"
                           "Cookie: theme=dark; session=") +
            v + QStringLiteral("\r\nUser-Agent: curl/8\r\n"))
        << QStringLiteral("session") << b;
    QTest::newRow("response headers, the session's Set-Cookie")
        << (QStringLiteral(
                "HTTP/1.1 200 OK\nSet-Cookie: theme=dark; Path=/\nSet-Cookie: session=") +
            v + QStringLiteral("; HttpOnly; Path=/\n"))
        << QStringLiteral("session") << b;
    QTest::newRow("devtools cookie row")
        << (QStringLiteral("session\t") + v +
            QStringLiteral("\t127.0.0.1\t/\tSession\t92\t✓\t\t\tMedium"))
        << QStringLiteral("session") << b;
    QTest::newRow("devtools rows, several cookies")
        << (QStringLiteral("theme\tdark\t127.0.0.1\t/\nsession\t") + v +
            QStringLiteral("\t127.0.0.1\t/\n"))
        << QStringLiteral("session") << b;
}

void TestCookieText::extracts()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(QByteArray, value);
    auto extracted = CookieText::extract(text);
    QVERIFY2(extracted.ok(), qPrintable(extracted.ok() ? QString() : extracted.error().toString()));
    QCOMPARE(extracted->name, name);
    QCOMPARE(extracted->value, value);
}

void TestCookieText::refuses()
{
    QCOMPARE(CookieText::extract(QStringLiteral("   ")).error().category, ErrorCategory::Format);
    QCOMPARE(CookieText::extract(QStringLiteral("Cookie: a=1; b=2")).error().category,
             ErrorCategory::Format);
    // A curl command without any cookie names what is missing instead of guessing.
    QCOMPARE(
        CookieText::extract(QStringLiteral("curl 'http://h/' -H 'Accept: */*'")).error().category,
        ErrorCategory::Format);
    QCOMPARE(CookieText::extract(QString(2 * 1024 * 1024, u'a')).error().category,
             ErrorCategory::Limit);
}

void TestCookieText::bareValueAgreesWithExtract()
{
    // The shortcut answers only where extract() would return the line itself as the value.
    const QByteArray cookies[] = {
        "u.YWJj.ZGVm+/==.Z2hpamtsbW5vcHFyc3R1dg==", "z.YWJj.ZGVm.Z2hp==",
        "eyJhIjoxfQ.ZmFrZQ.c2lnbmF0dXJl", ".eJyrVkosLVayUqpWKkktLlGqBQA.Zm.c2ln",
        // Starlette: standard base64 with its padding
        "eyJhIjogMX0=.aW4RYw.c2lnbmF0dXJlc2lnbmF0dXJl", "eyJhYiI6IDF9.aW4RYw.c2lnbmF0dXJl+/",
        // Django: ':' separators, compressed with a leading '.'
        "eyJhIjoxfQ:1tZ2aB:c2lnbmF0dXJlc2lnbmF0dXJl", ".eJyrVkosLVayUqpWKkktLlGqBQA:1tZ2aB:c2ln",
        // Flask-Login: id|hex digest
        "7|0123456789abcdef0123456789abcdef"};
    for (const QByteArray &cookie : cookies) {
        QCOMPARE(CookieText::bareValue(cookie), std::optional<QByteArrayView>(cookie));
        QCOMPARE(CookieText::extract(QString::fromLatin1(cookie))->value, cookie);
    }
    for (const char *other : {"session=abc", "a b", "Cookie:x", "\"u.a.b.c\"", "a;b", "", "abc=.d",
                              "cOOkie:a", "Set-Cookie:session=a", "remember_token=7|ab",
                              "sessionid=eyJh:1tZ2aB:c2ln", "a,b", "a\\b"})
        QVERIFY2(!CookieText::bareValue(other), other);
    QRandomGenerator random(7);
    const QByteArray alphabet = "aZ09-_+/.=;: \t\"'\nxyz|:,\\!~";
    const QByteArray prefixes[] = {"", "", "", "", "cookie:", "SET-COOKIE:", "eyJhIjogMX0=."};
    int answered = 0;
    for (int i = 0; i < 200000; ++i) {
        QByteArray line = prefixes[random.bounded(int(std::size(prefixes)))];
        for (int n = int(random.bounded(24)); n > 0; --n)
            line.append(alphabet[random.bounded(int(alphabet.size()))]);
        FormatDetector::Characters scanned;
        const auto bare = CookieText::bareValue(line, scanned);
        QCOMPARE(bare, CookieText::bareValue(line));
        if (!bare)
            continue;
        ++answered;
        // The scan handed on to detection is the one detection would make.
        const FormatDetector::Characters own = FormatDetector::characters(line);
        QCOMPARE(scanned.dots, own.dots);
        QCOMPARE(scanned.urlSafeOnly, own.urlSafeOnly);
        QCOMPARE(scanned.standardChars, own.standardChars);
        QCOMPARE(scanned.cookieCharsOnly, own.cookieCharsOnly);
        const auto extracted = CookieText::extract(QString::fromLatin1(line));
        QVERIFY2(extracted.ok(), line.constData());
        QVERIFY2(extracted->name.isEmpty(), line.constData());
        QCOMPARE(extracted->value, line);
    }
    QVERIFY(answered > 1000);
}

void TestCookieText::bareValueKnowsEveryCookieOctetEdge()
{
    // RFC 6265's cookie-octet is 0x21, 0x23-0x2B, 0x2D-0x3A, 0x3C-0x5B, 0x5D-0x7E: every end of
    // those ranges and every byte just outside them, in the scan's first and second block of
    // sixteen and in the tail it reads one byte at a time.
    struct Edge
    {
        unsigned char byte;
        bool octet;
    };
    const Edge edges[] = {{0x00, false}, {0x09, false}, {0x20, false}, {0x21, true},  {0x22, false},
                          {0x23, true},  {0x2B, true},  {0x2C, false}, {0x2D, true},  {0x3A, true},
                          {0x3B, false}, {0x3C, true},  {0x5B, true},  {0x5C, false}, {0x5D, true},
                          {0x7E, true},  {0x7F, false}, {0x80, false}, {0xFF, false}};
    const QByteArray base = "eyJhIjoxfQ.ZmFrZQ.c2lnbmF0dXJlc2lnbmF0dXJl"; // 41 bytes
    for (const Edge &edge : edges) {
        for (const qsizetype at : {qsizetype(3), qsizetype(15), qsizetype(16), qsizetype(21),
                                   base.size() - 9, base.size() - 1}) {
            QByteArray line = base;
            line[at] = char(edge.byte);
            const auto bare = CookieText::bareValue(line);
            const QByteArray what =
                QByteArray::number(edge.byte, 16) + " at " + QByteArray::number(at);
            QVERIFY2(bare.has_value() == edge.octet, what.constData());
            if (bare)
                QCOMPARE(CookieText::extract(QString::fromLatin1(line))->value, line);
        }
    }
}

QTEST_GUILESS_MAIN(TestCookieText)
#include "tst_CookieText.moc"
