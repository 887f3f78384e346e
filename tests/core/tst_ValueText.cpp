#include "text/ValueText.h"

#include <QTest>

using namespace sessionlens;
using Type = SessionValue::Type;
using Form = ValueText::BytesForm;

Q_DECLARE_METATYPE(sessionlens::SessionValue)

class TestValueText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editTextRoundTrips_data();
    void editTextRoundTrips();
    void parseRejectsWithWhatWasExpected_data();
    void parseRejectsWithWhatWasExpected();
    void convertKeepsWhatCanBeKept_data();
    void convertKeepsWhatCanBeKept();
};

void TestValueText::editTextRoundTrips_data()
{
    QTest::addColumn<SessionValue>("value");
    QTest::addColumn<int>("form");
    QTest::addColumn<QString>("text");
    QTest::newRow("None") << SessionValue::makeNull() << int(Form::Hex) << QStringLiteral("None");
    QTest::newRow("True") << SessionValue::makeBool(true) << int(Form::Hex)
                          << QStringLiteral("True");
    QTest::newRow("big int") << SessionValue::makeInteger(-9000000000000000000LL) << int(Form::Hex)
                             << QStringLiteral("-9000000000000000000");
    QTest::newRow("float repr") << SessionValue::makeFloat(0.1) << int(Form::Hex)
                                << QStringLiteral("0.1");
    QTest::newRow("string as typed") << SessionValue::makeString(QStringLiteral("a \"b\"\n"))
                                     << int(Form::Hex) << QStringLiteral("a \"b\"\n");
    QTest::newRow("bytes hex") << SessionValue::makeBytes(QByteArray("\x01\xff", 2))
                               << int(Form::Hex) << QStringLiteral("01 ff");
    QTest::newRow("bytes base64") << SessionValue::makeBytes(QByteArray("\x01\xff", 2))
                                  << int(Form::Base64) << QStringLiteral("Af8=");
    QTest::newRow("datetime") << SessionValue::makeDateTime(1700000000) << int(Form::Hex)
                              << QStringLiteral("2023-11-14T22:13:20+00:00");
}

void TestValueText::editTextRoundTrips()
{
    QFETCH(SessionValue, value);
    QFETCH(int, form);
    QFETCH(QString, text);
    QCOMPARE(ValueText::editText(value, Form(form)), text);
    auto parsed = ValueText::parse(value.type(), text, Form(form));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QVERIFY(parsed.value() == value);
}

void TestValueText::parseRejectsWithWhatWasExpected_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("text");
    QTest::newRow("bool") << int(Type::Bool) << QStringLiteral("yes please");
    QTest::newRow("int") << int(Type::Integer) << QStringLiteral("12a");
    QTest::newRow("float") << int(Type::Float) << QStringLiteral("one");
    QTest::newRow("None") << int(Type::Null) << QStringLiteral("nil");
    QTest::newRow("hex bytes") << int(Type::Bytes) << QStringLiteral("zz");
    QTest::newRow("uuid") << int(Type::Uuid) << QStringLiteral("1234");
    QTest::newRow("datetime") << int(Type::DateTime) << QStringLiteral("yesterday");
    QTest::newRow("container") << int(Type::Dict) << QStringLiteral("{}");
}

void TestValueText::parseRejectsWithWhatWasExpected()
{
    QFETCH(int, type);
    QFETCH(QString, text);
    auto parsed = ValueText::parse(Type(type), text, Form::Hex);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().category, ErrorCategory::Json);
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestValueText::convertKeepsWhatCanBeKept_data()
{
    QTest::addColumn<SessionValue>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QString>("expected"); // the converted value's edit text
    QTest::newRow("str to int") << SessionValue::makeString(QStringLiteral("42"))
                                << int(Type::Integer) << QStringLiteral("42");
    QTest::newRow("int to str") << SessionValue::makeInteger(42) << int(Type::String)
                                << QStringLiteral("42");
    QTest::newRow("bool to int") << SessionValue::makeBool(true) << int(Type::Integer)
                                 << QStringLiteral("1");
    QTest::newRow("unparsable str to int") << SessionValue::makeString(QStringLiteral("abc"))
                                           << int(Type::Integer) << QStringLiteral("0");
    QTest::newRow("str to bytes") << SessionValue::makeString(QStringLiteral("hi"))
                                  << int(Type::Bytes) << QStringLiteral("68 69");
    QTest::newRow("bytes to str keeps a leading U+FEFF")
        << SessionValue::makeBytes(QByteArray("\xef\xbb\xbfhi")) << int(Type::String)
        << QStringLiteral("\ufeffhi");
    QTest::newRow("scalar into list")
        << SessionValue::makeInteger(7) << int(Type::List) << QStringLiteral("[7]");
    QTest::newRow("float to int truncates")
        << SessionValue::makeFloat(2.9) << int(Type::Integer) << QStringLiteral("2");
}

void TestValueText::convertKeepsWhatCanBeKept()
{
    QFETCH(SessionValue, from);
    QFETCH(int, to);
    QFETCH(QString, expected);
    const SessionValue converted = ValueText::convert(from, Type(to));
    QCOMPARE(converted.type(), Type(to));
    QCOMPARE(ValueText::editText(converted, Form::Hex), expected);
}

QTEST_GUILESS_MAIN(TestValueText)
#include "tst_ValueText.moc"
