#include "AuditController.h"

#include "formats/CookieText.h"

#include <QFile>
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
        const auto progress = [self](const SizeAudit::Progress &p) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, p] {
                    if (self)
                        Q_EMIT self->progress(p.bytesDone, p.bytesTotal, p.cookies);
                },
                Qt::QueuedConnection);
        };
        return FileListAudit::run(paths, options, {}, progress, cancel.get());
    }));
}

QStringList AuditController::failureTexts() const
{
    QStringList texts;
    for (const FileListAudit::FileError &failure : m_outcome.failures)
        texts.append(
            QStringLiteral("%1: %2").arg(m_paths.value(failure.file), failure.error.message));
    return texts;
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
