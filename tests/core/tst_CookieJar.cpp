// The cookie jar by RFC 6265's storage and sending rules, its limits, and curl's cookie file.
#include "capture/CookieJar.h"
#include "capture/HttpFieldRules.h"

#include <QRandomGenerator>

#include <QTest>
#include <QTimeZone>

using namespace sessionlens;

namespace {
const QDateTime kNow(QDate(2026, 6, 1), QTime(12, 0), QTimeZone::utc());

QByteArray names(const QList<CookieJar::Cookie> &cookies)
{
    QByteArrayList list;
    for (const CookieJar::Cookie &c : cookies)
        list.append(c.name + '=' + c.value);
    return list.join("; ");
}

QByteArray sent(const CookieJar &jar, const char *url, const QDateTime &at = kNow)
{
    return names(jar.matching(QUrl(QString::fromLatin1(url)), at));
}
} // namespace

class TestCookieJar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void domainRules_data();
    void domainRules();
    void refusedDomains_data();
    void refusedDomains();
    void defaultPathAndPathMatch_data();
    void defaultPathAndPathMatch();
    void pathOfSetCookie();
    void maxAgeWinsOverExpires();
    void pastExpiryDeletes();
    void expiredCookiesAreNotSent();
    void secureOnlyOverHttps();
    void replacementByNameDomainPath();
    void longerPathsFirst();
    void unsendableValuesAreRefused();
    void limitPerDomain();
    void limitInAll();
    void limitBytesPerCookie();
    void setValueReplacesOrAdds();
    void netscapeRoundTrip();
    void readsCurlsFile();
    void hostileFiles_data();
    void hostileFiles();
    void expiredLinesAreLeftOut();
    void generatedFilesAreReadOrRefusedWhole();
};

void TestCookieJar::domainRules_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("sentThere");
    QTest::newRow("host-only to the same host")
        << "http://app.example.com/" << QByteArray("a=1") << "http://app.example.com/" << true;
    QTest::newRow("host-only not to a subdomain")
        << "http://example.com/" << QByteArray("a=1") << "http://www.example.com/" << false;
    QTest::newRow("Domain to a subdomain")
        << "http://example.com/" << QByteArray("a=1; Domain=example.com")
        << "http://www.example.com/" << true;
    QTest::newRow("Domain with a leading dot")
        << "http://www.example.com/" << QByteArray("a=1; Domain=.EXAMPLE.com")
        << "http://api.example.com/" << true;
    QTest::newRow("Domain not to a sibling name")
        << "http://example.com/" << QByteArray("a=1; Domain=example.com")
        << "http://badexample.com/" << false;
    QTest::newRow("host case does not matter")
        << "http://App.Example.com/" << QByteArray("a=1") << "http://app.example.COM/" << true;
    QTest::newRow("another port of the host")
        << "http://127.0.0.1:5000/" << QByteArray("a=1") << "http://127.0.0.1:6000/" << true;
}

void TestCookieJar::domainRules()
{
    QFETCH(QString, from);
    QFETCH(QByteArray, header);
    QFETCH(QString, to);
    QFETCH(bool, sentThere);
    CookieJar jar;
    QVERIFY(jar.storeHeader(header, QUrl(from), kNow).ok());
    QCOMPARE(jar.matching(QUrl(to), kNow).size(), sentThere ? 1 : 0);
}

void TestCookieJar::refusedDomains_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("another domain")
        << "http://app.example.com/" << QByteArray("a=1; Domain=other.org");
    QTest::newRow("a subdomain of the host")
        << "http://example.com/" << QByteArray("a=1; Domain=www.example.com");
    QTest::newRow("a top-level domain")
        << "http://app.example.com/" << QByteArray("a=1; Domain=com");
    QTest::newRow("a suffix of an IP address")
        << "http://10.0.0.1/" << QByteArray("a=1; Domain=0.0.1");
}

