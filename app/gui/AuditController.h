#pragma once

#include "Result.h"
#include "audit/SizeAudit.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

namespace sessionlens::gui {

/**
 * The window's batch audit, without widgets: audits files on a worker (SizeAudit, all
 * cores), reports progress, can be cancelled, and remembers where an example cookie of
 * each size bucket and each key sits (file and line), so that one can be opened later
 * without keeping any cookie in memory.
 */
class AuditController : public QObject
{
    Q_OBJECT

public:
    struct Place
    {
        int file = -1;
        qint64 line = -1;
        /// For a HAR, cookies.txt or browser file (whose cookies have no line): the cookie.
        QByteArray cookie;
    };
    struct Outcome
    {
        SizeAudit::Report report;
        QHash<qsizetype, Place> bucketExamples;
        QHash<QString, Place> keyExamples;
        QStringList errors; ///< files that could not be read, with why
        bool cancelled = false;
    };

    explicit AuditController(QObject *parent = nullptr);
    ~AuditController() override;

    void start(QStringList paths, SizeAudit::Options options);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_watcher.isRunning(); }
    [[nodiscard]] const Outcome &outcome() const { return m_outcome; }
    [[nodiscard]] const QStringList &paths() const { return m_paths; }

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
