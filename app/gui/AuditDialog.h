#pragma once

#include "AuditController.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;

namespace sessionlens::gui {

class AuditHistogram;
class SizeChart;

/**
 * File ▸ Audit Files: what session cookies cost across whole captures. The audit runs in
 * the background with progress and Cancel; the cookie sizes are plotted against the
 * 4093/4096 limits, the costliest keys as bars, and failures by step. A click on a bar
 * opens an example cookie of that size or with that key in the inspector. Files dropped
 * here are audited too.
 */
class AuditDialog : public QDialog
{
    Q_OBJECT

public:
    AuditDialog(SizeAudit::Options options, QWidget *parent = nullptr);

    void start(const QStringList &paths);
    /// The keys to open cookies with, for the next start().
    void setOptions(SizeAudit::Options options) { m_options = std::move(options); }
    /// Says what the audit waits for before it starts (the key store, say).
    void showWaiting(const QString &text);
    [[nodiscard]] AuditController &controller() { return m_controller; }
    [[nodiscard]] AuditHistogram *histogram() const { return m_histogram; }
    [[nodiscard]] SizeChart *keyChart() const { return m_keys; }
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString failuresText() const;
    /// The line over the progress: what is audited, and whether it is done.
    [[nodiscard]] QString headingText() const;
    /// The keys in the bars, largest first.
    [[nodiscard]] const QStringList &shownKeys() const { return m_shownKeys; }

    static constexpr int kShownKeys = 15;

Q_SIGNALS:
    /// A cookie (or header line) to open in the inspector.
    void openCookie(const QString &text);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void showOutcome();
    void openExample(const AuditController::Place &place);

    SizeAudit::Options m_options;
    AuditController m_controller;
    QLabel *m_files = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_summary = nullptr;
    AuditHistogram *m_histogram = nullptr;
    SizeChart *m_keys = nullptr;
    QLabel *m_failures = nullptr;
    QStringList m_shownKeys;
    QString m_names; // the audited files' names, for the title and the heading
};

} // namespace sessionlens::gui
