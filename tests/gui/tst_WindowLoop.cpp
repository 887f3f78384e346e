// The window as a developer lives it (issue 18, the window's items): Convert as one undo step,
// history per opened cookie, sizes of a wide session, keyboard-only editing, layouts at real
// sizes and the small ones. Every test drives the widgets with key presses and clicks.

#include "AddKeyDialog.h"
#include "AuditDialog.h"
#include "CapturePanel.h"
#include "CookieInputPanel.h"
#include "GuiTestFixture.h"
#include "HistoryDialog.h"
#include "JsonEditorPanel.h"
#include "KeyRingDialog.h"
#include "PythonViewPanel.h"
#include "ResealPanel.h"
#include "SessionTreePanel.h"
#include "ShortcutsDialog.h"
#include "SizeChart.h"
#include "SizePanel.h"
#include "TestData.h"
#include "formats/EncryptedSessionCodec.h"
#include "formats/FlaskSignedCodec.h"
#include "json/PythonJsonWriter.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeView>
#include <QUndoStack>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {

const QByteArray kKey = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";

QJsonObject encryptedVector(const QString &name)
{
    return test::cookieVector(QStringLiteral("encrypted_session"), name);
}

QJsonObject signedVector(const QString &name)
{
    return test::cookieVector(QStringLiteral("flask_default"), name);
}

QString sealed(const SessionValue &session)
{
    const QByteArray raw = QByteArray::fromHex(kKey);
    auto codec = EncryptedSessionCodec::create(SecureBytes(raw.constData(), 32)).value();
    return QString::fromLatin1(codec.seal(session).value().cookie);
}

bool addSecret(test::GuiTestFixture &f, const QString &name, const QByteArray &secret)
{
    return f.keys
        ->add(SessionKey(name, SecureBytes(secret.constData(), std::size_t(secret.size())),
                         SessionKey::Kind::SigningSecret))
        .ok();
}

using test::cookieField;
using test::openEditor;
using test::paste;

// Opens a menu of the bar with the mouse and clicks one of its items; false when either is
// missing or the item is disabled.
bool clickMenuItem(QMainWindow &window, const QString &menuTitle, const QString &itemText)
{
    QMenuBar *bar = window.menuBar();
    QAction *top = nullptr;
    for (QAction *action : bar->actions())
        if (action->text() == menuTitle)
            top = action;
    if (!top || !top->menu())
        return false;
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(top).center());
    QMenu *menu = top->menu();
    if (!QTest::qWaitFor([menu] { return menu->isVisible(); }, 3000))
        return false;
    QAction *item = nullptr;
    for (QAction *action : menu->actions())
        if (action->text() == itemText)
            item = action;
    if (!item || !item->isEnabled()) {
        menu->close();
        return false;
    }
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(item).center());
    // The menu closes as a person sees it: gone, and the window active again.
    return QTest::qWaitFor(
        [menu] { return !menu->isVisible() && !QApplication::activePopupWidget(); }, 3000);
}

void showAndActivate(MainWindow &window)
{
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
}

// Ctrl+Z in the tree, once the window is active again (a box of conversion notes is closed).
void undoFromTheTree(MainWindow &window)
{
    for (auto *box : window.findChildren<QWidget *>(QStringLiteral("conversionNotes")))
        box->close();
    // The offscreen platform leaves a closed menu the active window; a desktop gives the
    // activation back to the window, as this does.
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTreeView *view = window.treePanel()->view();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
}

QString cellText(QTreeView *view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

} // namespace

