#pragma once

#include "formats/CookieFormat.h"
#include "formats/CookieSize.h"

namespace sessionlens {

/// Flask's default session cookie, `[.]<payload>.<timestamp>.<signature>` signed by
/// itsdangerous (FlaskSignedCodec does the work). Quart writes the same cookie.
class FlaskSignedFormat final : public CookieFormat
{
public:
    /// The stable id, also for code that names this format without a registry at hand.
    [[nodiscard]] static QString formatId() { return QStringLiteral("signed"); }

    [[nodiscard]] QString id() const override { return formatId(); }
    [[nodiscard]] QString displayName() const override;
    [[nodiscard]] QString shortName() const override;
    [[nodiscard]] int score(QByteArrayView cookie,
                            const FormatDetector::Characters &characters) const override;
    [[nodiscard]] int sealOptions() const override { return SignsWithTimestamp; }
    [[nodiscard]] KeyKind keyKind() const override { return KeyKind::Secret; }
    [[nodiscard]] PythonJsonWriter::Style writerStyle() const override
    {
        return PythonJsonWriter::Style::FlaskTagged;
    }
    [[nodiscard]] PythonJsonReader::Dialect readerDialect() const override
    {
        return PythonJsonReader::Dialect::FlaskTagged;
    }
    void open(QByteArrayView cookie, KeySchedules &keys, const OpenOptions &options,
              OpenedCookie &out) const override;
    void judgeAge(OpenedCookie &opened, const OpenOptions &options, qint64 now) const override;
    void seal(const SessionValue &session, const SecureBytes &key, const SealOptions &options,
              SealedCookie &out) const override;
    [[nodiscard]] SessionConverter::Converted
    convertFrom(const SessionValue &session) const override;
    [[nodiscard]] Result<std::unique_ptr<SecretCheck>>
    prepareSecretCheck(QByteArrayView cookie, const OpenOptions &options) const override;

    /// Fills `out` from a signed cookie's decode, `indices` mapping the secrets it was given to
    /// ring entries (KeySchedules::candidates): every format of this shape opens this way.
    static void fillOpened(FlaskSignedCodec::Decoded decoded, const QList<qsizetype> &indices,
                           const OpenOptions &options, OpenedCookie &out);
    /// open() for any cookie of itsdangerous' TimestampSigner shape in `layout` (Starlette's
    /// too): verifies with the ring's secrets and reports which one matched.
    static void openSigned(const CookieFormat &format, QByteArrayView cookie, KeySchedules &keys,
                           const OpenOptions &options, const FlaskSignedCodec::Layout &layout,
                           OpenedCookie &out);
    /// prepareSecretCheck() for the same cookies: split once, the signer of `options`.
    [[nodiscard]] static Result<std::unique_ptr<SecretCheck>>
    prepareSigned(QByteArrayView cookie, const OpenOptions &options,
                  const FlaskSignedCodec::Layout &layout);

    /// The size stages after the JSON (and its zlib form): what SizeReport lists.
    [[nodiscard]] static QList<CookieSize::Stage> sizeStages(qsizetype payload,
                                                             qsizetype payloadBase64,
                                                             qsizetype timestampBase64,
                                                             qsizetype signatureBase64);

private:
    /// The figures for Flask-tagged JSON already written and its payload field
    /// (FlaskSignedCodec::payloadField), signed with a digest of `digestSize` bytes.
    [[nodiscard]] static CookieSize measure(const SessionValue &session, const QByteArray &json,
                                            const QByteArray &payloadField, int digestSize,
                                            qsizetype exactKeyShares);
};

} // namespace sessionlens
