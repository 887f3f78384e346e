#include "report/SizeReport.h"

#include "Limits.h"
#include "encoding/Base64.h"
#include "formats/EncryptedSessionFormat.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/FlaskSignedFormat.h"
#include "formats/ZlibCodec.h"
#include "json/PythonJsonWriter.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>
#include <numeric>

namespace sessionlens {

namespace {
// Flask's Set-Cookie for the session: `<name>=<value>; HttpOnly; Path=/` (Werkzeug's order).
constexpr qsizetype kFlaskAttributesSize = sizeof("; HttpOnly; Path=/") - 1;
constexpr qsizetype kTagBase64 = 24;   // 16 bytes
constexpr qsizetype kNonceBase64 = 24; // 16 bytes

// `<flag>.<ciphertext>.<tag>.<nonce>` for a ciphertext of this size.
qsizetype encryptedValueSize(qsizetype payload)
{
    return 1 + 1 + Base64::encodedSize(payload, Base64::Alphabet::Standard) + 1 + kTagBase64 + 1 +
           kNonceBase64;
}

// Marks the `keep` entries with the most JSON bytes.
QList<bool> largestEntries(const QList<qsizetype> &ends, const QList<qsizetype> &starts,
                           qsizetype keep)
{
    QList<qsizetype> order(ends.size());
    std::iota(order.begin(), order.end(), 0);
    const qsizetype n = std::min(keep, order.size());
    std::partial_sort(order.begin(), order.begin() + n, order.end(), [&](qsizetype a, qsizetype b) {
        return ends[a] - starts[a] > ends[b] - starts[b];
    });
    QList<bool> marked(ends.size(), false);
    for (qsizetype i = 0; i < n; ++i)
        marked[order[i]] = true;
    return marked;
}

// A payload estimate for a remainder of `restSize` JSON bytes, at the whole session's ratio.
qsizetype scaledPayload(qsizetype payload, qsizetype restSize, qsizetype jsonSize)
{
    return jsonSize > 0 ? qsizetype(double(payload) * double(restSize) / double(jsonSize) + 0.5)
                        : 0;
}

void fillHeaders(SizeReport &r, const QString &cookieName)
{
    const qsizetype nameBytes = cookieName.toUtf8().size();
    r.nameValueBytes = nameBytes + 1 + r.cookieValueBytes;
    r.setCookieBytes = SizeReport::setCookieValueSize(nameBytes, r.cookieValueBytes);
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
    QList<qsizetype> entryEnds;
    const QByteArray json = PythonJsonWriter::write(session, &entryEnds);
    const bool compressed = EncryptedSessionCodec::shouldCompress(json.size(), options.compression);
    return fromEncrypted(session, json, entryEnds,
                         compressed ? ZlibCodec::deflate(json).size() : json.size(), compressed,
                         options);
}

SizeReport SizeReport::fromEncrypted(const SessionValue &session, const QByteArray &json,
                                     const QList<qsizetype> &entryEnds, qsizetype payloadBytes,
                                     bool compressed, const Options &options)
{
    SizeReport r;
    r.jsonBytes = json.size();
    r.compressed = compressed;
    r.compressedBytes = compressed ? payloadBytes : 0;
    r.format = EncryptedSessionFormat::formatId();
    r.cookieValueBytes = encryptedValueSize(payloadBytes);
    r.stages = EncryptedSessionFormat::sizeStages(
        payloadBytes, Base64::encodedSize(payloadBytes, Base64::Alphabet::Standard), kTagBase64,
        kNonceBase64);
    fillHeaders(r, options.cookieName);

    if (options.perKeyShares && session.type() == SessionValue::Type::Dict) {
        // Entry i of `{e0, e1, ...}` sits between known offsets of the JSON text, so its size
        // is read off, and the text without it is the same bytes with that range (and one
        // ", ") cut out. Only a compressed remainder needs a deflate to measure; those are
        // done for the largest entries alone, so that the report stays near-linear.
        const qsizetype count = session.size();
        QList<qsizetype> offsets(count), cuts(count), cutStarts(count);
        for (qsizetype i = 0; i < count; ++i) {
            offsets[i] = i == 0 ? 1 : entryEnds[i - 1] + 2;
            const qsizetype entrySize = entryEnds[i] - offsets[i];
            const bool last = i + 1 == count;
            cutStarts[i] =
                offsets[i] -
                (last && i > 0 ? 2 : 0); // the separator before the last entry goes with it
            cuts[i] = entrySize + (last ? (i > 0 ? 2 : 0) : 2);
        }
        const QList<bool> exact = largestEntries(entryEnds, offsets, options.exactKeyShares);
        r.keys.reserve(count);
        for (qsizetype i = 0; i < count; ++i) {
            const qsizetype entrySize = entryEnds[i] - offsets[i];
            const qsizetype restSize = json.size() - cuts[i];
            KeyShare share{session.child(i)->key(), entrySize, 0, false};
            if (!EncryptedSessionCodec::shouldCompress(restSize, options.compression)) {
                share.cookieSaving = r.cookieValueBytes - encryptedValueSize(restSize);
            } else if (exact[i]) {
                QByteArray rest;
                rest.reserve(restSize);
                rest.append(json.constData(), cutStarts[i]);
                rest.append(json.constData() + cutStarts[i] + cuts[i],
                            json.size() - cutStarts[i] - cuts[i]);
                share.cookieSaving =
                    r.cookieValueBytes - cookieValueSize(rest, options.compression);
            } else {
                share.cookieSaving =
                    r.cookieValueBytes -
                    encryptedValueSize(scaledPayload(payloadBytes, restSize, json.size()));
                share.estimated = true;
            }
            r.keys.append(share);
        }
        std::stable_sort(r.keys.begin(), r.keys.end(), [](const KeyShare &a, const KeyShare &b) {
            return a.jsonBytes > b.jsonBytes;
        });
    }
    return r;
}

namespace {

qsizetype signedValueSize(const QByteArray &payloadField, int digestSize, qsizetype timestampField)
{
    return payloadField.size() + 1 + timestampField + 1 +
           Base64::encodedSize(digestSize, Base64::Alphabet::UrlSafe);
}

} // namespace

SizeReport SizeReport::computeSigned(const SessionValue &session, int digestSize,
                                     const QString &cookieName, qsizetype exactKeyShares)
{
    const QByteArray json = PythonJsonWriter::write(session, PythonJsonWriter::Style::FlaskTagged);
    return fromSigned(session, json, FlaskSignedCodec::payloadField(json), digestSize, cookieName,
                      exactKeyShares);
}

SizeReport SizeReport::fromSigned(const SessionValue &session, const QByteArray &json,
                                  const QByteArray &payloadField, int digestSize,
                                  const QString &cookieName, qsizetype exactKeyShares)
{
    SizeReport r;
    r.format = FlaskSignedFormat::formatId();
    r.jsonBytes = json.size();
    const qsizetype timestampField =
        FlaskSignedCodec::timestampField(QDateTime::currentSecsSinceEpoch(), false).size();
    r.compressed = payloadField.startsWith('.');
    // The compressed bytes are what the payload field's base64 (no padding) encodes.
    r.compressedBytes = r.compressed ? (payloadField.size() - 1) * 3 / 4 : 0;
    r.cookieValueBytes = signedValueSize(payloadField, digestSize, timestampField);
    r.stages = FlaskSignedFormat::sizeStages(
        r.compressed ? r.compressedBytes : json.size(), payloadField.size(), timestampField,
        Base64::encodedSize(digestSize, Base64::Alphabet::UrlSafe));
    fillHeaders(r, cookieName);
    if (session.type() == SessionValue::Type::Dict) {
        // Removing a key can change tagging (" di"), so a remainder is written out in full,
        // for the largest entries alone; the others are estimated from their JSON share.
        const qsizetype count = session.size();
        QList<qsizetype> starts(count, 0), ends(count, 0);
        for (qsizetype i = 0; i < count; ++i) {
            SessionValue one = SessionValue::makeDict();
            one.setValue(session.child(i)->key(), *session.child(i));
            ends[i] = PythonJsonWriter::write(one, PythonJsonWriter::Style::FlaskTagged).size() - 2;
        }
        const QList<bool> exact = largestEntries(ends, starts, exactKeyShares);
        const qsizetype payloadBytes = payloadField.size();
        for (qsizetype i = 0; i < count; ++i) {
            KeyShare share{session.child(i)->key(), ends[i], 0, false};
            if (exact[i]) {
                SessionValue without = session;
                without.remove(i);
                const QByteArray rest =
                    PythonJsonWriter::write(without, PythonJsonWriter::Style::FlaskTagged);
                share.cookieSaving =
                    r.cookieValueBytes - signedValueSize(FlaskSignedCodec::payloadField(rest),
                                                         digestSize, timestampField);
            } else {
                const qsizetype restSize = r.jsonBytes - ends[i] - (count > 1 ? 1 : 0);
                share.cookieSaving =
                    payloadBytes - scaledPayload(payloadBytes, restSize, r.jsonBytes);
                share.estimated = true;
            }
            r.keys.append(share);
        }
        std::stable_sort(r.keys.begin(), r.keys.end(), [](const KeyShare &a, const KeyShare &b) {
            return a.jsonBytes > b.jsonBytes;
        });
    }
    return r;
}

qsizetype SizeReport::setCookieValueSize(qsizetype nameBytes, qsizetype valueBytes)
{
    return nameBytes + 1 + valueBytes + kFlaskAttributesSize;
}

QJsonObject SizeReport::toJson() const
{
    QJsonArray shares;
    for (const KeyShare &share : keys)
        shares.append(QJsonObject{{QStringLiteral("key"), share.key},
                                  {QStringLiteral("json_bytes"), share.jsonBytes},
                                  {QStringLiteral("cookie_saving"), share.cookieSaving},
                                  {QStringLiteral("estimated"), share.estimated}});
    QJsonObject object{
        {QStringLiteral("format"), format},
        {QStringLiteral("json_bytes"), jsonBytes},
        {QStringLiteral("compressed"), compressed},
        {QStringLiteral("compressed_bytes"), compressedBytes},
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
    for (const Stage &stage : stages) {
        object.insert(stage.id, stage.bytes);
        if (!stage.jsonAlias.isEmpty())
            object.insert(stage.jsonAlias, stage.bytes);
    }
    return object;
}

void SizeReport::setCookieValueBytes(qsizetype valueBytes, const QString &cookieName)
{
    cookieValueBytes = valueBytes;
    fillHeaders(*this, cookieName);
}

qsizetype SizeReport::stageBytes(QStringView id) const
{
    for (const Stage &stage : stages) {
        if (stage.id == id)
            return stage.bytes;
    }
    return -1;
}

} // namespace sessionlens
