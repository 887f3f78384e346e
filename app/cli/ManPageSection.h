#pragma once

#include "CommandSyntax.h"

namespace sessionlens::cli {

/// The SYNOPSIS and COMMANDS sections of sessionlens-cli(1), in roff, written from the
/// commands' syntax (the build runs `sessionlens-cli --dump-manpage-synopsis` and puts the
/// result into resources/man/sessionlens-cli.1.in).
class ManPageSection
{
public:
    [[nodiscard]] static QString commands(const QList<CommandSyntax> &commands);
    /// Text as roff shows it literally: backslashes and dashes escaped.
    [[nodiscard]] static QString escaped(const QString &text);
};

} // namespace sessionlens::cli
