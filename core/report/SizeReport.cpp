#include "report/SizeReport.h"

#include "formats/Base64.h"
#include "formats/ZlibCodec.h"
#include "json/PythonJsonWriter.h"

#include <QJsonArray>

#include <algorithm>

namespace sessionlens {

namespace {
// Flask's Set-Cookie for the session: `<name>=<value>; HttpOnly; Path=/` (Werkzeug's order).
constexpr qsizetype kFlaskAttributesSize = sizeof("; HttpOnly; Path=/") - 1;
constexpr qsizetype kTagBase64 = 24;   // 16 bytes
constexpr qsizetype kNonceBase64 = 24; // 16 bytes
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
    return 1 + 1 + Base64::encodedSize(payload, Base64::Alphabet::Standard) + 1 + kTagBase64 + 1
           + kNonceBase64;
}

SizeReport SizeReport::compute(const SessionValue &session, const Options &options)
{
    return compute(session, PythonJsonWriter::write(session), options);
}

SizeReport SizeReport::compute(const SessionValue &session, const QByteArray &json, const Options &options)
{
    SizeReport r;
    r.jsonBytes = json.size();
    r.compressed = EncryptedSessionCodec::shouldCompress(json.size(), options.compression);
    r.cookieValueBytes = cookieValueSize(json, options.compression, &r.compressedBytes);
    r.ciphertextBytes = r.compressed ? r.compressedBytes : r.jsonBytes;
    r.ciphertextBase64 = Base64::encodedSize(r.ciphertextBytes, Base64::Alphabet::Standard);
    r.tagBase64 = kTagBase64;
    r.nonceBase64 = kNonceBase64;
    const qsizetype nameBytes = options.cookieName.toUtf8().size();
    r.nameValueBytes = nameBytes + 1 + r.cookieValueBytes;
    r.setCookieBytes = r.nameValueBytes + kFlaskAttributesSize;
    r.setCookieLineBytes = r.setCookieBytes + qsizetype(sizeof("Set-Cookie: ") - 1);
    r.werkzeugHeadroom = kWerkzeugMaxCookieSize - r.setCookieBytes;
    r.browserHeadroom = kBrowserMaxCookieSize - r.nameValueBytes;

    if (options.perKeyShares && session.type() == SessionValue::Type::Dict) {
        // Entry i of `{e0, e1, ...}` sits at a known offset in the JSON text, so the text
        // without it is the same bytes with that range (and one ", ") cut out.
        QByteArray entry;
        qsizetype offset = 1;
        for (qsizetype i = 0; i < session.size(); ++i) {
            const SessionValue &child = *session.child(i);
            entry.clear();
            PythonJsonWriter::appendString(child.key(), entry);
            entry.append(": ", 2);
            PythonJsonWriter::append(child, entry);

            const bool last = i + 1 == session.size();
            qsizetype cutStart = offset, cutLength = entry.size() + (last ? 0 : 2);
            if (last && i > 0) {
                cutStart -= 2; // the separator before the last entry goes with it
                cutLength += 2;
            }
            QByteArray rest;
            rest.reserve(json.size() - cutLength);
            rest.append(json.constData(), cutStart);
            rest.append(json.constData() + cutStart + cutLength, json.size() - cutStart - cutLength);
            r.keys.append(KeyShare{child.key(), entry.size(),
                                   r.cookieValueBytes - cookieValueSize(rest, options.compression)});
            offset += entry.size() + 2;
        }
        std::stable_sort(r.keys.begin(), r.keys.end(), [](const KeyShare &a, const KeyShare &b) {
            return a.jsonBytes > b.jsonBytes;
        });
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
