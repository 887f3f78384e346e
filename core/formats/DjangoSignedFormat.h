#pragma once

#include "formats/CookieFormat.h"
#include "formats/CookieSize.h"

namespace sessionlens {

/// Django's `signed_cookies` session backend, `[.]<payload>:<timestamp>:<signature>` signed by
/// django.core.signing (DjangoSignedCodec does the work), in Django's plain compact JSON.
class DjangoSignedFormat final : public CookieFormat
{
public:
    /// The stable id, also for code that names this format without a registry at hand.
    [[nodiscard]] static QString formatId() { return QStringLiteral("django"); }

    [[nodiscard]] QString id() const override { return formatId(); }
    [[nodiscard]] QString displayName() const override;
    [[nodiscard]] QString shortName() const override;
    [[nodiscard]] int score(QByteArrayView cookie,
                            const FormatDetector::Characters &characters) const override;
    [[nodiscard]] int sealOptions() const override { return SignsWithTimestamp; }
    [[nodiscard]] KeyKind keyKind() const override { return KeyKind::Secret; }
    [[nodiscard]] PythonJsonWriter::Style writerStyle() const override
    {
        return PythonJsonWriter::Style::Compact;
    }
    [[nodiscard]] PythonJsonReader::Dialect readerDialect() const override
    {
        return PythonJsonReader::Dialect::Plain;
    }
    void open(QByteArrayView cookie, KeySchedules &keys, const OpenOptions &options,
              OpenedCookie &out) const override;
    void judgeAge(OpenedCookie &opened, const OpenOptions &options, qint64 now) const override;
    void seal(const SessionValue &session, const SecureBytes &key, const SealOptions &options,
              SealedCookie &out) const override;
    [[nodiscard]] SessionConverter::Converted
    convertFrom(const SessionValue &session) const override;
    /// Candidates are checked with the digest the signature's size says (SHA-256 or SHA-1).
    [[nodiscard]] Result<std::unique_ptr<SecretCheck>>
    prepareSecretCheck(QByteArrayView cookie, const OpenOptions &options) const override;

    /// The size report of the cookie Django writes for `session`, whose JSON is `json`, with
    /// SESSION_COOKIE_AGE `cookieAge`.
    [[nodiscard]] static CookieSize sizeReport(const SessionValue &session, const QByteArray &json,
                                               const QByteArray &payloadField, int digestSize,
                                               const QString &cookieName, qint64 cookieAge,
                                               qsizetype exactKeyShares);
    /// The bytes Django's SessionMiddleware writes in Set-Cookie after the value, with its
    /// defaults (SimpleCookie's sorted attributes): `; expires=<Wdy, DD Mon YYYY HH:MM:SS GMT>;
    /// HttpOnly; Max-Age=<SESSION_COOKIE_AGE>; Path=/; SameSite=Lax`.
    [[nodiscard]] static qsizetype setCookieAttributeBytes(qint64 cookieAge);
    /// A `format` error naming the first value Django's JSONSerializer cannot write (bytes, UUID,
    /// datetime: json.dumps raises TypeError), or nullopt.
    [[nodiscard]] static std::optional<Error> checkWritable(const SessionValue &session);
};

} // namespace sessionlens
