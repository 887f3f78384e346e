#include "formats/StarletteSessionFormat.h"

#include "encoding/Base64.h"
#include "formats/CookieText.h"
#include "formats/FlaskSignedFormat.h"
#include "formats/KeySchedules.h"
#include "formats/OpenedCookie.h"
#include "formats/SealedCookie.h"
#include "formats/SessionDialect.h"
#include "json/PythonRepr.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <optional>

namespace sessionlens {

namespace {

/// TimestampSigner(secret_key): itsdangerous' Signer defaults.
constexpr char kSignerSalt[] = "itsdangerous.Signer";
/// SHA-1's 20 bytes in URL-safe base64 without padding.
constexpr qsizetype kSignatureBase64 = 27;

/// What the first member of a JSON object says of its writer: json.dumps' ": " or Flask's ":".
enum class Separator
{
    None,    ///< `{}`: no member, no separator
    Spaced,  ///< `{"a": ...`: json.dumps' defaults
    Compact, ///< `{"a":...`: Flask's compact JSON
    Unreadable,
};

Separator firstSeparator(QByteArrayView json)
{
    if (json.size() < 2 || json[0] != '{')
        return Separator::Unreadable;
    if (json[1] == '}')
        return Separator::None;
    if (json[1] != '"')
        return Separator::Unreadable;
    qsizetype i = 2;
    for (; i < json.size() && json[i] != '"'; ++i) {
        if (json[i] == '\\')
            ++i;
    }
    if (i + 2 >= json.size() || json[i + 1] != ':')
        return Separator::Unreadable;
    return json[i + 2] == ' ' ? Separator::Spaced : Separator::Compact;
}

// The first separator of a payload whose characters are all standard base64, '=' only at its
// end (checked by score()); nullopt when it does not decode. The separator follows the
// first key, so the payload's beginning usually answers: every quantum but the last holds four
// alphabet characters, so the whole decodes exactly when its last quantum does, and a prefix of
// whole quanta decodes to the beginning of the JSON. A first key longer than the prefix, or a
// beginning that does not answer, falls back to the whole payload.
std::optional<Separator> payloadSeparator(QByteArrayView payload)
{
    constexpr qsizetype kPrefixChars = 64; // 48 bytes of JSON: `{"` and most first keys
    if (payload.size() > kPrefixChars + 4) {
        if (!Base64::decode(payload.last(4), Base64::Alphabet::Standard))
            return std::nullopt;
        const auto head = Base64::decode(payload.first(kPrefixChars), Base64::Alphabet::Standard);
        if (head) {
            const Separator separator = firstSeparator(*head);
            if (separator != Separator::Unreadable)
                return separator;
        }
    }
    const auto json = Base64::decode(payload, Base64::Alphabet::Standard);
    if (!json)
        return std::nullopt;
    return firstSeparator(*json);
}

/// The score of a whole cookie of Flask's shape too, whose payload begins like a dict: by the
/// separator its JSON writer put after the first key.
int scoreOfSeparator(QByteArrayView payload)
{
    const std::optional<Separator> separator = payloadSeparator(payload);
    if (!separator)
        return CookieFormat::NotMine;
    switch (*separator) {
    case Separator::Spaced:
        return CookieFormat::Distinct;
    case Separator::Compact:
        return CookieFormat::Possible;
    case Separator::None:
    case Separator::Unreadable:
        break;
    }
    return CookieFormat::Certain; // neither writer's mark: as much Starlette's as Flask's
}

} // namespace

QString StarletteSessionFormat::displayName() const
{
    return QCoreApplication::translate("sessionlens::Note", "Starlette session");
}

QString StarletteSessionFormat::shortName() const
{
    return QCoreApplication::translate("sessionlens::Note", "starlette");
}

int StarletteSessionFormat::score(QByteArrayView cookie,
                                  const FormatDetector::Characters &characters) const
{
    if (!characters.cookieCharsOnly || characters.dots > 2)
        return NotMine;
    const qsizetype firstDot = cookie.indexOf('.');
    const QByteArrayView payload = firstDot < 0 ? cookie : cookie.first(firstDot);
    const bool whole = characters.dots == 2 && payload.size() % 4 == 0;
    // No '+', '/' or '=' anywhere (every Flask cookie): only a whole cookie of Flask's shape
    // could be Starlette's, and only when its payload is a dict ('e') of neither '-' nor '_'.
    // The tests below give the same answer; these are cheaper, and most fail at once.
    if (!characters.standardChars) {
        if (!whole || !cookie.startsWith('e') || payload.contains('-') || payload.contains('_'))
            return NotMine;
        return scoreOfSeparator(payload);
    }
    // The shared scan left only [-_.0-9a-zA-Z+/=], and the payload holds no '.': it is standard
    // base64 unless it has '-' or '_', with '=' only at its end. Searched with memchr, not a
    // loop over every character (most cookies this sees are Flask's).
    if (payload.contains('-') || payload.contains('_'))
        return NotMine;
    const qsizetype firstEquals = payload.indexOf('=');
    const qsizetype padding = firstEquals < 0 ? 0 : payload.size() - firstEquals;
    for (qsizetype i = firstEquals + 1; firstEquals >= 0 && i < payload.size(); ++i) {
        if (payload[i] != '=')
            return NotMine;
    }
    // A character Flask's URL-safe alphabet has not.
    const bool standardOnly = padding > 0 || payload.contains('+') || payload.contains('/');
    const QByteArrayView signedPart = firstDot < 0 ? QByteArrayView() : cookie.sliced(firstDot + 1);
    const bool signerUrlSafe = std::none_of(signedPart.begin(), signedPart.end(), [](char c) {
        return c == '+' || c == '/' || c == '=';
    });
    if (!signerUrlSafe || !whole || padding > 2)
        // A cut or damaged cookie whose payload only Starlette writes: let its steps say why.
        return signerUrlSafe && standardOnly ? Damaged : NotMine;
    if (standardOnly)
        return Certain;
    // Flask's signed cookie has this shape too. Flask writes compact JSON, json.dumps does not;
    // both write a dict, whose base64 begins with 'e' ('{').
    if (!cookie.startsWith('e'))
        return NotMine;
    return scoreOfSeparator(payload);
}

OpenOptions StarletteSessionFormat::starletteOptions(const OpenOptions &options)
{
    OpenOptions starlette = options;
    // Raw data: no allocation for the options made for every cookie opened.
    starlette.signer.salt = QByteArray::fromRawData(kSignerSalt, qsizetype(sizeof kSignerSalt) - 1);
    starlette.signer.digest = ItsdangerousSigner::Digest::Sha1;
    starlette.signer.derivation = ItsdangerousSigner::KeyDerivation::DjangoConcat;
    starlette.legacyEpoch = false;
    starlette.lifetimeSeconds = options.ageLimitFor(formatId(), kDefaultMaxAgeSeconds);
    return starlette;
}

FlaskSignedCodec::Layout StarletteSessionFormat::layout()
{
    FlaskSignedCodec::Layout layout;
    layout.payloadAlphabet = Base64::Alphabet::Standard;
    layout.zlibFlag = false;
    layout.dialect = PythonJsonReader::Dialect::Plain;
    return layout;
}

void StarletteSessionFormat::open(QByteArrayView cookie, KeySchedules &keys,
                                  const OpenOptions &options, OpenedCookie &out) const
{
    FlaskSignedFormat::openSigned(*this, cookie, keys, starletteOptions(options), layout(), out);
}

void StarletteSessionFormat::judgeAge(OpenedCookie &opened, const OpenOptions &options,
                                      qint64 now) const
{
    // max_age is Starlette's own (two weeks) unless the user chose one.
    if (auto *details = opened.detailsAs<FlaskSignedCodec::Decoded>())
        FlaskSignedCodec::judgeAge(*details, starletteOptions(options).lifetimeSeconds, now);
}

qsizetype StarletteSessionFormat::setCookieAttributeBytes(qint64 maxAge)
{
    // `{session_cookie}={data}; path={path}; {max_age}{security_flags}`, where max_age is
    // `Max-Age=N; ` when max_age is truthy (not None, not 0) and security_flags `httponly;
    // samesite=lax`.
    const qsizetype fixed = sizeof("; path=/; httponly; samesite=lax") - 1;
    return maxAge != 0 && maxAge != FlaskSignedCodec::kNoLifetimeLimit
               ? fixed + qsizetype(sizeof("; Max-Age=") - 1) + QByteArray::number(maxAge).size()
               : fixed;
}

std::optional<Error> StarletteSessionFormat::checkSealable(const SessionValue &session)
{
    if (auto notSession = SessionDialect::checkIsSession(session))
        return notSession;
    if (const SessionValue *node = SessionConverter::firstNotPlainJson(session))
        return Error::make(
            ErrorCategory::Json,
            QCoreApplication::translate("sessionlens::Error",
                                        "Starlette's json.dumps cannot write a %1 value")
                .arg(SessionValue::typeName(node->type())),
            PythonRepr::path(node));
    return std::nullopt;
}

void StarletteSessionFormat::seal(const SessionValue &session, const SecureBytes &key,
                                  const SealOptions &options, SealedCookie &out) const
{
    QList<qsizetype> entryEnds;
    out.json = PythonJsonWriter::write(session, &entryEnds);
    const QByteArray payload = Base64::encode(out.json, Base64::Alphabet::Standard);
    const qint64 timestamp =
        options.timestamp >= 0 ? options.timestamp : QDateTime::currentSecsSinceEpoch();
    const qsizetype timestampBase64 = FlaskSignedCodec::timestampField(timestamp, false).size();
    const auto valueSize = [timestampBase64](qsizetype jsonBytes) {
        return Base64::encodedSize(jsonBytes, Base64::Alphabet::Standard) + 1 + timestampBase64 +
               1 + kSignatureBase64;
    };
    CookieSize &report = out.size;
    report.format = formatId();
    report.jsonBytes = out.json.size();
    report.stages = FlaskSignedFormat::sizeStages(out.json.size(), payload.size(), timestampBase64,
                                                  kSignatureBase64);
    report.cookieValueBytes = valueSize(out.json.size());
    report.extraAttributeBytes =
        setCookieAttributeBytes(starletteOptions(options.signer).lifetimeSeconds) -
        CookieSize::kFlaskAttributeBytes;
    if (session.type() == SessionValue::Type::Dict) {
        // No compression: a key's saving is exact from its share of the JSON text alone.
        const qsizetype count = session.size();
        for (qsizetype i = 0; i < count; ++i) {
            const qsizetype entry = entryEnds[i] - (i == 0 ? 1 : entryEnds[i - 1] + 2);
            const qsizetype rest = out.json.size() - entry - (count > 1 ? 2 : 0);
            report.keys.append(
                {session.child(i)->key(), entry, report.cookieValueBytes - valueSize(rest), false});
        }
        report.sortKeys();
    }
    if ((out.error = checkSealable(session)))
        return;
    if ((out.error = CookieText::overInputLimit(report.cookieValueBytes)))
        return;
    if (key.isEmpty()) {
        out.error = Error::make(ErrorCategory::Key,
                                QCoreApplication::translate(
                                    "sessionlens::Error", "no Starlette secret_key to sign with"));
        return;
    }
    auto cookie =
        FlaskSignedCodec::signPayload(payload, key, timestamp, starletteOptions(options.signer));
    if (!cookie) {
        out.error = cookie.error();
        return;
    }
    out.cookie = std::move(cookie).value();
}

Result<std::unique_ptr<SecretCheck>>
StarletteSessionFormat::prepareSecretCheck(QByteArrayView cookie, const OpenOptions &options) const
{
    return FlaskSignedFormat::prepareSigned(cookie, starletteOptions(options), layout());
}

SessionConverter::Converted StarletteSessionFormat::convertFrom(const SessionValue &session) const
{
    return SessionConverter::toPlainJson(session);
}

} // namespace sessionlens
