#include "TestData.h"
#include "json/JsonMemberList.h"
#include "json/JsonMemberSpans.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonValidator.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstring>
#include <memory>

#include <tuple>

using namespace sessionlens;

class TestPythonJsonValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vouchesOrDefers_data();
    void vouchesOrDefers();
    void vouchesForPlainVectors();
    void generatedTextsKeepThePromise();
    void stringsOfEveryLengthInExactBuffers();
    void listsTheMembersJsonMemberSpansFinds();
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
    // Sound tags: the reader turns them into typed nodes, and the session stays a dict.
    row("Flask tuple", R"({"a":{" t":[1,2]}})", D::FlaskTagged, true);
    row("Flask bytes", R"({"a":{" b":"AAE="}})", D::FlaskTagged, true);
    row("Flask markup", R"({"a":{" m":"<b>\u00e9</b>"}})", D::FlaskTagged, true);
    row("Flask UUID", R"({"a":{" u":"12345678-1234-5678-1234-567812345678"}})", D::FlaskTagged,
        true);
    row("Flask date", R"({"a":{" d":"Fri, 17 May 2024 12:30:45 GMT"}})", D::FlaskTagged, true);
    // A leading U+FEFF stays a character (Python's int() refuses it): the reader refuses this
    // UUID, so the validator must not vouch for it (found by fuzz_json_roundtrip).
    row("Flask UUID after U+FEFF",
        "{\"a\":{\" u\":\"\xef\xbb\xbf"
        "12345678123456781234567812345678\"}}",
        D::FlaskTagged, false);
    row("flashes", R"({"_flashes":[{" t":["message","Saved"]}]})", D::FlaskTagged, true);
    row("space-led key that is no tag", R"({" x":1})", D::FlaskTagged, true);
    row("bytes object", R"({"a":{"b":"AA==","__type__":"bytes"}})", D::EncryptedSession, true);
    row("__type__ that is not bytes", R"({"a":{"__type__":"set","b":1}})", D::EncryptedSession,
        true);
    row("__type__ that is no string", R"({"a":{"__type__":5}})", D::EncryptedSession, true);
    // Unsound or unsure tags: the reader's to judge.
    row("Flask bytes, bad base64", R"({"a":{" b":"!!"}})", D::FlaskTagged, false);
    row("Flask tuple of no list", R"({"a":{" t":1}})", D::FlaskTagged, false);
    row("Flask markup of no string", R"({"a":{" m":1}})", D::FlaskTagged, false);
    row("Flask bad UUID", R"({"a":{" u":"1234"}})", D::FlaskTagged, false);
    row("Flask bad date", R"({"a":{" d":"yesterday"}})", D::FlaskTagged, false);
    row("Flask escaped payload", R"({"a":{" b":"AA\u003d="}})", D::FlaskTagged, false);
    row("Flask dict tag", R"({"a":{" di":{" t__":1}}})", D::FlaskTagged, false);
    row("Flask tag at the top", R"({" t":[1]})", D::FlaskTagged, false);
    row("space-led key among others", R"({"a":{" t":[1]," t":[2]}})", D::FlaskTagged, false);
    row("escaped key could be a tag", R"({"a":{"\u0020t":[1]}})", D::FlaskTagged, false);
    row("bytes at the top", R"({"__type__":"bytes","b":"AA=="})", D::EncryptedSession, false);
    row("bytes without b", R"({"a":{"__type__":"bytes"}})", D::EncryptedSession, false);
    row("bytes with bad base64", R"({"a":{"__type__":"bytes","b":"A"}})", D::EncryptedSession,
        false);
    row("bytes with two b", R"({"a":{"__type__":"bytes","b":"!","b":"AA=="}})", D::EncryptedSession,
        false);
    row("two __type__", R"({"a":{"__type__":"x","__type__":"bytes","b":"AA=="}})",
        D::EncryptedSession, false);
    row("escaped bytes type", R"({"a":{"__type__":"byt\u0065s","b":"AA=="}})", D::EncryptedSession,
        false);
    row("escaped __type__", R"({"a":{"\u005f_type__":"bytes","b":"AA=="}})", D::EncryptedSession,
        false);
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
    // The encoding is checked inside strings, run by run of non-ASCII bytes.
    row("4-byte UTF-8 in a long string",
        "{\"a\":\"0123456789abcdef\xf0\x9f\x8d\xaa"
        "0123456789abcdef\"}",
        D::FlaskTagged, true);
    row("UTF-8 runs back to back", "{\"a\":\"\xc3\xa9\xe2\x82\xac\xc3\xa9x\xc3\xa9\"}",
        D::FlaskTagged, true);
    row("sequence cut by the quote", "{\"a\":\"abc\xe2\x82\"}", D::FlaskTagged, false);
    row("lone continuation byte", "{\"a\":\"0123456789abcdef0123\x80\"}", D::FlaskTagged, false);
    row("encoded surrogate", "{\"a\":\"\xed\xa0\x80\"}", D::EncryptedSession, false);
    row("beyond U+10FFFF", "{\"a\":\"\xf4\x90\x80\x80\"}", D::EncryptedSession, false);
    row("overlong UTF-8 in a key", "{\"\xc0\xaf\":1}", D::Plain, false);
    row("non-ASCII byte outside a string", "{\"a\":1\xc3\xa9}", D::Plain, false);
    row("non-ASCII white space",
        "{\"a\":\xc2\xa0"
        "1}",
        D::Plain, false);
    // Short integers are read inline; the lexer takes over wherever a float may follow.
    row("integers inline", R"({"a":0,"b":7,"c":[12,345678901234567890123],"d":-3})",
        D::EncryptedSession, true);
    row("integer at the very end", "{\"a\":[1]}", D::Plain, true);
    row("18 digits then a fraction", R"({"a":123456789012345678.5})", D::EncryptedSession, true);
    row("integer then exponent", R"({"a":12E3,"b":0e1})", D::EncryptedSession, true);
    row("zero then digits", R"({"a":00})", D::EncryptedSession, false);
    row("integer then letter", R"({"a":12x})", D::EncryptedSession, false);
    row("integer then bare exponent", R"({"a":12e})", D::EncryptedSession, false);
    row("4300 digits", "{\"a\":" + QByteArray(4300, '7') + "}", D::EncryptedSession, true);
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
    // Real sessions, tags included, take the fast path: every valid vector of both formats.
    for (const auto &[section, field, format] :
         {std::tuple{"encrypted_session", "plaintext", PythonJsonReader::Dialect::EncryptedSession},
          std::tuple{"flask_default", "payload", PythonJsonReader::Dialect::FlaskTagged}}) {
        const auto options = optionsFor(format);
        for (const QJsonValue v : test::cookieVectors(QLatin1String(section))) {
            const QByteArray text = v[QLatin1String(field)].toString().toUtf8();
            QVERIFY2(PythonJsonValidator::readsAsSession(text, options), text.constData());
        }
    }
}

