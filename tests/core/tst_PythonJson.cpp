#include "json/FlaskTags.h"
#include "json/JsonNumberLexer.h"
#include "json/PythonFloat.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonWriter.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

#include <cmath>
#include <limits>

using namespace sessionlens;

class TestPythonJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsPythonOutput_data();
    void roundTripsPythonOutput();
    void normalisesLikePython_data();
    void normalisesLikePython();
    void rejects_data();
    void rejects();
    void floatRepr_data();
    void floatRepr();
    void depthLimit();
    void integerDigitLimit();
    void duplicateKeysWarn();
    void plainDialectKeepsTagObjects();
    void bigInputStaysLinear();
    void keepsByteOrderMarks();
    void numberLexer_data();
    void numberLexer();
    void httpDateReadsWhatItWrites();
    void httpDateAgreesWithQtParser_data();
    void httpDateAgreesWithQtParser();
};

void TestPythonJson::roundTripsPythonOutput_data()
{
    QTest::addColumn<QByteArray>("json");
    const char *cases[] = {
        R"({"a": [1, 2.5, "x"], "b": {"c": null, "d": true, "e": false}})",
        R"({"n": NaN, "i": Infinity, "m": -Infinity})",
        R"({"big": 123456789012345678901234567890, "neg": -98765432109876543210})",
        R"({"lone": "\ud800x\udbff", "pair": "\ud83c\udf6a", "low": "\udc00"})",
        R"({"f": [1e-05, 1e+16, 1.2345678901234568e+17, 0.0001, -0.0, 5e-324, 1.7976931348623157e+308]})",
        R"({"ctl": "\u0000\u001f\u007f\b\f\n\r\t\"\\"})",
        R"({"bytes": {"__type__": "bytes", "b": "AAE="}, "empty": {"__type__": "bytes", "b": ""}})",
        R"({"other": {"b": "x", "__type__": "set"}})",
        R"({})",
        R"({"": "", "a": [], "b": {}, "c": [[]], "d": [{}]})",
        R"({"zeta": 1, "alpha": 2, "Beta": 3})",
    };
    for (const char *c : cases)
        QTest::newRow(c) << QByteArray(c);
}

void TestPythonJson::roundTripsPythonOutput()
{
    QFETCH(QByteArray, json);
    auto value = PythonJsonReader::read(json);
    QVERIFY2(value.ok(), qPrintable(value.ok() ? QString() : value.error().toString()));
    QCOMPARE(PythonJsonWriter::write(value.value()), json);
}

void TestPythonJson::normalisesLikePython_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("output");
    QTest::newRow("compact") << QByteArray(R"({"a":1,"b":[1,2]})")
                             << QByteArray(R"({"a": 1, "b": [1, 2]})");
    QTest::newRow("spaces") << QByteArray(" \t\n{\"a\" : 1.50 }\r\n ")
                            << QByteArray(R"({"a": 1.5})");
    QTest::newRow("exponent int") << QByteArray(R"({"a": 1E5})")
                                  << QByteArray(R"({"a": 100000.0})");
    QTest::newRow("minus zero int") << QByteArray(R"({"a": -0})") << QByteArray(R"({"a": 0})");
    QTest::newRow("overflow") << QByteArray(R"({"a": 1e400, "b": -2e999})")
                              << QByteArray(R"({"a": Infinity, "b": -Infinity})");
    QTest::newRow("underflow") << QByteArray(R"({"a": 1e-400, "b": -1e-400})")
                               << QByteArray(R"({"a": 0.0, "b": -0.0})");
    QTest::newRow("long fraction overflow")
        << QByteArray(R"({"a": 0.000001e330})")
        << QByteArray(R"({"a": 1e+324})").replace("1e+324", "Infinity");
    QTest::newRow("solidus") << QByteArray(R"({"a": "\/"})") << QByteArray(R"({"a": "/"})");
    QTest::newRow("raw utf8") << QByteArray("{\"a\": \"\xc3\xa9\xf0\x9f\x8d\xaa\"}")
                              << QByteArray(R"({"a": "\u00e9\ud83c\udf6a"})");
    QTest::newRow("upper hex") << QByteArray(R"({"a": "\uD83C\uDF6A\u00E9"})")
                               << QByteArray(R"({"a": "\ud83c\udf6a\u00e9"})");
    QTest::newRow("duplicate") << QByteArray(R"({"a": 1, "b": 2, "a": 3})")
                               << QByteArray(R"({"a": 3, "b": 2})");
    // EncryptedSession's decoder pops "__type__" and puts back any value but "bytes".
    QTest::newRow("__type__ moves last")
        << QByteArray(R"({"o": {"__type__": "set", "b": "x", "c": 1}})")
        << QByteArray(R"({"o": {"b": "x", "c": 1, "__type__": "set"}})");
    QTest::newRow("__type__ not a string") << QByteArray(R"({"o": {"__type__": 5, "b": "x"}})")
                                           << QByteArray(R"({"o": {"b": "x", "__type__": 5}})");
    QTest::newRow("float digits") << QByteArray(R"({"a": 0.30000000000000004, "b": 2.00})")
                                  << QByteArray(R"({"a": 0.30000000000000004, "b": 2.0})");
}

