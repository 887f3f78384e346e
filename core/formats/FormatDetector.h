#pragma once

#include <QByteArrayView>
#include <QString>

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
    };
    [[nodiscard]] static Characters characters(QByteArrayView value);

    [[nodiscard]] static Format detect(QByteArrayView value);
    [[nodiscard]] static QString name(Format format);
};

} // namespace sessionlens
