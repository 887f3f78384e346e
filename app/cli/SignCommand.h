#pragma once

#include "Command.h"

#include <QStringList>

namespace sessionlens::cli {

/// `sign`: read Flask's tagged JSON payload and print a signed cookie Flask accepts.
class SignCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(SignCommand)

public:
    using Command::Command;
    [[nodiscard]] CommandSyntax syntax() const override;

protected:
    int execute(const QCommandLineParser &parser) override;
};

} // namespace sessionlens::cli
