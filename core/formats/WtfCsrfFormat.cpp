#include "formats/WtfCsrfFormat.h"

#include "encoding/Base64.h"
#include "formats/CookieText.h"
#include "formats/FlaskSignedFormat.h"
#include "formats/ItsdangerousSecretCheck.h"
#include "formats/KeySchedules.h"
#include "formats/OpenedCookie.h"
#include "formats/SealedCookie.h"
#include "formats/SessionDialect.h"
#include "formats/WtfCsrfCodec.h"
#include "keys/KeyRing.h"
#include "json/PythonRepr.h"

#include <QCoreApplication>
#include <QDateTime>

namespace sessionlens {

QString WtfCsrfFormat::displayName() const
{
    return QCoreApplication::translate("sessionlens::Note", "Flask-WTF CSRF token");
}

QString WtfCsrfFormat::shortName() const
{
    return QCoreApplication::translate("sessionlens::Note", "wtf-csrf");
}

int WtfCsrfFormat::score(QByteArrayView cookie, const FormatDetector::Characters &characters) const
{
    if (!characters.urlSafeOnly)
        return NotMine;
    if (characters.dots == (cookie.startsWith('.') ? 3 : 2) && WtfCsrfCodec::hasTokenShape(cookie))
        return Exact;
    // A cut token still starts with '"' and a hex digit ("Ij", "Im"); whole, Flask's shape
    // with another payload stays Flask's.
    if (characters.dots < 2 && (cookie.startsWith("Ij") || cookie.startsWith("Im")))
        return Damaged;
    return NotMine;
}

void WtfCsrfFormat::open(QByteArrayView cookie, KeySchedules &keys, const OpenOptions &options,
                         OpenedCookie &out) const
{
    // The secret that verified this format last comes first, then the ring's order.
    const KeySchedules::SigningSecrets ring = keys.signingSecrets(*this);
    const QList<qsizetype> &indices = ring.indices;
    const FlaskSignedCodec::Options codecOptions = WtfCsrfCodec::codecOptions(
        options, options.ageLimitFor(formatId(), WtfCsrfCodec::kDefaultTimeLimitSeconds));
    WtfCsrfCodec::Decoded decoded =
        WtfCsrfCodec::decode(cookie, ring.secrets, codecOptions,
                             QString::fromLatin1(WtfCsrfCodec::kDefaultFieldName), -1, &ring.cache);
    FlaskSignedCodec::Decoded &token = decoded.token;
    out.error = token.error;
    out.warnings = token.warnings;
    if (token.secretIndex >= 0 && token.secretIndex < indices.size())
        out.keyIndex = indices[token.secretIndex];
    out.compressed = token.parts.compressed;
    if (token.verification != FlaskSignedCodec::Verification::NotChecked)
        out.verified = token.verification == FlaskSignedCodec::Verification::Valid;
    if (token.ok() && token.expired)
        out.warnings.append(
            QCoreApplication::translate("sessionlens::Note",
                                        "the token is %1 s old, over WTF_CSRF_TIME_LIMIT's %2 s "
                                        "(or from the future): Flask-WTF rejects it")
                .arg(token.ageSeconds)
                .arg(token.lifetimeSeconds));
    out.sessionValue = token.session;
    if (token.session.type() == SessionValue::Type::Dict)
        out.jsonText = PythonJsonWriter::write(token.session, writerStyle());
    if (options.keepDetails)
        out.details = std::move(decoded);
}

void WtfCsrfFormat::seal(const SessionValue &session, const SecureBytes &key,
                         const SealOptions &options, SealedCookie &out) const
{
    const bool oneString = session.type() == SessionValue::Type::Dict && session.size() == 1 &&
                           session.child(0)->type() == SessionValue::Type::String;
    out.json = PythonJsonWriter::write(session, writerStyle());
    out.size.format = id();
    out.size.jsonBytes = out.json.size();
    if (!oneString) {
        out.size.cookieValueBytes = 0;
        out.error = Error::make(
            ErrorCategory::Json,
            QCoreApplication::translate(
                "sessionlens::Error", "a CSRF token holds one string: {\"csrf_token\": \"...\"}"));
        return;
    }
    auto payloadJson = WtfCsrfCodec::payloadJson(session.child(0)->stringValue());
    if (!payloadJson) {
        out.error = payloadJson.error();
        return;
    }
    const QByteArray payload = FlaskSignedCodec::payloadField(*payloadJson);
    const qint64 timestamp =
        options.timestamp >= 0 ? options.timestamp : QDateTime::currentSecsSinceEpoch();
    const qsizetype timestampBase64 = FlaskSignedCodec::timestampField(timestamp, false).size();
    const qsizetype signatureBase64 =
        Base64::encodedSize(ItsdangerousSigner::digestSize(ItsdangerousSigner::Digest::Sha1),
                            Base64::Alphabet::UrlSafe);
    out.size.compressed = payload.startsWith('.');
    out.size.compressedBytes = out.size.compressed ? (payload.size() - 1) * 3 / 4 : 0;
    out.size.stages = FlaskSignedFormat::sizeStages(
        out.size.compressed ? out.size.compressedBytes : payloadJson->size(), payload.size(),
        timestampBase64, signatureBase64);
    out.size.cookieValueBytes = payload.size() + 1 + timestampBase64 + 1 + signatureBase64;
    if (key.isEmpty()) {
        out.error = Error::make(ErrorCategory::Key,
                                QCoreApplication::translate(
                                    "sessionlens::Error", "no secret to sign the CSRF token with"));
        return;
    }
    auto token = WtfCsrfCodec::mint(session.child(0)->stringValue(), key, timestamp);
    if (!token) {
        out.error = token.error();
        return;
    }
    out.cookie = std::move(token).value();
}

Result<std::unique_ptr<SecretCheck>>
WtfCsrfFormat::prepareSecretCheck(QByteArrayView cookie, const OpenOptions &options) const
{
    const OpenOptions token = WtfCsrfCodec::codecOptions(options, std::nullopt);
    auto parts = FlaskSignedCodec::split(cookie, token);
    if (!parts)
        return parts.error();
    return ItsdangerousSecretCheck::create(token.signer, std::move(parts->signedValue),
                                           std::move(parts->signature));
}

SessionConverter::Converted WtfCsrfFormat::convertFrom(const SessionValue &session) const
{
    SessionConverter::Converted converted;
    const QString field = QString::fromLatin1(WtfCsrfCodec::kDefaultFieldName);
    const SessionValue *raw =
        session.type() == SessionValue::Type::Dict ? session.value(field) : nullptr;
    if (!raw || raw->type() != SessionValue::Type::String) {
        converted.error = Error::make(
            ErrorCategory::Json,
            QCoreApplication::translate("sessionlens::Error",
                                        "the session holds no string csrf_token to sign"));
        return converted;
    }
    converted.session = SessionValue::makeDict();
    converted.session.setValue(field, *raw);
    for (qsizetype i = 0; i < session.size(); ++i) {
        if (session.child(i)->key() == field)
            continue;
        converted.notes.append(
            {PythonRepr::path(session.child(i)),
             QCoreApplication::translate("sessionlens::Note",
                                         "dropped: a CSRF token carries csrf_token alone")});
    }
    return converted;
}

std::optional<qint64> WtfCsrfFormat::signedAt(const OpenedCookie &opened) const
{
    const auto *token = opened.detailsAs<WtfCsrfCodec::Decoded>();
    if (!token || token->token.parts.timestampText.isEmpty())
        return std::nullopt;
    return token->token.parts.timestamp;
}

} // namespace sessionlens
