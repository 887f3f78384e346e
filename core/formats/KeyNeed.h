#pragma once

#include "Error.h"
#include "Result.h"
#include "formats/CookieFormat.h"
#include "keys/SessionKey.h"

#include <optional>

namespace sessionlens {

class FormatRegistry;
class KeyRing;

/**
 * Which kind of key a cookie format needs, decided once (from the format's own keyKind();
 * toSeal() names the key that seals) for the window and the command line: an
 * EncryptedSession cookie needs an AES key to open and to seal; Flask's signed cookie opens without
 * any key (its secret verifies and signs).
 */
class KeyNeed
{
public:
    /// The kind of key that seals (and for a signed format, verifies) a cookie of `format`;
    /// nullopt for a format that needs none.
    [[nodiscard]] static std::optional<SessionKey::Kind> toSeal(const CookieFormat &format)
    {
        return toSeal(format.keyKind());
    }
    [[nodiscard]] static std::optional<SessionKey::Kind> toSeal(CookieFormat::KeyKind needed);
    /// The kind of key without which a cookie of `format` does not open at all, or nullopt
    /// when it opens without one.
    [[nodiscard]] static std::optional<SessionKey::Kind> toOpen(const CookieFormat &format);
    /// A `key` error ("an EncryptedSession cookie needs an AES key to open, and none was
    /// given") when `ring` holds no key of the kind toOpen() names; nullopt when it does.
    [[nodiscard]] static std::optional<Error> missingToOpen(const CookieFormat &format,
                                                            const KeyRing &ring);
    /// The format ids a key of `kind` is to be kept for, from a list the user typed
    /// ("django, starlette"): each a format of `formats` whose cookies such a key serves, in
    /// the given order, once. A `key` error names an unknown id or a format that needs
    /// another kind of key; an empty list is an error too (no restriction is no list at all).
    [[nodiscard]] static Result<QStringList> formatsFor(SessionKey::Kind kind, const QString &list,
                                                        const FormatRegistry &formats);
    /// "AES key" or "Flask secret", translated.
    [[nodiscard]] static QString kindName(SessionKey::Kind kind);
};

} // namespace sessionlens
