#pragma once

#include "Command.h"

#include <functional>
#include <memory>

namespace sessionlens::cli {

/**
 * The table of commands, as KeePassXC's CLI keeps one. main() dispatches through it; the
 * usage text, `help COMMAND`, the shell completions and the man page's command list are
 * made from the commands it holds, so a command is added in one place and nothing drifts.
 */
class CommandRegistry
{
    Q_DECLARE_TR_FUNCTIONS(CommandRegistry)

public:
    using Factory = std::function<std::unique_ptr<Command>(CliIo &io)>;

    /// Every command of sessionlens-cli, in the order the usage lists them.
    [[nodiscard]] static CommandRegistry standard();

    void add(Factory factory);
    template <typename T> void add()
    {
        add([](CliIo &io) { return std::make_unique<T>(io); });
    }

    /// Each command's syntax, in registration order.
    [[nodiscard]] QList<CommandSyntax> syntaxes() const;
    /// The command of this name, or nullptr.
    [[nodiscard]] std::unique_ptr<Command> create(const QString &name, CliIo &io) const;

    /// Every spelling ("-k", "--key") of an option whose value is a secret, in any command.
    [[nodiscard]] QStringList secretOptions() const;

    /// The text of `sessionlens-cli help`.
    [[nodiscard]] QString usageText() const;
    /// The help of `help COMMAND [SUBCOMMAND]`, or nullopt for an unknown command.
    [[nodiscard]] std::optional<QString> helpText(const QStringList &path) const;

    /// Runs the program's arguments (argv[0] first) and returns the exit code: a command,
    /// help, --version, or the hidden --dump-completion bash|zsh and --dump-manpage-synopsis
    /// the build uses to write the completion scripts and the man page.
    int dispatch(CliIo &io, const QStringList &arguments) const;

private:
    QList<Factory> m_factories;
};

} // namespace sessionlens::cli
