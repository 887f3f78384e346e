#pragma once

#include "Command.h"

#include <QStringList>

namespace sessionlens::cli {

/// `seal`: read session JSON (or fill an empty one with --set) and print a new cookie of any
/// registered format.
class SealCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(SealCommand)

public:
    using Command::Command;
    [[nodiscard]] CommandSyntax syntax() const override;

protected:
    int execute(const QCommandLineParser &parser) override;
};

} // namespace sessionlens::cli
