#pragma once

#include "Command.h"

#include <QStringList>

namespace sessionlens {
class SizeReport;
}

namespace sessionlens::cli {

/// `stats`: the size report of a cookie, as a table or JSON.
class StatsCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(StatsCommand)

public:
    using Command::Command;
    [[nodiscard]] CommandSyntax syntax() const override;

protected:
    int execute(const QCommandLineParser &parser) override;

private:
    void printTable(const SizeReport &report, qsizetype actualCookieSize);
};

} // namespace sessionlens::cli