class TestWindowLoop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QApplication::clipboard()->clear(); }

    void convertIsOneUndoStepForEverything();
    void undoOfConvertBringsTheSignedCookieBack();
    void historyRecordsOpenedCookiesNotKeystrokes();
    void sizesOfAWideSessionAreNeverTheOldOnes();
    void valuesAreEditedFromTheKeyboard();
    void layoutAt1024x768ShowsTheValues();
    void germanLayoutAt1024x768ShowsTheValues();
    void captureDockShowsItsButtonsAtTheDefaultSize();
    void jsonErrorHasItsOwnRow();
    void germanPayloadLabelIsWhole();
    void longStatusIsWholeInItsTooltip();
    void greyedOutJsonIsGreyToo();
    void bannerSpeaksOfEditsOnlyWhenThereAre();
    void addKeyHintFitsTheKind();
    void runOnlyKeyShowsItsFileName();
    void newCookieBeforeAnyCookieIsNoFailure();
    void auditsAreTellApartAndSayWhenDone();
    void newCookieSizeHasDigitGrouping();
    void germanMenusHaveNoStraySpace();
    void shortcutsListFilterAndApplyJson();
};

void TestWindowLoop::convertIsOneUndoStepForEverything()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    QVERIFY(addSecret(f, QStringLiteral("dev"), "dev"));
    showAndActivate(*f.window);
    InspectorController &c = f.window->controller();
    QAbstractItemModelTester tester(&c.model());
    const QJsonObject v = encryptedVector(QStringLiteral("flash"));
    paste(cookieField(*f.window), v[QStringLiteral("cookie")].toString());
    QVERIFY(c.lastOpen().ok());
    QVERIFY(!(c.format()->id() == QLatin1String("signed")));
    QTreeView *view = f.window->treePanel()->view();
    QPlainTextEdit *json = f.window->jsonPanel()->editor();
    const QString plaintext = v[QStringLiteral("plaintext")].toString();
    QTRY_COMPARE(json->toPlainText(), plaintext);
    // `_flashes` is a list of lists: its bytes differ between the two dialects' spacing.
    const QString bytesBefore = cellText(view, 0, SessionTreeModel::BytesColumn);
    QCOMPARE(bytesBefore,
             QString::number(PythonJsonWriter::write(*c.document().root().child(0),
                                                     PythonJsonWriter::Style::EncryptedSession)
                                 .size()));
    auto *sealKey = f.window->resealPanel()->findChild<QComboBox *>(QStringLiteral("sealKey"));
    auto *timestamp =
        f.window->resealPanel()->findChild<QComboBox *>(QStringLiteral("timestampMode"));
    auto *compression =
        f.window->resealPanel()->findChild<QComboBox *>(QStringLiteral("compressionMode"));
    QVERIFY(sealKey && timestamp && compression);
    QCOMPARE(sealKey->currentText(), QStringLiteral("vectors"));
    QVERIFY(!timestamp->isVisibleTo(f.window->resealPanel()));
    const int stepsBefore = c.undoStack().count();

    QVERIFY(clickMenuItem(*f.window, QStringLiteral("&Edit"),
                          QStringLiteral("Convert to &Flask / Quart signed session")));
    QVERIFY((c.format()->id() == QLatin1String("signed")));
    QCOMPARE(c.undoStack().count(), stepsBefore + 1);
    // The panels show the signed format's controls, its key and its JSON, all at once.
    QCOMPARE(sealKey->currentText(), QStringLiteral("dev"));
    QCOMPARE(sealKey->findText(QStringLiteral("vectors")), -1);
    QVERIFY(timestamp->isVisibleTo(f.window->resealPanel()));
    QVERIFY(!compression->isVisibleTo(f.window->resealPanel()));
    const QByteArray tagged =
        PythonJsonWriter::write(c.document().root(), PythonJsonWriter::Style::FlaskTagged);
    QTRY_COMPARE(json->toPlainText(), QString::fromUtf8(tagged));
    QCOMPARE(cellText(view, 0, SessionTreeModel::BytesColumn),
             QString::number(PythonJsonWriter::write(*c.document().root().child(0),
                                                     PythonJsonWriter::Style::FlaskTagged)
                                 .size()));
    QVERIFY(cellText(view, 0, SessionTreeModel::BytesColumn) != bytesBefore);
    QTRY_COMPARE(FormatDetector::detect(c.sealedCookie()), FormatDetector::Format::FlaskSigned);

    // Undo (Ctrl+Z in the tree) puts all of it back.
    undoFromTheTree(*f.window);
    QVERIFY(!(c.format()->id() == QLatin1String("signed")));
    QCOMPARE(c.undoStack().index(), stepsBefore);
    QCOMPARE(sealKey->currentText(), QStringLiteral("vectors"));
    QVERIFY(!timestamp->isVisibleTo(f.window->resealPanel()));
    QVERIFY(compression->isVisibleTo(f.window->resealPanel()));
    QTRY_COMPARE(json->toPlainText(), plaintext);
    QCOMPARE(cellText(view, 0, SessionTreeModel::BytesColumn), bytesBefore);
    QTRY_COMPARE(FormatDetector::detect(c.sealedCookie()),
                 FormatDetector::Format::EncryptedSession);
    QVERIFY(!f.window->isWindowModified());
}

