#pragma once

#include <QByteArrayView>
#include <QString>

namespace sessionlens {

/// The encoding step: strict UTF-8 as Python decodes it (no overlong forms, no encoded
/// surrogates, nothing past U+10FFFF), checked eight ASCII bytes at a time.
class Utf8Validator
{
public:
    /// Offset of the first byte that is not strict UTF-8, or -1.
    [[nodiscard]] static qsizetype firstInvalid(QByteArrayView bytes);
    /// The text of UTF-8 bytes, a leading U+FEFF included: QString::fromUtf8 drops it as a
    /// byte order mark, but in a session it is a character of the value (Python keeps it).
    [[nodiscard]] static QString decode(QByteArrayView bytes);
};

} // namespace sessionlens
