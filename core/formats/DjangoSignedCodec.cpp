#include "formats/DjangoSignedCodec.h"
#include "formats/DjangoSignedFormat.h"

#include "crypto/SigningKeyCache.h"
#include "encoding/Base64.h"
#include "formats/SessionDialect.h"
#include "json/PythonJsonReader.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstring>

namespace sessionlens {

namespace {

using Part = FlaskSignedCodec::Part;

constexpr char kBase62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

int base62Digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 36;
    return -1;
}

// Eight bytes at a time: every Django session's JSON is read through here.
bool isAscii(QByteArrayView bytes)
{
    constexpr quint64 kHighBits = 0x8080808080808080ULL;
    const char *p = bytes.data();
    const char *end = p + bytes.size();
    quint64 seen = 0;
    for (; end - p >= 8; p += 8) {
        quint64 word = 0;
        std::memcpy(&word, p, sizeof word);
        seen |= word;
    }
    for (; p < end; ++p)
        seen |= static_cast<unsigned char>(*p);
    return (seen & kHighBits) == 0;
}

Error partError(ErrorCategory category, const QString &message, Part part)
{
    return Error::make(category, message, {}, int(part));
}

/// baseconv.base62.decode: an optional '-', then digits (none at all reads as 0, as Django's
/// loop does; an empty field is an IndexError there).
std::optional<Error> readTimestamp(QByteArrayView text, FlaskSignedCodec::Parts &parts)
{
    if (text.isEmpty())
        return partError(
            ErrorCategory::Format,
            QCoreApplication::translate("sessionlens::Error", "the timestamp is empty"),
            Part::Timestamp);
    const bool negative = text.startsWith('-');
    const QByteArrayView digits = negative ? text.sliced(1) : text;
    quint64 value = 0;
    bool outOfRange = false;
    for (qsizetype i = 0; i < digits.size(); ++i) {
        const int digit = base62Digit(digits[i]);
        if (digit < 0)
            return partError(
                ErrorCategory::Format,
                QCoreApplication::translate("sessionlens::Error",
                                            "the timestamp holds '%1', not a base62 digit")
                    .arg(QChar::fromLatin1(digits[i])),
                Part::Timestamp);
        // Python's int has no bound; past the last showable date, only "out of range" matters.
        if (value > (quint64(FlaskSignedCodec::kMaxTimestamp) - quint64(digit)) / 62)
            outOfRange = true;
        else
            value = value * 62 + quint64(digit);
    }
    parts.timestampOutOfRange = outOfRange;
    const qint64 magnitude = outOfRange ? FlaskSignedCodec::kMaxTimestamp : qint64(value);
    parts.timestamp = negative ? -magnitude : magnitude;
    return std::nullopt;
}

} // namespace

Result<DjangoSignedCodec::Parts> DjangoSignedCodec::split(QByteArrayView cookie)
{
    auto fields = FlaskSignedCodec::splitFields(cookie, ':', true);
    if (!fields)
        return fields.error();
    Parts parts = std::move(fields).value();
    auto payloadBytes =
        FlaskSignedCodec::decodeField(parts.payloadText, Base64::Alphabet::UrlSafe, Part::Payload);
    if (!payloadBytes)
        return payloadBytes.error();
    parts.payload = std::move(payloadBytes).value();
    // Django never decodes the signature, it compares its text: one that is no unpadded
    // URL-safe base64 stays empty here and fails verification (canonicalSignature), as there.
    if (auto signature = Base64::decode(parts.signatureText, Base64::Alphabet::UrlSafe))
        parts.signature = std::move(signature).value();
    if (auto error = readTimestamp(parts.timestampText, parts))
        return *error;
    return parts;
}

qint64 DjangoSignedCodec::cookieAge(const FlaskSignedCodec::Options &options)
{
    // SESSION_COOKIE_AGE as the window sets it, else --max-age when given (even when it equals
    // Flask's default), else Django's two weeks.
    return options.ageLimitFor(DjangoSignedFormat::formatId(), kDefaultCookieAge);
}

