#pragma once

#include "CliIo.h"

#include "CommandSyntax.h"

#include <QCommandLineParser>

namespace sessionlens::cli {

/**
 * The session cookie a command sends (`capture`) or pins (`proxy`): --cookie VALUE or
 * --cookie-file FILE, and --cookie-name NAME. A file keeps the cookie out of the process's
 * arguments, where other users can read them (ps, /proc/PID/cmdline). Name and value are
 * checked as RFC 6265 says before anything is sent, so no text can add a header.
 */
class CookieArguments
{
    Q_DECLARE_TR_FUNCTIONS(CookieArguments)

public:
    struct Cookie
    {
        QByteArray name;
        QByteArray value; ///< empty when none was given
    };

    /// `valueHelp` says what the value is for in this command.
    static void addOptions(CommandSyntax &syntax, const QString &valueHelp);
    /// The cookie given; a `format` error naming the option that holds what cannot be sent,
    /// `io` or `limit` when the file cannot be read.
    [[nodiscard]] static Result<Cookie> read(const QCommandLineParser &parser, CliIo &io);
    /// The value in --cookie-file's `path` (one line: a final line end is not part of it),
    /// not yet checked.
    [[nodiscard]] static Result<QByteArray> readValueFile(const QString &path, CliIo &io);
};

} // namespace sessionlens::cli
