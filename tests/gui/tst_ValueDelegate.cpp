// The Value column's editors, opened with F2 and committed with Enter as a person does, over
// a real SessionTreeModel: integers far beyond 64 bits, nan and inf, bytes as hex and as
// base64 both ways, and True/False. What the editor refuses to take, and what the model
// refuses to keep, leave the session and the undo stack as they were.

#include "SessionTreeModel.h"
#include "ValueDelegate.h"
#include "json/PythonJsonReader.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <cmath>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {

// Python's default limit on the digits of an int read from text (sys.get_int_max_str_digits).
constexpr int kPythonMaxDigits = 4300;

// A session in a model, shown in a tree with the delegate, the tree active.
struct EditorFixture
{
    SessionDocument document;
    QUndoStack stack;
    SessionTreeModel model{document, stack};
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QTreeView view;

    explicit EditorFixture(const char *json)
    {
        document.reset(PythonJsonReader::read(QByteArray(json)).value());
        model.resetFromDocument();
        view.setModel(&model);
        view.setItemDelegate(new ValueDelegate(&view));
        view.setEditTriggers(QAbstractItemView::EditKeyPressed);
        view.resize(640, 240);
    }

    bool show()
    {
        view.show();
        view.activateWindow();
        return QTest::qWaitFor([this] { return QApplication::activeWindow() == &view; }, 10000);
    }

    // F2 on the Value cell of top-level `row`: the editor that opened, or none.
    QWidget *edit(int row)
    {
        view.setFocus();
        view.setCurrentIndex(model.index(row, SessionTreeModel::ValueColumn));
        QTest::keyClick(&view, Qt::Key_F2);
        QWidget *editor = QApplication::focusWidget();
        return editor && editor->parentWidget() == view.viewport() ? editor : nullptr;
    }

    // Enter in an open editor: the delegate commits on a queued call, then gives the focus
    // back to the tree; true once it has.
    bool commit(QWidget *editor)
    {
        QTest::keyClick(editor, Qt::Key_Return);
        return QTest::qWaitFor([this] { return view.hasFocus(); }, 5000);
    }

    // F2 and the editor's text deleted (Ctrl+A, Backspace): the emptied line edit, or none.
    QLineEdit *emptied(int row)
    {
        auto *line = qobject_cast<QLineEdit *>(edit(row));
        if (line) {
            QTest::keyClick(line, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClick(line, Qt::Key_Backspace);
        }
        return line;
    }

    // F2, the text replaced by typing, Enter.
    bool type(int row, const QString &text)
    {
        QLineEdit *line = emptied(row);
        if (!line)
            return false;
        QTest::keyClicks(line, text);
        return commit(line);
    }

    const SessionValue &value(int row) const { return *document.root().child(row); }
    QString shown(int row) const
    {
        return model.index(row, SessionTreeModel::ValueColumn).data().toString();
    }
};

} // namespace

class TestValueDelegate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void integersBeyond64Bits();
    void integerEditorTakesDigitsOnly();
    void integerDigitsStopAtPythonsLimit();
    void emptyIntegerIsRefusedNotZero();
    void floatsTakeNanAndInf_data();
    void floatsTakeNanAndInf();
    void floatEditorRefusesWords();
    void bytesRoundTripAsHex();
    void bytesRoundTripAsBase64();
    void badBytesAreRefused_data();
    void badBytesAreRefused();
    void boolsAreChosenNotTyped();
};

void TestValueDelegate::integersBeyond64Bits()
{
    EditorFixture f(R"({"n": 1})");
    QVERIFY(f.show());
    QCOMPARE(f.model.index(0, SessionTreeModel::ValueColumn).data(SessionTreeModel::TypeRole),
             QVariant(int(SessionValue::Type::Integer)));
    // 2**64 + 1 and -(2**128 + 1): no 64-bit type holds either.
    for (const QByteArray &digits : {QByteArray("18446744073709551617"),
                                     QByteArray("-340282366920938463463374607431768211457")}) {
        QVERIFY(f.type(0, QString::fromLatin1(digits)));
        QCOMPARE(f.value(0).type(), SessionValue::Type::Integer);
        QCOMPARE(f.value(0).integerText(), digits);
        QCOMPARE(f.shown(0), QString::fromLatin1(digits));
    }
    // Edits of one cell in a row are one undo step.
    QCOMPARE(f.stack.count(), 1);
    // The editor opens on the whole number, and Enter on it changes nothing.
    auto *line = qobject_cast<QLineEdit *>(f.edit(0));
    QVERIFY(line);
    QCOMPARE(line->text(), QStringLiteral("-340282366920938463463374607431768211457"));
    QVERIFY(f.commit(line));
    QCOMPARE(f.stack.count(), 1);
    f.stack.undo();
    QCOMPARE(f.value(0).integerText(), QByteArray("1"));
}

void TestValueDelegate::integerEditorTakesDigitsOnly()
{
    EditorFixture f(R"({"n": 1})");
    QVERIFY(f.show());
    QLineEdit *line = f.emptied(0);
    QVERIFY(line);
    QTest::keyClicks(line, QStringLiteral("-1x2.5e3 4_0"));
    QCOMPARE(line->text(), QStringLiteral("-125340"));
    QVERIFY(f.commit(line));
    QCOMPARE(f.value(0).integerText(), QByteArray("-125340"));
}

