#include "TestData.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonValidator.h"

#include <QTest>

using namespace sessionlens;

class TestPythonJsonValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vouchesOrDefers_data();
    void vouchesOrDefers();
    void vouchesForPlainVectors();
};

namespace {
PythonJsonReader::Options optionsFor(PythonJsonReader::Dialect dialect, int maxDepth = 0,
                                     qsizetype maxNodes = 0)
{
    PythonJsonReader::Options options;
    options.dialect = dialect;
    if (maxDepth > 0)
        options.maxDepth = maxDepth;
    if (maxNodes > 0)
        options.maxNodes = maxNodes;
    return options;
}
} // namespace

void TestPythonJsonValidator::vouchesOrDefers_data()
{
    using D = PythonJsonReader::Dialect;
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("dialect");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<int>("maxNodes");
    QTest::addColumn<bool>("vouches");
    const auto row = [](const char *name, const QByteArray &text, D dialect, bool vouches,
                        int maxDepth = 0, int maxNodes = 0) {
        QTest::newRow(name) << text << int(dialect) << maxDepth << maxNodes << vouches;
    };
    // Plain sessions: vouched for, so no tree is built.
    row("empty dict", "{}", D::EncryptedSession, true);
    row("spaces", " \t\r\n{ \"a\" : 1 } \n", D::FlaskTagged, true);
    row("every literal",
        R"({"a":null,"b":true,"c":false,"d":NaN,"e":Infinity,"f":-Infinity,"g":-0,"h":1.5e-3})",
        D::EncryptedSession, true);
    row("nested", R"({"cart":[{"id":1,"qty":[2,3]},{}],"u":{"n":"\"x\\"}})", D::FlaskTagged, true);
    row("escapes in values", R"({"a":"\n\t\/\b\f\r\u00e9\ud83d"})", D::FlaskTagged, true);
    row("UTF-8 key", "{\"caf\xc3\xa9\":1}", D::FlaskTagged, true);
    row("duplicate key", R"({"a":1,"a":2})", D::EncryptedSession, true);
    row("space key in EncryptedSession", R"({" t":[1]})", D::EncryptedSession, true);
    row("__type__ in Flask's dialect", R"({"__type__":"bytes","b":"AA=="})", D::FlaskTagged, true);
    row("depth at the limit", R"({"a":[[1]]})", D::EncryptedSession, true, 3);
    row("nodes at the limit", R"({"a":[1,2]})", D::EncryptedSession, true, 0, 4);
    // Tags and possible tags: the reader turns them into typed nodes (or refuses them).
    row("Flask tuple tag", R"({"a":{" t":[1,2]}})", D::FlaskTagged, false);
    row("Flask bytes tag, bad base64", R"({"a":{" b":"!!"}})", D::FlaskTagged, false);
    row("space-led key", R"({" x":1})", D::FlaskTagged, false);
    row("escaped key could be a tag", R"({"a":{"\u0020t":[1]}})", D::FlaskTagged, false);
    row("bytes object", R"({"a":{"__type__":"bytes","b":"AA=="}})", D::EncryptedSession, false);
    row("escaped __type__", R"({"\u005f_type__":"bytes","b":"AA=="})", D::EncryptedSession, false);
    // Everything the reader refuses.
    row("not a dict", "[1]", D::EncryptedSession, false);
    row("a string", "\"s\"", D::EncryptedSession, false);
    row("empty", "", D::EncryptedSession, false);
    row("BOM", "\xef\xbb\xbf{}", D::EncryptedSession, false);
    row("extra data", "{} {}", D::EncryptedSession, false);
    row("trailing comma", R"({"a":1,})", D::EncryptedSession, false);
    row("missing colon", R"({"a" 1})", D::EncryptedSession, false);
    row("single quotes", "{'a':1}", D::EncryptedSession, false);
    row("control character", "{\"a\":\"x\ty\"}", D::EncryptedSession, false);
    row("bad escape", R"({"a":"\x"})", D::EncryptedSession, false);
    row("short unicode escape", R"({"a":"\u12"})", D::EncryptedSession, false);
    row("unterminated", R"({"a":"abc)", D::EncryptedSession, false);
    row("leading zero", R"({"a":01})", D::EncryptedSession, false);
    row("bare minus", R"({"a":-})", D::EncryptedSession, false);
    row("dot without digits", R"({"a":1.})", D::EncryptedSession, false);
    row("true typo", R"({"a":tru})", D::EncryptedSession, false);
    row("invalid UTF-8", "{\"a\":\"\xc3\x28\"}", D::EncryptedSession, false);
    row("overlong UTF-8", "{\"a\":\"\xc0\xaf\"}", D::EncryptedSession, false);
    row("4301 digits", "{\"a\":" + QByteArray(4301, '7') + "}", D::EncryptedSession, false);
    row("too deep", R"({"a":[[1]]})", D::EncryptedSession, false, 2);
    row("too many values", R"({"a":[1,2]})", D::EncryptedSession, false, 0, 3);
}

void TestPythonJsonValidator::vouchesOrDefers()
{
    QFETCH(QByteArray, text);
    QFETCH(int, dialect);
    QFETCH(int, maxDepth);
    QFETCH(int, maxNodes);
    QFETCH(bool, vouches);
    const auto options = optionsFor(PythonJsonReader::Dialect(dialect), maxDepth, maxNodes);
    QCOMPARE(PythonJsonValidator::readsAsSession(text, options), vouches);
    // The one promise: what it vouches for, the reader reads as a dict.
    if (vouches) {
        const auto read = PythonJsonReader::read(text, options);
        QVERIFY(read.ok());
        QCOMPARE(read->type(), SessionValue::Type::Dict);
    }
}

void TestPythonJsonValidator::vouchesForPlainVectors()
{
    // Real sessions without tags take the fast path; with tags, the reader's.
    int vouched = 0, deferred = 0;
    const auto options = optionsFor(PythonJsonReader::Dialect::EncryptedSession);
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session"))) {
        const QByteArray text = v[QStringLiteral("plaintext")].toString().toUtf8();
        const bool hasTag = text.contains("\"__type__\"");
        QCOMPARE(PythonJsonValidator::readsAsSession(text, options), !hasTag);
        (hasTag ? deferred : vouched) += 1;
    }
    QVERIFY(vouched > 0);
    QVERIFY(deferred > 0);
}

QTEST_GUILESS_MAIN(TestPythonJsonValidator)
#include "tst_PythonJsonValidator.moc"
