#include "capture/HttpCapture.h"
#include "capture/RequestText.h"

#include <QTest>

using namespace sessionlens;

// How a typed header line and method are read: once, for the window's Capture dock and for
// `capture -H` / `--method`.
class TestRequestText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerLines_data();
    void headerLines();
    void methodsAreSentInCapitals_data();
    void methodsAreSentInCapitals();
    void whiteSpaceNameIsLeftToTheWireRules();
};

void TestRequestText::headerLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("isHeader");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("plain") << "Content-Type: text/plain" << true << QByteArray("Content-Type")
                           << QByteArray("text/plain");
    QTest::newRow("no space") << "X-A:1" << true << QByteArray("X-A") << QByteArray("1");
    QTest::newRow("spaces around")
        << "  X-A  :   b c  " << true << QByteArray("X-A") << QByteArray("b c");
    QTest::newRow("pasted CR") << "X-A: 1\r" << true << QByteArray("X-A") << QByteArray("1");
    QTest::newRow("colon in value") << "Referer: http://a:5000/x" << true << QByteArray("Referer")
                                    << QByteArray("http://a:5000/x");
    QTest::newRow("empty value") << "X-Empty:" << true << QByteArray("X-Empty") << QByteArray();
    QTest::newRow("utf-8 value") << "X-N: é" << true << QByteArray("X-N") << QByteArray("\xc3\xa9");
    QTest::newRow("no colon") << "Content-Type text/plain" << false << QByteArray() << QByteArray();
    QTest::newRow("colon first") << ": value" << false << QByteArray() << QByteArray();
    QTest::newRow("empty") << "" << false << QByteArray() << QByteArray();
}

void TestRequestText::headerLines()
{
    QFETCH(QString, line);
    QFETCH(bool, isHeader);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    const auto header = RequestText::header(line);
    QCOMPARE(header.has_value(), isHeader);
    if (!header)
        return;
    QCOMPARE(header->name, name);
    QCOMPARE(header->value, value);
}

void TestRequestText::methodsAreSentInCapitals_data()
{
    QTest::addColumn<QByteArray>("typed");
    QTest::addColumn<QByteArray>("sent");
    QTest::newRow("lower") << QByteArray("post") << QByteArray("POST");
    QTest::newRow("mixed") << QByteArray("Patch") << QByteArray("PATCH");
    QTest::newRow("padded") << QByteArray("  delete \n") << QByteArray("DELETE");
    QTest::newRow("already") << QByteArray("GET") << QByteArray("GET");
    QTest::newRow("custom token") << QByteArray("propfind") << QByteArray("PROPFIND");
}

void TestRequestText::methodsAreSentInCapitals()
{
    QFETCH(QByteArray, typed);
    QFETCH(QByteArray, sent);
    QCOMPARE(RequestText::method(typed), sent);
    // What comes out is what the wire rules then accept.
    HttpCapture::Request request;
    request.method = RequestText::method(typed);
    QVERIFY(HttpCapture::check(request));
}

void TestRequestText::whiteSpaceNameIsLeftToTheWireRules()
{
    // A name of blanks is a header line with an empty name: the wire rules refuse it and name
    // the field it came from, as for any other name that is no token.
    const auto header = RequestText::header(QStringLiteral("   : x"));
    QVERIFY(header.has_value());
    QVERIFY(header->name.isEmpty());
    HttpCapture::Request request;
    request.headers.append({header->name, header->value});
    const auto checked = HttpCapture::check(request, {{}, QStringLiteral("-H"), {}, {}});
    QVERIFY(!checked);
    QVERIFY2(checked.error().message.contains(QLatin1String("-H")) ||
                 checked.error().detail.contains(QLatin1String("-H")),
             qPrintable(checked.error().message));
}

QTEST_GUILESS_MAIN(TestRequestText)
#include "tst_RequestText.moc"
