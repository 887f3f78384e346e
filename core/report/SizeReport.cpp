#include "report/SizeReport.h"

#include "formats/Base64.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/ZlibCodec.h"
#include "json/PythonJsonWriter.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

namespace sessionlens {

namespace {
// Flask's Set-Cookie for the session: `<name>=<value>; HttpOnly; Path=/` (Werkzeug's order).
constexpr qsizetype kFlaskAttributesSize = sizeof("; HttpOnly; Path=/") - 1;
constexpr qsizetype kTagBase64 = 24;   // 16 bytes
constexpr qsizetype kNonceBase64 = 24; // 16 bytes

// `<flag>.<ciphertext>.<tag>.<nonce>` for a ciphertext of this size.
qsizetype encryptedValueSize(qsizetype payload)
{
    return 1 + 1 + Base64::encodedSize(payload, Base64::Alphabet::Standard) + 1 + kTagBase64 + 1 + kNonceBase64;
}

void fillHeaders(SizeReport &r, const QString &cookieName)
{
    const qsizetype nameBytes = cookieName.toUtf8().size();
    r.nameValueBytes = nameBytes + 1 + r.cookieValueBytes;
    r.setCookieBytes = r.nameValueBytes + kFlaskAttributesSize;
    r.setCookieLineBytes = r.setCookieBytes + qsizetype(sizeof("Set-Cookie: ") - 1);
    r.werkzeugHeadroom = SizeReport::kWerkzeugMaxCookieSize - r.setCookieBytes;
    r.browserHeadroom = SizeReport::kBrowserMaxCookieSize - r.nameValueBytes;
}

} // namespace

qsizetype SizeReport::cookieValueSize(const QByteArray &json,
                                      EncryptedSessionCodec::Compression compression,
                                      qsizetype *compressedSize)
{
    qsizetype payload = json.size();
    if (EncryptedSessionCodec::shouldCompress(json.size(), compression)) {
        payload = ZlibCodec::deflate(json).size();
        if (compressedSize)
            *compressedSize = payload;
    } else if (compressedSize) {
        *compressedSize = 0;
    }
    return encryptedValueSize(payload);
}

SizeReport SizeReport::compute(const SessionValue &session, const Options &options)
{
    SizeReport r;
    QList<qsizetype> entryEnds;
    r.plaintext = PythonJsonWriter::write(session, &entryEnds);
    const QByteArray &json = r.plaintext;
    r.jsonBytes = json.size();
    r.compressed = EncryptedSessionCodec::shouldCompress(json.size(), options.compression);
    r.payload = r.compressed ? ZlibCodec::deflate(json) : json;
    r.compressedBytes = r.compressed ? r.payload.size() : 0;
    r.ciphertextBytes = r.payload.size();
    r.cookieValueBytes = encryptedValueSize(r.ciphertextBytes);
    r.ciphertextBase64 = Base64::encodedSize(r.ciphertextBytes, Base64::Alphabet::Standard);
    r.tagBase64 = kTagBase64;
    r.nonceBase64 = kNonceBase64;
    fillHeaders(r, options.cookieName);

    if (options.perKeyShares && session.type() == SessionValue::Type::Dict) {
        // Entry i of `{e0, e1, ...}` sits between known offsets of the JSON text, so its size
        // is read off and the text without it is the same bytes with that range (and one
        // ", ") cut out.
        for (qsizetype i = 0; i < session.size(); ++i) {
            const qsizetype offset = i == 0 ? 1 : entryEnds[i - 1] + 2;
            const qsizetype entrySize = entryEnds[i] - offset;
            const bool last = i + 1 == session.size();
            qsizetype cutStart = offset, cutLength = entrySize + (last ? 0 : 2);
            if (last && i > 0) {
                cutStart -= 2; // the separator before the last entry goes with it
                cutLength += 2;
            }
            QByteArray rest;
            rest.reserve(json.size() - cutLength);
            rest.append(json.constData(), cutStart);
            rest.append(json.constData() + cutStart + cutLength, json.size() - cutStart - cutLength);
            r.keys.append(KeyShare{session.child(i)->key(), entrySize,
                                   r.cookieValueBytes - cookieValueSize(rest, options.compression)});
        }
        std::stable_sort(r.keys.begin(), r.keys.end(), [](const KeyShare &a, const KeyShare &b) {
            return a.jsonBytes > b.jsonBytes;
        });
    }
    return r;
}

namespace {

qsizetype signedValueSize(const QByteArray &json, int digestSize, qsizetype timestampField, SizeReport *r)
{
    const QByteArray payload = FlaskSignedCodec::payloadField(json);
    if (r) {
        r->compressed = payload.startsWith('.');
        r->compressedBytes = r->compressed ? ZlibCodec::deflate(json).size() : 0;
        r->ciphertextBytes = r->compressed ? r->compressedBytes : json.size();
        r->ciphertextBase64 = payload.size();
    }
    return payload.size() + 1 + timestampField + 1 + Base64::encodedSize(digestSize, Base64::Alphabet::UrlSafe);
}

} // namespace

SizeReport SizeReport::computeSigned(const SessionValue &session, int digestSize, const QString &cookieName)
{
    SizeReport r;
    r.encrypted = false;
    const QByteArray json = PythonJsonWriter::write(session, PythonJsonWriter::Style::FlaskTagged);
    r.jsonBytes = json.size();
    const qsizetype timestampField = FlaskSignedCodec::timestampField(QDateTime::currentSecsSinceEpoch(), false).size();
    r.cookieValueBytes = signedValueSize(json, digestSize, timestampField, &r);
    r.tagBase64 = Base64::encodedSize(digestSize, Base64::Alphabet::UrlSafe);
    r.nonceBase64 = timestampField;
    fillHeaders(r, cookieName);
    if (session.type() == SessionValue::Type::Dict) {
        // Removing a key can change tagging (" di"), so each share is written out in full.
        for (qsizetype i = 0; i < session.size(); ++i) {
            SessionValue one = SessionValue::makeDict();
            one.setValue(session.child(i)->key(), *session.child(i));
            const qsizetype entry = PythonJsonWriter::write(one, PythonJsonWriter::Style::FlaskTagged).size() - 2;
            SessionValue without = session;
            without.remove(i);
            const QByteArray rest = PythonJsonWriter::write(without, PythonJsonWriter::Style::FlaskTagged);
            r.keys.append(KeyShare{session.child(i)->key(), entry,
                                   r.cookieValueBytes - signedValueSize(rest, digestSize, timestampField, nullptr)});
        }
        std::stable_sort(r.keys.begin(), r.keys.end(),
                         [](const KeyShare &a, const KeyShare &b) { return a.jsonBytes > b.jsonBytes; });
    }
    return r;
}

QJsonObject SizeReport::toJson() const
{
    QJsonArray shares;
    for (const KeyShare &share : keys)
        shares.append(QJsonObject{{QStringLiteral("key"), share.key},
                                  {QStringLiteral("json_bytes"), share.jsonBytes},
                                  {QStringLiteral("cookie_saving"), share.cookieSaving}});
    return QJsonObject{
        {QStringLiteral("format"), encrypted ? QStringLiteral("encrypted") : QStringLiteral("signed")},
        {QStringLiteral("json_bytes"), jsonBytes},
        {QStringLiteral("compressed"), compressed},
        {QStringLiteral("compressed_bytes"), compressedBytes},
        {QStringLiteral("ciphertext_bytes"), ciphertextBytes},
        {QStringLiteral("ciphertext_base64"), ciphertextBase64},
        {QStringLiteral("tag_base64"), tagBase64},
        {QStringLiteral("nonce_base64"), nonceBase64},
        {QStringLiteral("cookie_value_bytes"), cookieValueBytes},
        {QStringLiteral("name_value_bytes"), nameValueBytes},
        {QStringLiteral("set_cookie_bytes"), setCookieBytes},
        {QStringLiteral("set_cookie_line_bytes"), setCookieLineBytes},
        {QStringLiteral("werkzeug_limit"), kWerkzeugMaxCookieSize},
        {QStringLiteral("werkzeug_headroom"), werkzeugHeadroom},
        {QStringLiteral("browser_limit"), kBrowserMaxCookieSize},
        {QStringLiteral("browser_headroom"), browserHeadroom},
        {QStringLiteral("keys"), shares},
    };
}

} // namespace sessionlens
