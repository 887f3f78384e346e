#include "formats/FlaskSignedCodec.h"

#include "crypto/SigningKeyCache.h"

#include "Limits.h"
#include "encoding/Base64.h"
#include "formats/SessionDialect.h"
#include "json/PythonJsonWriter.h"

#include <QCoreApplication>
#include <QDateTime>

namespace sessionlens {

QString FlaskSignedCodec::partName(Part part)
{
    switch (part) {
    case Part::Payload:
        return QStringLiteral("payload");
    case Part::Timestamp:
        return QStringLiteral("timestamp");
    case Part::Signature:
        return QStringLiteral("signature");
    }
    return {};
}

Result<FlaskSignedCodec::Parts> FlaskSignedCodec::split(QByteArrayView cookie,
                                                        const Options &options)
{
    return split(cookie, options, Layout());
}

Result<FlaskSignedCodec::Parts> FlaskSignedCodec::splitFields(QByteArrayView cookie, char separator,
                                                              bool zlibFlag)
{
    if (cookie.size() > limits::kMaxCookieBytes)
        return Error::make(ErrorCategory::Limit,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "cookie of %1 bytes exceeds the input limit")
                               .arg(cookie.size()));
    const qsizetype lastSeparator = cookie.lastIndexOf(separator);
    const qsizetype timestampSeparator =
        lastSeparator > 0 ? cookie.first(lastSeparator).lastIndexOf(separator) : -1;
    if (lastSeparator < 0 || timestampSeparator < 0)
        return Error::make(
            ErrorCategory::Format,
            QCoreApplication::translate("sessionlens::Error",
                                        "expected [.]<payload>%1<timestamp>%1<signature>")
                .arg(QLatin1Char(separator)));
    Parts parts;
    parts.signedValue = cookie.first(lastSeparator).toByteArray();
    parts.signatureText = cookie.sliced(lastSeparator + 1).toByteArray();
    parts.timestampText =
        cookie.sliced(timestampSeparator + 1, lastSeparator - timestampSeparator - 1).toByteArray();
    QByteArrayView payload = cookie.first(timestampSeparator);
    parts.compressed = zlibFlag && payload.startsWith('.');
    if (parts.compressed)
        payload = payload.sliced(1);
    parts.payloadText = payload.toByteArray();
    return parts;
}

Result<QByteArray> FlaskSignedCodec::decodeField(QByteArrayView text, Base64::Alphabet alphabet,
                                                 Part part)
{
    auto bytes = Base64::decode(text, alphabet);
    if (!bytes) {
        Error error = bytes.error();
        error.field = int(part);
        error.detail =
            QCoreApplication::translate("sessionlens::Error", "in the %1").arg(partName(part));
        return error;
    }
    return bytes;
}

Result<FlaskSignedCodec::Parts>
FlaskSignedCodec::split(QByteArrayView cookie, const Options &options, const Layout &layout)
{
    auto fields = splitFields(cookie, '.', layout.zlibFlag);
    if (!fields)
        return fields.error();
    Parts parts = std::move(fields).value();
    // An empty timestamp is UNIX time 0: itsdangerous writes 0 as no bytes at all, and reads
    // the empty part back as 0.
    if (parts.payloadText.isEmpty() || parts.signatureText.isEmpty())
        return Error::make(
            ErrorCategory::Format,
            QCoreApplication::translate("sessionlens::Error", "a part of the cookie is empty"));

    const struct
    {
        Part part;
        const QByteArray &text;
        QByteArray *out;
    } decodes[] = {{Part::Payload, parts.payloadText, &parts.payload},
                   {Part::Timestamp, parts.timestampText, nullptr},
                   {Part::Signature, parts.signatureText, &parts.signature}};
    for (const auto &item : decodes) {
        auto bytes = decodeField(item.text,
                                 item.part == Part::Payload ? layout.payloadAlphabet
                                                            : Base64::Alphabet::UrlSafe,
                                 item.part);
        if (!bytes)
            return bytes.error();
        if (item.out) {
            *item.out = std::move(bytes).value();
            continue;
        }
        if (bytes->size() > 8)
            return Error::make(
                ErrorCategory::Format,
                QCoreApplication::translate("sessionlens::Error", "the timestamp has %1 bytes")
                    .arg(bytes->size()),
                {}, int(Part::Timestamp));
        quint64 value = 0;
        for (const char c : bytes.value())
            value = (value << 8) | static_cast<unsigned char>(c);
        // Eight bytes reach 2^64 - 1: compare in unsigned arithmetic before any signed sum.
        const quint64 epoch = options.legacyEpoch ? quint64(kLegacyEpoch) : 0;
        if (value > quint64(kMaxTimestamp) - epoch) {
            parts.timestampOutOfRange = true;
            parts.timestamp = kMaxTimestamp;
        } else {
            parts.timestamp = qint64(value + epoch);
        }
    }
    return parts;
}

