#pragma once

#include <QByteArrayView>

namespace sessionlens {

/// The encoding step: strict UTF-8 as Python decodes it (no overlong forms, no encoded
/// surrogates, nothing past U+10FFFF), checked eight ASCII bytes at a time.
class Utf8Validator
{
public:
    /// Offset of the first byte that is not strict UTF-8, or -1.
    [[nodiscard]] static qsizetype firstInvalid(QByteArrayView bytes);
};

} // namespace sessionlens
