#pragma once

#include "Command.h"
#include "capture/CookieImporter.h"

namespace sessionlens::cli {

/// `import`: session cookies from HAR, cookies.txt, lists and browser databases.
class ImportCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)

public:
    using Command::Command;
    [[nodiscard]] CommandSyntax syntax() const override;

    /// The options of commands that read cookies from files and browsers (import, watch):
    /// keys, output format, --host and --cookie-name.
    static void addSourceOptions(CommandSyntax &syntax);
    /// What those options ask of the importers (--cookie-name, --host).
    [[nodiscard]] static CookieImporter::Options importerOptions(const QCommandLineParser &parser);
    /// A profile folder stands for the cookie database inside it.
    [[nodiscard]] static QString databaseIn(const QString &path);

protected:
    int execute(const QCommandLineParser &parser) override;
};

} // namespace sessionlens::cli
