#pragma once

#include "Error.h"
#include "formats/CookieFormat.h"
#include "keys/SessionKey.h"

#include <optional>

namespace sessionlens {

class KeyRing;

/**
 * Which kind of key a cookie format needs, decided once (from the format's own keyKind();
 * SessionKey::kindFor() names the key that seals) for the window and the command line: an
 * EncryptedSession cookie needs an AES key to open and to seal; Flask's signed cookie opens without
 * any key (its secret verifies and signs).
 */
class KeyNeed
{
public:
    /// The kind of key without which a cookie of `format` does not open at all, or nullopt
    /// when it opens without one.
    [[nodiscard]] static std::optional<SessionKey::Kind> toOpen(const CookieFormat &format);
    /// A `key` error ("an EncryptedSession cookie needs an AES key to open, and none was
    /// given") when `ring` holds no key of the kind toOpen() names; nullopt when it does.
    [[nodiscard]] static std::optional<Error> missingToOpen(const CookieFormat &format,
                                                            const KeyRing &ring);
    /// "AES key" or "Flask secret", translated.
    [[nodiscard]] static QString kindName(SessionKey::Kind kind);
};

} // namespace sessionlens
