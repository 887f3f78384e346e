#pragma once

#include "formats/CookieFormat.h"
#include "formats/RememberCookieCodec.h"

namespace sessionlens {

/**
 * Flask-Login's remember cookie (`remember_token`) as a format: it opens as the tree
 * `{"user_id": "<id>"}`, verifies with the ring's signing secrets and seals a user id into
 * the cookie Flask-Login accepts, so that the generic edit path forges it for another user.
 * It carries nothing but the id: no timestamp (it is valid as long as the secret), no salt.
 */
class RememberCookieFormat final : public CookieFormat
{
public:
    /// Flask-Login's cookie name (REMEMBER_COOKIE_NAME's default).
    static constexpr char kCookieName[] = "remember_token";
    /// The one member of the tree.
    static constexpr char kUserIdKey[] = "user_id";

    /// What open() leaves in OpenedCookie::details.
    struct Details
    {
        RememberCookieCodec::Parts parts;
        /// The secret matched through its Latin-1 bytes (a str SECRET_KEY with non-ASCII
        /// characters, as Flask-Login encodes it).
        bool latin1Key = false;
    };

    [[nodiscard]] static QString formatId() { return QStringLiteral("remember"); }

    [[nodiscard]] QString id() const override { return formatId(); }
    [[nodiscard]] QString displayName() const override;
    [[nodiscard]] QString shortName() const override;
    [[nodiscard]] int score(QByteArrayView cookie,
                            const FormatDetector::Characters &characters) const override;
    [[nodiscard]] KeyKind keyKind() const override { return KeyKind::Secret; }
    [[nodiscard]] int sealOptions() const override { return NoSealOptions; }
    [[nodiscard]] PythonJsonWriter::Style writerStyle() const override
    {
        return PythonJsonWriter::Style::EncryptedSession; // json.dumps' defaults
    }
    [[nodiscard]] PythonJsonReader::Dialect readerDialect() const override
    {
        return PythonJsonReader::Dialect::Plain;
    }
    void open(QByteArrayView cookie, KeySchedules &keys, const OpenOptions &options,
              OpenedCookie &out) const override;
    void seal(const SessionValue &session, const SecureBytes &key, const SealOptions &options,
              SealedCookie &out) const override;
    [[nodiscard]] SessionConverter::Converted
    convertFrom(const SessionValue &session) const override;
    /// Splits the cookie and decodes the hex digest once; each candidate is then one HMAC
    /// (two for a non-ASCII candidate: its bytes, then its Latin-1 form).
    [[nodiscard]] Result<std::unique_ptr<SecretCheck>>
    prepareSecretCheck(QByteArrayView cookie, const OpenOptions &options) const override;

private:
    /// The id a session names for the cookie, or the error that says why it has none.
    [[nodiscard]] static Result<QString> userIdOf(const SessionValue &session);
};

} // namespace sessionlens
