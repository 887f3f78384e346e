#pragma once

#include "Result.h"
#include "crypto/ItsdangerousSigner.h"
#include "crypto/SecureBytes.h"
#include "formats/FlaskSignedCodec.h"
#include "json/SessionValue.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace sessionlens {

/**
 * Flask-WTF's CSRF form token (flask_wtf/csrf.py, 1.1): the session keeps a raw token
 * (`hashlib.sha1(os.urandom(64)).hexdigest()`), and every form carries
 * `URLSafeTimedSerializer(secret, salt="wtf-csrf-token").dumps(raw)`: itsdangerous' default
 * signer (django-concat key derivation, HMAC-SHA1), compact JSON with ensure_ascii=False, zlib
 * when that saves 2 bytes. The shape is Flask's signed cookie's, so the split, the signature
 * and the age reuse FlaskSignedCodec; only the payload (a JSON string, not a session) differs.
 */
class WtfCsrfCodec
{
public:
    static constexpr char kSalt[] = "wtf-csrf-token";
    /// WTF_CSRF_TIME_LIMIT's default.
    static constexpr qint64 kDefaultTimeLimitSeconds = 3600;
    /// WTF_CSRF_FIELD_NAME's default: the session key and the form field.
    static constexpr char kDefaultFieldName[] = "csrf_token";
    /// os.urandom(64) hashed with SHA-1, as hex digits.
    static constexpr int kRawTokenHexDigits = 40;
    /// A payload is read up to here before the first inflated byte must have come out: the
    /// detector looks at that byte only.
    static constexpr qsizetype kSniffBase64Chars = 512;
    /// The payload's beginning read first (96 bytes): on the generated benchmark mix a Flask
    /// session's zlib header and first two symbols took at most 60 bytes.
    static constexpr qsizetype kFirstTryBase64Chars = 128;

    struct Decoded
    {
        /// The split, signature verdict, age and expiry; `lifetimeSeconds` is the time limit.
        /// Its `json` is the payload's JSON text, its `session` the tree {field: value}.
        FlaskSignedCodec::Decoded token;
        /// The value inside: a string in every token Flask-WTF makes.
        SessionValue value;
        bool timeLimited = true; ///< false: WTF_CSRF_TIME_LIMIT = None, no age check
        [[nodiscard]] bool ok() const { return token.ok(); }
        [[nodiscard]] bool isString() const { return value.type() == SessionValue::Type::String; }
    };

    /// itsdangerous' signer as Flask-WTF configures it.
    [[nodiscard]] static ItsdangerousSigner::Options signerOptions();
    /// `base` (inflate and nesting bounds) with Flask-WTF's signer and the time limit as the
    /// lifetime (nullopt: no limit).
    [[nodiscard]] static FlaskSignedCodec::Options
    codecOptions(const FlaskSignedCodec::Options &base, std::optional<qint64> timeLimit);

    /// Whether `token` is exactly a form token's shape: `[.]<payload>.<ts>.<sig>` of URL-safe
    /// characters whose payload is (or inflates to) a JSON string. Reads only the payload's
    /// first characters.
    [[nodiscard]] static bool hasTokenShape(QByteArrayView token);

    /// Splits, reads the payload and, with secrets, verifies like `URLSafeTimedSerializer.loads`:
    /// a bad signature is an `authentication` error (the value stays readable); a good one
    /// older than the time limit (or from the future) sets `token.expired`. `signingKeys`:
    /// where the secrets are prepared once (FlaskSignedCodec::decode).
    [[nodiscard]] static Decoded
    decode(QByteArrayView token, const QList<SecureBytes> &secrets,
           const FlaskSignedCodec::Options &options,
           const QString &fieldName = QString::fromLatin1(kDefaultFieldName), qint64 now = -1,
           SigningKeyCache *signingKeys = nullptr);

    /// `s.dumps(raw)` signed as of `timestamp`: byte-identical with Flask-WTF's token.
    [[nodiscard]] static Result<QByteArray> mint(const QString &raw, const SecureBytes &secret,
                                                 qint64 timestamp);
    /// The payload JSON of a string, as itsdangerous' compact JSON writes it (ensure_ascii
    /// off: non-ASCII stays UTF-8); an `encoding` error for a lone surrogate, which Python
    /// cannot encode either.
    [[nodiscard]] static Result<QByteArray> payloadJson(const QString &raw);
    /// A new raw token like Flask-WTF's: 40 random hex digits.
    [[nodiscard]] static Result<QString> newRawToken();
};

} // namespace sessionlens
