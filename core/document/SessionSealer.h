#pragma once

#include "Error.h"
#include "crypto/SecureBytes.h"
#include "formats/EncryptedSessionCodec.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/FormatDetector.h"
#include "report/SizeReport.h"
#include "json/SessionValue.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace sessionlens {

/**
 * Turns a session into the cookie the server would write, and says what it costs.
 * One pipeline for both formats and every front end (window, CLI): the JSON is
 * written once and deflated at most once, and the same bytes feed the size report
 * and the seal.
 */
class SessionSealer
{
public:
    struct Options
    {
        FormatDetector::Format format = FormatDetector::Format::EncryptedSession;
        /// EncryptedSession: the server's rule (over 1024 bytes), always or never.
        EncryptedSessionCodec::Compression compression = EncryptedSessionCodec::Compression::Auto;
        QString cookieName = QStringLiteral("session");
        /// Flask signed cookies: salt, digest, key derivation, legacy epoch.
        FlaskSignedCodec::Options signer;
        /// Flask signed cookies: UNIX time to sign as of; -1 for now.
        qint64 timestamp = -1;
        /// The report's keys measured exactly (SizeReport::Options::exactKeyShares).
        qsizetype exactKeyShares = limits::kMaxExactKeyShares;
    };

    struct Sealed
    {
        QByteArray cookie;          ///< empty when `error` is set
        std::optional<Error> error; ///< why no cookie was made (no key, not sealable, ...)
        SizeReport report;          ///< always filled: sizes need no key
        QByteArray json;            ///< the JSON text (plaintext or payload JSON)
        [[nodiscard]] bool ok() const { return !error.has_value(); }
    };

    /// `key`: the AES key (EncryptedSession) or the secret (signed); empty gives the report
    /// and a `key` error. A cookie SessionLens itself could not open again (over the input
    /// limit) is a `limit` error.
    [[nodiscard]] static Sealed seal(const SessionValue &session, const SecureBytes &key,
                                     const Options &options);

    /// Compression names as the CLI and the settings spell them ("auto", "always", "never").
    [[nodiscard]] static std::optional<EncryptedSessionCodec::Compression>
    compressionFromName(const QString &name);
};

} // namespace sessionlens
