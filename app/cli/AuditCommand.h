#pragma once

#include "CliIo.h"

#include <QJsonObject>

namespace sessionlens::cli {

/// `audit`: what the session cookies of whole captures cost, as a table, JSON or CSV.
class AuditCommand
{
    Q_DECLARE_TR_FUNCTIONS(AuditCommand)

public:
    explicit AuditCommand(CliIo &io) : m_io(io) {}
    int run(const QStringList &arguments);

private:
    void printText(const QJsonObject &report);
    void printBaseline(const QJsonObject &report, const QJsonObject &baseline,
                       QJsonObject *changes);

    CliIo &m_io;
};

} // namespace sessionlens::cli