void TestValueDelegate::integerDigitsStopAtPythonsLimit()
{
    EditorFixture f(R"({"n": 1})");
    QVERIFY(f.show());
    QLineEdit *line = f.emptied(0);
    QVERIFY(line);
    const QString most = QStringLiteral("9").repeated(kPythonMaxDigits);
    line->insert(most.left(kPythonMaxDigits - 1)); // typed by keys would take a while
    QTest::keyClicks(line, QStringLiteral("98"));  // the 4300th digit, then one too many
    QCOMPARE(line->text().size(), kPythonMaxDigits);
    QVERIFY(f.commit(line));
    QCOMPARE(f.value(0).integerText().size(), qsizetype(kPythonMaxDigits));
    QVERIFY(f.value(0).integerText().endsWith("99"));
}

void TestValueDelegate::emptyIntegerIsRefusedNotZero()
{
    EditorFixture f(R"({"n": 5})");
    QVERIFY(f.show());
    QSignalSpy rejected(&f.model, &SessionTreeModel::editRejected);
    for (const QString &text : {QString(), QStringLiteral("-")}) {
        QVERIFY(f.type(0, text));
        QCOMPARE(f.value(0).integerText(), QByteArray("5"));
    }
    QCOMPARE(rejected.count(), 2);
    QCOMPARE(f.stack.count(), 0);
}

void TestValueDelegate::floatsTakeNanAndInf_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<double>("expected"); // NaN: any NaN
    QTest::addColumn<QString>("shown");
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("nan") << QStringLiteral("nan") << std::nan("") << QStringLiteral("nan");
    QTest::newRow("NaN") << QStringLiteral("NaN") << std::nan("") << QStringLiteral("nan");
    QTest::newRow("inf") << QStringLiteral("inf") << inf << QStringLiteral("inf");
    QTest::newRow("-Infinity") << QStringLiteral("-Infinity") << -inf << QStringLiteral("-inf");
    QTest::newRow("+inf") << QStringLiteral("+inf") << inf << QStringLiteral("inf");
    // Beyond a double, as Python's float() reads it.
    QTest::newRow("1e400") << QStringLiteral("1e400") << inf << QStringLiteral("inf");
    QTest::newRow("-1e400") << QStringLiteral("-1e400") << -inf << QStringLiteral("-inf");
    QTest::newRow("1e-400") << QStringLiteral("1e-400") << 0.0 << QStringLiteral("0.0");
    QTest::newRow("1e-05") << QStringLiteral("1e-05") << 1e-05 << QStringLiteral("1e-05");
    QTest::newRow("3.") << QStringLiteral("3.") << 3.0 << QStringLiteral("3.0");
}

void TestValueDelegate::floatsTakeNanAndInf()
{
    QFETCH(QString, typed);
    QFETCH(double, expected);
    QFETCH(QString, shown);
    EditorFixture f(R"({"f": 1.5})");
    QVERIFY(f.show());
    QVERIFY(f.type(0, typed));
    QCOMPARE(f.value(0).type(), SessionValue::Type::Float);
    if (std::isnan(expected))
        QVERIFY(std::isnan(f.value(0).floatValue()));
    else
        QCOMPARE(f.value(0).floatValue(), expected);
    QCOMPARE(f.shown(0), shown);
    QCOMPARE(f.stack.count(), 1);
    // The editor opens on what the cell shows, and taking it keeps the value.
    auto *line = qobject_cast<QLineEdit *>(f.edit(0));
    QVERIFY(line);
    QCOMPARE(line->text(), shown);
    QVERIFY(f.commit(line));
    QCOMPARE(f.shown(0), shown);
}

void TestValueDelegate::floatEditorRefusesWords()
{
    EditorFixture f(R"({"f": 1.5})");
    QVERIFY(f.show());
    QLineEdit *line = f.emptied(0);
    QVERIFY(line);
    QTest::keyClicks(line, QStringLiteral("xyz"));
    QCOMPARE(line->text(), QString());
    QTest::keyClicks(line, QStringLiteral("nax")); // past "na" only "n" can follow
    QCOMPARE(line->text(), QStringLiteral("na"));
    // "na" is half a word: Enter does not take it, the editor stays for the rest.
    QPointer<QLineEdit> open = line;
    QTest::keyClick(line, Qt::Key_Return);
    QCoreApplication::processEvents(); // the delegate's queued commit, if it made one
    QVERIFY(open && open->hasFocus());
    QCOMPARE(f.value(0).floatValue(), 1.5);
    QTest::keyClicks(line, QStringLiteral("n"));
    QVERIFY(f.commit(line));
    QVERIFY(std::isnan(f.value(0).floatValue()));
    QCOMPARE(f.stack.count(), 1);
}

