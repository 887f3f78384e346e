#pragma once

#include "CliIo.h"

#include <QStringList>

namespace sessionlens {
class SizeReport;
}

namespace sessionlens::cli {

/// `stats`: the size report of a cookie, as a table or JSON.
class StatsCommand
{
    Q_DECLARE_TR_FUNCTIONS(StatsCommand)

public:
    explicit StatsCommand(CliIo &io) : m_io(io) {}
    int run(const QStringList &arguments);

private:
    void printTable(const SizeReport &report, qsizetype actualCookieSize);

    CliIo &m_io;
};

} // namespace sessionlens::cli
