#include "MainWindow.h"

#include "AboutText.h"
#include "AuditDialog.h"
#include "CaptureController.h"
#include "CaptureDock.h"
#include "CapturePanel.h"
#include "ComparePanel.h"
#include "ConversionNotesBox.h"
#include "ConvertMenuItems.h"
#include "CookieInputPanel.h"
#include "ErrorText.h"
#include "HistoryDialog.h"
#include "JsonEditorPanel.h"
#include "KeyLabel.h"
#include "KeyRingDialog.h"
#include "KeyRingStore.h"
#include "ManualDialog.h"
#include "PreferencesDialog.h"
#include "PythonViewPanel.h"
#include "ResealPanel.h"
#include "SecretAuditDialog.h"
#include "SessionEditCommand.h"
#include "SessionTreePanel.h"
#include "ShortcutsDialog.h"
#include "SizePanel.h"
#include "UndoActions.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace sessionlens::gui {

namespace {
constexpr int kStatusTimeoutMs = 5000;
// How far each new Audit window sits from the one before.
constexpr int kCascadeStep = 36;
constexpr int kTreeShare = 650;
constexpr int kTextShare = 350;
} // namespace

MainWindow::MainWindow(AppSettings &settings, KeyRingStore &keys, RecoveryStore &recovery,
                       QWidget *parent)
    : QMainWindow(parent), m_settings(settings), m_keys(keys), m_recovery(recovery)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/sessionlens.png")));
    m_controller = new InspectorController(m_settings, m_keys, this);

    m_input = new CookieInputPanel(*m_controller, this);
    m_tree = new SessionTreePanel(m_controller->model(), m_controller->undoStack(), this);
    m_json = new JsonEditorPanel(*m_controller, this);
    m_python = new PythonViewPanel(*m_controller, this);
    m_compare = new ComparePanel(*m_controller, this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_json, tr("&JSON"));
    m_tabs->addTab(m_python, tr("&Python"));
    m_tabs->addTab(m_compare, tr("C&ompare"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // Shares, not pixels: the splitter scales them to its width, so the tree keeps room for
    // its values in a small window too.
    splitter->setSizes({kTreeShare, kTextShare});
    m_workArea = splitter;
    // Said over the greyed-out session when the last text given did not open: the window never
    // shows an old session under a new error as if they belonged together.
    m_staleBanner = new QLabel(this);
    m_staleBanner->setObjectName(QStringLiteral("staleBanner"));
    m_staleBanner->setWordWrap(true);
    m_staleBanner->setStyleSheet(
        QStringLiteral("QLabel { background:#fff3cd; color:#5c4400; padding:6px; "
                       "border:1px solid #e0c36a; }"));
    m_staleBanner->hide();
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_input);
    layout->addWidget(m_staleBanner);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_reseal = new ResealPanel(*m_controller, m_settings, this);
    m_resealDock = new QDockWidget(tr("New Cookie"), this);
    m_resealDock->setObjectName(QStringLiteral("resealDock"));
    m_resealDock->setWidget(m_reseal);
    addDockWidget(Qt::RightDockWidgetArea, m_resealDock);
    m_sizes = new SizePanel(*m_controller, this);
    auto *sizeScroll = new QScrollArea(this);
    sizeScroll->setObjectName(QStringLiteral("sizeScroll"));
    sizeScroll->setWidgetResizable(true);
    sizeScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    sizeScroll->setFrameShape(QFrame::NoFrame);
    sizeScroll->setWidget(m_sizes);
    m_sizeDock = new QDockWidget(tr("Sizes"), this);
    m_sizeDock->setObjectName(QStringLiteral("sizeDock"));
    m_sizeDock->setWidget(sizeScroll);
    addDockWidget(Qt::RightDockWidgetArea, m_sizeDock);

    // One network access manager for the window, shared by every capture.
    m_network = new QNetworkAccessManager(this);
    m_capture = new CaptureController(*m_network, m_keys, *m_controller, m_settings, this);
    m_capturePanel = new CapturePanel(*m_capture, this);
    m_captureDock = new CaptureDock(m_capturePanel, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_captureDock);
    connect(m_input, &CookieInputPanel::captureFilesDropped, m_capture,
            [this](const QStringList &paths) { m_capture->importFiles(paths); });
    connect(m_capture, &CaptureController::message, this, &MainWindow::showStatus);

    m_persistence = new DocumentPersistence(*m_controller, m_recovery, m_settings, this);
    connect(m_persistence, &DocumentPersistence::message, this, &MainWindow::showStatus);
    m_controller->setReplaceGuard([this] { return confirmReplacingEdits(); });
    // The key store answers when it can (a keychain may first ask to be unlocked): the window
    // says it waits, and a cookie that failed meanwhile is tried again with the keys.
    m_keyWait = new QLabel(this);
    m_keyWait->setObjectName(QStringLiteral("keyWait"));
    statusBar()->addPermanentWidget(m_keyWait);
    m_keyWait->hide();
    connect(&m_keys, &KeyRingStore::loadingChanged, this, [this](bool loading) {
        m_keyWait->setText(loading ? tr("Waiting for %1...").arg(m_keys.store().label())
                                   : QString());
        m_keyWait->setVisible(loading);
    });
    connect(&m_keys, &KeyRingStore::loadFinished, this, [this] {
        if (!m_controller->lastOpen().hasSession() && !m_input->text().trimmed().isEmpty())
            m_controller->openText(m_input->text());
    });

    createMenus();
    connect(m_controller, &InspectorController::opened, this, &MainWindow::onOpened);
    connect(&m_controller->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_controller, &InspectorController::documentReplaced, this,
            &MainWindow::updateStaleState);
    connect(&m_controller->model(), &SessionTreeModel::editRejected, this, &MainWindow::showStatus);
    connect(m_tree, &SessionTreePanel::statusMessage, this, &MainWindow::showStatus);
    connect(m_reseal, &ResealPanel::statusMessage, this, &MainWindow::showStatus);
    connect(&m_controller->model(), &SessionTreeModel::sessionChanged, this,
            &MainWindow::updateTitle);

    // A status line longer than the bar is cut at its edge: the whole text is its tooltip.
    connect(statusBar(), &QStatusBar::messageChanged, statusBar(), &QWidget::setToolTip);

    resize(1360, 860);
    restoreGeometry(m_settings.bytes(AppSettings::Key::WindowGeometry));
    m_layoutRestored = restoreState(m_settings.bytes(AppSettings::Key::WindowState));
    m_controller->refresh();
    updateTitle();
    statusBar()->showMessage(tr("Paste a cookie to begin. Keys: %1").arg(m_keys.store().label()));
}

