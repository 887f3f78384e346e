#pragma once

#include "Limits.h"
#include "formats/EncryptedSessionCodec.h"
#include "json/SessionValue.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace sessionlens {

/**
 * What a session cookie costs, stage by stage (as its format names them) and key by key.
 *
 * All figures follow from the plaintext alone (EAX keeps the length, the nonce, tag and
 * signature have fixed sizes), so no key is needed and the numbers are exactly those of the
 * cookie the server would write for this session. compute() and fromEncrypted() measure
 * EncryptedSession cookies, computeSigned() and fromSigned() Flask's signed ones; another
 * format fills the stages itself (CookieFormat::seal).
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

    /// One step between the (possibly compressed) JSON and the cookie value, as its format
    /// names it: the ciphertext and the tag of an encrypted cookie, a signed one's payload,
    /// timestamp and signature.
    struct Stage
    {
        QString id;   ///< stable, the key in toJson(): "ciphertext_base64", "timestamp_base64"
        QString name; ///< for people, translated: "nonce, base64"
        qsizetype bytes = 0;
        /// The short label of the pipeline chart; empty for a stage the chart leaves out.
        QString chartName;
        /// An older toJson() key of the same figure, still written for scripts that read it.
        QString jsonAlias;
    };

    QString format; ///< the format's id (CookieFormat::id())
    qsizetype jsonBytes = 0;
    bool compressed = false;
    qsizetype compressedBytes = 0; ///< zlib output size (0 when not compressed)
    QList<Stage> stages;           ///< in cookie order
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

    /// Sets cookieValueBytes and the figures that follow from it (name=value, Set-Cookie, the
    /// headroom to both limits): what a format's seal calls once it knows its value's size.
    void setCookieValueBytes(qsizetype valueBytes, const QString &cookieName);

    /// Flask's Set-Cookie value for a cookie: `NAME=VALUE; HttpOnly; Path=/` (Werkzeug's order).
    [[nodiscard]] static qsizetype setCookieValueSize(qsizetype nameBytes, qsizetype valueBytes);

    /// Bytes of the stage `id`, -1 when the format has no such stage.
    [[nodiscard]] qsizetype stageBytes(QStringView id) const;

    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace sessionlens
