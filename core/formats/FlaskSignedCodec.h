#pragma once

#include "Result.h"
#include "SessionDefaults.h"
#include "crypto/ItsdangerousSigner.h"
#include "crypto/SecureBytes.h"
#include "encoding/Base64.h"
#include "formats/ZlibCodec.h"
#include "json/PythonJsonReader.h"
#include "json/SessionValue.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>

#include <limits>

#include <optional>

namespace sessionlens {

class SigningKeyCache;

/**
 * Flask's default session cookie (itsdangerous URLSafeTimedSerializer):
 * `[.]<payload>.<timestamp>.<signature>`, readable without the secret.
 * Decoding needs no secret; verification takes a list (SECRET_KEY first,
 * then SECRET_KEY_FALLBACKS); signing uses one.
 */
class FlaskSignedCodec
{
public:
    /// PERMANENT_SESSION_LIFETIME's default.
    static constexpr qint64 kDefaultLifetimeSeconds = defaults::kSessionLifetimeSeconds;
    /// A lifetime of no limit: max_age=None to itsdangerous (Starlette's max_age=None,
    /// WTF_CSRF_TIME_LIMIT = None), which then checks no age at all.
    static constexpr qint64 kNoLifetimeLimit = std::numeric_limits<qint64>::max();
    /// itsdangerous before 1.0 counted timestamps from 2011-01-01.
    static constexpr qint64 kLegacyEpoch = 1293840000;
    /// 9999-12-31 23:59:59 UTC: the last second a date can show. Larger timestamps are
    /// clamped to it and flagged (Parts::timestampOutOfRange).
    static constexpr qint64 kMaxTimestamp = 253402300799;

    enum class Part
    {
        Payload = 0,
        Timestamp = 1,
        Signature = 2
    };
    enum class Verification
    {
        NotChecked,
        Valid,
        Invalid
    };

    struct Options
    {
        ItsdangerousSigner::Options signer;
        bool legacyEpoch = false;
        qint64 lifetimeSeconds = kDefaultLifetimeSeconds;
        /// lifetimeSeconds was chosen (--max-age) rather than left at Flask's default: a format
        /// with a default of its own (Starlette's max_age of 14 days) takes it then, too.
        bool lifetimeChosen = false;
        /// Each format's own age limit by format id, where one was set (the window's
        /// preferences: Starlette's max_age, Django's SESSION_COOKIE_AGE, Flask-WTF's
        /// WTF_CSRF_TIME_LIMIT, with std::numeric_limits<qint64>::max() for none).
        QHash<QString, qint64> ageLimits;
        qsizetype maxInflatedSize = ZlibCodec::kDefaultMaxInflatedSize;
        int maxDepth = PythonJsonReader::kDefaultMaxDepth;
        /// false: only check that the JSON reads as a session, leaving `session` empty (the
        /// batch audit keeps sizes, never a tree). Errors are the same either way.
        bool buildSession = true;
        /// With buildSession false: where the JSON check lists the session's top-level
        /// members (see PythonJsonReader::Options::topMembers), or nullptr.
        JsonMemberList *topMembers = nullptr;
        /// false: OpenedCookie::details stays empty (a batch reads the session, its JSON and
        /// the outcome only: moving each cookie's split fields into it cost an allocation).
        bool keepDetails = true;
        /// Verify with the empty secret too, after the secrets given: itsdangerous accepts
        /// it (a key ring holds no empty secret). A match is Valid, with secretIndex equal to
        /// the number of secrets given, and a warning that the app's secret is empty.
        bool verifyEmptySecret = false;

        /// The age limit of `formatId`: its own entry in ageLimits, else lifetimeSeconds when
        /// it was chosen, else `libraryDefault`.
        [[nodiscard]] qint64 ageLimitFor(const QString &formatId, qint64 libraryDefault) const
        {
            if (const auto own = ageLimits.constFind(formatId); own != ageLimits.cend())
                return *own;
            return lifetimeChosen ? lifetimeSeconds : libraryDefault;
        }
    };

    /// How the payload field carries the JSON. Flask's: URL-safe base64 without padding, a
    /// leading '.' for zlib, tagged JSON. Starlette's SessionMiddleware signs with the same
    /// TimestampSigner but writes standard base64 (padded) of plain json.dumps, never deflated.
    struct Layout
    {
        Base64::Alphabet payloadAlphabet = Base64::Alphabet::UrlSafe;
        bool zlibFlag = true; ///< a leading '.' marks a deflated payload
        PythonJsonReader::Dialect dialect = PythonJsonReader::Dialect::FlaskTagged;
    };

    struct Parts
    {
        bool compressed = false; ///< the payload had a leading '.'
        QByteArray payloadText;  ///< without the '.'
        QByteArray timestampText;
        QByteArray signatureText;
        QByteArray signedValue; ///< what the signature covers: `[.]payload.timestamp`
        QByteArray payload;     ///< decoded payload bytes (compressed when flagged)
        QByteArray signature;   ///< raw signature bytes
        qint64 timestamp = 0;   ///< UNIX time of signing (kMaxTimestamp when out of range)
        /// The timestamp field holds a time past kMaxTimestamp (up to 2^64 - 1): no date can
        /// show it, and itsdangerous rejects it as signed in the future.
        bool timestampOutOfRange = false;
    };

