#include "formats/EncryptedSessionFormat.h"

#include "encoding/Base64.h"
#include "formats/CookieText.h"
#include "formats/KeySchedules.h"
#include "formats/OpenedCookie.h"
#include "formats/SealedCookie.h"
#include "formats/ZlibCodec.h"

#include <QCoreApplication>

namespace sessionlens {

namespace {

constexpr qsizetype kTagBase64 = 24;   // 16 bytes
constexpr qsizetype kNonceBase64 = 24; // 16 bytes

// `<flag>.<ciphertext>.<tag>.<nonce>` for a ciphertext of this size.
qsizetype encryptedValueSize(qsizetype payload)
{
    return 1 + 1 + Base64::encodedSize(payload, Base64::Alphabet::Standard) + 1 + kTagBase64 + 1 +
           kNonceBase64;
}

// The cookie value's length for a JSON text of this content, compressed by the rule.
qsizetype cookieValueSize(const QByteArray &json, EncryptedSessionCodec::Compression compression)
{
    return encryptedValueSize(EncryptedSessionCodec::shouldCompress(json.size(), compression)
                                  ? ZlibCodec::deflate(json).size()
                                  : json.size());
}

} // namespace

QString EncryptedSessionFormat::displayName() const
{
    return QStringLiteral("EncryptedSession");
}

QString EncryptedSessionFormat::shortName() const
{
    return QCoreApplication::translate("sessionlens::Note", "encrypted");
}

int EncryptedSessionFormat::score(QByteArrayView cookie,
                                  const FormatDetector::Characters &characters) const
{
    return FormatDetector::detect(cookie, characters) == FormatDetector::Format::EncryptedSession
               ? Certain
               : NotMine;
}

void EncryptedSessionFormat::open(QByteArrayView cookie, KeySchedules &keys,
                                  const OpenOptions &options, OpenedCookie &out) const
{
    EncryptedSessionCodec::Limits limits;
    limits.maxInflatedSize = options.maxInflatedSize;
    limits.maxDepth = options.maxDepth;
    limits.buildSession = options.buildSession;
    limits.topMembers = options.topMembers;
    // Without details nobody reads the fields afterwards: no copies of their texts, and the
    // ciphertext is decrypted where base64 left it.
    limits.keepCiphertext = options.keepDetails;
    EncryptedSessionCodec::Decoded decoded;
    auto fields = options.keepDetails
                      ? EncryptedSessionCodec::split(cookie, &decoded.fields)
                      : EncryptedSessionCodec::split(cookie, nullptr,
                                                     EncryptedSessionCodec::FieldTexts::Drop);
    if (fields) {
        decoded.fields = std::move(fields).value();
        openWithKeys(keys, limits, decoded, out);
    } else {
        decoded.error = fields.error();
    }
    out.error = decoded.error;
    out.warnings = decoded.warnings;
    out.compressed = decoded.fields.compressed;
    out.sessionValue = std::move(decoded.session);
    out.jsonText = std::move(decoded.plaintext);
    if (options.keepDetails)
        out.details = std::move(decoded);
}

void EncryptedSessionFormat::openWithKeys(KeySchedules &keys,
                                          const EncryptedSessionCodec::Limits &limits,
                                          EncryptedSessionCodec::Decoded &decoded,
                                          OpenedCookie &out) const
{
    // The key that served this format last comes first, then the ring's order.
    const QList<qsizetype> &candidates = keys.candidates(*this, SessionKey::Kind::AesKey);
    qsizetype tried = 0;
    for (const qsizetype i : candidates) {
        EncryptedSessionCodec *codec = keys.codec(i);
        if (!codec)
            continue;
        ++tried;
        codec->setLimits(limits);
        codec->decodeFields(decoded);
        if (decoded.error && decoded.error->category == ErrorCategory::Authentication) {
            decoded.error.reset();
            decoded.warnings.clear();
            continue;
        }
        out.keyIndex = i;
        return;
    }
    QString message;
    if (tried == 0)
        message = QCoreApplication::translate(
            "sessionlens::Error", "no AES key is available to open this EncryptedSession cookie");
    else if (tried == 1)
        message = QCoreApplication::translate(
            "sessionlens::Error", "the tag does not match: wrong key or altered cookie");
    else
        message = QCoreApplication::translate(
                      "sessionlens::Error",
                      "none of the %1 AES keys opens this cookie (or it was altered)")
                      .arg(tried);
    decoded.error = Error::make(ErrorCategory::Authentication, message, {},
                                int(EncryptedSessionCodec::Field::Tag));
}

void EncryptedSessionFormat::seal(const SessionValue &session, const SecureBytes &key,
                                  const SealOptions &options, SealedCookie &out) const
{
    QList<qsizetype> entryEnds;
    out.json = PythonJsonWriter::write(session, &entryEnds);
    const bool compressed =
        EncryptedSessionCodec::shouldCompress(out.json.size(), options.compression);
    const QByteArray payload = compressed ? ZlibCodec::deflate(out.json) : out.json;
    out.size = measure(session, out.json, entryEnds, payload.size(), compressed, options);
    if (auto problem = EncryptedSessionCodec::checkSealable(session)) {
        out.error = *problem;
        return;
    }
    if ((out.error = CookieText::overInputLimit(out.size.cookieValueBytes)))
        return;
    if (key.isEmpty()) {
        out.error =
            Error::make(ErrorCategory::Key, QCoreApplication::translate("sessionlens::Error",
                                                                        "no AES key to seal with"));
        return;
    }
    auto codec = EncryptedSessionCodec::create(key);
    if (!codec) {
        out.error = codec.error();
        return;
    }
    auto sealed = codec->sealPayload(out.json, payload, compressed);
    if (!sealed) {
        out.error = sealed.error();
        return;
    }
    out.cookie = std::move(sealed->cookie);
}

SessionConverter::Converted EncryptedSessionFormat::convertFrom(const SessionValue &session) const
{
    return SessionConverter::toEncryptedSession(session);
}

CookieSize EncryptedSessionFormat::measure(const SessionValue &session, const QByteArray &json,
                                           const QList<qsizetype> &entryEnds,
                                           qsizetype payloadBytes, bool compressed,
                                           const SealOptions &options)
{
    CookieSize r;
    r.format = formatId();
    r.jsonBytes = json.size();
    r.compressed = compressed;
    r.compressedBytes = compressed ? payloadBytes : 0;
    r.cookieValueBytes = encryptedValueSize(payloadBytes);
    r.stages =
        sizeStages(payloadBytes, Base64::encodedSize(payloadBytes, Base64::Alphabet::Standard),
                   kTagBase64, kNonceBase64);
    if (session.type() != SessionValue::Type::Dict)
        return r;
    // Entry i of `{e0, e1, ...}` sits between known offsets of the JSON text, so its size is
    // read off, and the text without it is the same bytes with that range (and one ", ") cut
    // out. Only a compressed remainder needs a deflate to measure; those are done for the
    // largest entries alone, so that the report stays near-linear.
    const qsizetype count = session.size();
    QList<qsizetype> offsets(count), cuts(count), cutStarts(count);
    for (qsizetype i = 0; i < count; ++i) {
        offsets[i] = i == 0 ? 1 : entryEnds[i - 1] + 2;
        const qsizetype entrySize = entryEnds[i] - offsets[i];
        const bool last = i + 1 == count;
        // The separator before the last entry goes with it.
        cutStarts[i] = offsets[i] - (last && i > 0 ? 2 : 0);
        cuts[i] = entrySize + (last ? (i > 0 ? 2 : 0) : 2);
    }
    const QList<bool> exact =
        CookieSize::largestEntries(entryEnds, offsets, options.exactKeyShares);
    r.keys.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        const qsizetype entrySize = entryEnds[i] - offsets[i];
        const qsizetype restSize = json.size() - cuts[i];
        CookieSize::KeyShare share{session.child(i)->key(), entrySize, 0, false};
        if (!EncryptedSessionCodec::shouldCompress(restSize, options.compression)) {
            share.cookieSaving = r.cookieValueBytes - encryptedValueSize(restSize);
        } else if (exact[i]) {
            QByteArray rest;
            rest.reserve(restSize);
            rest.append(json.constData(), cutStarts[i]);
            rest.append(json.constData() + cutStarts[i] + cuts[i],
                        json.size() - cutStarts[i] - cuts[i]);
            share.cookieSaving = r.cookieValueBytes - cookieValueSize(rest, options.compression);
        } else {
            share.cookieSaving =
                r.cookieValueBytes -
                encryptedValueSize(CookieSize::scaledPayload(payloadBytes, restSize, json.size()));
            share.estimated = true;
        }
        r.keys.append(share);
    }
    r.sortKeys();
    return r;
}

QList<CookieSize::Stage> EncryptedSessionFormat::sizeStages(qsizetype ciphertext,
                                                            qsizetype ciphertextBase64,
                                                            qsizetype tagBase64,
                                                            qsizetype nonceBase64)
{
    const auto note = [](const char *text) {
        return QCoreApplication::translate("sessionlens::Note", text);
    };
    return {
        {QStringLiteral("ciphertext_bytes"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "ciphertext (AES-EAX)")),
         ciphertext,
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "encrypted")),
         {}},
        {QStringLiteral("ciphertext_base64"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "ciphertext, base64")),
         ciphertextBase64,
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "base64")),
         {}},
        {QStringLiteral("tag_base64"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "tag, base64")),
         tagBase64,
         {},
         {}},
        {QStringLiteral("nonce_base64"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "nonce, base64")),
         nonceBase64,
         {},
         {}},
    };
}

} // namespace sessionlens
