#include "formats/WtfCsrfCodec.h"

#include "crypto/SecureRandom.h"
#include "encoding/Base64.h"
#include "formats/ZlibCodec.h"
#include "formats/ZlibFirstByte.h"
#include "json/PythonJsonReader.h"

#include <QCoreApplication>
#include <QDateTime>

namespace sessionlens {

ItsdangerousSigner::Options WtfCsrfCodec::signerOptions()
{
    ItsdangerousSigner::Options options;
    // Raw data: no allocation for a token's options, which are made for every token opened.
    options.salt = QByteArray::fromRawData(kSalt, qsizetype(sizeof kSalt) - 1);
    options.digest = ItsdangerousSigner::Digest::Sha1;
    options.derivation = ItsdangerousSigner::KeyDerivation::DjangoConcat;
    return options;
}

FlaskSignedCodec::Options WtfCsrfCodec::codecOptions(const FlaskSignedCodec::Options &base,
                                                     std::optional<qint64> timeLimit)
{
    FlaskSignedCodec::Options options = base;
    options.signer = signerOptions();
    options.legacyEpoch = false;
    options.verifyEmptySecret = false;
    options.lifetimeSeconds = timeLimit.value_or(FlaskSignedCodec::kNoLifetimeLimit);
    return options;
}

bool WtfCsrfCodec::hasTokenShape(QByteArrayView token)
{
    const bool compressed = token.startsWith('.');
    const QByteArrayView rest = compressed ? token.sliced(1) : token;
    // Exactly two dots after the flag: found from both ends, not counted through the cookie.
    const qsizetype payloadEnd = rest.indexOf('.');
    if (payloadEnd <= 0)
        return false;
    const qsizetype timestampEnd = rest.indexOf('.', payloadEnd + 1);
    if (timestampEnd < 0 || rest.lastIndexOf('.') != timestampEnd)
        return false;
    const QByteArrayView payload = rest.first(payloadEnd);
    if (!compressed)
        return payload.startsWith('I'); // '"' in base64: a JSON string
    // A compressed payload shows its first byte only when inflated: read a bounded start.
    const qsizetype take = std::min(payload.size(), kSniffBase64Chars) & ~qsizetype(3);
    // Every compressed Flask session comes here, and its zlib header and first symbols fit in
    // the first kFirstTryBase64Chars: decoded first, the whole take only when the beginning did
    // not answer. Exact: the beginning is whole quanta of the take (URL-safe base64 has no
    // padding), so when it does not decode neither does the take, and an answer ZlibFirstByte
    // gives before the beginning's end is the take's too. A '"' is confirmed on the take, whose
    // later characters may still fail to decode.
    const qsizetype first = std::min(take, kFirstTryBase64Chars);
    if (first < take) {
        auto beginning = Base64::decode(payload.first(first), Base64::Alphabet::UrlSafe);
        if (!beginning)
            return false;
        bool ranOut = false;
        const auto byte = ZlibFirstByte::of(*beginning, ranOut);
        if (!ranOut && byte != '"')
            return false;
    }
    auto bytes = Base64::decode(payload.first(take), Base64::Alphabet::UrlSafe);
    if (!bytes)
        return false;
    const auto byte = ZlibFirstByte::of(*bytes);
    return byte && *byte == '"';
}

WtfCsrfCodec::Decoded WtfCsrfCodec::decode(QByteArrayView token, const QList<SecureBytes> &secrets,
                                           const FlaskSignedCodec::Options &options,
                                           const QString &fieldName, qint64 now,
                                           SigningKeyCache *signingKeys)
{
    Decoded decoded;
    decoded.timeLimited = options.lifetimeSeconds != FlaskSignedCodec::kNoLifetimeLimit;
    FlaskSignedCodec::Decoded &out = decoded.token;
    auto parts = FlaskSignedCodec::split(token, options);
    if (!parts) {
        out.error = parts.error();
        return decoded;
    }
    out.parts = std::move(parts).value();
    FlaskSignedCodec::judgeAge(out, options.lifetimeSeconds, now);

    // itsdangerous checks the signature before it reads the payload: a forged token is an
    // authentication error even when its payload is damaged too.
    if (!secrets.isEmpty()) {
        auto index = FlaskSignedCodec::verify(out.parts, secrets, options, signingKeys);
        if (!index) {
            out.error = index.error();
            return decoded;
        }
        out.secretIndex = *index;
        out.verification = *index >= 0 ? FlaskSignedCodec::Verification::Valid
                                       : FlaskSignedCodec::Verification::Invalid;
    }

    std::optional<Error> payloadError;
    if (out.parts.compressed) {
        auto inflated = ZlibCodec::inflate(out.parts.payload, options.maxInflatedSize);
        if (inflated)
            out.json = std::move(inflated->data);
        else
            payloadError = inflated.error();
    } else {
        out.json = out.parts.payload;
    }
    if (!payloadError) {
        PythonJsonReader::Options read;
        read.dialect = PythonJsonReader::Dialect::Plain;
        read.maxDepth = options.maxDepth;
        auto value = PythonJsonReader::read(out.json, read, &out.warnings);
        if (value) {
            decoded.value = std::move(value).value();
            out.session = SessionValue::makeDict();
            out.session.setValue(fieldName, decoded.value);
            if (!decoded.isString())
                out.warnings.append(
                    QCoreApplication::translate(
                        "sessionlens::Note",
                        "the token holds a %1, not a string: Flask-WTF's comparison fails with a "
                        "server error (TypeError)")
                        .arg(SessionValue::typeName(decoded.value.type())));
        } else {
            payloadError = value.error();
        }
    }
    if (out.verification == FlaskSignedCodec::Verification::Invalid)
        out.error = Error::make(
            ErrorCategory::Authentication,
            secrets.size() == 1
                ? QCoreApplication::translate("sessionlens::Error",
                                              "the signature does not match the secret")
                : QCoreApplication::translate("sessionlens::Error",
                                              "the signature matches none of the %1 secrets")
                      .arg(secrets.size()),
            {}, int(FlaskSignedCodec::Part::Signature));
    else if (payloadError) {
        out.error = std::move(payloadError);
        out.error->field = int(FlaskSignedCodec::Part::Payload);
    }
    return decoded;
}

Result<QByteArray> WtfCsrfCodec::payloadJson(const QString &raw)
{
    QByteArray json;
    json.reserve(raw.size() + 2);
    json.append('"');
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < raw.size() && raw.at(i + 1).isLowSurrogate()) {
            json.append(QStringView(raw).sliced(i, 2).toUtf8());
            ++i;
            continue;
        }
        if (c.isSurrogate())
            return Error::make(
                ErrorCategory::Encoding,
                QCoreApplication::translate("sessionlens::Error",
                                            "a lone surrogate (U+%1) cannot be written as UTF-8")
                    .arg(int(u), 4, 16, QLatin1Char('0')));
        // json.dumps' ESCAPE set; everything else (non-ASCII included) is written as it is.
        switch (u) {
        case u'"':
            json.append("\\\"");
            break;
        case u'\\':
            json.append("\\\\");
            break;
        case u'\n':
            json.append("\\n");
            break;
        case u'\r':
            json.append("\\r");
            break;
        case u'\t':
            json.append("\\t");
            break;
        case u'\b':
            json.append("\\b");
            break;
        case u'\f':
            json.append("\\f");
            break;
        default:
            if (u < 0x20)
                json.append(QByteArray("\\u00") +
                            QByteArray::number(int(u), 16).rightJustified(2, '0'));
            else
                json.append(QString(c).toUtf8());
        }
    }
    json.append('"');
    return json;
}

Result<QByteArray> WtfCsrfCodec::mint(const QString &raw, const SecureBytes &secret,
                                      qint64 timestamp)
{
    if (secret.isEmpty())
        return Error::make(ErrorCategory::Key,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "no secret to sign the CSRF token with"));
    auto json = payloadJson(raw);
    if (!json)
        return json.error();
    FlaskSignedCodec::Options options;
    options.signer = signerOptions();
    return FlaskSignedCodec::signPayload(FlaskSignedCodec::payloadField(*json), secret, timestamp,
                                         options);
}

Result<QString> WtfCsrfCodec::newRawToken()
{
    auto bytes = SecureRandom::bytes(kRawTokenHexDigits / 2);
    if (!bytes)
        return bytes.error();
    return QString::fromLatin1(bytes->toHex());
}

} // namespace sessionlens
