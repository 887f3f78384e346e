#include "text/TreeText.h"
#include "json/PythonJsonReader.h"

#include <QRegularExpression>
#include <QTest>

using namespace sessionlens;

class TestTreeText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneLinePerNode_data();
    void oneLinePerNode();
    void deepTreesCarryTheirDepth();
    void budgetIsALimitError_data();
    void budgetIsALimitError();
};

void TestTreeText::oneLinePerNode_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("nodes"); // root included
    QTest::newRow("flat") << QByteArray(R"({"a": 1, "b": "x"})") << 3;
    QTest::newRow("nested") << QByteArray(R"({"a": [1, 2, {"c": null}], "d": {}})") << 7;
    QTest::newRow("control characters stay on their line")
        << QByteArray(R"({"s": "line1\nline2\r\u2028"})") << 2;
}

void TestTreeText::oneLinePerNode()
{
    QFETCH(QByteArray, json);
    QFETCH(int, nodes);
    const SessionValue session = PythonJsonReader::read(json).value();
    const auto indented = TreeText::indented(session);
    QVERIFY(indented.ok());
    QCOMPARE(indented->count(u'\n'), nodes);
    // The sink gets the same text in pieces.
    QString streamed;
    QVERIFY(
        TreeText::writeIndented(session, [&](const QString &chunk) { streamed += chunk; }).ok());
    QCOMPARE(streamed, indented.value());
    const auto line = TreeText::oneLine(session);
    QVERIFY(line.ok());
    QVERIFY(!line->contains(u'\n'));
}

void TestTreeText::deepTreesCarryTheirDepth()
{
    QByteArray json;
    for (int i = 0; i < 40; ++i)
        json += "[";
    for (int i = 0; i < 40; ++i)
        json += "]";
    const SessionValue deep = PythonJsonReader::read(json).value();
    TreeText::Options options;
    options.maxIndentLevels = 8;
    const auto text = TreeText::indented(deep, options);
    QVERIFY(text.ok());
    const QStringList lines = text->split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 40);
    for (const QString &l : lines) {
        const qsizetype indent =
            l.size() - QString(l).remove(QRegularExpression(QStringLiteral("^ +"))).size();
        QVERIFY(indent <= 2 * options.maxIndentLevels);
    }
    QVERIFY(lines.last().contains(QStringLiteral("[depth 39]")));
}

void TestTreeText::budgetIsALimitError_data()
{
    QTest::addColumn<bool>("oneLine");
    QTest::newRow("indented") << false;
    QTest::newRow("one line") << true;
}

void TestTreeText::budgetIsALimitError()
{
    QFETCH(bool, oneLine);
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("big"), SessionValue::makeString(QString(5000, u'z')));
    TreeText::Options options;
    options.maxOutputChars = 1000;
    const auto text =
        oneLine ? TreeText::oneLine(session, options) : TreeText::indented(session, options);
    QVERIFY(!text.ok());
    QCOMPARE(text.error().category, ErrorCategory::Limit);
}

QTEST_GUILESS_MAIN(TestTreeText)
#include "tst_TreeText.moc"
