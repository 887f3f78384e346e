#pragma once

#include "AppSettings.h"
#include "DocumentPersistence.h"
#include "InspectorController.h"
#include "audit/SizeAudit.h"
#include "document/RecoveryStore.h"

#include <QMainWindow>
#include <QTimer>

class QDockWidget;
class QLabel;
class QTabWidget;

class QNetworkAccessManager;

namespace sessionlens {
class KeyRingStore;
} // namespace sessionlens

namespace sessionlens::gui {

class AuditDialog;
class ComparePanel;
class HistoryDialog;
class CookieInputPanel;
class JsonEditorPanel;
class PythonViewPanel;
class ResealPanel;
class SessionTreePanel;
class CaptureController;
class CaptureDock;
class CapturePanel;
class SizePanel;

/// The inspector window: wires the panels to one InspectorController.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(AppSettings &settings, KeyRingStore &keys, RecoveryStore &recovery,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] InspectorController &controller() { return *m_controller; }
    [[nodiscard]] CookieInputPanel *cookieInput() const { return m_input; }
    [[nodiscard]] SessionTreePanel *treePanel() const { return m_tree; }
    [[nodiscard]] JsonEditorPanel *jsonPanel() const { return m_json; }
    [[nodiscard]] PythonViewPanel *pythonPanel() const { return m_python; }
    [[nodiscard]] ComparePanel *comparePanel() const { return m_compare; }
    [[nodiscard]] ResealPanel *resealPanel() const { return m_reseal; }
    [[nodiscard]] SizePanel *sizePanel() const { return m_sizes; }
    [[nodiscard]] QTabWidget *textTabs() const { return m_tabs; }
    [[nodiscard]] CaptureController &capture() { return *m_capture; }
    [[nodiscard]] CapturePanel *capturePanel() const { return m_capturePanel; }

    [[nodiscard]] DocumentPersistence &persistence() { return *m_persistence; }
    /// Offers back an autosaved session; with `ask` false it restores without asking.
    bool offerRecovery(bool ask);
    bool saveSessionTo(const QString &path);
    bool openSessionFrom(const QString &path);
    /// File > Audit Files: the sizes of every cookie in the files, in the background (after
    /// the key store has answered, when it is still loading).
    AuditDialog *auditFiles(const QStringList &paths);
    /// File > History > Browse and Compare: a preview of each entry, the diff of two.
    HistoryDialog *browseHistory();
    /// Edit > Convert: the session in the other format, with a note for each value changed.
    QList<SessionConverter::Note> convertSession(const CookieFormat *target);
    /// The banner over the tree when the last text given did not open (empty when hidden).
    [[nodiscard]] QString previousSessionBanner() const;

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    [[nodiscard]] SizeAudit::Options auditOptions() const;
    void createMenus();
    void updateTitle();
    void updateStaleState();
    /// Save / Discard / Cancel before unsaved edits are replaced; true to go on.
    bool confirmReplacingEdits();
    void showStatus(const QString &text);
    void rebuildHistoryMenu();
    void onOpened(const InspectorController::OpenResult &result);
    void showKeyRing();
    void showSecretAudit();
    void showPreferences();
    void saveSession();
    void openSession();
    void openCookieFile();
    void showAbout();
    void showShortcuts();
    void showManual(const QString &section);
    void importCaptures();

    AppSettings &m_settings;
    KeyRingStore &m_keys;
    RecoveryStore &m_recovery;
    InspectorController *m_controller = nullptr;
    CookieInputPanel *m_input = nullptr;
    SessionTreePanel *m_tree = nullptr;
    QTabWidget *m_tabs = nullptr;
    JsonEditorPanel *m_json = nullptr;
    PythonViewPanel *m_python = nullptr;
    ComparePanel *m_compare = nullptr;
    ResealPanel *m_reseal = nullptr;
    SizePanel *m_sizes = nullptr;
    QMenu *m_historyMenu = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    CaptureController *m_capture = nullptr;
    bool m_layoutRestored = false; ///< the user's own dock layout came back from settings
    bool m_dockSized = false;
    CapturePanel *m_capturePanel = nullptr;
    CaptureDock *m_captureDock = nullptr;
    DocumentPersistence *m_persistence = nullptr;
    QLabel *m_staleBanner = nullptr;
    QLabel *m_keyWait = nullptr;
    QWidget *m_workArea = nullptr;
    QDockWidget *m_resealDock = nullptr;
    QDockWidget *m_sizeDock = nullptr;
};

} // namespace sessionlens::gui