void TestWindowLoop::undoOfConvertBringsTheSignedCookieBack()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    const QJsonObject v = signedVector(QStringLiteral("d-flashes"));
    QVERIFY(addSecret(f, QStringLiteral("app"), v[QStringLiteral("secret")].toString().toUtf8()));
    showAndActivate(*f.window);
    InspectorController &c = f.window->controller();
    paste(cookieField(*f.window), v[QStringLiteral("cookie")].toString());
    QVERIFY(c.lastOpen().ok());
    QVERIFY((c.format()->id() == QLatin1String("signed")));
    QPlainTextEdit *json = f.window->jsonPanel()->editor();
    const QString payload = v[QStringLiteral("payload")].toString();
    QTRY_COMPARE(json->toPlainText(), payload);
    auto *timestamp =
        f.window->resealPanel()->findChild<QComboBox *>(QStringLiteral("timestampMode"));
    QVERIFY(timestamp->isVisibleTo(f.window->resealPanel()));

    QVERIFY(clickMenuItem(*f.window, QStringLiteral("&Edit"),
                          QStringLiteral("Convert to &EncryptedSession")));
    QVERIFY(!(c.format()->id() == QLatin1String("signed")));
    // The tuple became a list, which EncryptedSession can write.
    const SessionValue *message = c.document().root().value(QStringLiteral("_flashes"))->child(0);
    QCOMPARE(message->type(), SessionValue::Type::List);
    QVERIFY(!timestamp->isVisibleTo(f.window->resealPanel()));
    QTRY_COMPARE(FormatDetector::detect(c.sealedCookie()),
                 FormatDetector::Format::EncryptedSession);
    undoFromTheTree(*f.window);
    QVERIFY((c.format()->id() == QLatin1String("signed")));
    QCOMPARE(c.document().root().value(QStringLiteral("_flashes"))->child(0)->type(),
             SessionValue::Type::Tuple);
    QVERIFY(timestamp->isVisibleTo(f.window->resealPanel()));
    QTRY_COMPARE(json->toPlainText(), payload);
    QTRY_COMPARE(FormatDetector::detect(c.sealedCookie()), FormatDetector::Format::FlaskSigned);
    QVERIFY(!c.sealError().has_value());
}

void TestWindowLoop::historyRecordsOpenedCookiesNotKeystrokes()
{
    test::GuiTestFixture f;
    const QJsonObject v = signedVector(QStringLiteral("d-login"));
    const QString cookie = v[QStringLiteral("cookie")].toString();
    showAndActivate(*f.window);
    QPlainTextEdit *field = cookieField(*f.window);
    field->setFocus();
    // Typed, key by key: every keystroke past the payload opens the (unverified) session.
    QTest::keyClicks(field, cookie);
    QCOMPARE(field->toPlainText(), cookie);
    QVERIFY(f.window->controller().lastOpen().hasSession());
    QTRY_COMPARE_WITH_TIMEOUT(f.recovery->history().size(), 1, 10000);
    QCOMPARE(QString::fromLatin1(f.recovery->history().first().cookie), cookie);
    // The same cookie typed again is the same entry.
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, cookie);
    f.window->persistence().rememberNow(); // what the delay would write
    QCOMPARE(f.recovery->history().size(), 1);
    // Another cookie pasted is an entry of its own, and the list is wide enough to read them.
    paste(field, signedVector(QStringLiteral("d-unicode"))[QStringLiteral("cookie")].toString());
    HistoryDialog *dialog = f.window->browseHistory();
    QCOMPARE(dialog->list()->count(), 2);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY2(dialog->list()->sizeHintForColumn(0) <= dialog->list()->viewport()->width(),
             qPrintable(QStringLiteral("%1 > %2")
                            .arg(dialog->list()->sizeHintForColumn(0))
                            .arg(dialog->list()->viewport()->width())));
}