void TestPythonJson::normalisesLikePython()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, output);
    auto value = PythonJsonReader::read(input);
    QVERIFY2(value.ok(), qPrintable(value.ok() ? QString() : value.error().toString()));
    QCOMPARE(PythonJsonWriter::write(value.value()), output);
}

void TestPythonJson::rejects_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("category");
    QTest::addColumn<QString>("message");
    QTest::addColumn<qsizetype>("position");
    const int json = int(ErrorCategory::Json);
    QTest::newRow("empty") << QByteArray("") << json << QStringLiteral("Expecting value")
                           << qsizetype(0);
    QTest::newRow("missing value")
        << QByteArray(R"({"a": })") << json << QStringLiteral("Expecting value") << qsizetype(6);
    QTest::newRow("trailing comma object")
        << QByteArray(R"({"a": 1,})") << json
        << QStringLiteral("Expecting property name enclosed in double quotes") << qsizetype(8);
    QTest::newRow("trailing comma list")
        << QByteArray(R"([1,])") << json << QStringLiteral("Expecting value") << qsizetype(3);
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << json
                                   << QStringLiteral("Expecting ':' delimiter") << qsizetype(5);
    QTest::newRow("control in string")
        << QByteArray("{\"a\": \"x\ny\"}") << json << QStringLiteral("Invalid control character at")
        << qsizetype(8);
    QTest::newRow("bad escape") << QByteArray(R"({"a": "\x"})") << json
                                << QStringLiteral("Invalid \\escape") << qsizetype(7);
    QTest::newRow("short unicode") << QByteArray(R"({"a": "\u12"})") << json
                                   << QStringLiteral("Invalid \\uXXXX escape") << qsizetype(7);
    QTest::newRow("leading zero") << QByteArray(R"({"a": 01})") << json
                                  << QStringLiteral("Expecting ',' delimiter") << qsizetype(7);
    QTest::newRow("extra data") << QByteArray(R"({"a": 1} x)") << json
                                << QStringLiteral("Extra data") << qsizetype(9);
    QTest::newRow("lone minus") << QByteArray(R"({"a": -})") << json
                                << QStringLiteral("Expecting value") << qsizetype(6);
    QTest::newRow("bad literal") << QByteArray(R"({"a": tru})") << json
                                 << QStringLiteral("Expecting value") << qsizetype(6);
    QTest::newRow("negative nan") << QByteArray(R"({"a": -NaN})") << json
                                  << QStringLiteral("Expecting value") << qsizetype(6);
    QTest::newRow("unterminated") << QByteArray(R"({"a": "abc)") << json
                                  << QStringLiteral("Unterminated string starting at")
                                  << qsizetype(6);
    QTest::newRow("single quotes")
        << QByteArray(R"({'a': 1})") << json
        << QStringLiteral("Expecting property name enclosed in double quotes") << qsizetype(1);
    QTest::newRow("bom") << QByteArray("\xef\xbb\xbf{}") << json
                         << QStringLiteral("Unexpected UTF-8 BOM (decode using utf-8-sig)")
                         << qsizetype(0);
    QTest::newRow("bad utf8") << QByteArray("{\"a\": \"\xff\"}") << int(ErrorCategory::Encoding)
                              << QStringLiteral("invalid UTF-8 at byte 7") << qsizetype(7);
    QTest::newRow("utf8 surrogate")
        << QByteArray("{\"a\": \"\xed\xa0\x80\"}") << int(ErrorCategory::Encoding)
        << QStringLiteral("invalid UTF-8 at byte 7") << qsizetype(7);
    QTest::newRow("overlong utf8")
        << QByteArray("{\"a\": \"\xc0\xaf\"}") << int(ErrorCategory::Encoding)
        << QStringLiteral("invalid UTF-8 at byte 7") << qsizetype(7);
    QTest::newRow("bytes without b")
        << QByteArray(R"({"x": {"__type__": "bytes"}})") << json
        << QStringLiteral("bytes object without a \"b\" string") << qsizetype(6);
    QTest::newRow("bytes bad base64")
        << QByteArray(R"({"x": {"__type__": "bytes", "b": "A"}})") << json
        << QStringLiteral("bytes object holds invalid base64") << qsizetype(6);
}