MainWindow::~MainWindow()
{
    // The controller is a child and dies after this body; its undo stack emits while it
    // is cleared. Nothing of it may reach this half-destroyed window.
    m_controller->setReplaceGuard({});
    disconnect(m_persistence, nullptr, this, nullptr);
    disconnect(&m_controller->undoStack(), nullptr, this, nullptr);
    disconnect(&m_controller->model(), nullptr, this, nullptr);
    disconnect(m_controller, nullptr, this, nullptr);
    disconnect(m_capture, nullptr, this, nullptr);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *openCookie =
        file->addAction(tr("Open &Cookie File..."), this, &MainWindow::openCookieFile);
    openCookie->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open Session &JSON..."), this, &MainWindow::openSession)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addAction(tr("&Save Session as JSON..."), this, &MainWindow::saveSession)
        ->setShortcut(QKeySequence::Save);
    file->addAction(tr("&Import Captured Cookies..."), this, &MainWindow::importCaptures)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    file->addAction(tr("&Audit Files..."), this,
                    [this] {
                        const QStringList paths = QFileDialog::getOpenFileNames(
                            this, tr("Audit Files"), QString(),
                            tr("Captures (*.txt *.log *.har *.list);;All files (*)"));
                        if (!paths.isEmpty())
                            auditFiles(paths);
                    })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_historyMenu = file->addMenu(tr("&History"));
    connect(m_historyMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildHistoryMenu);
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    auto *undo = new UndoActions(m_controller->undoStack(), this);
    edit->addAction(undo->undo());
    edit->addAction(undo->redo());
    edit->addSeparator();
    for (QAction *action : m_tree->editActions())
        edit->addAction(action);
    edit->addSeparator();
    auto *converts = new ConvertMenuItems(
        *edit, *m_controller, [this](const CookieFormat *format) { convertSession(format); }, this);
    edit->addSeparator();
    QAction *preferences =
        edit->addAction(tr("&Preferences..."), this, &MainWindow::showPreferences);
    converts->assignLetters();
    // Only some platforms bind Preferences (macOS, KDE); elsewhere Ctrl+, as GNOME apps use.
    preferences->setShortcuts(QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty()
                                  ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)}
                                  : QKeySequence::keyBindings(QKeySequence::Preferences));

    QMenu *keys = menuBar()->addMenu(tr("&Keys"));
    keys->addAction(tr("&Key Ring..."), this, &MainWindow::showKeyRing)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    keys->addAction(tr("&Audit Signing Secret..."), this, &MainWindow::showSecretAudit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Manual"), this, [this] { showManual(QStringLiteral("The window")); })
        ->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    help->addAction(tr("&About SessionLens"), this, &MainWindow::showAbout);
}