void TestWindowLoop::sizesOfAWideSessionAreNeverTheOldOnes()
{
    test::GuiTestFixture f;
    QVERIFY(f.openLogin());
    InspectorController &c = f.window->controller();
    QVERIFY(c.lastOpen().ok());
    SizeChart *pipeline = f.window->sizePanel()->pipelineChart();
    const qint64 smallJson = pipeline->bars().first().value;

    SessionValue wide = SessionValue::makeDict();
    for (int i = 0; i < int(InspectorController::kBackgroundNodes); ++i)
        wide.appendEntryUnchecked(QStringLiteral("key_%1").arg(i),
                                  SessionValue::makeString(QString::number(i * 7919 % 100003)));
    paste(cookieField(*f.window), sealed(wide));
    QVERIFY(c.lastOpen().ok());
    QCOMPARE(c.document().root().size(), wide.size());
    // While it is measured, nothing of the session before is shown as if it were this one's.
    QVERIFY(c.isRefreshing());
    for (const SizeChart::Bar &bar : pipeline->bars())
        QVERIFY2(bar.value != smallJson, qPrintable(bar.label));
    QVERIFY(pipeline->bars().isEmpty());
    QVERIFY(f.window->sizePanel()->keyChart()->bars().isEmpty());
    // Then the figures arrive, first with estimated key costs, then measured.
    QTRY_VERIFY_WITH_TIMEOUT(!pipeline->bars().isEmpty(), 60000);
    QCOMPARE(pipeline->bars().first().value, c.sizeReport().jsonBytes);
    QVERIFY(c.sizeReport().jsonBytes > 500000);
    QTRY_VERIFY_WITH_TIMEOUT(!c.isMeasuringKeys(), 120000);
    qsizetype exact = 0;
    for (const SizeReport::KeyShare &share : c.sizeReport().keys)
        exact += share.estimated ? 0 : 1;
    QCOMPARE(exact, limits::kMaxExactKeyShares);
    QVERIFY(!f.window->sizePanel()->summaryText().contains(QStringLiteral("estimates")));
}

