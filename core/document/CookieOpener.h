#pragma once

#include "formats/EncryptedSessionCodec.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/FormatDetector.h"
#include "keys/KeyRing.h"

#include <optional>

namespace sessionlens {

/**
 * Opens a cookie of either format with what a key ring holds: AES keys for
 * EncryptedSession, signing secrets (in ring order, the first signs) for
 * Flask's signed cookies. The one entry point the CLI and the GUI share.
 */
class CookieOpener
{
public:
    struct Opened
    {
        FormatDetector::Format format = FormatDetector::Format::Unknown;
        /// The shape the text has. `format` is the path it took: a text of no known shape
        /// goes the EncryptedSession way, whose format step says what is wrong.
        FormatDetector::Format detected = FormatDetector::Format::Unknown;
        std::optional<Error> error;
        QStringList warnings;
        qsizetype keyIndex = -1; ///< ring index of the key or secret that opened or verified it
        EncryptedSessionCodec::Decoded encrypted; ///< when format is EncryptedSession
        FlaskSignedCodec::Decoded signedCookie;   ///< when format is FlaskSigned
        [[nodiscard]] bool ok() const { return !error.has_value(); }
        /// A session came out of it: opened, or a signed cookie read whose signature no given
        /// secret matched (its content is anyone's to read, only its origin is unproven).
        [[nodiscard]] bool readable() const;
        [[nodiscard]] const SessionValue &session() const;
        /// The JSON text inside (plaintext or payload).
        [[nodiscard]] const QByteArray &json() const;
    };

    /// Signing secrets of the ring, in ring order, with their ring indices.
    [[nodiscard]] static QList<SecureBytes> signingSecrets(const KeyRing &ring,
                                                           QList<qsizetype> *indices = nullptr);

    /// `options` also carries the inflate and nesting limits for both formats.
    [[nodiscard]] static Opened open(QByteArrayView cookie, KeyRing &ring,
                                     const FlaskSignedCodec::Options &options);
};

} // namespace sessionlens
