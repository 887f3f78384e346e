#include "MainWindow.h"

#include "CaptureController.h"
#include "CapturePanel.h"
#include "ComparePanel.h"
#include "CookieInputPanel.h"
#include "ErrorText.h"
#include "JsonEditorPanel.h"
#include "KeyRingDialog.h"
#include "KeyRingStore.h"
#include "ManualDialog.h"
#include "PreferencesDialog.h"
#include "PythonViewPanel.h"
#include "ResealPanel.h"
#include "SecretAuditDialog.h"
#include "SessionEditCommand.h"
#include "SessionTreePanel.h"
#include "SizePanel.h"
#include "crypto/OpenSslInfo.h"
#include "formats/ZlibCodec.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonWriter.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace sessionlens::gui {

namespace {
// Autosave shortly after typing stops, so a crash loses at most this much.
constexpr int kAutosaveDelayMs = 800;
constexpr int kStatusTimeoutMs = 5000;
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
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_input);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_reseal = new ResealPanel(*m_controller, m_settings, this);
    auto *resealDock = new QDockWidget(tr("New Cookie"), this);
    resealDock->setObjectName(QStringLiteral("resealDock"));
    resealDock->setWidget(m_reseal);
    addDockWidget(Qt::RightDockWidgetArea, resealDock);
    m_sizes = new SizePanel(*m_controller, this);
    auto *sizeScroll = new QScrollArea(this);
    sizeScroll->setWidgetResizable(true);
    sizeScroll->setFrameShape(QFrame::NoFrame);
    sizeScroll->setWidget(m_sizes);
    auto *sizeDock = new QDockWidget(tr("Sizes"), this);
    sizeDock->setObjectName(QStringLiteral("sizeDock"));
    sizeDock->setWidget(sizeScroll);
    addDockWidget(Qt::RightDockWidgetArea, sizeDock);

    // One network access manager for the window, shared by every capture.
    m_network = new QNetworkAccessManager(this);
    m_capture = new CaptureController(*m_network, m_keys, *m_controller, m_settings, this);
    m_capturePanel = new CapturePanel(*m_capture, this);
    auto *captureDock = new QDockWidget(tr("Capture"), this);
    captureDock->setObjectName(QStringLiteral("captureDock"));
    captureDock->setWidget(m_capturePanel);
    addDockWidget(Qt::BottomDockWidgetArea, captureDock);
    connect(m_input, &CookieInputPanel::captureFilesDropped, m_capture,
            [this](const QStringList &paths) { m_capture->importFiles(paths); });
    connect(m_capture, &CaptureController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusTimeoutMs); });

    createMenus();
    connect(m_controller, &InspectorController::opened, this, &MainWindow::onOpened);
    connect(&m_controller->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(&m_controller->model(), &SessionTreeModel::editRejected, this,
            [this](const QString &reason) { statusBar()->showMessage(reason, kStatusTimeoutMs); });
    connect(m_tree, &SessionTreePanel::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, kStatusTimeoutMs);
    });
    connect(m_reseal, &ResealPanel::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, kStatusTimeoutMs);
    });

    m_autosaveTimer.setSingleShot(true);
    m_autosaveTimer.setInterval(kAutosaveDelayMs);
    connect(&m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosaveNow);
    connect(&m_controller->model(), &SessionTreeModel::sessionChanged, this, [this] {
        updateTitle();
        if (!m_controller->undoStack().isClean())
            m_autosaveTimer.start();
    });

    resize(1360, 860);
    restoreGeometry(m_settings.bytes(AppSettings::Key::WindowGeometry));
    restoreState(m_settings.bytes(AppSettings::Key::WindowState));
    m_controller->refresh();
    updateTitle();
    statusBar()->showMessage(tr("Paste a cookie to begin. Keys: %1").arg(m_keys.store().label()));
}

