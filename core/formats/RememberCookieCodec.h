#pragma once

#include "Limits.h"
#include "Result.h"
#include "crypto/ItsdangerousSigner.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace sessionlens {

class SigningKeyCache;

/**
 * Flask-Login's "remember me" cookie (flask_login.utils.encode_cookie / decode_cookie):
 * `<user id>|<hex HMAC-SHA512 of the id's UTF-8 under SECRET_KEY>`, no timestamp and no
 * salt, so it stays valid for as long as the secret does. Werkzeug quotes the value in
 * Set-Cookie when the id holds a character outside its cookie alphabet (a space, a comma,
 * anything non-ASCII), with octal escapes; the browser sends that quoted form back.
 */
class RememberCookieCodec
{
public:
    /// sha512 hexdigest: 64 bytes as lower-case hex.
    static constexpr qsizetype kDigestHexChars = 128;
    /// flask_login.config.COOKIE_DURATION (REMEMBER_COOKIE_DURATION's default): 365 days.
    static constexpr qint64 kDefaultDurationSeconds = qint64(365) * 24 * 60 * 60;
    /// `; Expires=Fri, 03 Dec 2027 09:56:46 GMT`: Werkzeug's attribute for the duration,
    /// on top of Flask's `; HttpOnly; Path=/`.
    static constexpr qsizetype kExpiresAttributeBytes = 39;

    enum class Part
    {
        UserId = 0,
        Digest = 1
    };

    struct Parts
    {
        QByteArray userId;     ///< UTF-8, after Werkzeug's unquoting
        QByteArray digestText; ///< the hex digest as the cookie holds it
        bool quoted = false;   ///< the value came in Werkzeug's quoted form
    };

    /// The value's parts: optional surrounding quotes and Werkzeug's escapes undone, then
    /// split at the last '|' (decode_cookie's rsplit). Each failure names its step.
    [[nodiscard]] static Result<Parts> split(QByteArrayView cookie);
    /// Whether `cookie` has the shape: <anything>|<128 hex digits>, quoted or not.
    [[nodiscard]] static bool hasShape(QByteArrayView cookie);
    /// Has a '|' followed by hex digits of another count: a damaged remember cookie.
    [[nodiscard]] static bool looksDamaged(QByteArrayView cookie);

    /// The HMAC key Flask-Login uses for a stored secret: a str SECRET_KEY is encoded as
    /// Latin-1 (utils._secret_key), while SessionLens and itsdangerous hold a typed secret as
    /// UTF-8. So a secret that is UTF-8 text of Latin-1 characters becomes their Latin-1
    /// bytes; any other secret (ASCII, raw bytes) is used as it is. nullopt when the secret is
    /// UTF-8 text beyond Latin-1: Flask-Login itself fails on such a str key.
    [[nodiscard]] static std::optional<SecureBytes> flaskLoginKey(const SecureBytes &secret);
    /// flaskLoginKey() when it differs from the stored bytes, else nullopt. A stored secret is
    /// verified with this key first, then with its bytes as they are (an app whose SECRET_KEY
    /// is bytes); the bytes need no copy.
    [[nodiscard]] static std::optional<SecureBytes> latin1Key(const SecureBytes &secret);

    /// _cookie_digest's HMAC as an itsdangerous signer: SHA-512, no salt, no key derivation.
    [[nodiscard]] static ItsdangerousSigner::Options signerOptions();
    /// _cookie_digest: lower-case hex of HMAC-SHA512(key, userId).
    [[nodiscard]] static Result<QByteArray> digest(QByteArrayView userId, const SecureBytes &key);
    /// Constant-time check of `parts` against one HMAC key; `signingKeys`: where the key is
    /// prepared once (FlaskSignedCodec::decode).
    [[nodiscard]] static bool matches(const Parts &parts, const SecureBytes &key,
                                      SigningKeyCache *signingKeys = nullptr);

    /// encode_cookie with the key as Flask-Login derives it from `secret`, quoted as
    /// Werkzeug's Set-Cookie writes it: the value a browser stores and sends back.
    [[nodiscard]] static Result<QByteArray> sign(QByteArrayView userId, const SecureBytes &secret);

    /// Werkzeug 2.2's _cookie_quote / _cookie_unquote.
    [[nodiscard]] static QByteArray quote(QByteArrayView raw);
    [[nodiscard]] static QByteArray unquote(QByteArrayView quoted);
};

} // namespace sessionlens
