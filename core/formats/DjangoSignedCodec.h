#pragma once

#include "Result.h"
#include "crypto/ItsdangerousSigner.h"
#include "crypto/SecureBytes.h"
#include "formats/FlaskSignedCodec.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace sessionlens {

/**
 * Django's `signed_cookies` session backend (django.core.signing, Django 3.2):
 * `[.]<payload>:<timestamp>:<signature>`. The payload is URL-safe base64 (no padding) of
 * `json.dumps(session, separators=(',', ':'))`, zlib-compressed first when that saves 2 bytes
 * (then marked by a leading '.'); the timestamp is the UNIX time in base62; the signature is
 * URL-safe base64 of HMAC(key, `[.]payload:timestamp`) with key = digest(salt + "signer" +
 * SECRET_KEY), SHA-256 by default and the legacy SHA-1 (DEFAULT_HASHING_ALGORITHM = 'sha1'),
 * which Django 3.2 also accepts when verifying.
 *
 * The decoded form is FlaskSignedCodec's (parts, timestamp, verification, age), so the views
 * that show a signed cookie's timestamp and verdict show this one too.
 */
class DjangoSignedCodec
{
public:
    using Decoded = FlaskSignedCodec::Decoded;
    using Parts = FlaskSignedCodec::Parts;
    using Digest = ItsdangerousSigner::Digest;

    /// The salt signed_cookies.SessionStore passes to signing.dumps / loads.
    static constexpr char kSalt[] = "django.contrib.sessions.backends.signed_cookies";
    /// SESSION_COOKIE_AGE's default: two weeks, the max_age the backend loads with.
    static constexpr qint64 kDefaultCookieAge = 1209600;
    /// SESSION_COOKIE_NAME's default.
    static constexpr char kCookieName[] = "sessionid";

    /// The secret and digest that verified a cookie.
    struct Match
    {
        qsizetype secretIndex = -1;
        Digest digest = Digest::Sha256;
    };

    /// The three fields at the last two ':' (Signer.unsign and TimestampSigner.unsign each
    /// rsplit once), with the payload and signature decoded and the base62 timestamp read.
    [[nodiscard]] static Result<Parts> split(QByteArrayView cookie);
    /// Decodes the payload; with secrets, also verifies (a mismatch sets an `authentication`
    /// error but keeps the decoded session). Age is judged by cookieAge(options).
    /// `signingKeys`: where the secrets are prepared once (FlaskSignedCodec::decode).
    [[nodiscard]] static Decoded decode(QByteArrayView cookie,
                                        const FlaskSignedCodec::Options &options,
                                        const QList<SecureBytes> &secrets = {}, qint64 now = -1,
                                        SigningKeyCache *signingKeys = nullptr);
    /// Tries each secret with SHA-256, then SHA-1, as Signer.unsign does; no match: index -1.
    /// `signingKeys`: where the secrets are prepared once (FlaskSignedCodec::decode).
    [[nodiscard]] static Result<Match> verify(const Parts &parts, const QList<SecureBytes> &secrets,
                                              SigningKeyCache *signingKeys = nullptr);
    /// Django's max_age check: only an age above it fails (a timestamp in the future passes).
    static void judgeAge(Decoded &decoded, qint64 cookieAge, qint64 now = -1);
    /// SESSION_COOKIE_AGE from the options: their lifetime, unless it is Flask's default, which
    /// stands for "not given" (the options are shared by every signed format).
    [[nodiscard]] static qint64 cookieAge(const FlaskSignedCodec::Options &options);
    /// The digest to sign with: SHA-256 (Django 3.2's default), or the legacy SHA-1 when the
    /// options ask for Django's key derivation with SHA-1 (--key-derivation django-concat
    /// --digest sha1).
    [[nodiscard]] static Digest sealDigest(const FlaskSignedCodec::Options &options);
    /// The signer Django's Signer amounts to for a digest.
    [[nodiscard]] static ItsdangerousSigner::Options signerOptions(Digest digest);

    /// baseconv.base62.encode.
    [[nodiscard]] static QByteArray timestampField(qint64 timestamp);
    /// signing.dumps for a payload field already made (FlaskSignedCodec::payloadField, whose
    /// compression rule is Django's too).
    [[nodiscard]] static Result<QByteArray> signPayload(const QByteArray &payloadField,
                                                        const SecureBytes &secret, qint64 timestamp,
                                                        Digest digest);
    /// Whether a signature text is what Django writes for its bytes (unpadded URL-safe base64):
    /// Django compares signature texts, so no other spelling of the same bytes ever matches.
    [[nodiscard]] static bool canonicalSignature(const Parts &parts);

private:
    static void verifyInto(Decoded &decoded, const QList<SecureBytes> &secrets,
                           SigningKeyCache *signingKeys);
};

} // namespace sessionlens
