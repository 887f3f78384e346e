#include "formats/DjangoSignedFormat.h"

#include "encoding/Base64.h"
#include "formats/CookieText.h"
#include "formats/DjangoSignedCodec.h"
#include "formats/FlaskSignedFormat.h"
#include "formats/ItsdangerousSecretCheck.h"
#include "formats/KeySchedules.h"
#include "formats/OpenedCookie.h"
#include "formats/SealedCookie.h"
#include "formats/SessionDialect.h"
#include "keys/KeyRing.h"
#include "json/PythonRepr.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

namespace sessionlens {

namespace {

bool urlSafeChar(char c)
{
    return c == '-' || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
}

} // namespace

QString DjangoSignedFormat::displayName() const
{
    return QCoreApplication::translate("sessionlens::Note", "Django signed-cookie session");
}

QString DjangoSignedFormat::shortName() const
{
    return QCoreApplication::translate("sessionlens::Note", "django");
}

int DjangoSignedFormat::score(QByteArrayView cookie,
                              const FormatDetector::Characters &characters) const
{
    // ':' is outside the URL-safe set: the scan shared by every format rules out most other
    // cookies before this one looks at a character.
    if (characters.urlSafeOnly)
        return NotMine;
    // [.]<URL-safe payload>:<timestamp>:<signature>. The timestamp may hold any cookie
    // character and the signature '=', so that Django's own steps say what is wrong with them.
    const qsizetype payloadStart = cookie.startsWith('.') ? 1 : 0;
    // The payload, most of the cookie, must be URL-safe with no '.'. With no '+', '/' or '='
    // anywhere, the shared scan tells that already: it is when the first character outside the
    // alphabets is the first ':', and the cookie's dots are the flag's and the tail's.
    const bool scanned = !characters.standardChars && characters.firstOtherChar >= payloadStart;
    const qsizetype firstColon =
        scanned ? (cookie[characters.firstOtherChar] == ':' ? characters.firstOtherChar : -1)
                : cookie.indexOf(':', payloadStart);
    if (firstColon < 0)
        return NotMine;
    if (!scanned) {
        const FormatDetector::Characters payload =
            FormatDetector::characters(cookie.sliced(payloadStart, firstColon - payloadStart));
        if (!payload.urlSafeOnly || payload.dots > 0)
            return NotMine;
    }
    qsizetype colons = 0;
    qsizetype tailDots = 0;
    for (qsizetype i = firstColon; i < cookie.size(); ++i) {
        const char c = cookie[i];
        if (c == ':') {
            ++colons;
            continue;
        }
        tailDots += c == '.' ? 1 : 0;
        const bool fits =
            colons == 1 ? (c > 0x20 && c < 0x7f && c != ';' && c != ',' && c != '"' && c != '\\')
                        : urlSafeChar(c) || c == '=';
        if (!fits)
            return NotMine;
    }
    if (scanned && characters.dots - payloadStart - tailDots > 0)
        return NotMine; // a '.' in the payload
    if (colons == 2)
        return Certain;
    // A cut cookie that still shows a JSON ("eyJ" is '{"') or zlib (".eJ") payload and a ':'.
    if (colons == 1 && firstColon > payloadStart &&
        (cookie.startsWith("eyJ") || cookie.startsWith(".eJ")))
        return Damaged;
    return NotMine;
}

void DjangoSignedFormat::open(QByteArrayView cookie, KeySchedules &keys, const OpenOptions &options,
                              OpenedCookie &out) const
{
    // The secret that verified this format last comes first, then the ring's order.
    const KeySchedules::SigningSecrets ring = keys.signingSecrets(*this);
    FlaskSignedFormat::fillOpened(
        DjangoSignedCodec::decode(cookie, options, ring.secrets, -1, &ring.cache), ring.indices,
        options, out);
}

std::optional<Error> DjangoSignedFormat::checkWritable(const SessionValue &session)
{
    const SessionValue *node = SessionConverter::firstNotPlainJson(session);
    if (!node)
        return std::nullopt;
    return Error::make(ErrorCategory::Format,
                       QCoreApplication::translate(
                           "sessionlens::Error",
                           "%1: Django's JSON serializer cannot write this value (json.dumps "
                           "raises TypeError); convert the session to django first")
                           .arg(PythonRepr::path(node)));
}

void DjangoSignedFormat::judgeAge(OpenedCookie &opened, const OpenOptions &options,
                                  qint64 now) const
{
    if (auto *details = opened.detailsAs<FlaskSignedCodec::Decoded>())
        DjangoSignedCodec::judgeAge(*details, DjangoSignedCodec::cookieAge(options), now);
}

void DjangoSignedFormat::seal(const SessionValue &session, const SecureBytes &key,
                              const SealOptions &options, SealedCookie &out) const
{
    out.json = PythonJsonWriter::write(session, writerStyle());
    const QByteArray payload = FlaskSignedCodec::payloadField(out.json);
    const DjangoSignedCodec::Digest digest = DjangoSignedCodec::sealDigest(options.signer);
    // The options' cookie name is Flask's unless given: Django's is "sessionid".
    const QString cookieName = options.cookieName == QLatin1String("session")
                                   ? QString::fromLatin1(DjangoSignedCodec::kCookieName)
                                   : options.cookieName;
    out.size =
        sizeReport(session, out.json, payload, ItsdangerousSigner::digestSize(digest), cookieName,
                   DjangoSignedCodec::cookieAge(options.signer), options.exactKeyShares);
    if ((out.error = SessionDialect::checkIsSession(session)))
        return;
    if ((out.error = checkWritable(session)))
        return;
    if ((out.error = CookieText::overInputLimit(out.size.cookieValueBytes)))
        return;
    if (key.isEmpty()) {
        out.error = Error::make(
            ErrorCategory::Key,
            QCoreApplication::translate("sessionlens::Error", "no Django SECRET_KEY to sign with"));
        return;
    }
    const qint64 timestamp =
        options.timestamp >= 0 ? options.timestamp : QDateTime::currentSecsSinceEpoch();
    auto cookie = DjangoSignedCodec::signPayload(payload, key, timestamp, digest);
    if (!cookie) {
        out.error = cookie.error();
        return;
    }
    out.cookie = std::move(cookie).value();
}

SessionConverter::Converted DjangoSignedFormat::convertFrom(const SessionValue &session) const
{
    return SessionConverter::toPlainJson(session);
}

Result<std::unique_ptr<SecretCheck>>
DjangoSignedFormat::prepareSecretCheck(QByteArrayView cookie, const OpenOptions &) const
{
    auto parts = DjangoSignedCodec::split(cookie);
    if (!parts)
        return parts.error();
    // Django compares signature texts and signs with SHA-256 or SHA-1: only a canonical text of
    // one of their sizes can ever match, and its size names the digest.
    const qsizetype size = parts->signature.size();
    const bool sha1 = size == ItsdangerousSigner::digestSize(DjangoSignedCodec::Digest::Sha1);
    if (!DjangoSignedCodec::canonicalSignature(*parts) ||
        (!sha1 && size != ItsdangerousSigner::digestSize(DjangoSignedCodec::Digest::Sha256)))
        return Error::make(ErrorCategory::Authentication,
                           QCoreApplication::translate(
                               "sessionlens::Error",
                               "the signature is not one Django writes: no secret can match it"),
                           {}, int(FlaskSignedCodec::Part::Signature));
    return ItsdangerousSecretCheck::create(
        DjangoSignedCodec::signerOptions(sha1 ? DjangoSignedCodec::Digest::Sha1
                                              : DjangoSignedCodec::Digest::Sha256),
        std::move(parts->signedValue), std::move(parts->signature));
}

qsizetype DjangoSignedFormat::setCookieAttributeBytes(qint64 cookieAge)
{
    // response.set_cookie(max_age=SESSION_COOKIE_AGE, expires=http_date(...), path='/',
    // httponly=True, samesite='Lax'): SimpleCookie writes the attributes sorted by name, and
    // http_date's "Thu, 17 Dec 2026 13:00:00 GMT" is always 29 characters.
    constexpr qsizetype kHttpDateBytes = 29;
    return qsizetype(sizeof("; expires=") - 1) + kHttpDateBytes +
           qsizetype(sizeof("; HttpOnly; Max-Age=; Path=/; SameSite=Lax") - 1) +
           QByteArray::number(cookieAge).size();
}

CookieSize DjangoSignedFormat::sizeReport(const SessionValue &session, const QByteArray &json,
                                          const QByteArray &payloadField, int digestSize,
                                          const QString &cookieName, qint64 cookieAge,
                                          qsizetype exactKeyShares)
{
    const auto note = [](const char *text) {
        return QCoreApplication::translate("sessionlens::Note", text);
    };
    const qsizetype timestampBytes =
        DjangoSignedCodec::timestampField(QDateTime::currentSecsSinceEpoch()).size();
    const qsizetype signatureBytes = Base64::encodedSize(digestSize, Base64::Alphabet::UrlSafe);
    const auto valueSize = [&](const QByteArray &field) {
        return field.size() + 1 + timestampBytes + 1 + signatureBytes;
    };
    CookieSize r;
    r.format = formatId();
    r.jsonBytes = json.size();
    r.compressed = payloadField.startsWith('.');
    r.compressedBytes = r.compressed ? (payloadField.size() - 1) * 3 / 4 : 0;
    r.stages = {
        {QStringLiteral("payload_bytes"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "payload (signed, not encrypted)")),
         r.compressed ? r.compressedBytes : json.size(),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "payload (not encrypted)")),
         {}},
        {QStringLiteral("payload_base64"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "payload, base64")),
         payloadField.size(),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "base64")),
         {}},
        {QStringLiteral("timestamp_base62"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "timestamp, base62")),
         timestampBytes,
         {},
         {}},
        {QStringLiteral("signature_base64"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "signature, base64")),
         signatureBytes,
         {},
         {}},
    };
    r.cookieValueBytes = valueSize(payloadField);
    r.serverCookieName = cookieName;
    r.extraAttributeBytes = setCookieAttributeBytes(cookieAge) - CookieSize::kFlaskAttributeBytes;
    if (session.type() != SessionValue::Type::Dict)
        return r;
    // Each key's share: measured by writing the session without it, for the largest keys
    // (a deflate each); the others estimated from their share of the JSON.
    const qsizetype count = session.size();
    QList<qsizetype> starts(count, 0), ends(count, 0);
    for (qsizetype i = 0; i < count; ++i) {
        SessionValue one = SessionValue::makeDict();
        one.setValue(session.child(i)->key(), *session.child(i));
        ends[i] = PythonJsonWriter::write(one, PythonJsonWriter::Style::Compact).size() - 2;
    }
    const QList<bool> exact = CookieSize::largestEntries(ends, starts, exactKeyShares);
    QList<CookieSize::KeyShare> shares;
    for (qsizetype i = 0; i < count; ++i) {
        CookieSize::KeyShare share{session.child(i)->key(), ends[i], 0, false};
        if (exact[i]) {
            SessionValue without = session;
            without.remove(i);
            share.cookieSaving = r.cookieValueBytes -
                                 valueSize(FlaskSignedCodec::payloadField(PythonJsonWriter::write(
                                     without, PythonJsonWriter::Style::Compact)));
        } else {
            share.estimated = true;
            share.cookieSaving =
                r.jsonBytes > 0 ? share.jsonBytes * r.cookieValueBytes / r.jsonBytes : 0;
        }
        shares.append(share);
    }
    std::stable_sort(shares.begin(), shares.end(),
                     [](const CookieSize::KeyShare &a, const CookieSize::KeyShare &b) {
                         return a.cookieSaving > b.cookieSaving;
                     });
    r.keys = shares;
    return r;
}

} // namespace sessionlens
