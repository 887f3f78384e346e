#pragma once

#include "Command.h"

namespace sessionlens::cli {

/// `watch`: each new session cookie a browser stores, as it stores it, until interrupted.
class WatchCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(WatchCommand)

public:
    using Command::Command;
    [[nodiscard]] CommandSyntax syntax() const override;

protected:
    int execute(const QCommandLineParser &parser) override;
};

} // namespace sessionlens::cli
