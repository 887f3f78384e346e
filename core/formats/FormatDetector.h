#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace sessionlens {

/// Tells the cookie formats apart by shape alone (no key needed).
class FormatDetector
{
public:
    enum class Format
    {
        Unknown,
        EncryptedSession, ///< <flag>.<ciphertext>.<tag>.<nonce>, standard base64
        FlaskSigned,      ///< [.]<payload>.<timestamp>.<signature>, URL-safe base64
    };

    /// What detect() reads of a text's characters, in one pass (sixteen at a time where the
    /// machine can), for others that need the same facts.
    struct Characters
    {
        qsizetype dots = 0;
        bool urlSafeOnly = true;     ///< only [-_.0-9a-zA-Z]
        bool standardChars = false;  ///< some '+', '/' or '=': standard base64
        bool cookieCharsOnly = true; ///< only those two sets: what a cookie value is made of
        /// Only RFC 6265 cookie octets (0x21, 0x23-0x2B, 0x2D-0x3A, 0x3C-0x5B, 0x5D-0x7E): what
        /// a value holds unquoted, Django's ':' and Flask-Login's '|' among them.
        bool cookieOctetsOnly = true;
        /// Where the first character outside those two sets is (Django's first ':', say); -1
        /// when there is none.
        qsizetype firstOtherChar = -1;
    };
    [[nodiscard]] static Characters characters(QByteArrayView value);
    /// The steps a scan takes: the widest the processor has (what characters() takes), or the
    /// ones a processor without AVX2, or without SSE2, takes; the same answer by every one (the
    /// tests compare them on the machine they run on).
    enum class ScanSteps
    {
        Widest,
        Sixteen,
        One,
    };
    [[nodiscard]] static Characters characters(QByteArrayView value, ScanSteps steps);

    [[nodiscard]] static Format detect(QByteArrayView value);
    /// detect() with the characters already scanned (FormatRegistry scans once for all formats).
    [[nodiscard]] static Format detect(QByteArrayView value, const Characters &found);
    [[nodiscard]] static QString name(Format format);
    /// What a value that is no session cookie at all is, by its shape, before any format's
    /// step tries it: an itsdangerous Serializer token (payload.signature, no timestamp), or a
    /// value with no '.' (a bare number, say). nullopt for anything shaped like a session
    /// cookie, whole or damaged.
    [[nodiscard]] static std::optional<QString> diagnoseForeign(QByteArrayView value);
};

} // namespace sessionlens
