#include "SessionGenerator.h"
#include "json/PythonJsonWriter.h"
#include "json/SessionValue.h"

#include <QTest>

using namespace sessionlens;

class TestSessionValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void integersAreCanonical();
    void editingKeepsOrderAndParents();
    void nodeAddressesSurviveSiblingInsertion();
    void copiesAreDeepAndEqual();
    void renameRefusesDuplicates();
    void assignKeepsKey();
};

void TestSessionValue::integersAreCanonical()
{
    QCOMPARE(SessionValue::makeInteger("-0").integerText(), QByteArray("0"));
    QCOMPARE(SessionValue::makeInteger("007").integerText(), QByteArray("7"));
    QCOMPARE(SessionValue::makeInteger("-0012").integerText(), QByteArray("-12"));
    QCOMPARE(SessionValue::makeInteger("123456789012345678901234567890").toInt64(), std::nullopt);
    QCOMPARE(SessionValue::makeInteger("-9223372036854775808").toInt64(),
             std::optional<qint64>(std::numeric_limits<qint64>::min()));
}

void TestSessionValue::editingKeepsOrderAndParents()
{
    SessionValue root = SessionValue::makeDict();
    root.setValue(QStringLiteral("b"), SessionValue::makeInteger(1));
    root.setValue(QStringLiteral("a"), SessionValue::makeList());
    root.value(QStringLiteral("a"))->append(SessionValue::makeString(QStringLiteral("x")));
    root.insertEntry(0, QStringLiteral("first"), SessionValue::makeNull());
    QCOMPARE(PythonJsonWriter::write(root), QByteArray(R"({"first": null, "b": 1, "a": ["x"]})"));
    root.setValue(QStringLiteral("b"), SessionValue::makeBool(true)); // replaces in place
    QCOMPARE(PythonJsonWriter::write(root),
             QByteArray(R"({"first": null, "b": true, "a": ["x"]})"));
    root.move(2, 0);
    QCOMPARE(PythonJsonWriter::write(root),
             QByteArray(R"({"a": ["x"], "first": null, "b": true})"));
    SessionValue *x = root.child(0)->child(0);
    QCOMPARE(x->parent(), root.child(0));
    QCOMPARE(x->parent()->parent(), &root);
    QCOMPARE(root.child(2)->indexInParent(), 2);
    SessionValue taken = root.take(1);
    QCOMPARE(taken.key(), QStringLiteral("first"));
    QCOMPARE(taken.parent(), nullptr);
    QCOMPARE(root.size(), 2);
    QCOMPARE(root.insertEntry(0, QStringLiteral("a"), SessionValue()), nullptr);
}

void TestSessionValue::nodeAddressesSurviveSiblingInsertion()
{
    SessionValue root = SessionValue::makeDict();
    SessionValue *list = root.setValue(QStringLiteral("l"), SessionValue::makeList());
    SessionValue *inner = list->append(SessionValue::makeDict());
    SessionValue *leaf = inner->setValue(QStringLiteral("k"), SessionValue::makeInteger(5));
    for (int i = 0; i < 1000; ++i)
        list->insert(0, SessionValue::makeInteger(i));
    for (int i = 0; i < 100; ++i)
        root.insertEntry(0, QString::number(i), SessionValue());
    QCOMPARE(leaf->integerText(), QByteArray("5"));
    QCOMPARE(leaf->parent(), inner);
    QCOMPARE(inner->parent(), list);
    QCOMPARE(inner->indexInParent(), 1000);
}

void TestSessionValue::copiesAreDeepAndEqual()
{
    test::SessionGenerator generator(7);
    for (int i = 0; i < 50; ++i) {
        const SessionValue original = generator.session();
        SessionValue copy = original;
        QVERIFY(copy == original);
        QCOMPARE(PythonJsonWriter::write(copy), PythonJsonWriter::write(original));
        copy.setValue(QStringLiteral("__changed"), SessionValue::makeInteger(1));
        QVERIFY(copy != original);
        // Children of the copy point at the copy, not the original.
        for (qsizetype c = 0; c < copy.size(); ++c)
            QCOMPARE(copy.child(c)->parent(), &copy);
        SessionValue moved = std::move(copy);
        for (qsizetype c = 0; c < moved.size(); ++c)
            QCOMPARE(moved.child(c)->parent(), &moved);
    }
}

void TestSessionValue::renameRefusesDuplicates()
{
    SessionValue root = SessionValue::makeDict();
    root.setValue(QStringLiteral("a"), SessionValue::makeInteger(1));
    root.setValue(QStringLiteral("b"), SessionValue::makeInteger(2));
    QVERIFY(!root.renameChild(1, QStringLiteral("a")));
    QVERIFY(root.renameChild(1, QStringLiteral("c")));
    QCOMPARE(PythonJsonWriter::write(root), QByteArray(R"({"a": 1, "c": 2})"));
}

void TestSessionValue::assignKeepsKey()
{
    SessionValue root = SessionValue::makeDict();
    SessionValue *a = root.setValue(QStringLiteral("a"), SessionValue::makeInteger(1));
    a->assign(SessionValue::makeList());
    a->append(SessionValue::makeFloat(0.5));
    QCOMPARE(a->key(), QStringLiteral("a"));
    QCOMPARE(a->parent(), &root);
    QCOMPARE(PythonJsonWriter::write(root), QByteArray(R"({"a": [0.5]})"));
}

QTEST_GUILESS_MAIN(TestSessionValue)
#include "tst_SessionValue.moc"
