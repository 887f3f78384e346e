#include "SessionEditCommand.h"
#include "SessionGenerator.h"
#include "SessionTreeModel.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonWriter.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace sessionlens;
using namespace sessionlens::gui;

class TestSessionTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void testerOnGeneratedSessions();
    void editsAreUndoable();
    void structuralEditsKeepModelConsistent();
    void invalidEditIsRejected();
};

namespace {

SessionValue sample()
{
    return PythonJsonReader::
        read(R"({"user": "alice", "n": 7, "cart": [{"sku": "A", "qty": 1}, {"sku": "B", "qty": 2}], "flags": {"x": true}})")
            .value();
}

// A model over its own document and undo stack, with the session loaded.
struct ModelFixture
{
    SessionDocument document;
    QUndoStack stack;
    SessionTreeModel model{document, stack};

    explicit ModelFixture(SessionValue session)
    {
        document.reset(std::move(session));
        model.resetFromDocument();
    }
};

} // namespace

void TestSessionTreeModel::testerOnGeneratedSessions()
{
    test::SessionGenerator generator(77);
    for (int i = 0; i < 20; ++i) {
        ModelFixture f(generator.session());
        auto &[document, stack, model] = f;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.resetFromDocument(); // the tester watches a reset, as the window does one per cookie
        model.resetFromDocument(); // the tester watches a reset, as the window does one per cookie
        // Walk everything once through the public model API.
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            for (int row = 0; row < model.rowCount(parent); ++row) {
                for (int column = 0; column < model.columnCount(parent); ++column)
                    QVERIFY(model.data(model.index(row, column, parent)).isValid());
                walk(model.index(row, 0, parent));
            }
        };
        walk({});
        QCOMPARE(model.rowCount(), int(document.root().size()));
    }
}

void TestSessionTreeModel::editsAreUndoable()
{
    ModelFixture f(sample());
    auto &[document, stack, model] = f;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.resetFromDocument(); // the tester watches a reset, as the window does one per cookie
    const QByteArray original = PythonJsonWriter::write(document.root());

    QSignalSpy changed(&model, &SessionTreeModel::sessionChanged);
    const QModelIndex n = model.index(1, SessionTreeModel::ValueColumn);
    QVERIFY(model.setData(n, QStringLiteral("123456789012345678901234567890")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(
        PythonJsonWriter::write(document.root()),
        QByteArray(
            R"({"user": "alice", "n": 123456789012345678901234567890, "cart": [{"sku": "A", "qty": 1}, {"sku": "B", "qty": 2}], "flags": {"x": true}})"));
    QVERIFY(model.setData(model.index(0, SessionTreeModel::KeyColumn), QStringLiteral("name")));
    QVERIFY(document.root().value(QStringLiteral("name")));
    QCOMPARE(stack.count(), 2);
    stack.undo();
    stack.undo();
    QCOMPARE(PythonJsonWriter::write(document.root()), original);
    stack.redo();
    QCOMPARE(document.root().child(1)->integerText(), QByteArray("123456789012345678901234567890"));
    QCOMPARE(model.data(model.index(1, SessionTreeModel::ValueColumn)).toString(),
             QStringLiteral("123456789012345678901234567890"));
}

void TestSessionTreeModel::structuralEditsKeepModelConsistent()
{
    ModelFixture f(sample());
    auto &[document, stack, model] = f;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.resetFromDocument(); // the tester watches a reset, as the window does one per cookie
    const QByteArray original = PythonJsonWriter::write(document.root());

    stack.push(SessionEditCommand::insert(model, {2}, 1, QString(),
                                          SessionValue::makeString(QStringLiteral("mid"))));
    QCOMPARE(model.rowCount(model.index(2, 0)), 3);
    QCOMPARE(model
                 .data(model.index(2, SessionTreeModel::KeyColumn, model.index(2, 0)),
                       SessionTreeModel::ListIndexRole)
                 .toInt(),
             2);
    stack.push(SessionEditCommand::move(model, {}, 0, 3));
    QCOMPARE(document.root().child(3)->key(), QStringLiteral("user"));
    stack.push(SessionEditCommand::remove(model, {}, 1));
    stack.push(SessionEditCommand::replace(model, {0}, *document.root().child(0),
                                           SessionValue::makeDict()));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    while (stack.canUndo())
        stack.undo();
    QCOMPARE(PythonJsonWriter::write(document.root()), original);
    while (stack.canRedo())
        stack.redo();
    QCOMPARE(PythonJsonWriter::write(document.root()),
             QByteArray(R"({"n": {}, "flags": {"x": true}, "user": "alice"})"));
}

void TestSessionTreeModel::invalidEditIsRejected()
{
    ModelFixture f(sample());
    auto &[document, stack, model] = f;
    QSignalSpy rejected(&model, &SessionTreeModel::editRejected);
    QVERIFY(!model.setData(model.index(1, SessionTreeModel::ValueColumn), QStringLiteral("seven")));
    QVERIFY(!model.setData(model.index(0, SessionTreeModel::KeyColumn), QStringLiteral("n")));
    QCOMPARE(rejected.count(), 2);
    QCOMPARE(stack.count(), 0);
    QVERIFY(!(model.flags(model.index(2, SessionTreeModel::ValueColumn)) & Qt::ItemIsEditable));
}

QTEST_MAIN(TestSessionTreeModel)
#include "tst_SessionTreeModel.moc"