DjangoSignedCodec::Digest DjangoSignedCodec::sealDigest(const FlaskSignedCodec::Options &options)
{
    return options.signer.derivation == ItsdangerousSigner::KeyDerivation::DjangoConcat &&
                   options.signer.digest == Digest::Sha1
               ? Digest::Sha1
               : Digest::Sha256;
}

ItsdangerousSigner::Options DjangoSignedCodec::signerOptions(Digest digest)
{
    // salted_hmac: key = digest(key_salt + secret) with key_salt = salt + "signer", which is
    // itsdangerous' django-concat derivation, then HMAC with the same digest.
    return {QByteArray(kSalt), digest, ItsdangerousSigner::KeyDerivation::DjangoConcat};
}

void DjangoSignedCodec::judgeAge(Decoded &decoded, qint64 cookieAge, qint64 now)
{
    if (now < 0)
        now = QDateTime::currentSecsSinceEpoch();
    decoded.ageSeconds = now - decoded.parts.timestamp;
    // TimestampSigner.unsign fails only `age > max_age`: a future timestamp passes.
    decoded.expired = decoded.ageSeconds > cookieAge;
    decoded.lifetimeSeconds = cookieAge;
    decoded.expiry = decoded.expired ? FlaskSignedCodec::Expiry::OlderThanLifetime
                                     : FlaskSignedCodec::Expiry::Fresh;
}

DjangoSignedCodec::Decoded DjangoSignedCodec::decode(QByteArrayView cookie,
                                                     const FlaskSignedCodec::Options &options,
                                                     const QList<SecureBytes> &secrets, qint64 now,
                                                     SigningKeyCache *signingKeys)
{
    Decoded decoded;
    auto parts = split(cookie);
    if (!parts) {
        decoded.error = parts.error();
        return decoded;
    }
    decoded.parts = std::move(parts).value();
    judgeAge(decoded, cookieAge(options), now);
    if (decoded.ageSeconds < 0)
        decoded.warnings.append(
            QCoreApplication::translate("sessionlens::Note",
                                        "signed %1 s in the future: Django accepts it (it checks "
                                        "only that the age is not above SESSION_COOKIE_AGE)")
                .arg(-decoded.ageSeconds));

    // Django inflates without a bound; SessionLens stops a decompression bomb.
    if (!FlaskSignedCodec::inflatePayload(decoded, options))
        return decoded;
    // JSONSerializer.loads decodes Latin-1, so every byte is one character: bytes past ASCII
    // (which Django never writes, as json.dumps escapes them) read as U+0080..U+00FF.
    if (!isAscii(decoded.json)) {
        decoded.json = QString::fromLatin1(decoded.json).toUtf8();
        decoded.warnings.append(QCoreApplication::translate(
            "sessionlens::Note", "the JSON holds bytes past ASCII: Django reads each as the "
                                 "Latin-1 character of its value, as shown"));
    }
    if (FlaskSignedCodec::readSession(decoded, options, PythonJsonReader::Dialect::Plain))
        verifyInto(decoded, secrets, signingKeys);
    return decoded;
}

bool DjangoSignedCodec::canonicalSignature(const Parts &parts)
{
    return Base64::encode(parts.signature, Base64::Alphabet::UrlSafe) == parts.signatureText;
}

Result<DjangoSignedCodec::Match> DjangoSignedCodec::verify(const Parts &parts,
                                                           const QList<SecureBytes> &secrets,
                                                           SigningKeyCache *signingKeys)
{
    Match match;
    if (!canonicalSignature(parts))
        return match;
    // Without the caller's cache each secret is prepared for this cookie alone.
    SigningKeyCache local;
    SigningKeyCache &cache = signingKeys ? *signingKeys : local;
    for (const Digest digest : {Digest::Sha256, Digest::Sha1}) {
        // Only a signature of the digest's size can match (ItsdangerousSigner::verify).
        if (parts.signature.size() != ItsdangerousSigner::digestSize(digest))
            continue;
        // Built once each: the salt's bytes are not allocated again per cookie.
        static const ItsdangerousSigner::Options sha256 = signerOptions(Digest::Sha256);
        static const ItsdangerousSigner::Options sha1 = signerOptions(Digest::Sha1);
        auto index = cache.firstMatch(digest == Digest::Sha256 ? sha256 : sha1, secrets,
                                      parts.signedValue, parts.signature);
        if (!index)
            return index.error();
        if (*index >= 0)
            return Match{*index, digest};
    }
    return match;
}