    /// Whether the server accepts the cookie's age: one verdict, which each front end phrases
    /// in its own way (the window in days, the command line in seconds).
    enum class Expiry
    {
        Fresh,               ///< within the lifetime
        OlderThanLifetime,   ///< older than the session lifetime: Flask rejects it
        SignedInFuture,      ///< a negative age: itsdangerous rejects it
        TimestampOutOfRange, ///< after the year 9999: itsdangerous rejects it as from the future
    };

    struct Decoded
    {
        Parts parts;
        QByteArray json;
        SessionValue session;
        QStringList warnings;
        std::optional<Error> error;
        Verification verification = Verification::NotChecked;
        qsizetype secretIndex = -1; ///< which secret verified it
        qint64 ageSeconds = 0;
        bool expired = false; ///< older than the lifetime, or signed in the future
        /// Why the server rejects it by time (kept out of `warnings`), with `ageSeconds` and
        /// `lifetimeSeconds` as the figures to say it with.
        Expiry expiry = Expiry::Fresh;
        qint64 lifetimeSeconds = 0; ///< the lifetime `expired` was judged by
        [[nodiscard]] bool ok() const { return !error.has_value(); }
    };

    /// The fields of `[.]<payload>S<timestamp>S<signature>` at the last two separators S (the
    /// signers of itsdangerous, '.', and of Django, ':', each rsplit once): texts only, after the
    /// input limit, with a `format` error showing the shape. A leading '.' marks a deflated
    /// payload when `zlibFlag`. Each format decodes the fields its own way.
    [[nodiscard]] static Result<Parts> splitFields(QByteArrayView cookie, char separator,
                                                   bool zlibFlag);
    /// A field's base64, or its error naming the part.
    [[nodiscard]] static Result<QByteArray> decodeField(QByteArrayView text,
                                                        Base64::Alphabet alphabet, Part part);
    /// Splits and base64-decodes the fields (Flask's layout unless another is given).
    [[nodiscard]] static Result<Parts> split(QByteArrayView cookie, const Options &options);
    [[nodiscard]] static Result<Parts> split(QByteArrayView cookie, const Options &options,
                                             const Layout &layout);
    /// Decodes the payload; with secrets, also verifies (Invalid sets an `authentication` error
    /// but keeps the decoded session). `signingKeys`: where each secret is prepared once and
    /// reused for every cookie (the opener's KeySchedules keeps one); nullptr: prepared for
    /// this cookie alone.
    [[nodiscard]] static Decoded decode(QByteArrayView cookie, const Options &options,
                                        const QList<SecureBytes> &secrets = {}, qint64 now = -1);
    [[nodiscard]] static Decoded decode(QByteArrayView cookie, const Options &options,
                                        const QList<SecureBytes> &secrets, qint64 now,
                                        const Layout &layout,
                                        SigningKeyCache *signingKeys = nullptr);
    /// Index of the first secret whose signature matches, -1 when none does.
    /// Age and expiry as of `now` (UNIX seconds; negative: the clock). decode() calls
    /// it; a window that stays open calls it again so that the age it shows stays true.
    static void judgeAge(Decoded &decoded, qint64 lifetimeSeconds, qint64 now = -1);

    /// `signingKeys` as for decode().
    [[nodiscard]] static Result<qsizetype> verify(const Parts &parts,
                                                  const QList<SecureBytes> &secrets,
                                                  const Options &options,
                                                  SigningKeyCache *signingKeys = nullptr);

    /// The payload's steps after the split, shared by the formats of this shape: inflate it
    /// when compressed (bounded by Options::maxInflatedSize) into `json`. False, with the
    /// error in `decoded`, when that fails.
    static bool inflatePayload(Decoded &decoded, const Options &options);
    /// Reads `json` as a session in `dialect` (or only checks it, without
    /// Options::buildSession). False, with the error in `decoded`, when it is none.
    static bool readSession(Decoded &decoded, const Options &options,
                            PythonJsonReader::Dialect dialect);

    /// Signs a session as Flask does (compact, sorted, tagged JSON; zlib when it saves 2+ bytes).
    [[nodiscard]] static Result<QByteArray> sign(const SessionValue &session,
                                                 const SecureBytes &secret, qint64 timestamp,
                                                 const Options &options);
    /// The payload field for a JSON text: base64, compressed with a '.' when that is shorter.
    [[nodiscard]] static QByteArray payloadField(const QByteArray &json);
    /// sign() for a payload field already made (payloadField()), so that it is deflated once.
    [[nodiscard]] static Result<QByteArray> signPayload(const QByteArray &payloadField,
                                                        const SecureBytes &secret, qint64 timestamp,
                                                        const Options &options);
    /// itsdangerous' int_to_bytes in URL-safe base64.
    [[nodiscard]] static QByteArray timestampField(qint64 timestamp, bool legacyEpoch);
    [[nodiscard]] static QString partName(Part part);

private:
    /// The signature step, after the JSON: its verdict goes into `decoded`.
    static void verifyInto(Decoded &decoded, const QList<SecureBytes> &secrets,
                           const Options &options, SigningKeyCache *signingKeys);
};

} // namespace sessionlens
