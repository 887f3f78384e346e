#pragma once

#include "Command.h"

#include <QJsonObject>

namespace sessionlens::cli {

/// `audit`: what the session cookies of whole captures cost, as a table, JSON or CSV.
class AuditCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(AuditCommand)

public:
    using Command::Command;
    [[nodiscard]] CommandSyntax syntax() const override;

protected:
    int execute(const QCommandLineParser &parser) override;

private:
    void printText(const QJsonObject &report);
    void printBaseline(const QJsonObject &report, const QJsonObject &baseline,
                       QJsonObject *changes);
};

} // namespace sessionlens::cli
