#include "formats/FlaskSignedFormat.h"

#include "document/CookieOpener.h"
#include "document/SessionSealer.h"
#include "formats/ItsdangerousSecretCheck.h"
#include "formats/OpenedCookie.h"
#include "formats/SessionDialect.h"
#include "keys/KeyRing.h"

#include <QCoreApplication>
#include <QDateTime>

namespace sessionlens {

QString FlaskSignedFormat::displayName() const
{
    return QCoreApplication::translate("sessionlens::Note", "Flask signed session");
}

QString FlaskSignedFormat::shortName() const
{
    return QCoreApplication::translate("sessionlens::Note", "signed");
}

int FlaskSignedFormat::score(QByteArrayView cookie,
                             const FormatDetector::Characters &characters) const
{
    if (FormatDetector::detect(cookie, characters) != FormatDetector::Format::FlaskSigned)
        return NotMine;
    // With fewer than two dots it is only a cut cookie's beginning ("eyJ", ".eJ"): first let
    // the opener say whether it is no session cookie at all.
    return characters.dots >= 2 ? Certain : Damaged;
}

void FlaskSignedFormat::open(QByteArrayView cookie, KeyRing &ring, const OpenOptions &options,
                             OpenedCookie &out) const
{
    QList<qsizetype> indices;
    const QList<SecureBytes> secrets = CookieOpener::signingSecrets(ring, &indices);
    FlaskSignedCodec::Decoded decoded = FlaskSignedCodec::decode(cookie, options, secrets);
    out.error = decoded.error;
    out.warnings = decoded.warnings;
    // The empty secret (Options::verifyEmptySecret) comes after the ring's: no ring entry.
    if (decoded.secretIndex >= 0 && decoded.secretIndex < indices.size())
        out.keyIndex = indices[decoded.secretIndex];
    out.compressed = decoded.parts.compressed;
    if (decoded.verification != FlaskSignedCodec::Verification::NotChecked)
        out.verified = decoded.verification == FlaskSignedCodec::Verification::Valid;
    out.sessionValue = std::move(decoded.session);
    out.jsonText = std::move(decoded.json);
    out.details = std::move(decoded);
}

void FlaskSignedFormat::seal(const SessionValue &session, const SecureBytes &key,
                             const SealOptions &options, SealedCookie &out) const
{
    out.json = PythonJsonWriter::write(session, PythonJsonWriter::Style::FlaskTagged);
    const QByteArray payload = FlaskSignedCodec::payloadField(out.json);
    out.report = SizeReport::fromSigned(
        session, out.json, payload, ItsdangerousSigner::digestSize(options.signer.signer.digest),
        options.cookieName, options.exactKeyShares);
    if ((out.error = SessionDialect::checkIsSession(session)))
        return;
    if ((out.error = SessionSealer::overInputLimit(out.report.cookieValueBytes)))
        return;
    if (key.isEmpty()) {
        out.error = Error::make(
            ErrorCategory::Key,
            QCoreApplication::translate("sessionlens::Error", "no Flask secret to sign with"));
        return;
    }
    const qint64 timestamp =
        options.timestamp >= 0 ? options.timestamp : QDateTime::currentSecsSinceEpoch();
    auto cookie = FlaskSignedCodec::signPayload(payload, key, timestamp, options.signer);
    if (!cookie) {
        out.error = cookie.error();
        return;
    }
    out.cookie = std::move(cookie).value();
}

SessionConverter::Converted FlaskSignedFormat::convertFrom(const SessionValue &session) const
{
    return SessionConverter::toFlaskSigned(session);
}

QList<SizeReport::Stage> FlaskSignedFormat::sizeStages(qsizetype payload, qsizetype payloadBase64,
                                                       qsizetype timestampBase64,
                                                       qsizetype signatureBase64)
{
    const auto note = [](const char *text) {
        return QCoreApplication::translate("sessionlens::Note", text);
    };
    // The aliases are the keys the figures had when the report knew only EncryptedSession's.
    return {
        {QStringLiteral("payload_bytes"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "payload (signed, not encrypted)")), payload,
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "payload (not encrypted)")),
         QStringLiteral("ciphertext_bytes")},
        {QStringLiteral("payload_base64"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "payload, base64")), payloadBase64,
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "base64")),
         QStringLiteral("ciphertext_base64")},
        {QStringLiteral("timestamp_base64"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "timestamp, base64")),
         timestampBase64,
         {},
         QStringLiteral("nonce_base64")},
        {QStringLiteral("signature_base64"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "signature, base64")),
         signatureBase64,
         {},
         QStringLiteral("tag_base64")},
    };
}

Result<std::unique_ptr<SecretCheck>>
FlaskSignedFormat::prepareSecretCheck(QByteArrayView cookie, const OpenOptions &options) const
{
    auto parts = FlaskSignedCodec::split(cookie, options);
    if (!parts)
        return parts.error();
    return ItsdangerousSecretCheck::create(options.signer, std::move(parts->signedValue),
                                           std::move(parts->signature));
}

} // namespace sessionlens
