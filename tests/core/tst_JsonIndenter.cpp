#include "json/JsonIndenter.h"
#include "json/PythonJsonReader.h"

#include <QTest>

using namespace sessionlens;

class TestJsonIndenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layout_data();
    void layout();
};

void TestJsonIndenter::layout_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("flat compact") << QByteArray(R"({"b":1,"a":2})")
                                  << QByteArray("{\n  \"b\": 1,\n  \"a\": 2\n}");
    QTest::newRow("spaced as json.dumps")
        << QByteArray(R"({"a": [1, 2.50], "e": {}})")
        << QByteArray("{\n  \"a\": [\n    1,\n    2.50\n  ],\n  \"e\": {}\n}");
    QTest::newRow("strings keep their brackets, commas and escapes")
        << QByteArray(R"({"s":"{,[: \"]}\\"})") << QByteArray("{\n  \"s\": \"{,[: \\\"]}\\\\\"\n}");
    QTest::newRow("big integers untouched")
        << QByteArray(R"({"n":123456789012345678901234567890})")
        << QByteArray("{\n  \"n\": 123456789012345678901234567890\n}");
}

void TestJsonIndenter::layout()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);
    const QByteArray indented = JsonIndenter::indent(json);
    QCOMPARE(indented, expected);
    // The reader sees the same session in both forms.
    QVERIFY(PythonJsonReader::read(indented).value() == PythonJsonReader::read(json).value());
}

QTEST_GUILESS_MAIN(TestJsonIndenter)
#include "tst_JsonIndenter.moc"
