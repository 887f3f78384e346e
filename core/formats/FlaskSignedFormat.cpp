#include "formats/FlaskSignedFormat.h"

#include "encoding/Base64.h"
#include "formats/CookieText.h"
#include "formats/ItsdangerousSecretCheck.h"
#include "formats/KeySchedules.h"
#include "formats/OpenedCookie.h"
#include "formats/SealedCookie.h"
#include "formats/SessionDialect.h"

#include <QCoreApplication>
#include <QDateTime>

namespace sessionlens {

namespace {

// `<payload>.<timestamp>.<signature>` for these fields.
qsizetype signedValueSize(const QByteArray &payloadField, int digestSize, qsizetype timestampField)
{
    return payloadField.size() + 1 + timestampField + 1 +
           Base64::encodedSize(digestSize, Base64::Alphabet::UrlSafe);
}

} // namespace

QString FlaskSignedFormat::displayName() const
{
    return QCoreApplication::translate("sessionlens::Note", "Flask / Quart signed session");
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

void FlaskSignedFormat::open(QByteArrayView cookie, KeySchedules &keys, const OpenOptions &options,
                             OpenedCookie &out) const
{
    openSigned(*this, cookie, keys, options, FlaskSignedCodec::Layout(), out);
}

void FlaskSignedFormat::openSigned(const CookieFormat &format, QByteArrayView cookie,
                                   KeySchedules &keys, const OpenOptions &options,
                                   const FlaskSignedCodec::Layout &layout, OpenedCookie &out)
{
    // The secret that verified this format last comes first, then the ring's order.
    const KeySchedules::SigningSecrets ring = keys.signingSecrets(format);
    fillOpened(FlaskSignedCodec::decode(cookie, options, ring.secrets, -1, layout, &ring.cache),
               ring.indices, options, out);
}

void FlaskSignedFormat::judgeAge(OpenedCookie &opened, const OpenOptions &options, qint64 now) const
{
    if (auto *details = opened.detailsAs<FlaskSignedCodec::Decoded>())
        FlaskSignedCodec::judgeAge(*details, options.lifetimeSeconds, now);
}

void FlaskSignedFormat::fillOpened(FlaskSignedCodec::Decoded decoded,
                                   const QList<qsizetype> &indices, const OpenOptions &options,
                                   OpenedCookie &out)
{
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
    if (options.keepDetails)
        out.details = std::move(decoded);
}

void FlaskSignedFormat::seal(const SessionValue &session, const SecureBytes &key,
                             const SealOptions &options, SealedCookie &out) const
{
    out.json = PythonJsonWriter::write(session, PythonJsonWriter::Style::FlaskTagged);
    const QByteArray payload = FlaskSignedCodec::payloadField(out.json);
    out.size = measure(session, out.json, payload,
                       ItsdangerousSigner::digestSize(options.signer.signer.digest),
                       options.exactKeyShares);
    if ((out.error = SessionDialect::checkIsSession(session)))
        return;
    if ((out.error = CookieText::overInputLimit(out.size.cookieValueBytes)))
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

CookieSize FlaskSignedFormat::measure(const SessionValue &session, const QByteArray &json,
                                      const QByteArray &payloadField, int digestSize,
                                      qsizetype exactKeyShares)
{
    CookieSize r;
    r.format = formatId();
    r.jsonBytes = json.size();
    const qsizetype timestampField =
        FlaskSignedCodec::timestampField(QDateTime::currentSecsSinceEpoch(), false).size();
    r.compressed = payloadField.startsWith('.');
    // The compressed bytes are what the payload field's base64 (no padding) encodes.
    r.compressedBytes = r.compressed ? (payloadField.size() - 1) * 3 / 4 : 0;
    r.cookieValueBytes = signedValueSize(payloadField, digestSize, timestampField);
    r.stages =
        sizeStages(r.compressed ? r.compressedBytes : json.size(), payloadField.size(),
                   timestampField, Base64::encodedSize(digestSize, Base64::Alphabet::UrlSafe));
    if (session.type() != SessionValue::Type::Dict)
        return r;
    // Removing a key can change tagging (" di"), so a remainder is written out in full, for
    // the largest entries alone; the others are estimated from their JSON share.
    const qsizetype count = session.size();
    QList<qsizetype> starts(count, 0), ends(count, 0);
    for (qsizetype i = 0; i < count; ++i) {
        SessionValue one = SessionValue::makeDict();
        one.setValue(session.child(i)->key(), *session.child(i));
        ends[i] = PythonJsonWriter::write(one, PythonJsonWriter::Style::FlaskTagged).size() - 2;
    }
    const QList<bool> exact = CookieSize::largestEntries(ends, starts, exactKeyShares);
    const qsizetype payloadBytes = payloadField.size();
    for (qsizetype i = 0; i < count; ++i) {
        CookieSize::KeyShare share{session.child(i)->key(), ends[i], 0, false};
        if (exact[i]) {
            SessionValue without = session;
            without.remove(i);
            const QByteArray rest =
                PythonJsonWriter::write(without, PythonJsonWriter::Style::FlaskTagged);
            share.cookieSaving =
                r.cookieValueBytes -
                signedValueSize(FlaskSignedCodec::payloadField(rest), digestSize, timestampField);
        } else {
            const qsizetype restSize = r.jsonBytes - ends[i] - (count > 1 ? 1 : 0);
            share.cookieSaving =
                payloadBytes - CookieSize::scaledPayload(payloadBytes, restSize, r.jsonBytes);
            share.estimated = true;
        }
        r.keys.append(share);
    }
    r.sortKeys();
    return r;
}

QList<CookieSize::Stage> FlaskSignedFormat::sizeStages(qsizetype payload, qsizetype payloadBase64,
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
    return prepareSigned(cookie, options, FlaskSignedCodec::Layout());
}

Result<std::unique_ptr<SecretCheck>>
FlaskSignedFormat::prepareSigned(QByteArrayView cookie, const OpenOptions &options,
                                 const FlaskSignedCodec::Layout &layout)
{
    auto parts = FlaskSignedCodec::split(cookie, options, layout);
    if (!parts)
        return parts.error();
    return ItsdangerousSecretCheck::create(options.signer, std::move(parts->signedValue),
                                           std::move(parts->signature));
}

} // namespace sessionlens
