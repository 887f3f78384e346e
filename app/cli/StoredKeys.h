#pragma once

#include "CliIo.h"
#include "KeychainKeyStore.h"
#include "StoredKeyRing.h"
#include "keys/KeyRing.h"

#include "CommandSyntax.h"

#include <QCommandLineParser>

namespace sessionlens::cli {

/// The user's stored key ring in the CLI: the same ring the window keeps, used by every
/// command after the keys given for the run, unless --no-ring.
class StoredKeys
{
    Q_DECLARE_TR_FUNCTIONS(StoredKeys)

public:
    /// Waits for the keychain this long when nobody could answer a prompt (stdin not a tty).
    static constexpr int kQuietKeychainTimeoutMs = 3000;

    static void addOptions(CommandSyntax &syntax);
    /// Opens the stored ring; an unreachable store is a warning on stderr (once), not a failure.
    [[nodiscard]] static StoredKeyRing::Opened open(CliIo &io, bool createFileStore = false);
    /// Appends the stored keys (after those already in `ring`) unless --no-ring.
    static void appendTo(const QCommandLineParser &parser, CliIo &io, KeyRing &ring);
    /// The key to seal or sign with: `--with NAME` from the ring, else the one key of `kind`
    /// given for the run, else the ring's only key of that kind; a `key` error says what to pick.
    [[nodiscard]] static Result<SessionKey> choose(const QCommandLineParser &parser,
                                                   const KeyRing &ring, SessionKey::Kind kind,
                                                   qsizetype runEntries);
    static void addWithOption(CommandSyntax &syntax);
    /// "--key #1", or `stored key "production"` for a key of the stored ring.
    [[nodiscard]] static QString describe(const SessionKey &key);
};

} // namespace sessionlens::cli
