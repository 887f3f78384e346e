#include "document/SessionDocument.h"
#include "json/PythonJsonReader.h"
#include "json/PythonRepr.h"

#include <QTest>

using namespace sessionlens;

class TestSessionDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pathsFindTheirNodes_data();
    void pathsFindTheirNodes();
    void resetKeepsTheOriginal();
    void placementIsBoundedByTheReadersDepth_data();
    void placementIsBoundedByTheReadersDepth();
};

void TestSessionDocument::pathsFindTheirNodes_data()
{
    QTest::addColumn<SessionPath>("path");
    QTest::addColumn<QString>("shown");
    QTest::newRow("root") << SessionPath{} << QStringLiteral("session");
    QTest::newRow("key") << SessionPath{1} << QStringLiteral("session['cart']");
    QTest::newRow("deep") << SessionPath{1, 0, 0} << QStringLiteral("session['cart'][0]['qty']");
    QTest::newRow("quoted key") << SessionPath{2} << QStringLiteral("session[\"it's\"]");
}

void TestSessionDocument::pathsFindTheirNodes()
{
    QFETCH(SessionPath, path);
    QFETCH(QString, shown);
    SessionDocument document;
    document.reset(
        PythonJsonReader::read(QByteArray(R"({"a": 1, "cart": [{"qty": 2}], "it's": 0})")).value());
    const SessionValue *node = document.nodeAt(path);
    QVERIFY(node);
    QCOMPARE(SessionDocument::pathOf(node), path);
    QCOMPARE(PythonRepr::path(node), shown);
    QVERIFY(!document.nodeAt(SessionPath{9}));
    QVERIFY(!document.nodeAt(SessionPath{0, 0}));
}

void TestSessionDocument::resetKeepsTheOriginal()
{
    SessionDocument document;
    document.reset(PythonJsonReader::read(QByteArray(R"({"a": 1})")).value(), "u.c.o.okie",
                   QStringLiteral("k"));
    document.root().child(0)->setInteger("2");
    QCOMPARE(document.original().child(0)->integerText(), QByteArray("1"));
    QCOMPARE(document.originalCookie(), QByteArray("u.c.o.okie"));
    QCOMPARE(document.keyName(), QStringLiteral("k"));
}

void TestSessionDocument::placementIsBoundedByTheReadersDepth_data()
{
    QTest::addColumn<int>("pathLength");
    QTest::addColumn<int>("valueDepth");
    QTest::addColumn<bool>("allowed");
    const int max = SessionDocument::kMaxDepth;
    QTest::newRow("scalar anywhere shallow") << 3 << 0 << true;
    QTest::newRow("exactly the limit") << max - 2 << 2 << true;
    QTest::newRow("one level too deep") << max - 1 << 2 << false;
}

void TestSessionDocument::placementIsBoundedByTheReadersDepth()
{
    QFETCH(int, pathLength);
    QFETCH(int, valueDepth);
    QFETCH(bool, allowed);
    SessionValue value = SessionValue::makeInteger(1);
    for (int i = 0; i < valueDepth; ++i) {
        SessionValue list = SessionValue::makeList();
        list.append(value);
        value = list;
    }
    const auto placed = SessionDocument::checkPlacement(SessionPath(pathLength, 0), value);
    QCOMPARE(placed.ok(), allowed);
    if (!allowed)
        QCOMPARE(placed.error().category, ErrorCategory::Limit);
}

QTEST_GUILESS_MAIN(TestSessionDocument)
#include "tst_SessionDocument.moc"
