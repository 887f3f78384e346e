#pragma once

#include "formats/CookieFormat.h"

namespace sessionlens {

/// Flask-WTF's CSRF form token (WtfCsrfCodec), opened as the tree {"csrf_token": "<raw>"} so
/// that paste, decode, audit and capture show it like a session. Its shape is Flask's signed
/// cookie's with a JSON string inside, which no session is: it scores Exact, above Flask's
/// Certain, only when the payload really is a string.
class WtfCsrfFormat final : public CookieFormat
{
public:
    [[nodiscard]] static QString formatId() { return QStringLiteral("wtf-csrf"); }

    [[nodiscard]] QString id() const override { return formatId(); }
    [[nodiscard]] QString displayName() const override;
    [[nodiscard]] QString shortName() const override;
    [[nodiscard]] int score(QByteArrayView cookie,
                            const FormatDetector::Characters &characters) const override;
    [[nodiscard]] int sealOptions() const override { return SignsWithTimestamp; }
    [[nodiscard]] KeyKind keyKind() const override { return KeyKind::Secret; }
    [[nodiscard]] PythonJsonWriter::Style writerStyle() const override
    {
        return PythonJsonWriter::Style::EncryptedSession; // json.dumps' defaults, no tags
    }
    [[nodiscard]] PythonJsonReader::Dialect readerDialect() const override
    {
        return PythonJsonReader::Dialect::Plain;
    }
    /// Verifies with the ring's secrets and judges the age against WTF_CSRF_TIME_LIMIT's
    /// default (the `csrf` command takes another); an expired token opens with a warning.
    void open(QByteArrayView cookie, KeySchedules &keys, const OpenOptions &options,
              OpenedCookie &out) const override;
    /// The session must be one entry holding a string (the raw token); its key is the field.
    void seal(const SessionValue &session, const SecureBytes &key, const SealOptions &options,
              SealedCookie &out) const override;
    /// Flask-WTF's signer (salt wtf-csrf-token, django-concat, SHA-1), whatever `options` say.
    [[nodiscard]] Result<std::unique_ptr<SecretCheck>>
    prepareSecretCheck(QByteArrayView cookie, const OpenOptions &options) const override;
    [[nodiscard]] std::optional<qint64> signedAt(const OpenedCookie &opened) const override;
    /// Keeps the session's `csrf_token` alone, with a note for each key dropped.
    [[nodiscard]] SessionConverter::Converted
    convertFrom(const SessionValue &session) const override;
};

} // namespace sessionlens