void MainWindow::updateTitle()
{
    const QString key = KeyLabel::shortName(m_controller->document().keyName());
    QString title = key.isEmpty() ? tr("SessionLens") : tr("SessionLens — key \"%1\"").arg(key);
    // The title belongs to the greyed-out session too: it says that the last text did not open.
    if (m_controller->isShowingPrevious())
        title = tr("%1 (last text did not open)").arg(title);
    setWindowTitle(title + QStringLiteral("[*]"));
    setWindowModified(!m_controller->undoStack().isClean());
}

void MainWindow::onOpened(const InspectorController::OpenResult &result)
{
    updateStaleState();
    if (!result.hasSession()) {
        statusBar()->showMessage(ErrorText::describe(*result.error));
        return;
    }
    showStatus(tr("Opened: %n top-level key(s)", nullptr, int(result.opened.session().size())));
    updateTitle();
}

void MainWindow::showStatus(const QString &text)
{
    statusBar()->showMessage(text, kStatusTimeoutMs);
}

QString MainWindow::previousSessionBanner() const
{
    return m_staleBanner->isVisible() ? m_staleBanner->text() : QString();
}

void MainWindow::updateStaleState()
{
    const bool stale = m_controller->isShowingPrevious();
    // "Your edits are kept" only when there are edits to keep.
    m_staleBanner->setText(
        !stale ? QString()
        : m_controller->undoStack().isClean()
            ? tr("The text above did not open, so this is still the last session that did; it "
                 "is greyed out until a cookie opens.")
            : tr("The text above did not open, so this is still the last session that did; "
                 "it is greyed out until a cookie opens. Your edits to it are kept."));
    m_staleBanner->setVisible(stale);
    m_workArea->setEnabled(!stale);
    m_resealDock->widget()->setEnabled(!stale);
    m_sizeDock->widget()->setEnabled(!stale);
    updateTitle();
}

