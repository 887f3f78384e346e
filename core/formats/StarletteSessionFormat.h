#pragma once

#include "formats/CookieFormat.h"

namespace sessionlens {

/**
 * Starlette's (and so FastAPI's) SessionMiddleware cookie: `<payload>.<timestamp>.<signature>`,
 * where the payload is standard base64 (padded) of plain `json.dumps(session)` and the rest is
 * itsdangerous' TimestampSigner(secret_key) with its defaults (salt "itsdangerous.Signer",
 * django-concat key derivation, SHA-1). FlaskSignedCodec does the work with Starlette's layout.
 * A payload with no '+', '/' or '=' has the shape of a Flask signed cookie too: the score then
 * reads the JSON's separators (json.dumps' ", " and ": " against Flask's compact ones), and the
 * opener lets a stored secret decide (FormatRegistry::Detection::candidates).
 */
class StarletteSessionFormat final : public CookieFormat
{
public:
    /// SessionMiddleware's max_age default: 14 days.
    static constexpr qint64 kDefaultMaxAgeSeconds = qint64(14) * 24 * 3600;

    [[nodiscard]] static QString formatId() { return QStringLiteral("starlette"); }

    [[nodiscard]] QString id() const override { return formatId(); }
    [[nodiscard]] QString displayName() const override;
    [[nodiscard]] QString shortName() const override;
    [[nodiscard]] int score(QByteArrayView cookie,
                            const FormatDetector::Characters &characters) const override;
    [[nodiscard]] int sealOptions() const override { return SignsWithTimestamp; }
    [[nodiscard]] KeyKind keyKind() const override { return KeyKind::Secret; }
    /// json.dumps' defaults; a session with bytes, UUID or datetime is refused before writing.
    [[nodiscard]] PythonJsonWriter::Style writerStyle() const override
    {
        return PythonJsonWriter::Style::EncryptedSession;
    }
    [[nodiscard]] PythonJsonReader::Dialect readerDialect() const override
    {
        return PythonJsonReader::Dialect::Plain;
    }
    void judgeAge(OpenedCookie &opened, const OpenOptions &options, qint64 now) const override;
    void open(QByteArrayView cookie, KeySchedules &keys, const OpenOptions &options,
              OpenedCookie &out) const override;
    void seal(const SessionValue &session, const SecureBytes &key, const SealOptions &options,
              SealedCookie &out) const override;
    [[nodiscard]] SessionConverter::Converted
    convertFrom(const SessionValue &session) const override;
    [[nodiscard]] Result<std::unique_ptr<SecretCheck>>
    prepareSecretCheck(QByteArrayView cookie, const OpenOptions &options) const override;

    /// The options SessionMiddleware's signer has, whatever `options` say of Flask's: only the
    /// limits and a lifetime chosen by the user carry over.
    [[nodiscard]] static OpenOptions starletteOptions(const OpenOptions &options);
    [[nodiscard]] static FlaskSignedCodec::Layout layout();
    /// The bytes SessionMiddleware writes in Set-Cookie after the value, with its defaults:
    /// `; path=/; Max-Age=<max_age>; httponly; samesite=lax` (no Max-Age when max_age is None or
    /// 0; `; secure` only with https_only, which the cookie does not show: not counted).
    [[nodiscard]] static qsizetype setCookieAttributeBytes(qint64 maxAge);
    /// Why a session cannot be written by json.dumps (bytes, UUID, datetime), or nullopt.
    [[nodiscard]] static std::optional<Error> checkSealable(const SessionValue &session);
};

} // namespace sessionlens
