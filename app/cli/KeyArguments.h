#pragma once

#include "CliIo.h"
#include "keys/KeyRing.h"

#include <QCommandLineParser>

namespace sessionlens::cli {

/// The repeatable --key / --key-file options, read into a KeyRing in command-line order.
class KeyArguments
{
    Q_DECLARE_TR_FUNCTIONS(KeyArguments)

public:
    static void addOptions(QCommandLineParser &parser);
    /// Fills `ring` with keys labelled "--key #N" / "--key-file PATH"; errors are `key` or `io`.
    [[nodiscard]] static Result<Done> load(const QCommandLineParser &parser, CliIo &io,
                                           KeyRing &ring);
};

} // namespace sessionlens::cli
