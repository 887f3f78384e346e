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

    [[nodiscard]] static Format detect(QByteArrayView value);
    [[nodiscard]] static QString name(Format format);
};

} // namespace sessionlens