void TestWindowLoop::valuesAreEditedFromTheKeyboard()
{
    test::GuiTestFixture f;
    QVERIFY(f.openLogin());
    InspectorController &c = f.window->controller();
    SessionTreePanel *panel = f.window->treePanel();
    QTreeView *view = panel->view();
    // Into the tree with the keyboard: Tab from the field, then down to "username".
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Home);
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(panel->currentSourceIndex().row(), 1);
    QCOMPARE(view->currentIndex().column(), int(SessionTreeModel::KeyColumn));

    // Enter opens the Value cell's editor.
    QTest::keyClick(view, Qt::Key_Return);
    QLineEdit *editor = openEditor(panel);
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("alice"));
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral("bob"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(c.document().root().child(1)->stringValue(), QStringLiteral("bob"));
    QTRY_VERIFY(view->hasFocus());
    QCOMPARE(c.document().root().child(1)->key(), QStringLiteral("username"));

    // Typing on a selected row starts the value's editor with what was typed.
    QTest::keyClick(view, Qt::Key_Up);
    QCOMPARE(panel->currentSourceIndex().row(), 0);
    QTest::keyClicks(view, QStringLiteral("7"));
    editor = openEditor(panel);
    QVERIFY(editor);
    QTest::keyClicks(editor, QStringLiteral("3"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(c.document().root().child(0)->integerText(), QByteArray("73"));

    // F2 on a Value cell edits the value; on the Key cell it still renames.
    QTRY_VERIFY(view->hasFocus());
    QCOMPARE(view->currentIndex().column(), int(SessionTreeModel::ValueColumn));
    QTest::keyClick(view, Qt::Key_Down);
    QTest::keyClick(view, Qt::Key_F2);
    editor = openEditor(panel);
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("bob"));
    QTest::keyClick(editor, Qt::Key_Escape);
    QTRY_VERIFY(view->hasFocus());
    const QRect keyCell = view->visualRect(view->model()->index(1, SessionTreeModel::KeyColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, keyCell.center());
    QCOMPARE(view->currentIndex().column(), int(SessionTreeModel::KeyColumn));
    QTest::keyClick(view, Qt::Key_F2);
    editor = openEditor(panel);
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("username"));
    QTest::keyClick(editor, Qt::Key_Escape);
}

void TestWindowLoop::layoutAt1024x768ShowsTheValues()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->resize(1024, 768);
    showAndActivate(*f.window);
    paste(cookieField(*f.window),
          encryptedVector(QStringLiteral("login"))[QStringLiteral("cookie")].toString());
    QTreeView *view = f.window->treePanel()->view();
    QTRY_VERIFY(view->viewport()->width() > 0);
    // Every column starts inside the viewport, and the Value column has room for a value.
    for (int column = 0; column < SessionTreeModel::ColumnCount; ++column)
        QVERIFY2(view->header()->sectionViewportPosition(column) < view->viewport()->width(),
                 qPrintable(QStringLiteral("column %1 at %2 of %3")
                                .arg(column)
                                .arg(view->header()->sectionViewportPosition(column))
                                .arg(view->viewport()->width())));
    QVERIFY2(view->columnWidth(SessionTreeModel::ValueColumn) >= 120,
             qPrintable(QString::number(view->columnWidth(SessionTreeModel::ValueColumn))));
}

void TestWindowLoop::germanLayoutAt1024x768ShowsTheValues()
{
    const test::GermanCatalogue german;
    QVERIFY(german.installed);
    test::GuiTestFixture f;
    f.window->resize(1024, 768);
    showAndActivate(*f.window);
    paste(cookieField(*f.window),
          signedVector(QStringLiteral("d-login"))[QStringLiteral("cookie")].toString());
    QVERIFY(f.window->controller().format()->id() == QLatin1String("signed"));
    QTreeView *view = f.window->treePanel()->view();
    QTRY_VERIFY(view->viewport()->width() > 0);
    // The JSON tab's long German buttons do not squeeze the tree to its Key column.
    const int bytes = view->header()->sectionViewportPosition(SessionTreeModel::BytesColumn);
    QVERIFY2(bytes < view->viewport()->width(),
             qPrintable(QStringLiteral("%1 of %2").arg(bytes).arg(view->viewport()->width())));
}

void TestWindowLoop::captureDockShowsItsButtonsAtTheDefaultSize()
{
    // The dock opens as a strip under the inspector; Send, Replay and Cancel must be whole in
    // it, not cut in half by the strip's edge (the jar and progress rows made the form taller).
    test::GuiTestFixture f;
    showAndActivate(*f.window);
    CapturePanel *panel = f.window->capturePanel();
    auto *scroll = qobject_cast<QScrollArea *>(panel->parentWidget()->parentWidget());
    QVERIFY(scroll);
    QTRY_VERIFY(scroll->viewport()->height() > 0);
    for (const QString &text :
         {QStringLiteral("&Send"), QStringLiteral("&Replay with Edited Cookie"),
          QStringLiteral("Cancel")}) {
        QPushButton *pushButton = nullptr;
        for (auto *candidate : panel->findChildren<QPushButton *>())
            if (candidate->text() == text)
                pushButton = candidate;
        QVERIFY2(pushButton, qPrintable(text));
        const QRect inViewport(pushButton->mapTo(scroll->viewport(), QPoint(0, 0)),
                               pushButton->size());
        QVERIFY2(scroll->viewport()->rect().contains(inViewport),
                 qPrintable(QStringLiteral("%1 at y %2..%3, the dock shows 0..%4")
                                .arg(text)
                                .arg(inViewport.top())
                                .arg(inViewport.bottom())
                                .arg(scroll->viewport()->height())));
    }
}