void TestCookieJar::refusedDomains()
{
    QFETCH(QString, from);
    QFETCH(QByteArray, header);
    CookieJar jar;
    const Result<Done> stored = jar.storeHeader(header, QUrl(from), kNow);
    QVERIFY(!stored.ok());
    QCOMPARE(stored.error().category, ErrorCategory::Format);
    QVERIFY2(stored.error().message.contains(QStringLiteral("not kept")),
             qPrintable(stored.error().message));
    QVERIFY(jar.isEmpty());
}

void TestCookieJar::defaultPathAndPathMatch_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("defaultPath");
    QTest::newRow("no path") << "http://h"
                             << "/";
    QTest::newRow("root") << "http://h/"
                          << "/";
    QTest::newRow("one segment") << "http://h/login"
                                 << "/";
    QTest::newRow("two segments") << "http://h/shop/cart"
                                  << "/shop";
    QTest::newRow("trailing slash") << "http://h/shop/cart/"
                                    << "/shop/cart";
    QTest::newRow("query is not path") << "http://h/shop/cart?x=/a/b"
                                       << "/shop";
}

void TestCookieJar::defaultPathAndPathMatch()
{
    QFETCH(QString, url);
    QFETCH(QString, defaultPath);
    QCOMPARE(CookieJar::defaultPath(QUrl(url)), defaultPath);
    // RFC 6265 5.1.4's three ways to match, and the near misses.
    QVERIFY(CookieJar::pathMatches(QStringLiteral("/docs"), QStringLiteral("/docs")));
    QVERIFY(CookieJar::pathMatches(QStringLiteral("/docs/web"), QStringLiteral("/docs/")));
    QVERIFY(CookieJar::pathMatches(QStringLiteral("/docs/web"), QStringLiteral("/docs")));
    QVERIFY(!CookieJar::pathMatches(QStringLiteral("/docsweb"), QStringLiteral("/docs")));
    QVERIFY(!CookieJar::pathMatches(QStringLiteral("/doc"), QStringLiteral("/docs")));
    QVERIFY(!CookieJar::pathMatches(QStringLiteral("/Docs"), QStringLiteral("/docs")));
}

void TestCookieJar::pathOfSetCookie()
{
    CookieJar jar;
    // Without a Path (or with one not starting with '/'), the default path of the request.
    QVERIFY(jar.storeHeader("a=1", QUrl(QStringLiteral("http://h/shop/cart")), kNow).ok());
    QVERIFY(
        jar.storeHeader("b=2; Path=relative", QUrl(QStringLiteral("http://h/shop/x")), kNow).ok());
    QVERIFY(jar.storeHeader("c=3; Path=/", QUrl(QStringLiteral("http://h/shop/cart")), kNow).ok());
    QCOMPARE(jar.cookies().at(0).path, QStringLiteral("/shop"));
    QCOMPARE(jar.cookies().at(1).path, QStringLiteral("/shop"));
    QCOMPARE(sent(jar, "http://h/shop/item"), QByteArray("a=1; b=2; c=3"));
    QCOMPARE(sent(jar, "http://h/shop"), QByteArray("a=1; b=2; c=3"));
    QCOMPARE(sent(jar, "http://h/shopping"), QByteArray("c=3"));
    QCOMPARE(sent(jar, "http://h/"), QByteArray("c=3"));
}

