#pragma once

#include "CliIo.h"
#include "formats/CookieFormat.h"
#include "keys/KeyRing.h"

#include "CommandSyntax.h"

#include <QCommandLineParser>

namespace sessionlens::cli {

/// The repeatable --key / --key-file options, read into a KeyRing in command-line order.
class KeyArguments
{
    Q_DECLARE_TR_FUNCTIONS(KeyArguments)

public:
    static void addOptions(CommandSyntax &syntax);
    /// Fills `ring` with keys labelled "--key #N" / "--key-file PATH"; errors are `key` or `io`.
    [[nodiscard]] static Result<Done> load(const QCommandLineParser &parser, CliIo &io,
                                           KeyRing &ring);
    /// What to say (a usage problem) when `ring` holds no key that could open a cookie of
    /// `format`: the core's KeyNeed decides, this adds the options that give one.
    [[nodiscard]] static std::optional<QString> missingToOpen(const KeyRing &ring,
                                                              const CookieFormat &format);
};

} // namespace sessionlens::cli