void DjangoSignedCodec::verifyInto(Decoded &decoded, const QList<SecureBytes> &secrets,
                                   SigningKeyCache *signingKeys)
{
    // Django refuses an empty SECRET_KEY (ImproperlyConfigured), so no cookie is signed with one:
    // Options::verifyEmptySecret does not apply.
    if (secrets.isEmpty())
        return;
    auto match = verify(decoded.parts, secrets, signingKeys);
    if (!match) {
        decoded.error = match.error();
        return;
    }
    decoded.secretIndex = match->secretIndex;
    decoded.verification = match->secretIndex >= 0 ? FlaskSignedCodec::Verification::Valid
                                                   : FlaskSignedCodec::Verification::Invalid;
    if (match->secretIndex >= 0) {
        if (match->digest == Digest::Sha1)
            decoded.warnings.append(QCoreApplication::translate(
                "sessionlens::Note",
                "signed with the legacy SHA-1 (DEFAULT_HASHING_ALGORITHM = 'sha1'), which Django "
                "3.2 still accepts; it signs with SHA-256 by default"));
        return;
    }
    const QString message =
        !canonicalSignature(decoded.parts)
            ? QCoreApplication::translate("sessionlens::Error",
                                          "the signature is not unpadded URL-safe base64 as Django "
                                          "writes it: Django compares the text, so it never "
                                          "matches")
        : decoded.parts.signature.size() != ItsdangerousSigner::digestSize(Digest::Sha256) &&
                decoded.parts.signature.size() != ItsdangerousSigner::digestSize(Digest::Sha1)
            ? QCoreApplication::translate("sessionlens::Error",
                                          "the signature is %1 bytes: Django signs with SHA-256 "
                                          "(32 bytes) or the legacy SHA-1 (20 bytes)")
                  .arg(decoded.parts.signature.size())
        : secrets.size() == 1
            ? QCoreApplication::translate("sessionlens::Error",
                                          "the signature does not match the secret")
            : QCoreApplication::translate("sessionlens::Error",
                                          "the signature matches none of the %1 secrets")
                  .arg(secrets.size());
    decoded.error = Error::make(ErrorCategory::Authentication, message, {}, int(Part::Signature));
}

QByteArray DjangoSignedCodec::timestampField(qint64 timestamp)
{
    if (timestamp == 0)
        return QByteArrayLiteral("0");
    QByteArray text;
    quint64 value = timestamp < 0 ? quint64(-timestamp) : quint64(timestamp);
    while (value) {
        text.prepend(kBase62[value % 62]);
        value /= 62;
    }
    if (timestamp < 0)
        text.prepend('-');
    return text;
}

Result<QByteArray> DjangoSignedCodec::signPayload(const QByteArray &payloadField,
                                                  const SecureBytes &secret, qint64 timestamp,
                                                  Digest digest)
{
    if (timestamp < 0 || timestamp > FlaskSignedCodec::kMaxTimestamp)
        return Error::make(ErrorCategory::Format,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "the timestamp is before 1970 or after the "
                                                       "year 9999"));
    auto signer = ItsdangerousSigner::create(signerOptions(digest));
    if (!signer)
        return signer.error();
    const QByteArray value = payloadField + ':' + timestampField(timestamp);
    QByteArray signature;
    if (!signer->sign(
            QByteArrayView(reinterpret_cast<const char *>(secret.data()), qsizetype(secret.size())),
            value, &signature))
        return Error::make(ErrorCategory::Key, QCoreApplication::translate(
                                                   "sessionlens::Error", "OpenSSL failed to sign"));
    return value + ':' + Base64::encode(signature, Base64::Alphabet::UrlSafe);
}

} // namespace sessionlens