void TestCookieJar::maxAgeWinsOverExpires()
{
    CookieJar jar;
    const QUrl url(QStringLiteral("http://h/"));
    // Expires in the past, Max-Age ahead: kept for Max-Age, in either order of attributes.
    QVERIFY(
        jar.storeHeader("a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Max-Age=60", url, kNow).ok());
    QVERIFY(
        jar.storeHeader("b=2; Max-Age=60; Expires=Wed, 21 Oct 2015 07:28:00 GMT", url, kNow).ok());
    // Expires ahead, Max-Age 0: deleted at once.
    QVERIFY(
        jar.storeHeader("c=3; Expires=Wed, 21 Oct 2099 07:28:00 GMT; Max-Age=0", url, kNow).ok());
    QCOMPARE(sent(jar, "http://h/"), QByteArray("a=1; b=2"));
    QCOMPARE(*jar.cookies().at(0).expires, kNow.addSecs(60));
    QCOMPARE(sent(jar, "http://h/", kNow.addSecs(59)), QByteArray("a=1; b=2"));
    QCOMPARE(sent(jar, "http://h/", kNow.addSecs(60)), QByteArray());
    // Expires alone is taken as the date it names.
    QVERIFY(jar.storeHeader("d=4; Expires=Mon, 01 Jun 2026 13:00:00 GMT", url, kNow).ok());
    QCOMPARE(*jar.cookies().last().expires, kNow.addSecs(3600));
    // A lifetime beyond the cap is kept at the cap.
    QVERIFY(jar.storeHeader("e=5; Max-Age=999999999999", url, kNow).ok());
    QCOMPARE(*jar.cookies().last().expires, kNow.addSecs(CookieJar::kMaxLifetimeSeconds));
}

void TestCookieJar::pastExpiryDeletes()
{
    CookieJar jar;
    const QUrl url(QStringLiteral("http://h/app/login"));
    QVERIFY(jar.storeHeader("session=abc; Path=/", url, kNow).ok());
    QVERIFY(jar.storeHeader("other=1; Path=/", url, kNow).ok());
    // Flask's delete_cookie: an empty value, Expires in 1970 and Max-Age=0.
    QVERIFY(jar.storeHeader("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/",
                            url, kNow)
                .ok());
    QCOMPARE(sent(jar, "http://h/"), QByteArray("other=1"));
    // Max-Age negative deletes too; a deletion for another path leaves the cookie alone.
    QVERIFY(jar.storeHeader("other=; Max-Age=-1; Path=/app", url, kNow).ok());
    QCOMPARE(sent(jar, "http://h/"), QByteArray("other=1"));
    QVERIFY(jar.storeHeader("other=; Max-Age=-1; Path=/", url, kNow).ok());
    QVERIFY(jar.isEmpty());
}

void TestCookieJar::expiredCookiesAreNotSent()
{
    CookieJar jar;
    QVERIFY(jar.storeHeader("a=1; Max-Age=10", QUrl(QStringLiteral("http://h/")), kNow).ok());
    QCOMPARE(jar.matching(QUrl(QStringLiteral("http://h/")), kNow.addSecs(11)).size(), 0);
    QCOMPARE(jar.cookies().size(), 1);
    jar.removeExpired(kNow.addSecs(11));
    QVERIFY(jar.isEmpty());
}

void TestCookieJar::secureOnlyOverHttps()
{
    CookieJar jar;
    QVERIFY(jar.storeHeader("s=1; Secure", QUrl(QStringLiteral("https://h/")), kNow).ok());
    QVERIFY(jar.storeHeader("p=2", QUrl(QStringLiteral("https://h/")), kNow).ok());
    QCOMPARE(sent(jar, "https://h/"), QByteArray("s=1; p=2"));
    QCOMPARE(sent(jar, "http://h/"), QByteArray("p=2"));
}

void TestCookieJar::replacementByNameDomainPath()
{
    CookieJar jar;
    const QUrl url(QStringLiteral("http://www.example.com/a/b"));
    QVERIFY(jar.storeHeader("n=1; Path=/", url, kNow).ok());
    QVERIFY(jar.storeHeader("n=2; Path=/a", url, kNow).ok());
    QVERIFY(jar.storeHeader("n=3; Path=/; Domain=example.com", url, kNow).ok());
    QCOMPARE(jar.cookies().size(), 3);
    // Same name, domain and path: replaced in place, keeping its age.
    QVERIFY(jar.storeHeader("n=4; Path=/", url, kNow).ok());
    QCOMPARE(jar.cookies().size(), 3);
    QCOMPARE(jar.cookies().at(0).value, QByteArray("4"));
    QCOMPARE(sent(jar, "http://www.example.com/a/x"), QByteArray("n=2; n=4; n=3"));
}

