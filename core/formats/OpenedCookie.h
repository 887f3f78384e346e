#pragma once

#include "Error.h"
#include "json/SessionValue.h"

#include <QByteArray>
#include <QStringList>

#include <any>
#include <optional>

namespace sessionlens {

class CookieFormat;

/**
 * A cookie as a format opened it: what every front end needs whatever the format (the
 * session, its JSON text, the failing step, the key), and the format's own details (its split
 * fields, a signature's timestamp and age) for the views that show them.
 */
struct OpenedCookie
{
    /// The format whose steps the cookie went through. A text of no known shape goes the
    /// registry's fallback way (EncryptedSession), whose format step says what is wrong.
    const CookieFormat *format = nullptr;
    /// The format whose shape the text has; nullptr when it has no known shape.
    const CookieFormat *detected = nullptr;
    std::optional<Error> error;
    QStringList warnings;
    qsizetype keyIndex = -1; ///< ring index of the key or secret that opened or verified it
    /// Name of that key or secret (set by the opener from the ring), empty when none did.
    QString keyName;
    SessionValue sessionValue;
    QByteArray jsonText;     ///< the JSON text inside (plaintext or payload)
    bool compressed = false; ///< the cookie carried its JSON deflated
    /// Formats with a signature: whether a secret matched; nullopt when none was checked.
    std::optional<bool> verified;
    /// The format's own decode result (EncryptedSessionCodec::Decoded,
    /// FlaskSignedCodec::Decoded, ...), whose session and JSON text moved to the members above.
    std::any details;

    [[nodiscard]] bool ok() const { return !error.has_value(); }
    /// A session came out of it: opened, or a signed cookie read whose signature no given
    /// secret matched (its content is anyone's to read, only its origin is unproven).
    [[nodiscard]] bool readable() const
    {
        return ok() || (verified == false && sessionValue.type() == SessionValue::Type::Dict);
    }
    [[nodiscard]] const SessionValue &session() const { return sessionValue; }
    /// A stored key or secret opened or verified it (keyName and format say which and how).
    [[nodiscard]] bool servedByKey() const { return keyIndex >= 0; }
    [[nodiscard]] const QByteArray &json() const { return jsonText; }
    template <class Details> [[nodiscard]] const Details *detailsAs() const
    {
        return std::any_cast<Details>(&details);
    }
    template <class Details> [[nodiscard]] Details *detailsAs()
    {
        return std::any_cast<Details>(&details);
    }
};

} // namespace sessionlens