Result<qsizetype> FlaskSignedCodec::verify(const Parts &parts, const QList<SecureBytes> &secrets,
                                           const Options &options, SigningKeyCache *signingKeys)
{
    // Without the caller's cache each secret is prepared for this cookie alone.
    SigningKeyCache local;
    SigningKeyCache &cache = signingKeys ? *signingKeys : local;
    return cache.firstMatch(options.signer, secrets, parts.signedValue, parts.signature);
}

void FlaskSignedCodec::judgeAge(Decoded &decoded, qint64 lifetimeSeconds, qint64 now)
{
    if (now < 0)
        now = QDateTime::currentSecsSinceEpoch();
    decoded.ageSeconds = now - decoded.parts.timestamp;
    // No limit (Starlette's max_age=None, WTF_CSRF_TIME_LIMIT = None): itsdangerous checks no
    // age then, not even a time in the future.
    const bool limited = lifetimeSeconds != kNoLifetimeLimit;
    const bool future = limited && decoded.ageSeconds < 0;
    decoded.expired = limited && (decoded.ageSeconds > lifetimeSeconds || future);
    decoded.lifetimeSeconds = lifetimeSeconds;
    // One fact, decided once: front ends phrase it for people.
    decoded.expiry = decoded.parts.timestampOutOfRange ? Expiry::TimestampOutOfRange
                     : future                          ? Expiry::SignedInFuture
                     : decoded.expired                 ? Expiry::OlderThanLifetime
                                                       : Expiry::Fresh;
}

FlaskSignedCodec::Decoded FlaskSignedCodec::decode(QByteArrayView cookie, const Options &options,
                                                   const QList<SecureBytes> &secrets, qint64 now)
{
    return decode(cookie, options, secrets, now, Layout());
}

FlaskSignedCodec::Decoded FlaskSignedCodec::decode(QByteArrayView cookie, const Options &options,
                                                   const QList<SecureBytes> &secrets, qint64 now,
                                                   const Layout &layout,
                                                   SigningKeyCache *signingKeys)
{
    Decoded decoded;
    auto parts = split(cookie, options, layout);
    if (!parts) {
        decoded.error = parts.error();
        return decoded;
    }
    decoded.parts = std::move(parts).value();
    judgeAge(decoded, options.lifetimeSeconds, now);

    if (inflatePayload(decoded, options) && readSession(decoded, options, layout.dialect))
        verifyInto(decoded, secrets, options, signingKeys);
    return decoded;
}

bool FlaskSignedCodec::inflatePayload(Decoded &decoded, const Options &options)
{
    if (!decoded.parts.compressed) {
        decoded.json = decoded.parts.payload;
        return true;
    }
    auto inflated = ZlibCodec::inflate(decoded.parts.payload, options.maxInflatedSize);
    if (!inflated) {
        decoded.error = inflated.error();
        decoded.error->field = int(Part::Payload);
        return false;
    }
    decoded.json = std::move(inflated->data);
    return true;
}

bool FlaskSignedCodec::readSession(Decoded &decoded, const Options &options,
                                   PythonJsonReader::Dialect dialect)
{
    PythonJsonReader::Options readOptions;
    readOptions.dialect = dialect;
    readOptions.maxDepth = options.maxDepth;
    readOptions.topMembers = options.topMembers;
    if (!options.buildSession) {
        decoded.error = SessionDialect::checkSession(decoded.json, readOptions, &decoded.warnings);
    } else {
        auto session = PythonJsonReader::read(decoded.json, readOptions, &decoded.warnings);
        if (!session)
            decoded.error = session.error();
        else if (!(decoded.error = SessionDialect::checkIsSession(*session)))
            decoded.session = std::move(session).value();
    }
    if (decoded.error)
        decoded.error->field = int(Part::Payload);
    return !decoded.error;
}