void TestCookieJar::longerPathsFirst()
{
    CookieJar jar;
    const QUrl url(QStringLiteral("http://h/"));
    QVERIFY(jar.storeHeader("root=1; Path=/", url, kNow).ok());
    QVERIFY(jar.storeHeader("deep=2; Path=/a/b", url, kNow).ok());
    QVERIFY(jar.storeHeader("mid=3; Path=/a", url, kNow).ok());
    QVERIFY(jar.storeHeader("root2=4; Path=/", url, kNow).ok());
    QCOMPARE(sent(jar, "http://h/a/b/c"), QByteArray("deep=2; mid=3; root=1; root2=4"));
}

void TestCookieJar::unsendableValuesAreRefused()
{
    CookieJar jar;
    const Result<Done> stored =
        jar.storeHeader("a=b c\x01", QUrl(QStringLiteral("http://h/")), kNow);
    QVERIFY(!stored.ok());
    QCOMPARE(stored.error().category, ErrorCategory::Format);
    QVERIFY(jar.isEmpty());
    QVERIFY(!jar.setValue("a b", "x", QUrl(QStringLiteral("http://h/"))).ok());
    QVERIFY(!jar.setValue("a", "x\r\nX-Injected: 1", QUrl(QStringLiteral("http://h/"))).ok());
    QVERIFY(jar.isEmpty());
}

void TestCookieJar::limitPerDomain()
{
    CookieJar jar;
    const QUrl url(QStringLiteral("http://h/"));
    for (qsizetype i = 0; i < CookieJar::kMaxCookiesPerDomain; ++i)
        QVERIFY(jar.storeHeader("c" + QByteArray::number(i) + "=1", url, kNow).ok());
    const Result<Done> more = jar.storeHeader("one-more=1", url, kNow);
    QVERIFY(!more.ok());
    QCOMPARE(more.error().category, ErrorCategory::Limit);
    QVERIFY2(more.error().message.contains(QStringLiteral("one-more not kept")),
             qPrintable(more.error().message));
    QCOMPARE(jar.cookies().size(), CookieJar::kMaxCookiesPerDomain);
    // A full domain still takes new values for the cookies it has, and other hosts are open.
    QVERIFY(jar.storeHeader("c0=2", url, kNow).ok());
    QVERIFY(jar.storeHeader("a=1", QUrl(QStringLiteral("http://other/")), kNow).ok());
}

void TestCookieJar::limitInAll()
{
    CookieJar jar;
    const qsizetype hosts = CookieJar::kMaxCookies / CookieJar::kMaxCookiesPerDomain;
    for (qsizetype h = 0; h < hosts; ++h) {
        const QUrl url(QStringLiteral("http://h%1/").arg(h));
        for (qsizetype i = 0; i < CookieJar::kMaxCookiesPerDomain; ++i)
            QVERIFY(jar.storeHeader("c" + QByteArray::number(i) + "=1", url, kNow).ok());
    }
    QCOMPARE(jar.cookies().size(), CookieJar::kMaxCookies);
    const Result<Done> more = jar.storeHeader("x=1", QUrl(QStringLiteral("http://new/")), kNow);
    QVERIFY(!more.ok());
    QCOMPARE(more.error().category, ErrorCategory::Limit);
    QCOMPARE(jar.cookies().size(), CookieJar::kMaxCookies);
}

void TestCookieJar::limitBytesPerCookie()
{
    CookieJar jar;
    const QUrl url(QStringLiteral("http://h/"));
    const QByteArray fits(CookieJar::kMaxCookieBytes - 1, 'v');
    QVERIFY(jar.storeHeader("a=" + fits, url, kNow).ok());
    const Result<Done> over = jar.storeHeader("ab=" + fits, url, kNow);
    QVERIFY(!over.ok());
    QCOMPARE(over.error().category, ErrorCategory::Limit);
    QCOMPARE(jar.cookies().size(), 1);
}

