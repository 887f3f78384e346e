#include "AuditController.h"

#include "capture/CookieImporter.h"
#include "formats/CookieText.h"

#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace sessionlens::gui {

AuditController::AuditController(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        m_outcome = m_watcher.result();
        Q_EMIT finished();
    });
}

AuditController::~AuditController()
{
    cancel();
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void AuditController::start(QStringList paths, SizeAudit::Options options)
{
    if (isRunning())
        return;
    m_paths = std::move(paths);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_outcome = Outcome();
    QPointer<AuditController> self(this);
    m_watcher.setFuture(QtConcurrent::run([paths = m_paths, options, cancel = m_cancel, self] {
        Outcome outcome;
        qint64 total = 0;
        for (const QString &path : paths)
            total += QFileInfo(path).size();
        qint64 before = 0;
        quint64 cookiesBefore = 0;
        for (int i = 0; i < paths.size() && !*cancel; ++i) {
            QFile file(paths[i]);
            if (!file.open(QIODevice::ReadOnly)) {
                outcome.errors.append(QStringLiteral("%1: %2").arg(paths[i], file.errorString()));
                continue;
            }
            SizeAudit::Report report;
            // Cookies of a HAR, cookies.txt or browser database, found by its importer and
            // audited as the CLI does; empty for a file of cookie lines.
            QList<QByteArray> imported;
            if (CookieImporter::detect(file.peek(4096)) != CookieImporter::Kind::List) {
                file.close();
                CookieImporter::Options importOptions;
                importOptions.cookieName = options.cookieName;
                auto found = CookieImporter::importFile(paths[i], importOptions);
                if (!found) {
                    outcome.errors.append(
                        QStringLiteral("%1: %2").arg(paths[i], found.error().message));
                    continue;
                }
                for (const CapturedCookie &cookie : std::as_const(found->cookies))
                    imported.append(cookie.value);
                SizeAudit::addValues(imported, options, report);
            } else {
                const auto progress = [&](const SizeAudit::Progress &p) {
                    QMetaObject::invokeMethod(
                        self.data(),
                        [self, done = before + p.bytesDone, total,
                         cookies = cookiesBefore + p.cookies] {
                            if (self)
                                Q_EMIT self->progress(done, total, cookies);
                        },
                        Qt::QueuedConnection);
                };
                auto ran =
                    SizeAudit::run(file, file.size(), options, report, {}, progress, cancel.get());
                if (!ran)
                    outcome.errors.append(
                        QStringLiteral("%1: %2").arg(paths[i], ran.error().message));
            }
            // Examples: the first place a bucket or a key turns up, files in the order given.
            // An imported cookie has no line to go back to: its example is the cookie itself.
            const auto placeOf = [&](qint64 line) {
                return Place{i, line, imported.value(line - 1)};
            };
            for (auto it = report.bucketFirstLine.cbegin(); it != report.bucketFirstLine.cend();
                 ++it)
                if (!outcome.bucketExamples.contains(it.key()))
                    outcome.bucketExamples.insert(it.key(), placeOf(it.value()));
            for (auto it = report.keys.cbegin(); it != report.keys.cend(); ++it)
                if (it->firstLine >= 0 && !outcome.keyExamples.contains(it.key()))
                    outcome.keyExamples.insert(it.key(), placeOf(it->firstLine));
            before += QFileInfo(paths[i]).size();
            cookiesBefore += report.cookies;
            outcome.report.merge(report);
        }
        outcome.cancelled = *cancel;
        return outcome;
    }));
}

void AuditController::cancel()
{
    if (m_cancel)
        *m_cancel = true;
}

Result<QString> AuditController::exampleText(const Place &place) const
{
    if (!place.cookie.isEmpty())
        return QString::fromLatin1(place.cookie);
    if (place.file < 0 || place.file >= m_paths.size())
        return Error::make(ErrorCategory::Io, tr("no example was recorded"));
    QFile file(m_paths[place.file]);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorCategory::Io, file.errorString(), m_paths[place.file]);
    // Lines are read one at a time and bounded, as the audit read them.
    for (qint64 line = 1; !file.atEnd(); ++line) {
        QByteArray text = file.readLine(CookieText::kMaxInputSize + 2);
        // A longer line is one line for the audit too: skip the rest of it.
        while (!text.endsWith('\n') && !file.atEnd()) {
            text.clear();
            text = file.readLine(CookieText::kMaxInputSize + 2);
            if (line == place.line)
                return Error::make(ErrorCategory::Limit, tr("the example line is too long"));
        }
        if (line == place.line)
            return QString::fromUtf8(text).trimmed();
    }
    return Error::make(ErrorCategory::Io, tr("the file changed since the audit"),
                       m_paths[place.file]);
}

} // namespace sessionlens::gui