namespace {
// Random JSON built from pieces that matter to the tag rules: sound and broken tags of both
// dialects, duplicate keys, space-led and escaped keys, tags at the top.
QByteArray randomValue(QRandomGenerator &random, int depth)
{
    static const char *const scalars[] = {"1",
                                          "-0",
                                          "2.5e3",
                                          "NaN",
                                          "null",
                                          "true",
                                          "\"s\"",
                                          "\"\\u00e9\"",
                                          "\"AA==\"",
                                          "\"!!\"",
                                          "\"bytes\"",
                                          "\"Fri, 17 May 2024 12:30:45 GMT\"",
                                          "\"12345678123456781234567812345678\""};
    static const char *const keys[] = {"\" t\"", "\" b\"",  "\" m\"",       "\" u\"",
                                       "\" d\"", "\" di\"", "\" x\"",       "\"__type__\"",
                                       "\"b\"",  "\"k\"",   "\"\\u0020t\"", "\"t__\""};
    const int kind = depth > 3 ? 0 : int(random.bounded(4));
    if (kind <= 1)
        return scalars[random.bounded(int(std::size(scalars)))];
    if (kind == 2) {
        QByteArray list = "[";
        const int n = int(random.bounded(3));
        for (int i = 0; i < n; ++i)
            list += (i ? "," : "") + randomValue(random, depth + 1);
        return list + "]";
    }
    QByteArray object = "{";
    const int n = int(random.bounded(4));
    for (int i = 0; i < n; ++i)
        object += QByteArray(i ? "," : "") + keys[random.bounded(int(std::size(keys)))] + ":" +
                  randomValue(random, depth + 1);
    return object + "}";
}
} // namespace

void TestPythonJsonValidator::generatedTextsKeepThePromise()
{
    QRandomGenerator random(1127);
    int vouched = 0, deferred = 0;
    for (int i = 0; i < 40000; ++i) {
        QByteArray text = randomValue(random, 1);
        if (!text.startsWith('{'))
            text = "{\"k\":" + text + "}";
        for (const auto dialect : {PythonJsonReader::Dialect::FlaskTagged,
                                   PythonJsonReader::Dialect::EncryptedSession}) {
            const auto options = optionsFor(dialect);
            if (!PythonJsonValidator::readsAsSession(text, options)) {
                ++deferred;
                continue;
            }
            ++vouched;
            const auto read = PythonJsonReader::read(text, options);
            QVERIFY2(read.ok(), text.constData());
            QVERIFY2(read->type() == SessionValue::Type::Dict, text.constData());
        }
    }
    // Both answers are common, or the test proves nothing.
    QVERIFY(vouched > 10000);
    QVERIFY(deferred > 10000);
}

