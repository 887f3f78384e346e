#pragma once

#include "Limits.h"
#include "formats/EncryptedSessionCodec.h"
#include "json/SessionValue.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace sessionlens {

/**
 * What an EncryptedSession cookie costs, stage by stage and key by key.
 *
 * All figures follow from the plaintext alone (EAX keeps the length, the
 * nonce and tag have fixed sizes), so no key is needed and the numbers are
 * exactly those of the cookie the server would write for this session.
 */
class SizeReport
{
public:
    /// Werkzeug warns when a Set-Cookie header value exceeds this (max_cookie_size).
    static constexpr qsizetype kWerkzeugMaxCookieSize = 4093;
    /// Browsers cap a cookie's name plus value at this many bytes (RFC 6265 6.1 minimum).
    static constexpr qsizetype kBrowserMaxCookieSize = 4096;

    struct KeyShare
    {
        QString key;
        qsizetype jsonBytes = 0;    ///< bytes of `"key": value` in the JSON text
        qsizetype cookieSaving = 0; ///< how much shorter the cookie value is without the key
        /// true when cookieSaving is estimated from the JSON share instead of measured: only
        /// the limits::kMaxExactKeyShares largest keys of a compressed cookie are measured.
        bool estimated = false;
    };

    struct Options
    {
        EncryptedSessionCodec::Compression compression = EncryptedSessionCodec::Compression::Auto;
        QString cookieName = QStringLiteral("session");
        bool perKeyShares = true;
        /// How many of the largest keys of a compressed cookie are measured (one deflate of the
        /// rest each); the others are estimated from their JSON share. 0 estimates them all,
        /// which is what a window shows first for a wide session, before it measures.
        qsizetype exactKeyShares = limits::kMaxExactKeyShares;
    };

    /// false for a Flask signed cookie: then "ciphertext" is the plain payload, the tag
    /// field holds the signature and the nonce field the timestamp.
    bool encrypted = true;
    qsizetype jsonBytes = 0;
    bool compressed = false;
    qsizetype compressedBytes = 0; ///< zlib output size (0 when not compressed)
    qsizetype ciphertextBytes = 0; ///< equals the (possibly compressed) payload
    qsizetype ciphertextBase64 = 0;
    qsizetype tagBase64 = 0;
    qsizetype nonceBase64 = 0;
    qsizetype cookieValueBytes = 0;
    qsizetype nameValueBytes = 0;     ///< `session=<value>`, also the cost per request
    qsizetype setCookieBytes = 0;     ///< header value as Flask writes it
    qsizetype setCookieLineBytes = 0; ///< with the `Set-Cookie: ` name
    qsizetype werkzeugHeadroom = 0;   ///< kWerkzeugMaxCookieSize - setCookieBytes (negative: over)
    qsizetype browserHeadroom = 0;    ///< kBrowserMaxCookieSize - nameValueBytes
    QList<KeyShare> keys;             ///< top-level keys, most expensive first

    /// Writes the JSON once and compresses it at most once. SessionSealer, which also seals,
    /// uses fromEncrypted() with the text and payload it made itself.
    [[nodiscard]] static SizeReport compute(const SessionValue &session, const Options &options);
    /// The figures for JSON text already written (`entryEnds` from PythonJsonWriter) whose
    /// payload (the text, or its zlib form when `compressed`) is `payloadBytes` long.
    [[nodiscard]] static SizeReport fromEncrypted(const SessionValue &session,
                                                  const QByteArray &json,
                                                  const QList<qsizetype> &entryEnds,
                                                  qsizetype payloadBytes, bool compressed,
                                                  const Options &options);
    [[nodiscard]] static SizeReport compute(const SessionValue &session)
    {
        return compute(session, Options{});
    }
    /// The same figures for Flask's signed cookie of this session (signature of `digestSize`
    /// bytes).
    [[nodiscard]] static SizeReport
    computeSigned(const SessionValue &session, int digestSize,
                  const QString &cookieName = QStringLiteral("session"),
                  qsizetype exactKeyShares = limits::kMaxExactKeyShares);
    /// The same for Flask-tagged JSON already written and its payload field
    /// (FlaskSignedCodec::payloadField).
    [[nodiscard]] static SizeReport
    fromSigned(const SessionValue &session, const QByteArray &json, const QByteArray &payloadField,
               int digestSize, const QString &cookieName,
               qsizetype exactKeyShares = limits::kMaxExactKeyShares);
    /// Length of the cookie value for a JSON text of this content.
    [[nodiscard]] static qsizetype cookieValueSize(const QByteArray &json,
                                                   EncryptedSessionCodec::Compression compression,
                                                   qsizetype *compressedSize = nullptr);

    /// Flask's Set-Cookie value for a cookie: `NAME=VALUE; HttpOnly; Path=/` (Werkzeug's order).
    [[nodiscard]] static qsizetype setCookieValueSize(qsizetype nameBytes, qsizetype valueBytes);

    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace sessionlens
