#pragma once

#include "Result.h"
#include "audit/FileListAudit.h"
#include "audit/SizeAudit.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

namespace sessionlens::gui {

/**
 * The window's batch audit, without widgets: audits files on a worker (FileListAudit, as the
 * command line does), reports progress, can be cancelled, and reads an example cookie of a
 * size bucket or a key back from where the audit saw it.
 */
class AuditController : public QObject
{
    Q_OBJECT

public:
    using Place = FileListAudit::Place;
    using Outcome = FileListAudit::Outcome;

    explicit AuditController(QObject *parent = nullptr);
    ~AuditController() override;

    void start(QStringList paths, SizeAudit::Options options);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_watcher.isRunning(); }
    [[nodiscard]] const Outcome &outcome() const { return m_outcome; }
    [[nodiscard]] const QStringList &paths() const { return m_paths; }

    /// "<file>: <why>" for each file that could not be read.
    [[nodiscard]] QStringList failureTexts() const;
    /// The text of the example line (a cookie or a header line), read again from its file.
    [[nodiscard]] Result<QString> exampleText(const Place &place) const;

Q_SIGNALS:
    void progress(qint64 bytesDone, qint64 bytesTotal, quint64 cookies);
    void finished();

private:
    QStringList m_paths;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<Outcome> m_watcher;
    Outcome m_outcome;
};

} // namespace sessionlens::gui