bool MainWindow::confirmReplacingEdits()
{
    const auto choice = QMessageBox::question(
        this, tr("Unsaved Edits"),
        tr("The session has edits that are not saved. Save them as JSON before opening another "
           "session?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (choice == QMessageBox::Cancel)
        return false;
    if (choice == QMessageBox::Save) {
        saveSession();
        return m_controller->undoStack().isClean();
    }
    return true;
}

void MainWindow::rebuildHistoryMenu()
{
    m_historyMenu->clear();
    const auto entries = m_persistence->history();
    if (entries.isEmpty())
        m_historyMenu->addAction(tr("(empty)"))->setEnabled(false);
    for (const auto &entry : entries) {
        const QString label = tr("%1 — %2 bytes of JSON, key \"%3\"")
                                  .arg(QLocale().toString(entry.openedAt, QLocale::ShortFormat))
                                  .arg(entry.jsonBytes)
                                  .arg(entry.keyName);
        const QByteArray cookie = entry.cookie;
        m_historyMenu->addAction(label, this,
                                 [this, cookie] { m_input->setText(QString::fromLatin1(cookie)); });
    }
    m_historyMenu->addSeparator();
    m_historyMenu->addAction(tr("&Browse and Compare..."), this, &MainWindow::browseHistory)
        ->setEnabled(!entries.isEmpty());
    m_historyMenu->addAction(tr("Clear History"), this, [this] { m_persistence->clearHistory(); });
}

SizeAudit::Options MainWindow::auditOptions() const
{
    SizeAudit::Options options;
    for (qsizetype i = 0; i < m_keys.ring().size(); ++i)
        options.keys.append(m_keys.ring().at(i));
    options.signer = m_controller->signerOptions();
    options.cookieName = m_settings.string(AppSettings::Key::CookieName).toLatin1();
    return options;
}

AuditDialog *MainWindow::auditFiles(const QStringList &paths)
{
    // Each audit its own window, over the one before but not on top of it.
    AuditDialog *previous = nullptr;
    for (AuditDialog *open : findChildren<AuditDialog *>())
        if (open->isVisible())
            previous = open;
    auto *dialog = new AuditDialog(auditOptions(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AuditDialog::openCookie, this, [this](const QString &text) {
        m_input->setText(text);
        raise();
        activateWindow();
    });
    dialog->show();
    if (previous)
        dialog->move(previous->pos() + QPoint(kCascadeStep, kCascadeStep));
    if (m_keys.isLoading()) {
        // Started with half the ring, the audit would count every cookie of the other keys as
        // failed: it waits for the store, and says so.
        dialog->showWaiting(
            tr("Waiting for %1 before opening any cookie...").arg(m_keys.store().label()));
        connect(
            &m_keys, &KeyRingStore::loadFinished, dialog,
            [this, dialog, paths] {
                dialog->setOptions(auditOptions());
                dialog->start(paths);
            },
            Qt::SingleShotConnection);
    } else {
        dialog->start(paths);
    }
    return dialog;
}

HistoryDialog *MainWindow::browseHistory()
{
    auto *dialog = new HistoryDialog(m_persistence->history(), m_keys.ring(),
                                     m_controller->signerOptions(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &HistoryDialog::openRequested, this,
            [this](const QByteArray &cookie) { m_input->setText(QString::fromLatin1(cookie)); });
    dialog->show();
    return dialog;
}

bool MainWindow::offerRecovery(bool ask)
{
    const auto autosave = m_persistence->pendingAutosave();
    if (!autosave)
        return false;
    if (ask && QMessageBox::question(
                   this, tr("Restore Unsaved Edits"),
                   tr("SessionLens was closed with unsaved edits (%1). Restore them?")
                       .arg(QLocale().toString(autosave->savedAt, QLocale::ShortFormat))) !=
                   QMessageBox::Yes) {
        m_persistence->discardAutosave();
        return false;
    }
    if (auto restored = m_persistence->restore(*autosave); !restored) {
        showStatus(tr("The autosaved session could not be read: %1")
                       .arg(ErrorText::describe(restored.error())));
        return false;
    }
    showStatus(tr("Restored the autosaved session."));
    return true;
}

bool MainWindow::saveSessionTo(const QString &path)
{
    if (auto saved = m_persistence->saveTo(path); !saved) {
        QMessageBox::warning(this, tr("Save Session"), ErrorText::describe(saved.error()));
        return false;
    }
    showStatus(tr("Saved %1").arg(path));
    return true;
}

bool MainWindow::openSessionFrom(const QString &path)
{
    if (auto opened = m_persistence->openFrom(path); !opened) {
        QMessageBox::warning(this, tr("Open Session"), ErrorText::describe(opened.error()));
        return false;
    }
    showStatus(tr("Opened %1").arg(path));
    return true;
}

void MainWindow::saveSession()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Session as JSON"),
                                                      QStringLiteral("session.json"),
                                                      tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        saveSessionTo(path);
}

void MainWindow::openSession()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Session JSON"), QString(),
                                                      tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openSessionFrom(path);
}

void MainWindow::openCookieFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Cookie File"), QString(), tr("Text files (*.txt *.cookie);;All files (*)"));
    if (!path.isEmpty())
        m_input->loadFile(path);
}

void MainWindow::showKeyRing()
{
    KeyRingDialog dialog(m_keys, this);
    dialog.exec();
    // A new key may open the cookie that failed before.
    if (!m_controller->lastOpen().ok() && !m_input->text().trimmed().isEmpty())
        m_controller->openText(m_input->text());
}

void MainWindow::showSecretAudit()
{
    const auto &last = m_controller->lastOpen();
    const CookieFormat *format = last.format();
    if (!format || format->keyKind() != CookieFormat::KeyKind::Secret ||
        last.cookie.value.isEmpty()) {
        QMessageBox::information(
            this, tr("Audit Signing Secret"),
            tr("Open a signed cookie first: the audit tries secrets against its signature."));
        return;
    }
    SecretAuditDialog dialog(last.cookie.value, format, m_keys, this);
    dialog.exec();
    if (!dialog.foundSecret().isEmpty())
        m_controller->openText(m_input->text());
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_controller->model().setBytesForm(m_settings.bytesForm());
    m_controller->setCompression(
        InspectorController::compressionFromName(m_settings.string(AppSettings::Key::Compression)));
}

void MainWindow::importCaptures()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import Captured Cookies"), QString(),
        tr("Captures (*.har *.txt *.sqlite Cookies *.list);;All files (*)"));
    if (!paths.isEmpty())
        m_capture->importFiles(paths);
}

