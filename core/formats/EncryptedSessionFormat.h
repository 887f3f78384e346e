#pragma once

#include "formats/CookieFormat.h"
#include "formats/CookieSize.h"

namespace sessionlens {

/// EncryptedSession's cookie, `<flag>.<ciphertext>.<tag>.<nonce>` sealed with AES-EAX
/// (EncryptedSessionCodec does the work; this says what the format is to everyone else).
class EncryptedSessionFormat final : public CookieFormat
{
public:
    /// The stable id, also for code that names this format without a registry at hand.
    [[nodiscard]] static QString formatId() { return QStringLiteral("encrypted"); }

    [[nodiscard]] QString id() const override { return formatId(); }
    [[nodiscard]] QString displayName() const override;
    [[nodiscard]] QString shortName() const override;
    [[nodiscard]] int score(QByteArrayView cookie,
                            const FormatDetector::Characters &characters) const override;
    [[nodiscard]] int sealOptions() const override { return ChoosesCompression; }
    [[nodiscard]] KeyKind keyKind() const override { return KeyKind::AesKey; }
    [[nodiscard]] PythonJsonWriter::Style writerStyle() const override
    {
        return PythonJsonWriter::Style::EncryptedSession;
    }
    [[nodiscard]] PythonJsonReader::Dialect readerDialect() const override
    {
        return PythonJsonReader::Dialect::EncryptedSession;
    }
    void open(QByteArrayView cookie, KeySchedules &keys, const OpenOptions &options,
              OpenedCookie &out) const override;
    void seal(const SessionValue &session, const SecureBytes &key, const SealOptions &options,
              SealedCookie &out) const override;
    [[nodiscard]] SessionConverter::Converted
    convertFrom(const SessionValue &session) const override;

    /// The size stages after the JSON (and its zlib form): what SizeReport lists.
    [[nodiscard]] static QList<CookieSize::Stage> sizeStages(qsizetype ciphertext,
                                                             qsizetype ciphertextBase64,
                                                             qsizetype tagBase64,
                                                             qsizetype nonceBase64);

private:
    /// The figures for JSON text already written (`entryEnds` from PythonJsonWriter) whose
    /// payload (the text, or its zlib form when `compressed`) is `payloadBytes` long.
    [[nodiscard]] static CookieSize measure(const SessionValue &session, const QByteArray &json,
                                            const QList<qsizetype> &entryEnds,
                                            qsizetype payloadBytes, bool compressed,
                                            const SealOptions &options);
    /// Tries the AES keys `keys` offers on split fields; an `authentication` error when none fits.
    void openWithKeys(KeySchedules &keys, const EncryptedSessionCodec::Limits &limits,
                      EncryptedSessionCodec::Decoded &decoded, OpenedCookie &out) const;
};

} // namespace sessionlens