void TestPythonJson::rejects()
{
    QFETCH(QByteArray, input);
    QFETCH(int, category);
    QFETCH(QString, message);
    QFETCH(qsizetype, position);
    auto value = PythonJsonReader::read(input);
    QVERIFY(!value.ok());
    QCOMPARE(int(value.error().category), category);
    QCOMPARE(value.error().message, message);
    QCOMPARE(value.error().position, position);
}

void TestPythonJson::floatRepr_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("repr");
    QTest::newRow("0.1") << 0.1 << QByteArray("0.1");
    QTest::newRow("1e16") << 1e16 << QByteArray("1e+16");
    QTest::newRow("9999999999999998") << 9999999999999998.0 << QByteArray("9999999999999998.0");
    QTest::newRow("1.5e-07") << 1.5e-07 << QByteArray("1.5e-07");
    QTest::newRow("1e-05") << 1e-05 << QByteArray("1e-05");
    QTest::newRow("0.0001") << 0.0001 << QByteArray("0.0001");
    QTest::newRow("0.00012") << 0.00012 << QByteArray("0.00012");
    QTest::newRow("123456789.125") << 123456789.125 << QByteArray("123456789.125");
    QTest::newRow("-2") << -2.0 << QByteArray("-2.0");
    QTest::newRow("1e22") << 1e22 << QByteArray("1e+22");
    QTest::newRow("1.2345678901234568e+17")
        << 1.2345678901234568e+17 << QByteArray("1.2345678901234568e+17");
    QTest::newRow("denormal") << 5e-324 << QByteArray("5e-324");
    QTest::newRow("max") << 1.7976931348623157e+308 << QByteArray("1.7976931348623157e+308");
    QTest::newRow("100") << 100.0 << QByteArray("100.0");
    QTest::newRow("-0") << -0.0 << QByteArray("-0.0");
    QTest::newRow("1e100") << 1e100 << QByteArray("1e+100");
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << QByteArray("NaN");
    QTest::newRow("-inf") << -std::numeric_limits<double>::infinity() << QByteArray("-Infinity");
}

void TestPythonJson::floatRepr()
{
    QFETCH(double, value);
    QFETCH(QByteArray, repr);
    QCOMPARE(PythonFloat::repr(value), repr);
    if (std::isfinite(value)) {
        const auto back = PythonFloat::parse(repr);
        QVERIFY(back.has_value());
        QCOMPARE(*back, value);
    }
}

void TestPythonJson::depthLimit()
{
    const QByteArray ok = "{\"a\": " + QByteArray(511, '[') + QByteArray(511, ']') + "}";
    QVERIFY(PythonJsonReader::read(ok).ok());
    const QByteArray deep = "{\"a\": " + QByteArray(512, '[') + QByteArray(512, ']') + "}";
    auto tooDeep = PythonJsonReader::read(deep);
    QVERIFY(!tooDeep.ok());
    QCOMPARE(tooDeep.error().category, ErrorCategory::Limit);
    // Far deeper than any stack would survive recursively: still a clean limit error.
    const QByteArray abyss = QByteArray(1000000, '[');
    auto abyssResult = PythonJsonReader::read(abyss);
    QVERIFY(!abyssResult.ok());
    QCOMPARE(abyssResult.error().category, ErrorCategory::Limit);
    PythonJsonReader::Options shallow;
    shallow.maxDepth = 2;
    QVERIFY(PythonJsonReader::read(R"({"a": [1]})", shallow).ok());
    QVERIFY(!PythonJsonReader::read(R"({"a": [[1]]})", shallow).ok());
}

