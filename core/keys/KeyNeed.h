#pragma once

#include "Error.h"
#include "formats/FormatDetector.h"
#include "keys/SessionKey.h"

#include <optional>

namespace sessionlens {

class KeyRing;

/**
 * Which kind of key a cookie format needs, decided once for the window and the command
 * line: an EncryptedSession cookie needs an AES key to open and to seal; Flask's signed
 * cookie opens without any key (its secret verifies and signs).
 */
class KeyNeed
{
public:
    /// The kind of key that makes (seals or signs) a cookie of `format`.
    [[nodiscard]] static SessionKey::Kind toSeal(FormatDetector::Format format);
    /// The kind of key without which a cookie of `format` does not open at all, or nullopt
    /// when it opens without one. An unknown shape is read as EncryptedSession, whose format
    /// step then says what is wrong, so it needs an AES key too.
    [[nodiscard]] static std::optional<SessionKey::Kind> toOpen(FormatDetector::Format format);
    /// A `key` error ("an EncryptedSession cookie needs an AES key to open, and none was
    /// given") when `ring` holds no key of the kind toOpen() names; nullopt when it does.
    [[nodiscard]] static std::optional<Error> missingToOpen(FormatDetector::Format format,
                                                            const KeyRing &ring);
    /// "AES key" or "Flask secret", translated.
    [[nodiscard]] static QString kindName(SessionKey::Kind kind);
};

} // namespace sessionlens
