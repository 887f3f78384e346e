#pragma once

#include "Command.h"

namespace sessionlens::cli {

/// `proxy`: a reverse proxy in front of the app; prints each session cookie it sees.
class ProxyCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ProxyCommand)

public:
    using Command::Command;
    [[nodiscard]] CommandSyntax syntax() const override;

protected:
    int execute(const QCommandLineParser &parser) override;
};

} // namespace sessionlens::cli