void TestPythonJson::integerDigitLimit()
{
    const QByteArray fits = "{\"a\": " + QByteArray(4300, '7') + "}";
    auto value = PythonJsonReader::read(fits);
    QVERIFY(value.ok());
    QCOMPARE(PythonJsonWriter::write(value.value()), fits);
    const QByteArray over = "{\"a\": -" + QByteArray(4301, '7') + "}";
    auto refused = PythonJsonReader::read(over);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().category, ErrorCategory::Limit);
}

void TestPythonJson::duplicateKeysWarn()
{
    QStringList warnings;
    QByteArray many = "{";
    for (int i = 0; i < 40; ++i)
        many += "\"k" + QByteArray::number(i) + "\": " + QByteArray::number(i) + ", ";
    many += "\"k3\": \"last\", \"k39\": null}";
    auto value = PythonJsonReader::read(many, PythonJsonReader::Options{}, &warnings);
    QVERIFY(value.ok());
    QCOMPARE(value->size(), 40);
    QCOMPARE(value->child(3)->stringValue(), QStringLiteral("last"));
    QCOMPARE(value->child(39)->type(), SessionValue::Type::Null);
    QCOMPARE(warnings.size(), 2);
}

void TestPythonJson::plainDialectKeepsTagObjects()
{
    PythonJsonReader::Options plain;
    plain.dialect = PythonJsonReader::Dialect::Plain;
    const QByteArray text = R"({"x": {"__type__": "bytes", "b": "AAE="}})";
    auto value = PythonJsonReader::read(text, plain);
    QVERIFY(value.ok());
    QCOMPARE(value->child(0)->type(), SessionValue::Type::Dict);
    auto tagged = PythonJsonReader::read(text);
    QVERIFY(tagged.ok());
    QCOMPARE(tagged->child(0)->type(), SessionValue::Type::Bytes);
    QCOMPARE(tagged->child(0)->bytesValue(), QByteArray("\x00\x01", 2));
}

void TestPythonJson::bigInputStaysLinear()
{
    // 200k keys: a quadratic duplicate check would not finish in the test's time.
    QByteArray big = "{";
    for (int i = 0; i < 200000; ++i)
        big += (i ? ", \"" : "\"") + QByteArray::number(i) + "\": " + QByteArray::number(i);
    big += "}";
    auto value = PythonJsonReader::read(big);
    QVERIFY(value.ok());
    QCOMPARE(value->size(), 200000);
    QCOMPARE(PythonJsonWriter::write(value.value()), big);
}

void TestPythonJson::numberLexer_data()
{
    // Where a number ends is decided once for the reader and its validator.
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("length"); // -1: no number
    QTest::addColumn<int>("integerDigits");
    QTest::addColumn<bool>("isFloat");
    QTest::newRow("zero") << QByteArray("0") << 1 << 1 << false;
    QTest::newRow("negative zero") << QByteArray("-0,") << 2 << 1 << false;
    QTest::newRow("leading zero stops") << QByteArray("012") << 1 << 1 << false;
    QTest::newRow("fraction and exponent") << QByteArray("-12.50e+3x") << 9 << 2 << true;
    QTest::newRow("exponent only") << QByteArray("7E9") << 3 << 1 << true;
    QTest::newRow("dot without digits") << QByteArray("1.") << 1 << 1 << false;
    QTest::newRow("e without digits") << QByteArray("1e+") << 1 << 1 << false;
    QTest::newRow("bare minus") << QByteArray("-") << -1 << 0 << false;
    QTest::newRow("minus letter") << QByteArray("-a") << -1 << 0 << false;
}

void TestPythonJson::numberLexer()
{
    QFETCH(QByteArray, text);
    QFETCH(int, length);
    QFETCH(int, integerDigits);
    QFETCH(bool, isFloat);
    const auto lexeme = JsonNumberLexer::lex(text.constData(), text.constData() + text.size());
    if (length < 0) {
        QVERIFY(!lexeme.end);
        return;
    }
    QVERIFY(lexeme.end);
    QCOMPARE(int(lexeme.end - text.constData()), length);
    QCOMPARE(int(lexeme.integerDigits), integerDigits);
    QCOMPARE(lexeme.isFloat, isFloat);
}

