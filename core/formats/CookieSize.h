#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace sessionlens {

/**
 * What a format says its cookie of a session is made of, from the plaintext alone (no key):
 * the JSON, its zlib form, the steps up to the cookie value as the format names them, and
 * what each top-level key costs. Each format measures its own (CookieFormat::seal); the
 * report (SizeReport) adds what the headers around the value cost.
 */
struct CookieSize
{
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

    struct KeyShare
    {
        QString key;
        qsizetype jsonBytes = 0;    ///< bytes of `"key": value` in the JSON text
        qsizetype cookieSaving = 0; ///< how much shorter the cookie value is without the key
        /// true when cookieSaving is estimated from the JSON share instead of measured: only
        /// the SealOptions::exactKeyShares largest keys are measured.
        bool estimated = false;
    };

    /// Flask's attributes after a session cookie's value: `; HttpOnly; Path=/` (Werkzeug's order).
    static constexpr qsizetype kFlaskAttributeBytes = sizeof("; HttpOnly; Path=/") - 1;

    QString format; ///< the format's id (CookieFormat::id())
    qsizetype jsonBytes = 0;
    bool compressed = false;
    qsizetype compressedBytes = 0; ///< zlib output size (0 when not compressed)
    QList<Stage> stages;           ///< in cookie order
    qsizetype cookieValueBytes = 0;
    /// The cookie's name when the format's server gives it one of its own (Flask-Login's
    /// `remember_token`); empty: the name the caller asked for.
    QString serverCookieName;
    /// What the attributes the format's server writes in Set-Cookie after the value cost beyond
    /// Flask's kFlaskAttributeBytes (Flask-Login's `; Expires=...` on top of them; Starlette's
    /// and Django's own attributes instead of them), in bytes.
    qsizetype extraAttributeBytes = 0;
    QList<KeyShare> keys; ///< top-level keys, most expensive first

    /// Bytes of the stage `id`, -1 when the format has no such stage.
    [[nodiscard]] qsizetype stageBytes(QStringView id) const;

    // For formats measuring their key shares: measure exactly the largest entries only (one
    // re-encoding each), estimate the others, so that a wide session stays near-linear.

    /// Marks the `keep` entries with the most JSON bytes (entry i spans starts[i]..ends[i]),
    /// the earlier entry first among equal sizes.
    [[nodiscard]] static QList<bool> largestEntries(const QList<qsizetype> &ends,
                                                    const QList<qsizetype> &starts, qsizetype keep);
    /// A payload estimate for a remainder of `restSize` JSON bytes, at the whole session's ratio.
    [[nodiscard]] static qsizetype scaledPayload(qsizetype payload, qsizetype restSize,
                                                 qsizetype jsonSize);
    /// Orders `keys` most expensive (JSON bytes) first, keeping the session's order in ties.
    void sortKeys();
};

} // namespace sessionlens