void TestCookieJar::setValueReplacesOrAdds()
{
    CookieJar jar;
    QVERIFY(jar.storeHeader("session=old; Path=/; HttpOnly",
                            QUrl(QStringLiteral("http://127.0.0.1:5000/login")), kNow)
                .ok());
    QVERIFY(
        jar.setValue("session", "edited", QUrl(QStringLiteral("http://127.0.0.1:5000/cart"))).ok());
    QCOMPARE(jar.cookies().size(), 1);
    QCOMPARE(jar.cookies().first().value, QByteArray("edited"));
    QVERIFY(jar.cookies().first().httpOnly);
    // None yet for that host: one is added for its root.
    QVERIFY(jar.setValue("session", "new", QUrl(QStringLiteral("http://localhost/a/b"))).ok());
    QCOMPARE(sent(jar, "http://localhost/"), QByteArray("session=new"));
}

void TestCookieJar::netscapeRoundTrip()
{
    CookieJar jar;
    const QUrl url(QStringLiteral("https://www.example.com/shop/cart"));
    QVERIFY(jar.storeHeader("session=eyJ.a-b_c; HttpOnly; Path=/", url, kNow).ok());
    QVERIFY(
        jar.storeHeader("pref=dark; Domain=example.com; Max-Age=3600; Secure; Path=/", url, kNow)
            .ok());
    QVERIFY(jar.storeHeader("local=1", url, kNow).ok());
    const QByteArray text = jar.toNetscape();
    QVERIFY(text.startsWith("# Netscape HTTP Cookie File\n"));
    QVERIFY2(text.contains("#HttpOnly_www.example.com\tFALSE\t/\tFALSE\t0\tsession\teyJ.a-b_c\n"),
             text.constData());
    QVERIFY2(text.contains(".example.com\tTRUE\t/\tTRUE\t" +
                           QByteArray::number(kNow.toSecsSinceEpoch() + 3600) + "\tpref\tdark\n"),
             text.constData());
    QVERIFY2(text.contains("\nwww.example.com\tFALSE\t/shop\tFALSE\t0\tlocal\t1\n"),
             text.constData());

    const Result<CookieJar> read = CookieJar::fromNetscape(text, kNow);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
    QCOMPARE(read->cookies().size(), 3);
    QCOMPARE(read->toNetscape(), text);
    for (qsizetype i = 0; i < 3; ++i) {
        const CookieJar::Cookie &a = jar.cookies()[i], &b = read->cookies()[i];
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.value, a.value);
        QCOMPARE(b.domain, a.domain);
        QCOMPARE(b.path, a.path);
        QCOMPARE(b.hostOnly, a.hostOnly);
        QCOMPARE(b.secure, a.secure);
        QCOMPARE(b.httpOnly, a.httpOnly);
        QCOMPARE(b.expires, a.expires);
    }
    QCOMPARE(names(read->matching(QUrl(QStringLiteral("https://api.example.com/")), kNow)),
             QByteArray("pref=dark"));
}

void TestCookieJar::readsCurlsFile()
{
    // As curl 7.88 writes it after `curl -c jar` against a Flask app on 127.0.0.1 (a
    // host-only HttpOnly session cookie) and a site that sets a domain cookie.
    const QByteArray curl =
        "# Netscape HTTP Cookie File\n"
        "# https://curl.se/docs/http-cookies.html\n"
        "# This file was generated by libcurl! Edit at your own risk.\n"
        "\n"
        "#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\teyJ1c2VyIjoiYWxpY2UifQ."
        "Z0Xx.sig\r\n"
        ".example.org\tTRUE\t/\tTRUE\t4102444800\ttheme\tlight\n";
    const Result<CookieJar> read = CookieJar::fromNetscape(curl, kNow);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
    QCOMPARE(read->cookies().size(), 2);
    QCOMPARE(names(read->matching(QUrl(QStringLiteral("http://127.0.0.1:5000/cart")), kNow)),
             QByteArray("session=eyJ1c2VyIjoiYWxpY2UifQ.Z0Xx.sig"));
    QVERIFY(read->cookies().first().httpOnly);
    QVERIFY(!read->cookies().first().expires);
    QCOMPARE(names(read->matching(QUrl(QStringLiteral("https://www.example.org/")), kNow)),
             QByteArray("theme=light"));
    QCOMPARE(read->matching(QUrl(QStringLiteral("http://www.example.org/")), kNow).size(), 0);
}

