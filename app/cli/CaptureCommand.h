#pragma once

#include "Command.h"

namespace sessionlens::cli {

/// `capture`: send one request and print each session cookie the responses set, decoded.
class CaptureCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(CaptureCommand)

public:
    using Command::Command;
    [[nodiscard]] CommandSyntax syntax() const override;

protected:
    int execute(const QCommandLineParser &parser) override;
};

} // namespace sessionlens::cli
