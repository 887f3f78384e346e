#pragma once

#include "Error.h"
#include "Result.h"
#include "formats/CookieText.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

namespace sessionlens::cli {

/// Exit codes of sessionlens-cli; scripts rely on them.
enum ExitCode : int
{
    ExitOk = 0,
    ExitUsage = 2,
    ExitFormat = 3,
    ExitAuthentication = 4,
    ExitDecompression = 5,
    ExitEncoding = 6,
    ExitJson = 7,
    ExitLimit = 8,
    ExitKey = 9,
    ExitIo = 10,
};

/// Standard streams, input reading and error reporting shared by the commands.
class CliIo
{
    Q_DECLARE_TR_FUNCTIONS(CliIo)

public:
    CliIo();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    /// Opens a file, or standard input for "-" or an empty path.
    [[nodiscard]] Result<Done> openInput(QFile &file, const QString &path);
    /// "cannot read <file or standard input>: <reason>", an io error.
    [[nodiscard]] static Error readFailed(const QString &path, const QString &reason);
    /// Whole content of a file, or of standard input for "-" or an empty path.
    [[nodiscard]] Result<QByteArray> readAll(const QString &path, qsizetype limit);
    /// The cookie in a command-line argument, or on standard input for "-".
    [[nodiscard]] Result<CookieText::Extracted> readCookie(const QString &argument);
    /// Prints "sessionlens-cli: <step> failed: <message>" and returns the matching exit code.
    int fail(const Error &error);
    /// Prints a usage problem and returns ExitUsage.
    int usage(const QString &message);
    /// The command running ("decode", "key add"), so that a usage problem points at its help.
    void setCommand(const QString &command) { m_command = command; }

    [[nodiscard]] static int exitCodeFor(ErrorCategory category);
    /// Translated name of the pipeline step, for messages.

private:
    QTextStream m_out;
    QTextStream m_err;
    QString m_command;
};

} // namespace sessionlens::cli
