#pragma once

#include "audit/SecretAudit.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace sessionlens {
class KeyRingStore;
} // namespace sessionlens

namespace sessionlens::gui {

/**
 * Weak-secret audit of a signed cookie, in the background: a wordlist and the
 * built-in list on all cores, with progress, an ETA and cancel. A found secret
 * can go straight into the key ring.
 */
class SecretAuditDialog : public QDialog
{
    Q_OBJECT

public:
    /// `format`: the format the cookie was opened as; nullptr lets the audit tell by its shape.
    SecretAuditDialog(QByteArray cookie, const CookieFormat *format, KeyRingStore &keys,
                      QWidget *parent = nullptr);
    ~SecretAuditDialog() override;

    void setWordlist(const QString &path);
    void start();
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] QString resultText() const;
    /// The secret found by the last run (empty when none).
    [[nodiscard]] const SecureBytes &foundSecret() const { return m_found; }

Q_SIGNALS:
    void finished();

private:
    void showProgress(const SecretAudit::Progress &progress);
    void showOutcome(const Result<SecretAudit::Outcome> &outcome);
    void addToKeyRing();

    QByteArray m_cookie;
    const CookieFormat *m_format = nullptr;
    KeyRingStore &m_keys;
    QLineEdit *m_wordlist = nullptr;
    QSpinBox *m_threads = nullptr;
    QCheckBox *m_builtIn = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLineEdit *m_secret = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_add = nullptr;
    // Shared with the worker, which may outlive a cancelled run's dialog state but never the
    // dialog: the destructor stops it and waits.
    std::shared_ptr<std::atomic<bool>> m_stop = std::make_shared<std::atomic<bool>>(false);
    QFutureWatcher<Result<SecretAudit::Outcome>> m_watcher;
    bool m_running = false;
    SecureBytes m_found;
};

} // namespace sessionlens::gui
