#include "audit/FileListAudit.h"

#include "capture/CookieImporter.h"
#include "os/StandardInput.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace sessionlens {

namespace {

bool isStandardInput(const QString &path)
{
    return path == QLatin1String("-");
}

// Standard input as the command line opens it (StandardInput); a file buffered, for the
// importers' look at its start.
Result<Done> openInput(QFile &file, const QString &path)
{
    if (isStandardInput(path)) {
        if (!StandardInput::open(file))
            return Error::make(
                ErrorCategory::Io,
                QCoreApplication::translate("sessionlens::Error", "cannot open standard input: %1")
                    .arg(file.errorString()));
        return Done{};
    }
    file.setFileName(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorCategory::Io, file.errorString(), path);
    return Done{};
}

} // namespace

FileListAudit::Outcome FileListAudit::run(const QStringList &paths,
                                          const SizeAudit::Options &options, const RowSink &rows,
                                          const ProgressSink &progress,
                                          const std::atomic<bool> *cancel)
{
    Outcome outcome;
    const auto sizeOf = [](const QString &path) {
        return isStandardInput(path) ? qint64(0) : QFileInfo(path).size();
    };
    qint64 total = 0;
    for (const QString &path : paths)
        total = isStandardInput(path) || total < 0 ? -1 : total + sizeOf(path);
    qint64 before = 0; // bytes of the files before this one, read or not
    quint64 cookiesBefore = 0;
    for (int i = 0; i < paths.size() && !(cancel && cancel->load()); ++i) {
        const QString &path = paths[i];
        if (i > 0)
            before += sizeOf(paths[i - 1]);
        QFile file;
        if (auto opened = openInput(file, path); !opened) {
            outcome.failures.append({i, opened.error()});
            continue;
        }
        SizeAudit::Report report;
        // Cookies of a HAR, cookies.txt or browser database, found by its importer and audited
        // as the lines are; empty for a file of cookie lines.
        QList<QByteArray> imported;
        const CookieImporter::Kind kind = isStandardInput(path)
                                              ? CookieImporter::Kind::List
                                              : CookieImporter::detect(file.peek(4096));
        if (kind != CookieImporter::Kind::List) {
            file.close();
            CookieImporter::Options importOptions;
            importOptions.cookieName = options.cookieName;
            auto found = CookieImporter::importFile(path, importOptions);
            if (!found) {
                outcome.failures.append({i, found.error()});
                continue;
            }
            for (const QString &warning : std::as_const(found->warnings))
                outcome.warnings.append({i, warning});
            for (const CapturedCookie &cookie : std::as_const(found->cookies))
                imported.append(cookie.value);
            SizeAudit::addValues(imported, options, report);
        } else {
            const auto fileProgress = [&](const SizeAudit::Progress &p) {
                if (progress)
                    progress({before + p.bytesDone, total, cookiesBefore + p.cookies});
            };
            const auto fileRows = [&](const QList<SizeAudit::Row> &fileRowsOf) {
                rows(i, fileRowsOf);
            };
            auto ran = SizeAudit::run(
                file, isStandardInput(path) ? -1 : file.size(), options, report,
                rows ? SizeAudit::RowSink(fileRows) : SizeAudit::RowSink(), fileProgress, cancel);
            // A cancelled file is not a failed one: `cancelled` says it.
            if (!ran && !(cancel && cancel->load()))
                outcome.failures.append({i, ran.error()});
        }
        // Examples: the first place a bucket or a key turns up, files in the order given. An
        // imported cookie has no line to go back to: its example is the cookie itself.
        const auto placeOf = [&](qint64 line) { return Place{i, line, imported.value(line - 1)}; };
        for (auto it = report.bucketFirstLine.cbegin(); it != report.bucketFirstLine.cend(); ++it)
            if (!outcome.bucketExamples.contains(it.key()))
                outcome.bucketExamples.insert(it.key(), placeOf(it.value()));
        for (auto it = report.keys.cbegin(); it != report.keys.cend(); ++it)
            if (it->firstLine >= 0 && !outcome.keyExamples.contains(it.key()))
                outcome.keyExamples.insert(it.key(), placeOf(it->firstLine));
        cookiesBefore += report.cookies;
        outcome.report.merge(report);
    }
    outcome.cancelled = cancel && cancel->load();
    return outcome;
}

} // namespace sessionlens
