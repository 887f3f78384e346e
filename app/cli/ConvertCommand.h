#pragma once

#include "Command.h"

#include <QStringList>

namespace sessionlens::cli {

/// `convert`: a cookie of one format re-made in the other, with what could not be carried reported.
class ConvertCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ConvertCommand)

public:
    using Command::Command;
    [[nodiscard]] CommandSyntax syntax() const override;

protected:
    int execute(const QCommandLineParser &parser) override;
};

} // namespace sessionlens::cli
