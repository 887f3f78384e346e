#pragma once

#include "Command.h"

#include <QStringList>

namespace sessionlens::cli {

/// `crack`: weak-secret audit of a Flask signed cookie against a wordlist and a built-in list.
class CrackCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(CrackCommand)

public:
    using Command::Command;
    [[nodiscard]] CommandSyntax syntax() const override;

protected:
    int execute(const QCommandLineParser &parser) override;
};

} // namespace sessionlens::cli
