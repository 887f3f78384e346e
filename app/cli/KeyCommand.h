#pragma once

#include "Command.h"

#include <QStringList>

namespace sessionlens::cli {

/// `key`: the stored key ring (list, add, remove, rename, export) and key text tools
/// (inspect, generate).
class KeyCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(KeyCommand)

public:
    using Command::Command;
    [[nodiscard]] CommandSyntax syntax() const override;

protected:
    int execute(const QCommandLineParser &parser) override;

private:
    int inspect(const QCommandLineParser &parser);
    int generate(const QCommandLineParser &parser);
    int list();
    int add(const QCommandLineParser &parser);
    int remove(const QCommandLineParser &parser);
    int rename(const QCommandLineParser &parser);
    int exportKey(const QCommandLineParser &parser);
};

} // namespace sessionlens::cli