void TestCookieJar::hostileFiles_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("category");
    QTest::addColumn<QString>("message");
    const QByteArray good = "h\tFALSE\t/\tFALSE\t0\ta\t1\n";
    QTest::newRow("six fields") << QByteArray("# c\nh\tFALSE\t/\tFALSE\t0\ta\n")
                                << int(ErrorCategory::Format)
                                << QStringLiteral("cookie file, line 2: 6 tab-separated fields");
    QTest::newRow("tabs alone") << good + "h" + QByteArray(1000, '\t') << int(ErrorCategory::Format)
                                << QStringLiteral("cookie file, line 2: 1001 tab-separated");
    QTest::newRow("flag") << good + "h\tYES\t/\tFALSE\t0\ta\t1\n"
                          << int(ErrorCategory::Format)
                          << QStringLiteral("line 2: the second and fourth fields");
    QTest::newRow("path") << QByteArray("h\tFALSE\tshop\tFALSE\t0\ta\t1\n")
                          << int(ErrorCategory::Format) << QStringLiteral("line 1: the path");
    QTest::newRow("expiry") << QByteArray("h\tFALSE\t/\tFALSE\tsoon\ta\t1\n")
                            << int(ErrorCategory::Format) << QStringLiteral("line 1: the expiry");
    QTest::newRow("domain with a space")
        << QByteArray("a b\tFALSE\t/\tFALSE\t0\ta\t1\n") << int(ErrorCategory::Format)
        << QStringLiteral("line 1: the domain");
    QTest::newRow("value with a line break")
        << QByteArray("h\tFALSE\t/\tFALSE\t0\ta\t1\rX-Injected: yes\n")
        << int(ErrorCategory::Format) << QStringLiteral("line 1: cookie jar: a cookie value");
    QTest::newRow("name with a space")
        << QByteArray("h\tFALSE\t/\tFALSE\t0\ta b\t1\n") << int(ErrorCategory::Format)
        << QStringLiteral("line 1: cookie jar: a cookie name");
    QTest::newRow("long line")
        << "h\tFALSE\t/\tFALSE\t0\ta\t" + QByteArray(CookieJar::kMaxLineBytes, 'v') + '\n'
        << int(ErrorCategory::Format)
        << QStringLiteral("line 1: %1 bytes").arg(CookieJar::kMaxLineBytes + 20);
    QTest::newRow("long cookie") << "h\tFALSE\t/\tFALSE\t0\ta\t" +
                                        QByteArray(CookieJar::kMaxCookieBytes, 'v') + '\n'
                                 << int(ErrorCategory::Format)
                                 << QStringLiteral("line 1: the cookie a has 4097 bytes");
    QByteArray perDomain;
    for (int i = 0; i <= CookieJar::kMaxCookiesPerDomain; ++i)
        perDomain += "h\tFALSE\t/\tFALSE\t0\tc" + QByteArray::number(i) + "\t1\n";
    QTest::newRow("too many for a domain") << perDomain << int(ErrorCategory::Format)
                                           << QStringLiteral("line 51: the jar holds 50 cookies");
    QTest::newRow("too many lines")
        << QByteArray(CookieJar::kMaxFileLines + 1, '\n') << int(ErrorCategory::Limit)
        << QStringLiteral("more than 100000 lines");
    QTest::newRow("too large") << QByteArray(CookieJar::kMaxFileBytes + 1, '#')
                               << int(ErrorCategory::Limit)
                               << QStringLiteral("over the 16777216-byte limit");
}

