#pragma once

#include "Error.h"
#include "formats/WtfCsrfCodec.h"
#include "json/SessionValue.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace sessionlens {

class CookieFormat;
class KeyRing;

/**
 * Flask-WTF's `validate_csrf` and `generate_csrf` outside Flask: checks a form token against a
 * session and the ring's secrets (WTF_CSRF_SECRET_KEY or SECRET_KEY) in the order Flask-WTF
 * does, naming the step that fails, and mints a token a protected form accepts for a session.
 */
class CsrfTokenCheck
{
public:
    /// Where a check stops, in Flask-WTF's order.
    enum class Step
    {
        None,             ///< valid
        MissingToken,     ///< "The CSRF token is missing."
        MissingInSession, ///< "The CSRF session token is missing."
        Format,           ///< not `[.]<payload>.<timestamp>.<signature>`
        Base64,           ///< a part is not URL-safe base64
        Authentication,   ///< no secret signed it
        Expired,          ///< older than the time limit, or from the future
        Payload,          ///< signed, but the payload does not inflate or read as JSON
        Mismatch,         ///< "The CSRF tokens do not match."
    };

    struct Options
    {
        QString fieldName = QString::fromLatin1(WtfCsrfCodec::kDefaultFieldName);
        /// WTF_CSRF_TIME_LIMIT; nullopt is None (no age check).
        std::optional<qint64> timeLimit = WtfCsrfCodec::kDefaultTimeLimitSeconds;
        qint64 now = -1; ///< UNIX seconds to judge the age as of; negative: the clock
        FlaskSignedCodec::Options bounds; ///< inflate and nesting limits
    };

    struct Verdict
    {
        Step failed = Step::None;
        std::optional<Error> error; ///< the failing step's message, in Flask-WTF's words
        WtfCsrfCodec::Decoded token;
        qsizetype keyIndex = -1; ///< ring index of the secret that signed the token
        bool sessionHasToken = false;
        [[nodiscard]] bool ok() const { return failed == Step::None; }
    };

    struct Minted
    {
        std::optional<Error> error;
        QByteArray token;
        QString raw; ///< the session's csrf_token the token carries
        /// The session with its csrf_token (added when it had none).
        SessionValue session;
        /// csrf_token was added: the session cookie must be sealed again for the token to be
        /// of any use, as Flask-WTF's own response would set a new session cookie.
        bool sessionChanged = false;
        qsizetype keyIndex = -1; ///< ring index of the secret that signed it
        [[nodiscard]] bool ok() const { return !error.has_value(); }
    };

    /// Whether Flask-WTF keeps its token in sessions of `format`: Flask's sessions, signed
    /// (Flask, Quart) or EncryptedSession's. Other frameworks' sessions, and the token and
    /// remember cookie themselves, hold no csrf_token a form token could sign.
    [[nodiscard]] static bool keptIn(const CookieFormat &format);

    /// Stable English name of a step for JSON and scripts ("expired", "mismatch", ...).
    [[nodiscard]] static QString stepId(Step step);

    [[nodiscard]] static Verdict verify(QByteArrayView token, const SessionValue &session,
                                        const KeyRing &ring, const Options &options);
    /// Signs the session's csrf_token (created like Flask-WTF's when missing or not a string)
    /// with the ring's first signing secret, as of `timestamp` (negative: now).
    [[nodiscard]] static Minted mint(const SessionValue &session, const KeyRing &ring,
                                     const Options &options, qint64 timestamp = -1);

    /// hmac.compare_digest on two strings: constant time in the contents.
    [[nodiscard]] static bool sameToken(const QString &a, const QString &b);
};

} // namespace sessionlens