void MainWindow::showManual(const QString &section)
{
    auto *manual = new ManualDialog(this);
    manual->setAttribute(Qt::WA_DeleteOnClose);
    manual->show();
    manual->showSection(section);
}

QList<SessionConverter::Note> MainWindow::convertSession(const CookieFormat *target)
{
    const QString name = target->displayName();
    auto converted = m_controller->convertTo(target);
    if (!converted) {
        showStatus(tr("Not converted to %1: %2").arg(name, ErrorText::describe(converted.error())));
        return {};
    }
    const QList<SessionConverter::Note> notes = std::move(converted).value();
    updateTitle();
    if (notes.isEmpty()) {
        showStatus(tr("Converted to %1: every value carries over as it is.").arg(name));
        return notes;
    }
    auto *box = new ConversionNotesBox(name, notes, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->show();
    return notes;
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(*menuBar(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About SessionLens"), AboutText::html());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_layoutRestored || m_dockSized)
        return;
    m_dockSized = true;
    // The inspector comes first: capture starts as a strip the user can pull up. Sized once
    // shown: before, the main window's layout has not yet divided its height and ignores it.
    resizeDocks({m_captureDock}, {m_captureDock->stripHeight()}, Qt::Vertical);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_controller->undoStack().isClean()) {
        const auto choice = QMessageBox::question(
            this, tr("Unsaved Edits"), tr("Save the edited session as JSON before closing?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        if (choice == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (choice == QMessageBox::Save) {
            saveSession();
            if (!m_controller->undoStack().isClean()) {
                event->ignore();
                return;
            }
        }
    }
    m_persistence->discardAutosave();
    m_settings.setValue(AppSettings::Key::WindowGeometry, saveGeometry());
    m_settings.setValue(AppSettings::Key::WindowState, saveState());
    m_settings.sync();
    event->accept();
}

} // namespace sessionlens::gui
