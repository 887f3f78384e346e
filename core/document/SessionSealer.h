#pragma once

#include "Error.h"
#include "crypto/SecureBytes.h"
#include "formats/CookieFormat.h"
#include "formats/EncryptedSessionCodec.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/SealedCookie.h"
#include "report/SizeReport.h"
#include "json/SessionValue.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace sessionlens {

/**
 * Turns a session into the cookie the server would write, and says what it costs.
 * One pipeline for every format and every front end (window, CLI): the format writes the
 * JSON once and deflates it at most once, and the same bytes feed the size report and the
 * seal.
 */
class SessionSealer
{
public:
    using Options = SealOptions;

    /// A session made into a cookie (or the reason why not), with what it costs.
    struct Sealed
    {
        QByteArray cookie;          ///< empty when `error` is set
        std::optional<Error> error; ///< why no cookie was made (no key, not sealable, ...)
        SizeReport report;          ///< always filled: sizes need no key
        QByteArray json;            ///< the JSON text (plaintext or payload JSON)
        [[nodiscard]] bool ok() const { return !error.has_value(); }
    };

    /// `key`: the AES key or the secret, as the format needs; empty gives the report and a
    /// `key` error. A cookie SessionLens itself could not open again (over the input limit) is
    /// a `limit` error. `options.format` nullptr: the built-in registry's fallback.
    [[nodiscard]] static Sealed seal(const SessionValue &session, const SecureBytes &key,
                                     const Options &options);

    /// Compression names as the CLI and the settings spell them ("auto", "always", "never").
    [[nodiscard]] static std::optional<EncryptedSessionCodec::Compression>
    compressionFromName(const QString &name);
};

} // namespace sessionlens