void TestWindowLoop::jsonErrorHasItsOwnRow()
{
    test::GuiTestFixture f;
    QVERIFY(f.openLogin());
    QPlainTextEdit *json = f.window->jsonPanel()->editor();
    QTRY_VERIFY(!json->toPlainText().isEmpty());
    json->setFocus();
    QTest::keyClick(json, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(json, QStringLiteral(" trailing garbage that the reader refuses"));
    QPushButton *apply = nullptr;
    for (auto *button : f.window->jsonPanel()->findChildren<QPushButton *>())
        if (button->text() == QStringLiteral("&Apply JSON"))
            apply = button;
    QVERIFY(apply && apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    auto *message = f.window->jsonPanel()->findChild<QLabel *>(QStringLiteral("jsonMessage"));
    QVERIFY(message);
    QTRY_VERIFY(!message->text().isEmpty());
    QVERIFY(message->text().startsWith(QStringLiteral("Line 1, column")));
    // The whole width of the panel, not what the buttons leave: two lines at most.
    QVERIFY2(message->width() >= json->width() - 8,
             qPrintable(QStringLiteral("%1 < %2").arg(message->width()).arg(json->width())));
    QVERIFY2(message->height() <= 2 * message->fontMetrics().lineSpacing() + 8,
             qPrintable(QString::number(message->height())));
}

void TestWindowLoop::germanPayloadLabelIsWhole()
{
    const test::GermanCatalogue german;
    QVERIFY(german.installed);
    test::GuiTestFixture f;
    showAndActivate(*f.window); // the default size
    paste(cookieField(*f.window),
          signedVector(QStringLiteral("d-login"))[QStringLiteral("cookie")].toString());
    QVERIFY(f.window->controller().format()->id() == QLatin1String("signed"));
    SizeChart *pipeline = f.window->sizePanel()->pipelineChart();
    QCOMPARE(pipeline->bars().at(2).label, QStringLiteral("Nutzlast (unverschlüsselt)"));
    QTRY_VERIFY(pipeline->width() > 0);
    QVERIFY2(pipeline->labelsFit(), qPrintable(QString::number(pipeline->width())));
}

void TestWindowLoop::longStatusIsWholeInItsTooltip()
{
    test::GuiTestFixture f;
    showAndActivate(*f.window);
    paste(cookieField(*f.window), QStringLiteral("u.abc$$.def.ghi"));
    const QString message = f.window->statusBar()->currentMessage();
    QVERIFY(!message.isEmpty());
    QVERIFY(f.window->statusBar()->fontMetrics().horizontalAdvance(message) > 300);
    QCOMPARE(f.window->statusBar()->toolTip(), message);
}

void TestWindowLoop::greyedOutJsonIsGreyToo()
{
    test::GuiTestFixture f;
    QVERIFY(f.openLogin());
    QPlainTextEdit *json = f.window->jsonPanel()->editor();
    QTRY_VERIFY(!json->toPlainText().isEmpty());
    QTRY_VERIFY(!json->document()->firstBlock().layout()->formats().isEmpty()); // coloured
    // One more key typed into the field: the text no longer opens.
    QPlainTextEdit *field = cookieField(*f.window);
    field->setFocus();
    QTest::keyClick(field, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(field, QStringLiteral("$"));
    QVERIFY(f.window->controller().isShowingPrevious());
    QVERIFY(!json->isEnabled());
    QVERIFY(json->document()->firstBlock().layout()->formats().isEmpty());
    // And the colours come back with a cookie that opens.
    QTest::keyClick(field, Qt::Key_Backspace);
    QVERIFY(!f.window->controller().isShowingPrevious());
    QTRY_VERIFY(!json->document()->firstBlock().layout()->formats().isEmpty());
}

void TestWindowLoop::bannerSpeaksOfEditsOnlyWhenThereAre()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    showAndActivate(*f.window);
    QPlainTextEdit *field = cookieField(*f.window);
    const QString cookie =
        encryptedVector(QStringLiteral("login"))[QStringLiteral("cookie")].toString();
    paste(field, cookie);
    QTest::keyClick(field, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(field, QStringLiteral("$"));
    QVERIFY(!f.window->previousSessionBanner().isEmpty());
    QVERIFY2(!f.window->previousSessionBanner().contains(QStringLiteral("edits")),
             qPrintable(f.window->previousSessionBanner()));
    // With an edit, the banner says it is kept.
    QTest::keyClick(field, Qt::Key_Backspace);
    QTreeView *view = f.window->treePanel()->view();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Home);
    QTest::keyClick(view, Qt::Key_Return);
    QLineEdit *editor = openEditor(f.window->treePanel());
    QVERIFY(editor);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral("43"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(!f.window->controller().undoStack().isClean());
    field->setFocus();
    QTest::keyClick(field, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(field, QStringLiteral("$"));
    QVERIFY(
        f.window->previousSessionBanner().contains(QStringLiteral("Your edits to it are kept")));
}

void TestWindowLoop::addKeyHintFitsTheKind()
{
    AddKeyDialog dialog({});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *feedback = dialog.findChild<QLabel *>(QStringLiteral("keyFeedback"));
    auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("keyKind"));
    QVERIFY(feedback && kind);
    QVERIFY(feedback->text().contains(QStringLiteral("as Python prints it")));
    // Choose the Flask secret with the keyboard.
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Down);
    QCOMPARE(dialog.kind(), SessionKey::Kind::SigningSecret);
    QVERIFY2(!feedback->text().contains(QStringLiteral("hex or base64")),
             qPrintable(feedback->text()));
    QVERIFY(feedback->text().contains(QStringLiteral("SECRET_KEY")));
}

void TestWindowLoop::runOnlyKeyShowsItsFileName()
{
    test::GuiTestFixture f;
    const QString name = QStringLiteral("--key-file /home/someone/projects/shop/instance/demo.key");
    const QByteArray raw = QByteArray::fromHex(kKey);
    QVERIFY(f.keys->addTemporary(SessionKey(name, SecureBytes(raw.constData(), 32))).ok());
    showAndActivate(*f.window);
    paste(cookieField(*f.window),
          encryptedVector(QStringLiteral("login"))[QStringLiteral("cookie")].toString());
    QVERIFY(f.window->controller().lastOpen().ok());
    QVERIFY2(f.window->windowTitle().contains(QStringLiteral("--key-file demo.key")),
             qPrintable(f.window->windowTitle()));
    QVERIFY(!f.window->windowTitle().contains(QStringLiteral("/home/")));
    auto *sealKey = f.window->resealPanel()->findChild<QComboBox *>(QStringLiteral("sealKey"));
    QCOMPARE(sealKey->currentText(), QStringLiteral("--key-file demo.key"));
    QTRY_VERIFY(!f.window->controller().sealedCookie().isEmpty());
    KeyRingDialog dialog(*f.keys);
    auto *table = dialog.findChild<QTableWidget *>();
    QVERIFY(table);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("--key-file demo.key"));
    QCOMPARE(table->item(0, 0)->toolTip(), name);
}

void TestWindowLoop::newCookieBeforeAnyCookieIsNoFailure()
{
    test::GuiTestFixture f;
    showAndActivate(*f.window);
    auto *info = f.window->resealPanel()->findChild<QLabel *>(QStringLiteral("resealInfo"));
    QVERIFY(info);
    QVERIFY2(!info->text().contains(QStringLiteral("failed")), qPrintable(info->text()));
    QVERIFY(info->text().contains(QStringLiteral("Open a cookie")));
}

void TestWindowLoop::auditsAreTellApartAndSayWhenDone()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    showAndActivate(*f.window);
    QStringList paths;
    for (const QString &name : {QStringLiteral("first.txt"), QStringLiteral("second.txt")}) {
        QFile file(f.dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(encryptedVector(QStringLiteral("login"))[QStringLiteral("cookie")]
                       .toString()
                       .toLatin1() +
                   '\n');
        paths.append(file.fileName());
    }
    AuditDialog *first = f.window->auditFiles({paths.at(0)});
    QVERIFY(QTest::qWaitForWindowExposed(first));
    AuditDialog *second = f.window->auditFiles({paths.at(1)});
    QVERIFY(QTest::qWaitForWindowExposed(second));
    QVERIFY2(first->windowTitle() != second->windowTitle(), qPrintable(first->windowTitle()));
    QVERIFY(first->windowTitle().contains(QStringLiteral("first.txt")));
    QVERIFY(second->windowTitle().contains(QStringLiteral("second.txt")));
    QVERIFY(first->pos() != second->pos());
    QTRY_VERIFY_WITH_TIMEOUT(!first->controller().isRunning(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!second->controller().isRunning(), 20000);
    QTRY_VERIFY(!first->headingText().startsWith(QStringLiteral("Auditing")));
    QVERIFY(first->headingText().contains(QStringLiteral("first.txt")));
    QTRY_VERIFY(!second->headingText().startsWith(QStringLiteral("Auditing")));
}

void TestWindowLoop::newCookieSizeHasDigitGrouping()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    showAndActivate(*f.window);
    SessionValue session = SessionValue::makeDict();
    // Random-looking text under the compression threshold: a cookie of over 1,000 bytes.
    QString blob;
    for (int i = 0; i < 900; ++i)
        blob.append(QChar(u'a' + (i * 7919 % 26)));
    session.setValue(QStringLiteral("blob"), SessionValue::makeString(blob));
    paste(cookieField(*f.window), sealed(session));
    QVERIFY(f.window->controller().lastOpen().ok());
    const qsizetype size = f.window->controller().sealedCookie().size();
    QVERIFY(size >= 1000);
    auto *info = f.window->resealPanel()->findChild<QLabel *>(QStringLiteral("resealInfo"));
    QVERIFY2(info->text().startsWith(QLocale().toString(size) + QStringLiteral(" bytes")),
             qPrintable(info->text()));
    QLocale::setDefault(before);
}

void TestWindowLoop::germanMenusHaveNoStraySpace()
{
    const test::GermanCatalogue german;
    QVERIFY(german.installed);
    test::GuiTestFixture f;
    QStringList texts;
    for (QAction *top : f.window->menuBar()->actions())
        if (top->menu())
            for (QAction *action : top->menu()->actions())
                texts.append(action->text());
    QVERIFY(texts.contains(QStringLiteral("Mitgeschnittene Cookies &importieren...")));
    for (const QString &text : texts)
        QVERIFY2(!text.endsWith(QStringLiteral(" ...")), qPrintable(text));
}

void TestWindowLoop::shortcutsListFilterAndApplyJson()
{
    test::GuiTestFixture f;
    showAndActivate(*f.window);
    QTest::keyClick(f.window.get(), Qt::Key_Slash, Qt::ControlModifier);
    ShortcutsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = f.window->findChild<ShortcutsDialog *>()) != nullptr);
    QStringList rows;
    for (int i = 0; i < dialog->table()->rowCount(); ++i)
        rows.append(dialog->table()->item(i, 0)->text() + u'=' +
                    dialog->table()->item(i, 1)->text());
    const auto has = [&](const QString &command, const QKeySequence &keys) {
        return rows.contains(command + u'=' + keys.toString(QKeySequence::NativeText));
    };
    QVERIFY2(has(QStringLiteral("Tree ▸ Filter Keys and Values"), QKeySequence::Find),
             qPrintable(rows.join(u'\n')));
    QVERIFY(has(QStringLiteral("JSON tab ▸ Apply JSON"), QKeySequence(Qt::CTRL | Qt::Key_Return)));
}

QTEST_MAIN(TestWindowLoop)
#include "tst_WindowLoop.moc"
