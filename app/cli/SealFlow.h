#pragma once

#include "CliIo.h"
#include "CommandSyntax.h"
#include "document/SessionSealer.h"
#include "keys/KeyRing.h"

#include <QCommandLineParser>

namespace sessionlens::cli {

/**
 * The one way `seal`, `sign` (and, for its last step, `convert`) make a cookie: pick the key
 * the format needs, read the session text in the format's dialect keeping its member order,
 * seal it, and print the warnings (the reader's and the size limits') on stderr and the
 * cookie on stdout. Two commands that make cookies cannot warn differently.
 */
class SealFlow
{
    Q_DECLARE_TR_FUNCTIONS(SealFlow)

public:
    /// The key that seals `format`: --with NAME, else the one given for the run (the first
    /// `runEntries` of `ring`), else the stored ring's only one (appended unless --no-ring).
    [[nodiscard]] static Result<SessionKey> key(const QCommandLineParser &parser, CliIo &io,
                                                KeyRing &ring, qsizetype runEntries,
                                                const CookieFormat &format);
    /// --compress auto|always|never, and `keep` (as the cookie was) for a cookie sealed again.
    static void addCompressOption(CommandSyntax &syntax, const QString &description,
                                  bool offerKeep = false);
    /// The --compress mode; `keep` is `wasCompressed`'s. A `format` error (a usage problem)
    /// for an unknown word.
    [[nodiscard]] static Result<EncryptedSessionCodec::Compression>
    compression(const QCommandLineParser &parser, bool wasCompressed = false);
    /// Reads the session at `path` ('-': standard input) in `format`'s dialect, keeping its
    /// member order; the reader's notes go to stderr.
    [[nodiscard]] static Result<SessionValue> readSession(CliIo &io, const QString &path,
                                                          const CookieFormat &format);
    /// Reads the session at `path` ('-': standard input), seals it with `key` and prints it;
    /// returns the exit code.
    static int sealFile(CliIo &io, const QString &path, const SecureBytes &key,
                        const SessionSealer::Options &options);
    /// Prints a sealed cookie with its size warnings, or its error; returns the exit code.
    static int print(CliIo &io, const SessionSealer::Sealed &sealed);
};

} // namespace sessionlens::cli
