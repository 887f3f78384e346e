#pragma once

#include "CommandSyntax.h"

#include <optional>

namespace sessionlens::cli {

/// The bash and zsh completion scripts of sessionlens-cli, written from the commands' syntax
/// (the build runs `sessionlens-cli --dump-completion bash|zsh`), so that they offer exactly
/// the commands and options the program takes.
class ShellCompletion
{
public:
    enum class Shell
    {
        Bash,
        Zsh
    };

    [[nodiscard]] static std::optional<Shell> shellFromName(const QString &name);
    [[nodiscard]] static QString script(Shell shell, const QList<CommandSyntax> &commands);

private:
    [[nodiscard]] static QString bash(const QList<CommandSyntax> &commands);
    [[nodiscard]] static QString zsh(const QList<CommandSyntax> &commands);
};

} // namespace sessionlens::cli