void TestValueDelegate::bytesRoundTripAsHex()
{
    // b'\x00\xffhi' in EncryptedSession's tagged form, shown as spaced hex.
    EditorFixture f(R"({"b": {"__type__": "bytes", "b": "AP9oaQ=="}})");
    QVERIFY(f.show());
    QCOMPARE(f.value(0).type(), SessionValue::Type::Bytes);
    QCOMPARE(f.shown(0), QStringLiteral("00 ff 68 69"));
    auto *line = qobject_cast<QLineEdit *>(f.edit(0));
    QVERIFY(line);
    QCOMPARE(line->text(), QStringLiteral("00 ff 68 69"));
    QVERIFY(f.commit(line)); // taken back as it was: no edit
    QCOMPARE(f.stack.count(), 0);
    // Colons and spaces, upper and lower case, as hex is pasted from anywhere.
    QVERIFY(f.type(0, QStringLiteral("DE:ad be EF")));
    QCOMPARE(f.value(0).bytesValue(), QByteArray::fromHex("deadbeef"));
    QCOMPARE(f.shown(0), QStringLiteral("de ad be ef"));
    QCOMPARE(f.stack.count(), 1);
    f.stack.undo();
    QCOMPARE(f.value(0).bytesValue(), QByteArray("\x00\xffhi", 4));
}

void TestValueDelegate::bytesRoundTripAsBase64()
{
    EditorFixture f(R"({"b": {"__type__": "bytes", "b": "AP9oaQ=="}})");
    f.model.setBytesForm(ValueText::BytesForm::Base64);
    QVERIFY(f.show());
    QCOMPARE(f.shown(0), QStringLiteral("AP9oaQ=="));
    auto *line = qobject_cast<QLineEdit *>(f.edit(0));
    QVERIFY(line);
    QCOMPARE(line->text(), QStringLiteral("AP9oaQ=="));
    QVERIFY(f.commit(line));
    QCOMPARE(f.stack.count(), 0);
    QVERIFY(f.type(0, QStringLiteral("3q2+7w==")));
    QCOMPARE(f.value(0).bytesValue(), QByteArray::fromHex("deadbeef"));
    QCOMPARE(f.shown(0), QStringLiteral("3q2+7w=="));
    // The same bytes read back in the other form.
    f.model.setBytesForm(ValueText::BytesForm::Hex);
    QCOMPARE(f.shown(0), QStringLiteral("de ad be ef"));
    QVERIFY(f.type(0, QString()));
    QCOMPARE(f.value(0).bytesValue(), QByteArray());
    QCOMPARE(f.stack.count(), 1); // one cell's edits: one step
    f.stack.undo();
    QCOMPARE(f.value(0).bytesValue(), QByteArray("\x00\xffhi", 4));
}

void TestValueDelegate::badBytesAreRefused_data()
{
    QTest::addColumn<bool>("base64");
    QTest::addColumn<QString>("typed");
    QTest::newRow("odd hex") << false << QStringLiteral("abc");
    QTest::newRow("not hex") << false << QStringLiteral("zz");
    QTest::newRow("base64 cut") << true << QStringLiteral("3q2+7w=");
    QTest::newRow("url-safe base64") << true << QStringLiteral("3q2-7w==");
}

void TestValueDelegate::badBytesAreRefused()
{
    QFETCH(bool, base64);
    QFETCH(QString, typed);
    EditorFixture f(R"({"b": {"__type__": "bytes", "b": "AP9oaQ=="}})");
    if (base64)
        f.model.setBytesForm(ValueText::BytesForm::Base64);
    QVERIFY(f.show());
    QSignalSpy rejected(&f.model, &SessionTreeModel::editRejected);
    QVERIFY(f.type(0, typed));
    QCOMPARE(rejected.count(), 1);
    QVERIFY2(rejected.first().first().toString().startsWith(QStringLiteral("Not a valid bytes")),
             qPrintable(rejected.first().first().toString()));
    QCOMPARE(f.value(0).bytesValue(), QByteArray("\x00\xffhi", 4));
    QCOMPARE(f.stack.count(), 0);
}

void TestValueDelegate::boolsAreChosenNotTyped()
{
    EditorFixture f(R"({"t": true})");
    QVERIFY(f.show());
    auto *combo = qobject_cast<QComboBox *>(f.edit(0));
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), QStringLiteral("True"));
    QCOMPARE(combo->count(), 2);
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentText(), QStringLiteral("False"));
    QVERIFY(f.commit(combo));
    QCOMPARE(f.value(0).type(), SessionValue::Type::Bool);
    QCOMPARE(f.value(0).boolValue(), false);
    QCOMPARE(f.shown(0), QStringLiteral("False"));
    // And back: the editor opens on False now.
    combo = qobject_cast<QComboBox *>(f.edit(0));
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), QStringLiteral("False"));
    QCOMPARE(f.stack.count(), 1);
    QTest::keyClick(combo, Qt::Key_Up);
    QVERIFY(f.commit(combo));
    QCOMPARE(f.value(0).boolValue(), true);
    // Back where it started: the cell's one undo step is gone with the change.
    QCOMPARE(f.stack.count(), 0);
}

QTEST_MAIN(TestValueDelegate)
#include "tst_ValueDelegate.moc"