void TestPythonJson::keepsByteOrderMarks()
{
    // U+FEFF inside a string is a character Python keeps, at a string's start too; a key that
    // starts with it is no tag (found by fuzz_json_roundtrip: it read as the tag " t").
    PythonJsonReader::Options options;
    options.dialect = PythonJsonReader::Dialect::FlaskTagged;
    const auto read =
        PythonJsonReader::read("{\"\xef\xbb\xbf t\": 0, \"v\": \"\xef\xbb\xbf\xef\xbb\xbfx\", "
                               "\"e\": \"\\n\xef\xbb\xbfy\"}",
                               options);
    QVERIFY(read.ok());
    QCOMPARE(read->size(), 3);
    QCOMPARE(read->child(0)->key(), QStringLiteral("\ufeff t"));
    QCOMPARE(read->child(0)->type(), SessionValue::Type::Integer);
    QCOMPARE(read->value(QStringLiteral("v"))->stringValue(), QStringLiteral("\ufeff\ufeffx"));
    QCOMPARE(read->value(QStringLiteral("e"))->stringValue(), QStringLiteral("\n\ufeffy"));
    // A key seen twice comes from the reader's key cache the second time: still whole.
    const auto twice = PythonJsonReader::read("[{\"\xef\xbb\xbfk\": 1}, {\"\xef\xbb\xbfk\": 2}]");
    QVERIFY(twice.ok());
    QCOMPARE(twice->child(1)->child(0)->key(), QStringLiteral("\ufeffk"));
}

namespace {
// What the reader accepted before it read the fixed form itself: Qt's parser, kept as the judge.
std::optional<qint64> qtHttpDate(const QByteArray &text)
{
    QDateTime time = QLocale::c().toDateTime(QString::fromLatin1(text),
                                             QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    if (!time.isValid())
        return std::nullopt;
    time.setTimeZone(QTimeZone::utc());
    return time.toSecsSinceEpoch();
}
} // namespace

void TestPythonJson::httpDateReadsWhatItWrites()
{
    // Every day from 1900 to 2100 at a random second, plus the edges of the four-digit years.
    QRandomGenerator random(20261127);
    QList<qint64> times = {0, -1, 951782400 /* 2000-02-29 */, -62135596800 /* 0001-01-01 */,
                           253402300799 /* 9999-12-31 23:59:59 */};
    for (qint64 day = -25567; day < 47482; ++day)
        times.append(day * 86400 + random.bounded(86400));
    for (const qint64 t : times) {
        const QByteArray text = FlaskTags::httpDate(t);
        const auto back = FlaskTags::parseHttpDate(text);
        QVERIFY2(back.has_value(), text.constData());
        QCOMPARE(*back, t);
        if (t % 997 == 0) // the slow judge on a sample: same answer
            QCOMPARE(qtHttpDate(text), back);
    }
}

void TestPythonJson::httpDateAgreesWithQtParser_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("canonical") << QByteArray("Fri, 17 May 2024 12:30:45 GMT");
    QTest::newRow("leap day") << QByteArray("Thu, 29 Feb 2024 00:00:00 GMT");
    QTest::newRow("no leap day") << QByteArray("Sun, 29 Feb 2023 00:00:00 GMT");
    QTest::newRow("1900 not leap") << QByteArray("Thu, 29 Feb 1900 00:00:00 GMT");
    QTest::newRow("31 April") << QByteArray("Wed, 31 Apr 2024 00:00:00 GMT");
    QTest::newRow("hour 24") << QByteArray("Fri, 17 May 2024 24:00:00 GMT");
    QTest::newRow("minute 60") << QByteArray("Fri, 17 May 2024 12:60:00 GMT");
    QTest::newRow("day 00") << QByteArray("Fri, 00 May 2024 12:30:45 GMT");
    QTest::newRow("bad month") << QByteArray("Fri, 17 Mai 2024 12:30:45 GMT");
    QTest::newRow("lower-case month") << QByteArray("Fri, 17 may 2024 12:30:45 GMT");
    QTest::newRow("UTC not GMT") << QByteArray("Fri, 17 May 2024 12:30:45 UTC");
    QTest::newRow("signs in digits") << QByteArray("Fri, 17 May 2024 1+:30:45 GMT");
    QTest::newRow("short") << QByteArray("Fri, 17 May 2024 12:30:45");
    QTest::newRow("empty") << QByteArray();
}

void TestPythonJson::httpDateAgreesWithQtParser()
{
    QFETCH(QByteArray, text);
    QCOMPARE(FlaskTags::parseHttpDate(text), qtHttpDate(text));
}

QTEST_GUILESS_MAIN(TestPythonJson)
#include "tst_PythonJson.moc"
