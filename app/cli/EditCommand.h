#pragma once

#include "Command.h"

namespace sessionlens::cli {

/// `edit`: open a cookie, change its session by path and seal it again in its own format, with
/// the key that opened or verified it.
class EditCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(EditCommand)

public:
    using Command::Command;
    [[nodiscard]] CommandSyntax syntax() const override;

protected:
    int execute(const QCommandLineParser &parser) override;
};

} // namespace sessionlens::cli
