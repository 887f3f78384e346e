#include "CliIo.h"

#include "Limits.h"
#include "os/StandardInput.h"

#include <QFile>

#include <cstdio>

namespace sessionlens::cli {

CliIo::CliIo() : m_out(stdout), m_err(stderr) {}

Result<Done> CliIo::openInput(QFile &file, const QString &path)
{
    const bool standardInput = path.isEmpty() || path == QLatin1String("-");
    // Unbuffered: callers read large blocks themselves.
    const bool opened = standardInput ? StandardInput::open(file)
                                      : (file.setFileName(path),
                                         file.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
    if (!opened)
        return Error::make(ErrorCategory::Io, tr("cannot open %1: %2")
                                                  .arg(standardInput ? tr("standard input") : path,
                                                       file.errorString()));
    return Done{};
}

Error CliIo::readFailed(const QString &path, const QString &reason)
{
    const bool standardInput = path.isEmpty() || path == QLatin1String("-");
    return Error::make(
        ErrorCategory::Io,
        tr("cannot read %1: %2").arg(standardInput ? tr("standard input") : path, reason));
}

Result<QByteArray> CliIo::readAll(const QString &path, qsizetype limit)
{
    QFile file;
    if (auto opened = openInput(file, path); !opened)
        return opened.error();
    // A pipe hands over what is buffered at each read: read until EOF, not once.
    QByteArray data;
    while (true) {
        const qsizetype want =
            std::min<qsizetype>(limits::kReadChunkBytes, limit + 1 - data.size());
        const QByteArray chunk = file.read(want);
        if (chunk.isEmpty()) { // end of file, or an error
            if (file.error() != QFileDevice::NoError)
                return readFailed(path, file.errorString());
            break;
        }
        data.append(chunk);
        if (data.size() > limit)
            return Error::make(ErrorCategory::Limit,
                               tr("input is larger than %1 bytes").arg(limit));
    }
    return data;
}

Result<CookieText::Extracted> CliIo::readCookie(const QString &argument)
{
    if (argument != QLatin1String("-"))
        return CookieText::extract(argument);
    auto input = readAll(argument, CookieText::kMaxInputSize);
    if (!input)
        return input.error();
    return CookieText::extract(QString::fromUtf8(input.value()));
}

int CliIo::fail(const Error &error)
{
    m_out.flush();
    QString line = tr("sessionlens-cli: %1 step failed: %2")
                       .arg(Error::stepName(error.category), error.message);
    if (!error.detail.isEmpty())
        line += QStringLiteral(" (%1)").arg(error.detail);
    m_err << line << Qt::endl;
    return exitCodeFor(error.category);
}

int CliIo::usage(const QString &message)
{
    m_out.flush();
    m_err << tr("sessionlens-cli: %1").arg(message) << Qt::endl
          << (m_command.isEmpty() ? tr("Try 'sessionlens-cli help'.")
                                  : tr("Try 'sessionlens-cli %1 --help'.").arg(m_command))
          << Qt::endl;
    return ExitUsage;
}

int CliIo::exitCodeFor(ErrorCategory category)
{
    switch (category) {
    case ErrorCategory::Format:
    case ErrorCategory::Base64:
        return ExitFormat;
    case ErrorCategory::Authentication:
        return ExitAuthentication;
    case ErrorCategory::Decompression:
        return ExitDecompression;
    case ErrorCategory::Encoding:
        return ExitEncoding;
    case ErrorCategory::Json:
        return ExitJson;
    case ErrorCategory::Limit:
        return ExitLimit;
    case ErrorCategory::Key:
        return ExitKey;
    case ErrorCategory::Io:
    case ErrorCategory::Network:
        return ExitIo;
    }
    return ExitIo;
}

} // namespace sessionlens::cli