MainWindow::~MainWindow()
{
    // The controller is a child and dies after this body; its undo stack emits while it
    // is cleared. Nothing of it may reach this half-destroyed window.
    m_autosaveTimer.stop();
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
    m_historyMenu = file->addMenu(tr("&History"));
    connect(m_historyMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildHistoryMenu);
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_controller->undoStack().createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_controller->undoStack().createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    for (QAction *action : m_tree->editActions())
        edit->addAction(action);
    edit->addSeparator();
    edit->addAction(tr("&Preferences..."), this, &MainWindow::showPreferences)
        ->setShortcut(QKeySequence::Preferences);

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
    help->addAction(tr("&About SessionLens"), this, &MainWindow::showAbout);
}

void MainWindow::updateTitle()
{
    const QString key = m_controller->document().keyName();
    setWindowTitle((key.isEmpty() ? tr("SessionLens") : tr("SessionLens — key \"%1\"").arg(key)) +
                   QStringLiteral("[*]"));
    setWindowModified(!m_controller->undoStack().isClean());
}

void MainWindow::onOpened(const InspectorController::OpenResult &result)
{
    if (!result.hasSession()) {
        statusBar()->showMessage(ErrorText::describe(*result.error));
        return;
    }
    m_recovery.clearAutosave();
    if (m_settings.value(AppSettings::Key::HistoryEnabled).toBool()) {
        const auto remembered =
            m_recovery.addToHistory({QDateTime::currentDateTime(), result.cookie.value,
                                     result.keyName, result.opened.json().size()});
        if (!remembered) {
            statusBar()->showMessage(
                tr("Not kept in the history: %1").arg(ErrorText::describe(remembered.error())),
                kStatusTimeoutMs);
            updateTitle();
            return;
        }
    }
    statusBar()->showMessage(
        tr("Opened: %n top-level key(s)", nullptr, int(result.opened.session().size())),
        kStatusTimeoutMs);
    updateTitle();
}

void MainWindow::rebuildHistoryMenu()
{
    m_historyMenu->clear();
    const auto entries = m_recovery.history();
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
    m_historyMenu->addAction(tr("Clear History"), this, [this] { m_recovery.clearHistory(); });
}

void MainWindow::autosaveNow()
{
    m_autosaveTimer.stop();
    if (m_controller->undoStack().isClean()) {
        m_recovery.clearAutosave();
        return;
    }
    const auto written = m_recovery.writeAutosave(
        {m_controller->document().originalCookie(), m_controller->sealKeyName(),
         PythonJsonWriter::write(m_controller->document().root(), m_controller->jsonStyle()),
         QDateTime::currentDateTime(), m_controller->isSigned()});
    if (!written)
        statusBar()->showMessage(ErrorText::describe(written.error()), kStatusTimeoutMs);
}

bool MainWindow::offerRecovery(bool ask)
{
    const auto autosave = m_recovery.readAutosave();
    if (!autosave)
        return false;
    if (ask && QMessageBox::question(
                   this, tr("Restore Unsaved Edits"),
                   tr("SessionLens was closed with unsaved edits (%1). Restore them?")
                       .arg(QLocale().toString(autosave->savedAt, QLocale::ShortFormat))) !=
                   QMessageBox::Yes) {
        m_recovery.clearAutosave();
        return false;
    }
    PythonJsonReader::Options dialect;
    dialect.dialect = autosave->flaskSigned ? PythonJsonReader::Dialect::FlaskTagged
                                            : PythonJsonReader::Dialect::EncryptedSession;
    auto original = PythonJsonReader::read(autosave->sessionJson, dialect);
    if (!original || original->type() != SessionValue::Type::Dict) {
        statusBar()->showMessage(tr("The autosaved session could not be read."), kStatusTimeoutMs);
        return false;
    }
    // Start from the cookie's own session when it still opens, so Compare shows the edits.
    if (!autosave->originalCookie.isEmpty() &&
        m_controller->openText(QString::fromLatin1(autosave->originalCookie)).ok()) {
        SessionValue before = m_controller->document().root();
        m_controller->undoStack().push(SessionEditCommand::replace(
            m_controller->model(), {}, std::move(before), std::move(original).value()));
    } else {
        m_controller->setFormat(autosave->flaskSigned ? FormatDetector::Format::FlaskSigned
                                                      : FormatDetector::Format::EncryptedSession);
        m_controller->loadSession(std::move(original).value(), autosave->keyName,
                                  autosave->originalCookie);
        m_controller->undoStack().resetClean();
    }
    statusBar()->showMessage(tr("Restored the autosaved session."), kStatusTimeoutMs);
    return true;
}

