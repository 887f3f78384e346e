#pragma once

#include "formats/CookieFormat.h"
#include "report/SizeReport.h"

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
    void open(QByteArrayView cookie, KeyRing &ring, const OpenOptions &options,
              OpenedCookie &out) const override;
    void seal(const SessionValue &session, const SecureBytes &key, const SealOptions &options,
              SealedCookie &out) const override;
    [[nodiscard]] SessionConverter::Converted
    convertFrom(const SessionValue &session) const override;
    [[nodiscard]] Result<std::unique_ptr<SecretCheck>>
    prepareSecretCheck(QByteArrayView cookie, const OpenOptions &options) const override;

    /// The size stages after the JSON (and its zlib form): what SizeReport lists.
    [[nodiscard]] static QList<SizeReport::Stage> sizeStages(qsizetype payload,
                                                             qsizetype payloadBase64,
                                                             qsizetype timestampBase64,
                                                             qsizetype signatureBase64);
};

} // namespace sessionlens