void FlaskSignedCodec::verifyInto(Decoded &decoded, const QList<SecureBytes> &secrets,
                                  const Options &options, SigningKeyCache *signingKeys)
{
    // The empty secret is tried after the given ones, as if it were the last of them (no copy
    // of the list for it).
    const qsizetype secretCount = secrets.size() + (options.verifyEmptySecret ? 1 : 0);
    if (secretCount == 0)
        return;
    SigningKeyCache local;
    SigningKeyCache &cache = signingKeys ? *signingKeys : local;
    auto index = verify(decoded.parts, secrets, options, &cache);
    if (index && *index < 0 && options.verifyEmptySecret) {
        auto empty = cache.verify(options.signer, SecureBytes(), decoded.parts.signedValue,
                                  decoded.parts.signature);
        if (!empty)
            index = empty.error();
        else if (*empty)
            index = secrets.size();
    }
    if (!index) {
        decoded.error = index.error();
        return;
    }
    decoded.secretIndex = index.value();
    decoded.verification = index.value() >= 0 ? Verification::Valid : Verification::Invalid;
    if (index.value() >= 0 &&
        (index.value() == secrets.size() || secrets.at(index.value()).isEmpty()))
        decoded.warnings.append(QCoreApplication::translate(
            "sessionlens::Note",
            "the signature matches the empty secret: the app's secret is "
            "empty (itsdangerous verifies with it; Flask never signs with it)"));
    const int expected = ItsdangerousSigner::digestSize(options.signer.digest);
    const qsizetype got = decoded.parts.signature.size();
    std::optional<ItsdangerousSigner::Digest> other;
    for (const auto digest : {ItsdangerousSigner::Digest::Sha1, ItsdangerousSigner::Digest::Sha256,
                              ItsdangerousSigner::Digest::Sha512}) {
        if (got != expected && got == ItsdangerousSigner::digestSize(digest))
            other = digest;
    }
    if (index.value() < 0 && other)
        // No secret can match a signature of another digest's size: say which digest made it.
        decoded.error = Error::make(
            ErrorCategory::Authentication,
            QCoreApplication::translate("sessionlens::Error",
                                        "the signature is %1 bytes: try --digest %2 (%3 signs "
                                        "with %4 bytes)")
                .arg(got)
                .arg(ItsdangerousSigner::digestName(*other),
                     ItsdangerousSigner::digestName(options.signer.digest))
                .arg(expected),
            {}, int(Part::Signature));
    else if (index.value() < 0)
        decoded.error = Error::make(
            ErrorCategory::Authentication,
            secretCount == 1
                ? QCoreApplication::translate("sessionlens::Error",
                                              "the signature does not match the secret")
                : QCoreApplication::translate("sessionlens::Error",
                                              "the signature matches none of the %1 secrets")
                      .arg(secretCount),
            {}, int(Part::Signature));
}

QByteArray FlaskSignedCodec::payloadField(const QByteArray &json)
{
    const QByteArray compressed = ZlibCodec::deflate(json);
    // itsdangerous keeps the compressed form only when it is at least 2 bytes shorter.
    if (!compressed.isEmpty() && compressed.size() < json.size() - 1)
        return '.' + Base64::encode(compressed, Base64::Alphabet::UrlSafe);
    return Base64::encode(json, Base64::Alphabet::UrlSafe);
}

QByteArray FlaskSignedCodec::timestampField(qint64 timestamp, bool legacyEpoch)
{
    quint64 value = quint64(timestamp - (legacyEpoch ? kLegacyEpoch : 0));
    QByteArray bytes;
    while (value) {
        bytes.prepend(static_cast<char>(value & 0xff));
        value >>= 8;
    }
    return Base64::encode(bytes, Base64::Alphabet::UrlSafe);
}

Result<QByteArray> FlaskSignedCodec::sign(const SessionValue &session, const SecureBytes &secret,
                                          qint64 timestamp, const Options &options)
{
    if (auto notSession = SessionDialect::checkIsSession(session))
        return *notSession;
    return signPayload(
        payloadField(PythonJsonWriter::write(session, PythonJsonWriter::Style::FlaskTagged)),
        secret, timestamp, options);
}

Result<QByteArray> FlaskSignedCodec::signPayload(const QByteArray &payload,
                                                 const SecureBytes &secret, qint64 timestamp,
                                                 const Options &options)
{
    if (timestamp < (options.legacyEpoch ? kLegacyEpoch : 0))
        return Error::make(ErrorCategory::Format,
                           QCoreApplication::translate(
                               "sessionlens::Error", "the timestamp is before the signer's epoch"));
    if (timestamp > kMaxTimestamp)
        return Error::make(ErrorCategory::Format,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "the timestamp is after the year 9999"));
    auto signer = ItsdangerousSigner::create(options.signer);
    if (!signer)
        return signer.error();
    const QByteArray value = payload + '.' + timestampField(timestamp, options.legacyEpoch);
    QByteArray signature;
    if (!signer->sign(
            QByteArrayView(reinterpret_cast<const char *>(secret.data()), qsizetype(secret.size())),
            value, &signature))
        return Error::make(ErrorCategory::Key, QCoreApplication::translate(
                                                   "sessionlens::Error", "OpenSSL failed to sign"));
    return value + '.' + Base64::encode(signature, Base64::Alphabet::UrlSafe);
}

} // namespace sessionlens
