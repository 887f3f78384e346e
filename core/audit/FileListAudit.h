#pragma once

#include "Error.h"
#include "audit/SizeAudit.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <atomic>
#include <functional>

namespace sessionlens {

/**
 * The audit of a list of files, as both front ends run it: files of cookie lines stream
 * through SizeAudit; HAR, cookies.txt and browser databases come through their importers.
 *
 * A file that cannot be read or imported does not stop the others: it is reported with its
 * error, and the report covers the files that were read (the command line then exits
 * non-zero). It also notes where an example cookie of each size bucket and each key sits
 * (file and line), so that a front end can show one without keeping any cookie in memory.
 */
class FileListAudit
{
public:
    /// Where an example cookie sits.
    struct Place
    {
        int file = -1;
        qint64 line = -1;
        /// For a HAR, cookies.txt or browser file (whose cookies have no line): the cookie.
        QByteArray cookie;
    };
    struct FileError
    {
        int file = -1;
        Error error;
    };
    struct FileWarning
    {
        int file = -1;
        QString text;
    };
    struct Outcome
    {
        SizeAudit::Report report;
        QHash<qsizetype, Place> bucketExamples;
        QHash<QString, Place> keyExamples;
        QList<FileError> failures;   ///< files that could not be read, in the order given
        QList<FileWarning> warnings; ///< the importers' warnings
        bool cancelled = false;
    };
    /// Progress over the whole list: bytes of all files (-1 when one is standard input).
    using ProgressSink = SizeAudit::ProgressSink;
    /// CSV rows of the files of cookie lines; `file` says whose lines they are.
    using RowSink = std::function<void(int file, const QList<SizeAudit::Row> &rows)>;

    /// Audits `paths` in order ("-" reads standard input). `cancel` stops between blocks.
    [[nodiscard]] static Outcome run(const QStringList &paths, const SizeAudit::Options &options,
                                     const RowSink &rows = {}, const ProgressSink &progress = {},
                                     const std::atomic<bool> *cancel = nullptr);
};

} // namespace sessionlens
