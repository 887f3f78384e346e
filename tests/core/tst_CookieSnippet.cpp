#include "text/CookieSnippet.h"

#include <QTest>

using namespace sessionlens;
using Kind = CookieSnippet::Kind;

class TestCookieSnippet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachForm_data();
    void eachForm();
};

void TestCookieSnippet::eachForm_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    const QString url = QStringLiteral("http://127.0.0.1:5000/");
    QTest::newRow("value") << int(Kind::Value) << QStringLiteral("session")
                           << QStringLiteral("u.AAA.BBB.CCC");
    QTest::newRow("cookie header") << int(Kind::CookieHeader) << QStringLiteral("sid")
                                   << QStringLiteral("Cookie: sid=u.AAA.BBB.CCC");
    QTest::newRow("set-cookie as flask writes it")
        << int(Kind::SetCookieHeader) << QStringLiteral("session")
        << QStringLiteral("Set-Cookie: session=u.AAA.BBB.CCC; HttpOnly; Path=/");
    QTest::newRow("curl quotes for the shell")
        << int(Kind::Curl) << QStringLiteral("it's")
        << QStringLiteral("curl --cookie 'it'\\''s=u.AAA.BBB.CCC' 'http://127.0.0.1:5000/'");
    QTest::newRow("document.cookie")
        << int(Kind::DocumentCookie) << QStringLiteral("session")
        << QStringLiteral("document.cookie = \"session=u.AAA.BBB.CCC; path=/\";");
    QTest::newRow("python requests escapes quotes")
        << int(Kind::PythonRequests) << QStringLiteral("a\"b")
        << QStringLiteral("import requests\n\nresponse = requests.get(\"%1\", cookies={\"a\\\"b\": "
                          "\"u.AAA.BBB.CCC\"})\nprint(response.status_code)")
               .arg(url);
}

void TestCookieSnippet::eachForm()
{
    QFETCH(int, kind);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(CookieSnippet::make(Kind(kind), "u.AAA.BBB.CCC", name), expected);
}

QTEST_GUILESS_MAIN(TestCookieSnippet)
#include "tst_CookieSnippet.moc"