// Strings are read a 16-byte block at a time, short ones inline: a string of every length
// up to past two blocks, with an escape, a control character or nothing special at every
// offset, ending where the text ends, viewed in heap buffers with nothing after them (so a
// sanitizer sees a read past the end). The answer must be the reader's.
void TestPythonJsonValidator::stringsOfEveryLengthInExactBuffers()
{
    const auto options = optionsFor(PythonJsonReader::Dialect::FlaskTagged);
    const QList<QByteArray> specials = {"",    "\\\"", "\\u00e9",  "\\ud83d",
                                        "\\x", "\t",   "\xc3\xa9", "\xc3\x28"};
    int vouched = 0, deferred = 0;
    for (int length = 0; length <= 40; ++length) {
        for (const QByteArray &special : specials) {
            for (int at = 0; at <= length; ++at) {
                if (special.isEmpty() && at > 0)
                    break;
                const QByteArray body =
                    QByteArray(at, 'a') + special + QByteArray(length - at, 'b');
                for (const QByteArray &text :
                     {"{\"k\":\"" + body + "\"}", "{\"" + body + "\":[\"" + body + "\"]}",
                      "{\"k\":\"" + body}) { // the last one unterminated
                    auto exact = std::make_unique<char[]>(std::size_t(text.size()));
                    std::memcpy(exact.get(), text.constData(), std::size_t(text.size()));
                    const QByteArrayView view(exact.get(), text.size());
                    const bool vouches = PythonJsonValidator::readsAsSession(view, options);
                    const auto read = PythonJsonReader::read(view, options);
                    if (vouches) {
                        QVERIFY2(read.ok(), text.constData());
                        ++vouched;
                    } else {
                        ++deferred;
                    }
                    // A plain string (no escape, valid UTF-8, terminated) is vouched for.
                    if (read.ok() && !special.contains('\\'))
                        QVERIFY2(vouches, text.constData());
                }
            }
        }
    }
    QVERIFY(vouched > 1000);
    QVERIFY(deferred > 1000);
}

namespace {
using MemberList = QList<std::pair<QByteArray, qsizetype>>;

MemberList spansOf(const QByteArray &text)
{
    MemberList members;
    JsonMemberSpans::forEach(text, [&](QByteArrayView key, qsizetype bytes) {
        members.append({key.toByteArray(), bytes});
    });
    return members;
}

MemberList listed(const JsonMemberList &list)
{
    MemberList members;
    list.forEach([&](QByteArrayView key, qsizetype bytes) {
        members.append({key.toByteArray(), bytes});
    });
    return members;
}
} // namespace

// The audit takes the key costs from the list the check fills, where it used to walk the text
// again with JsonMemberSpans: the two must agree member for member, white space, nesting,
// duplicates and escaped keys included, and a refused text must leave no list behind.
void TestPythonJsonValidator::listsTheMembersJsonMemberSpansFinds()
{
    JsonMemberList list;
    QRandomGenerator random(4711);
    int compared = 0;
    QList<QByteArray> texts = {
        R"({"a": 1, "b" : [1, {"c": "}"}], "a":{"x":"\"}"} , "e\u00e9": null})",
        "{ }",
        "{\n \"k\"\t:\r\"v\" \n}",
        R"({"cart": [{"sku": "SKU-1", "qty": 2}], "_fresh": false, "n": -1.5e3})",
    };
    for (int i = 0; i < 20000; ++i) {
        QByteArray text = randomValue(random, 1);
        if (!text.startsWith('{'))
            text = "{\"k\":" + text + "}";
        if (i % 2)
            text.replace(",", " ,\n ").replace(":", "\t: ");
        texts.append(text);
    }
    for (const QByteArray &text : std::as_const(texts)) {
        for (const auto dialect :
             {PythonJsonReader::Dialect::Plain, PythonJsonReader::Dialect::FlaskTagged,
              PythonJsonReader::Dialect::EncryptedSession}) {
            auto options = optionsFor(dialect);
            options.topMembers = &list;
            list.bind("{\"stale\": 1}"); // a list left over from another text
            const bool vouches = PythonJsonValidator::readsAsSession(text, options);
            if (!vouches) {
                QVERIFY2(!list.describes(text), text.constData());
                continue;
            }
            list.bind(text);
            QVERIFY(list.describes(text));
            QVERIFY(!list.describes(QByteArray(text.constData(), text.size()))); // a copy
            QCOMPARE(listed(list), spansOf(text));
            ++compared;
        }
    }
    QVERIFY(compared > 10000);
}

QTEST_GUILESS_MAIN(TestPythonJsonValidator)
#include "tst_PythonJsonValidator.moc"