bool MainWindow::saveSessionTo(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        QMessageBox::warning(
            this, tr("Save Session"),
            ErrorText::describe(Error::make(ErrorCategory::Io, file.errorString(), path)));
        return false;
    }
    file.write(PythonJsonWriter::write(m_controller->document().root(), m_controller->jsonStyle()));
    file.write("\n");
    if (!file.commit()) {
        QMessageBox::warning(
            this, tr("Save Session"),
            ErrorText::describe(Error::make(ErrorCategory::Io, file.errorString(), path)));
        return false;
    }
    m_controller->undoStack().setClean();
    m_recovery.clearAutosave();
    statusBar()->showMessage(tr("Saved %1").arg(path), kStatusTimeoutMs);
    return true;
}

bool MainWindow::openSessionFrom(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(
            this, tr("Open Session"),
            ErrorText::describe(Error::make(ErrorCategory::Io, file.errorString(), path)));
        return false;
    }
    auto session = PythonJsonReader::read(file.read(ZlibCodec::kDefaultMaxInflatedSize),
                                          m_controller->jsonReadOptions());
    if (session && session->type() != SessionValue::Type::Dict)
        session = Error::make(ErrorCategory::Json, tr("a session is a JSON object { ... }"));
    if (!session) {
        QMessageBox::warning(this, tr("Open Session"), ErrorText::describe(session.error()));
        return false;
    }
    m_controller->loadSession(std::move(session).value(), m_controller->sealKeyName());
    statusBar()->showMessage(tr("Opened %1").arg(path), kStatusTimeoutMs);
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
    if (!last.isSigned() || last.cookie.value.isEmpty()) {
        QMessageBox::information(
            this, tr("Audit Signing Secret"),
            tr("Open a Flask signed cookie first: the audit tries secrets against its signature."));
        return;
    }
    SecretAuditDialog dialog(last.cookie.value, m_keys, this);
    dialog.exec();
    if (!dialog.foundSecret().isEmpty())
        m_controller->openText(m_input->text());
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_controller->model().setBytesForm(m_settings.string(AppSettings::Key::BytesDisplay) ==
                                               QLatin1String("base64")
                                           ? ValueText::BytesForm::Base64
                                           : ValueText::BytesForm::Hex);
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

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About SessionLens"), aboutText());
}

QString MainWindow::aboutText()
{
    return tr("<b>SessionLens %1</b><p>Opens, edits and re-seals Flask session cookies of both "
              "formats: "
              "EncryptedSession (AES-EAX, with a key) and Flask's default signed cookie "
              "(itsdangerous, "
              "readable without a key). Captures them from the app, the browser and HAR files, and "
              "shows "
              "what they cost.</p>"
              "<p>Built with Qt %2 (LGPL-3.0), OpenSSL %3 (Apache-2.0), zlib %4 (zlib license), "
              "QtKeychain (BSD-3-Clause), libsecret (LGPL-2.1) and http-parser (MIT).</p>"
              "<p>The manual: Help ▸ Manual (F1).</p>")
        .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
             QString::fromLatin1(OpenSslInfo::version()),
             QString::fromLatin1(ZlibCodec::version()));
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
    m_recovery.clearAutosave();
    m_settings.setValue(AppSettings::Key::WindowGeometry, saveGeometry());
    m_settings.setValue(AppSettings::Key::WindowState, saveState());
    m_settings.sync();
    event->accept();
}

} // namespace sessionlens::gui
