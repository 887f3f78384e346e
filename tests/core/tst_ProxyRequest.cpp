// ProxyRequestReader and ProxyForwardRules without sockets: the decisions the proxy makes on
// a request, byte for byte.

#include "capture/ProxyForwardRules.h"
#include "capture/ProxyRequestReader.h"
#include "capture/SetCookieParser.h"

#include <QtTest>

using namespace sessionlens;

namespace {

ProxyForwardRules::Policy policy()
{
    ProxyForwardRules::Policy p;
    p.upstream = QUrl(QStringLiteral("http://127.0.0.1:5000/app/"));
    p.authorities = {"127.0.0.1:8001", "localhost:8001", "[::1]:8001"};
    p.pin = "PIN";
    return p;
}

/// Reads `bytes` through a reader, `step` bytes at a time, to the end of one message.
ProxyRequestReader &readAll(ProxyRequestReader &reader, QByteArrayView bytes, qsizetype step)
{
    while (!bytes.isEmpty() && reader.stage() != ProxyRequestReader::Stage::Refused &&
           reader.stage() != ProxyRequestReader::Stage::Complete) {
        const QByteArrayView piece = bytes.first(std::min(step, bytes.size()));
        const qsizetype used = reader.feed(piece);
        bytes = bytes.sliced(used);
        if (used == 0 && reader.stage() == ProxyRequestReader::Stage::Head)
            break;
    }
    return reader;
}

QByteArray header(const ProxyForwardRules::Outgoing &out, QByteArrayView name)
{
    for (const auto &[key, value] : out.headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

} // namespace

class TestProxyRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAHeadInAnyPieces_data()
    {
        QTest::addColumn<qsizetype>("step");
        QTest::newRow("byte by byte") << qsizetype(1);
        QTest::newRow("seven") << qsizetype(7);
        QTest::newRow("whole") << qsizetype(1 << 20);
    }
    void readsAHeadInAnyPieces()
    {
        QFETCH(qsizetype, step);
        ProxyRequestReader reader;
        const QByteArray request =
            "\r\nPOST /a HTTP/1.1\r\nHost: 127.0.0.1:8001\r\nContent-Length: "
            "5\r\nX-A:  spaced  \r\n\r\nhelloGET /next HTTP/1.1\r\n";
        QByteArray body;
        QByteArrayView rest = request;
        bool sawHead = false;
        while (reader.stage() != ProxyRequestReader::Stage::Complete) {
            const qsizetype used = reader.feed(rest.first(std::min(step, rest.size())));
            rest = rest.sliced(used);
            sawHead = reader.takeHeadReady() || sawHead;
            body += reader.takeBody();
            QVERIFY(reader.stage() != ProxyRequestReader::Stage::Refused);
        }
        QVERIFY(sawHead);
        QCOMPARE(reader.head().method, QByteArray("POST"));
        QCOMPARE(reader.head().target, QByteArray("/a"));
        QCOMPARE(reader.head().contentLength, 5);
        QCOMPARE(reader.head().headers.last().second, QByteArray("spaced"));
        QCOMPARE(body, QByteArray("hello"));
        QVERIFY(rest.startsWith("GET /next")); // the next request is not read ahead
        reader.next();
        QCOMPARE(reader.stage(), ProxyRequestReader::Stage::Head);
    }

    void refusesWhatStrictServersRefuse_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        const QByteArray line = "GET / HTTP/1.1\r\nHost: 127.0.0.1:8001\r\n";
        QTest::newRow("space before colon") << line + "Content-Length : 5\r\n\r\n" << 400;
        QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: x\n\n") << 400;
        QTest::newRow("bare CR") << line + "X: a\rb\r\n\r\n" << 400;
        QTest::newRow("fold") << line + "X: a\r\n b\r\n\r\n" << 400;
        QTest::newRow("NUL in value") << line + QByteArray("X: a\0b\r\n\r\n", 10) << 400;
        QTest::newRow("not HTTP") << QByteArray("NOT HTTP AT ALL\r\n\r\n") << 400;
        QTest::newRow("too long") << line + "X: " + QByteArray(70000, 'a') + "\r\n\r\n" << 431;
        QByteArray many = line;
        for (int i = 0; i < 250; ++i)
            many += "X-" + QByteArray::number(i) + ": 1\r\n";
        QTest::newRow("too many") << many + "\r\n" << 431;
    }
    void refusesWhatStrictServersRefuse()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        ProxyRequestReader reader;
        readAll(reader, request, 1 << 20);
        QCOMPARE(reader.stage(), ProxyRequestReader::Stage::Refused);
        QCOMPARE(reader.refusal().status, status);
    }

    void decidesAuthorityAndMethod_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status"); // 0: forwarded
        QTest::newRow("own") << QByteArray("GET / HTTP/1.1\r\nHost: LOCALHOST:8001\r\n\r\n") << 0;
        QTest::newRow("other") << QByteArray("GET / HTTP/1.1\r\nHost: evil:8001\r\n\r\n") << 421;
        QTest::newRow("two hosts") << QByteArray("GET / HTTP/1.1\r\nHost: localhost:8001\r\n"
                                                 "Host: localhost:8001\r\n\r\n")
                                   << 400;
        QTest::newRow("no host") << QByteArray("GET / HTTP/1.0\r\n\r\n") << 400;
        QTest::newRow("CONNECT") << QByteArray(
                                        "CONNECT a:1 HTTP/1.1\r\nHost: localhost:8001\r\n\r\n")
                                 << 405;
        QTest::newRow("nameless cookie hiding a session")
            << QByteArray("GET / HTTP/1.1\r\nHost: localhost:8001\r\nCookie:= session=x\r\n\r\n")
            << 400;
        QTest::newRow("OPTIONS *")
            << QByteArray("OPTIONS * HTTP/1.1\r\nHost: localhost:8001\r\n\r\n") << 501;
    }
    void decidesAuthorityAndMethod()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        ProxyRequestReader reader;
        readAll(reader, request, 1 << 20);
        QVERIFY(reader.takeHeadReady());
        const auto decision = ProxyForwardRules::decide(reader.head(), policy());
        QCOMPARE(decision.refusal ? decision.refusal->status : 0, status);
    }

    void buildsTargetsUnderTheBase_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("built"); // empty: refused
        QTest::newRow("root") << QByteArray("/") << QByteArray("/app/");
        QTest::newRow("escape") << QByteArray("/../../etc/passwd") << QByteArray("/app/etc/passwd");
        QTest::newRow("encoded escape") << QByteArray("/%2E%2e/x") << QByteArray("/app/x");
        QTest::newRow("up to root") << QByteArray("/a/..") << QByteArray("/app/");
        QTest::newRow("query kept") << QByteArray("/x?a=/../b?c") << QByteArray("/app/x?a=/../b?c");
        QTest::newRow("bytes") << QByteArray("/\x80 \"<") << QByteArray("/app/%80%20%22%3C");
        QTest::newRow("stray percent") << QByteArray("/100%") << QByteArray("/app/100%25");
        QTest::newRow("backslash dot dot") << QByteArray("/..%5c..%5cx") << QByteArray();
        QTest::newRow("not origin-form") << QByteArray("x") << QByteArray();
    }
    void buildsTargetsUnderTheBase()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, built);
        const auto result = ProxyForwardRules::buildTarget("/app/", target);
        QCOMPARE(result.value_or(QByteArray()), built);
        if (result) // and the network manager sends those bytes as they are
            QCOMPARE(QUrl::fromEncoded("http://h" + *result, QUrl::StrictMode)
                         .toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority),
                     built);
    }

    void rewritesHeadersAndPins()
    {
        ProxyRequestReader reader;
        readAll(reader,
                "GET / HTTP/1.1\r\nHost: 127.0.0.1:8001\r\nCookie: a=1\r\nConnection: close, "
                "X-Gone\r\nX-Gone: 1\r\nCookie: session=mine\r\nAccept: a\r\nACCEPT: b\r\n"
                "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                1 << 20);
        QVERIFY(reader.takeHeadReady());
        const auto decision = ProxyForwardRules::decide(reader.head(), policy());
        QVERIFY(!decision.refusal);
        const auto &out = decision.outgoing;
        QCOMPARE(header(out, "cookie"), QByteArray("a=1; session=PIN"));
        QCOMPARE(header(out, "accept"), QByteArray("a, b"));
        QCOMPARE(header(out, "accept-encoding"), QByteArray("identity"));
        QVERIFY(header(out, "x-gone").isNull());
        QVERIFY(header(out, "transfer-encoding").isNull());
        QVERIFY(header(out, "host").isNull());
        QVERIFY(out.pinned);
        QCOMPARE(out.sessionCookiesSeen, QList<QByteArray>{"mine"});
        QCOMPARE(out.target, QByteArray("/app/"));
        QCOMPARE(ProxyForwardRules::upstreamUrl(policy(), out).toString(),
                 QStringLiteral("http://127.0.0.1:5000/app/"));
    }

    void pinnedCookieHeaderStaysWithinTheLimits()
    {
        // The pin is one cookie more when the browser sent none named like it: a header at the
        // limit of cookies is refused, not forwarded beyond what the proxy itself reads.
        const auto decide = [](int cookies) {
            QByteArray request = "GET / HTTP/1.1\r\nHost: 127.0.0.1:8001\r\nCookie: ";
            for (int i = 0; i < cookies; ++i)
                request += (i ? "; c" : "c") + QByteArray::number(i) + "=1";
            request += "\r\n\r\n";
            ProxyRequestReader reader;
            readAll(reader, request, 1 << 20);
            return ProxyForwardRules::decide(reader.head(), policy());
        };
        const auto atLimit = decide(int(SetCookieParser::kMaxCookiesPerHeader));
        QVERIFY(atLimit.refusal);
        QCOMPARE(atLimit.refusal->status, 431);
        const auto below = decide(int(SetCookieParser::kMaxCookiesPerHeader) - 1);
        QVERIFY(!below.refusal);
        QVERIFY(below.outgoing.pinned);
        const auto forwarded = SetCookieParser::parseCookieHeader(header(below.outgoing, "cookie"));
        QVERIFY(forwarded.ok());
        QCOMPARE(forwarded->size(), SetCookieParser::kMaxCookiesPerHeader);
        QCOMPARE(forwarded->last().second, QByteArray("PIN"));
    }

    void crossSiteKeepsItsOwnCookie()
    {
        ProxyRequestReader reader;
        readAll(reader,
                "POST / HTTP/1.1\r\nHost: 127.0.0.1:8001\r\nOrigin: https://127.0.0.1:8001\r\n"
                "Content-Length: 0\r\n\r\n",
                1 << 20);
        QVERIFY(reader.takeHeadReady());
        const auto decision = ProxyForwardRules::decide(reader.head(), policy());
        QVERIFY(!decision.refusal);
        QVERIFY(decision.outgoing.crossSite); // another scheme is another origin
        QVERIFY(!decision.outgoing.pinned);
        QVERIFY(header(decision.outgoing, "cookie").isNull());
    }
};

QTEST_GUILESS_MAIN(TestProxyRequest)
#include "tst_ProxyRequest.moc"
