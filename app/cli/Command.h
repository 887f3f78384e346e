#pragma once

#include "CliIo.h"
#include "CommandSyntax.h"

#include <QCommandLineParser>
#include <QStringList>

namespace sessionlens::cli {

/**
 * A command of sessionlens-cli (`decode`, `seal`, `key`, ...), as KeePassXC's CLI has them.
 * A command says what it is in syntax(); run() parses the arguments by that syntax, answers
 * `--help`, reports usage errors (exit 2) and then calls execute() with the parsed options.
 * A command is registered once, in CommandRegistry::standard().
 */
class Command
{
    Q_DECLARE_TR_FUNCTIONS(Command)

public:
    explicit Command(CliIo &io) : m_io(io) {}
    virtual ~Command() = default;
    Command(const Command &) = delete;
    Command &operator=(const Command &) = delete;

    /// Name, one-line summary, options, arguments and subcommands.
    [[nodiscard]] virtual CommandSyntax syntax() const = 0;
    /// `arguments` start with the program (argv[0]), then what follows the command's name.
    int run(const QStringList &arguments);

protected:
    /// Runs the command with its parsed options; returns the exit code.
    virtual int execute(const QCommandLineParser &parser) = 0;
    /// The subcommand run() chose (`add` for `key add`), or empty.
    [[nodiscard]] const QString &subcommand() const { return m_subcommand; }

    CliIo &m_io;

private:
    QString m_subcommand;
};

} // namespace sessionlens::cli
