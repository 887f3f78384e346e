#pragma once

#include "CliIo.h"
#include "CommandSyntax.h"
#include "document/SessionDocument.h"

#include <QCommandLineParser>

#include <optional>

namespace sessionlens {
class CookieFormat;
}

namespace sessionlens::cli {

/**
 * The edits a script gives on the command line, `--set PATH=JSON`, `--delete PATH` and
 * `--rename PATH=KEY`, applied through the core (SessionEdit) in the order they were given,
 * whatever the option: `edit` takes all three, `seal` fills a template with --set.
 */
class EditArguments
{
    Q_DECLARE_TR_FUNCTIONS(EditArguments)

public:
    /// --set, and with `deleteAndRename` --delete and --rename; all repeatable.
    static void addOptions(CommandSyntax &syntax, bool deleteAndRename);
    /// How many edits were given.
    [[nodiscard]] static qsizetype count(const QCommandLineParser &parser);
    /// Applies every edit to `document`, values read in `format`'s dialect. nullopt when all
    /// applied; otherwise the exit code, after a message naming the edit and its failing step
    /// (a path's syntax is a usage problem).
    [[nodiscard]] static std::optional<int> apply(const QCommandLineParser &parser, CliIo &io,
                                                  const CookieFormat &format,
                                                  SessionDocument &document);
};

} // namespace sessionlens::cli