void TestCookieJar::hostileFiles()
{
    QFETCH(QByteArray, text);
    QFETCH(int, category);
    QFETCH(QString, message);
    const Result<CookieJar> read = CookieJar::fromNetscape(text, kNow);
    QVERIFY(!read.ok());
    QCOMPARE(int(read.error().category), category);
    QVERIFY2(read.error().message.contains(message), qPrintable(read.error().message));
}

void TestCookieJar::expiredLinesAreLeftOut()
{
    const QByteArray text = "h\tFALSE\t/\tFALSE\t1000\told\t1\n"
                            "h\tFALSE\t/\tFALSE\t" +
                            QByteArray::number(kNow.toSecsSinceEpoch() + 10) + "\tfresh\t2\n";
    const Result<CookieJar> read = CookieJar::fromNetscape(text, kNow);
    QVERIFY(read.ok());
    QCOMPARE(read->cookies().size(), 1);
    QCOMPARE(read->cookies().first().name, QByteArray("fresh"));
}

void TestCookieJar::generatedFilesAreReadOrRefusedWhole()
{
    // Files made of the pieces a cookie file has: lines of seven fields, each mostly sound
    // and sometimes not, between comments, blank lines and loose bytes. Each file is either
    // read whole, with only cookies that could be sent back, or refused with an error that
    // names its line.
    const QList<QByteArrayList> fields = {
        {"h.example", ".h.example", "#HttpOnly_h.example", "127.0.0.1", "a b", ""},
        {"TRUE", "FALSE", "false", "YES"},
        {"/", "/a", "/a/b", "a", ""},
        {"TRUE", "FALSE", "1"},
        {"0", "4102444800", "1000", "-1", "x"},
        {"n", "session", "a;b", "", "x y"},
        {"v", "eyJ.x-y_z", "", "a\x01", "\"q\"", "a,b"}};
    const QByteArrayList loose = {"# comment", "", "\t", "\r", "\t\t\t", "\xff\xfe", "#"};
    QRandomGenerator random(20261203);
    constexpr int kFiles = 3000;
    int read = 0, refused = 0;
    for (int i = 0; i < kFiles; ++i) {
        QByteArray text;
        const int lines = int(random.bounded(1, 8));
        for (int l = 0; l < lines; ++l) {
            if (random.bounded(5) == 0) {
                text += loose[qsizetype(random.bounded(int(loose.size())))] + '\n';
                continue;
            }
            QByteArrayList line;
            for (const QByteArrayList &choices : fields) {
                // The first choice is sound; the others come one time in eight.
                const bool odd = random.bounded(8) == 0;
                line.append(odd ? choices[qsizetype(random.bounded(int(choices.size())))]
                                : choices.first());
            }
            line[5] += QByteArray::number(l); // distinct names, so that lines do not replace
            text += line.join('\t') + (random.bounded(2) ? "\n" : "\r\n");
        }
        const Result<CookieJar> jar = CookieJar::fromNetscape(text, kNow);
        if (!jar) {
            ++refused;
            QVERIFY2(jar.error().message.contains(QStringLiteral("cookie file, line ")),
                     qPrintable(jar.error().message));
            continue;
        }
        ++read;
        for (const CookieJar::Cookie &c : jar->cookies()) {
            QVERIFY(HttpFieldRules::isCookieName(c.name));
            QVERIFY(HttpFieldRules::isCookieValue(c.value));
            QVERIFY(c.path.startsWith(u'/'));
            QVERIFY(!c.domain.isEmpty() && !c.domain.contains(u' '));
        }
        // What was read writes back to the same cookies.
        const Result<CookieJar> again = CookieJar::fromNetscape(jar->toNetscape(), kNow);
        QVERIFY(again.ok());
        QCOMPARE(again->toNetscape(), jar->toNetscape());
    }
    QCOMPARE(read + refused, kFiles);
    QVERIFY2(read > kFiles / 10 && refused > kFiles / 10,
             qPrintable(QStringLiteral("%1 read, %2 refused").arg(read).arg(refused)));
}

QTEST_GUILESS_MAIN(TestCookieJar)
#include "tst_CookieJar.moc"
