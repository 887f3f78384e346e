#include "document/SessionFile.h"

#include "formats/CookieFormat.h"
#include "formats/SessionDialect.h"
#include "json/PythonJsonWriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

namespace sessionlens {

Result<Done> SessionFile::write(const QString &path, const SessionValue &session,
                                const CookieFormat &format)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(ErrorCategory::Io, file.errorString(), path);
    file.write(PythonJsonWriter::write(session, format.writerStyle()));
    file.write("\n");
    if (!file.commit())
        return Error::make(ErrorCategory::Io, file.errorString(), path);
    return Done{};
}

Result<SessionValue> SessionFile::read(const QString &path, const CookieFormat &format)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorCategory::Io, file.errorString(), path);
    const QByteArray text = file.read(kMaxFileBytes + 1);
    if (text.size() > kMaxFileBytes)
        return Error::make(
            ErrorCategory::Limit,
            QCoreApplication::translate("sessionlens::Error", "the file is larger than %1 bytes")
                .arg(kMaxFileBytes),
            path);
    auto session = SessionDialect::readSession(text, format);
    if (!session) {
        Error error = session.error();
        error.detail = error.detail.isEmpty() ? path : path + QStringLiteral(": ") + error.detail;
        return error;
    }
    return session;
}

} // namespace sessionlens
