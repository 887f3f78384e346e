#include "json/PythonJsonReader.h"
#include "json/SessionDiff.h"

#include <QTest>

using namespace sessionlens;
using Kind = SessionDiff::Kind;

namespace {
SessionValue read(const char *json)
{
    return PythonJsonReader::read(QByteArray(json)).value();
}

QString describe(const SessionDiff::Result &result)
{
    QStringList lines;
    for (const auto &c : result.changes) {
        const char *kind = c.kind == Kind::Added     ? "+"
                           : c.kind == Kind::Removed ? "-"
                           : c.kind == Kind::Moved   ? ">"
                                                     : "~";
        lines.append(
            QStringLiteral("%1 %2 %3|%4").arg(QLatin1String(kind), c.path, c.before, c.after));
    }
    return lines.join(u'\n');
}
} // namespace

class TestSessionDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changes_data();
    void changes();
    void floodsAreCounted();
    void longValuesSayWhatIsLeftOut();
};

void TestSessionDiff::changes_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QString>("expected");
    QTest::newRow("same") << QByteArray(R"({"a": 1})") << QByteArray(R"({"a": 1})") << QString();
    QTest::newRow("changed scalar") << QByteArray(R"({"a": 1})") << QByteArray(R"({"a": 2})")
                                    << QStringLiteral("~ session['a'] 1|2");
    QTest::newRow("type change") << QByteArray(R"({"a": 1})") << QByteArray(R"({"a": "1"})")
                                 << QStringLiteral("~ session['a'] 1|'1'");
    QTest::newRow("added and removed")
        << QByteArray(R"({"a": 1, "b": true})") << QByteArray(R"({"a": 1, "c": null})")
        << QStringLiteral("- session['b'] True|\n+ session['c'] |None");
    QTest::newRow("nested list grows")
        << QByteArray(R"({"cart": [{"qty": 1}]})") << QByteArray(R"({"cart": [{"qty": 2}, 5]})")
        << QStringLiteral("~ session['cart'][0]['qty'] 1|2\n+ session['cart'][1] |5");
    QTest::newRow("key order") << QByteArray(R"({"a": 1, "b": 2})")
                               << QByteArray(R"({"b": 2, "a": 1})")
                               << QStringLiteral("> session['a'] #0|#1\n> session['b'] #1|#0");
}

void TestSessionDiff::changes()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QString, expected);
    const auto result = SessionDiff::compare(read(before), read(after));
    QCOMPARE(describe(result), expected);
    QCOMPARE(result.omitted, qsizetype(0));
}

void TestSessionDiff::floodsAreCounted()
{
    SessionValue a = SessionValue::makeDict();
    SessionValue b = SessionValue::makeDict();
    for (int i = 0; i < 50; ++i) {
        a.setValue(QString::number(i), SessionValue::makeInteger(i));
        b.setValue(QString::number(i), SessionValue::makeInteger(i + 1));
    }
    SessionDiff::Options options;
    options.maxChanges = 20;
    const auto result = SessionDiff::compare(a, b, options);
    QCOMPARE(result.changes.size(), qsizetype(20));
    QCOMPARE(result.omitted, qsizetype(30));
}

void TestSessionDiff::longValuesSayWhatIsLeftOut()
{
    SessionValue a = SessionValue::makeDict();
    SessionValue b = SessionValue::makeDict();
    a.setValue(QStringLiteral("s"), SessionValue::makeString(QString(100, u'x')));
    b.setValue(QStringLiteral("s"), SessionValue::makeString(QString(10, u'y')));
    SessionDiff::Options options;
    options.maxValueChars = 40;
    const auto result = SessionDiff::compare(a, b, options);
    QCOMPARE(result.changes.size(), qsizetype(1));
    // repr of 100 x is 102 characters: 40 shown, 62 counted.
    QCOMPARE(result.changes[0].before,
             QStringLiteral("'") + QString(39, u'x') + QStringLiteral("… (62 more characters)"));
    QCOMPARE(result.changes[0].after, QStringLiteral("'yyyyyyyyyy'"));
}

QTEST_GUILESS_MAIN(TestSessionDiff)
#include "tst_SessionDiff.moc"
