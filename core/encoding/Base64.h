#pragma once

#include "Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace sessionlens {

/**
 * Strict base64 in the two alphabets the cookie formats use. Decoding rejects
 * characters outside the alphabet, misplaced or missing padding, and reports
 * the offset of the first offending character.
 */
class Base64
{
public:
    enum class Alphabet
    {
        Standard, ///< `A-Z a-z 0-9 + /`, `=` padding required (EncryptedSession)
        UrlSafe,  ///< `A-Z a-z 0-9 - _`, no padding (itsdangerous)
    };

    [[nodiscard]] static Result<QByteArray> decode(QByteArrayView text, Alphabet alphabet);
    /// Python's base64.b64decode without validate=True (binascii's non-strict mode), which the
    /// servers' bytes tags call: characters outside the standard alphabet are skipped, and
    /// enough '=' after two or three characters of a group ends the data, whatever follows.
    [[nodiscard]] static Result<QByteArray> decodeLenient(QByteArrayView text);
    [[nodiscard]] static QByteArray encode(QByteArrayView data, Alphabet alphabet);
    /// Length of the encoding of `byteCount` bytes.
    [[nodiscard]] static qsizetype encodedSize(qsizetype byteCount, Alphabet alphabet);
};

} // namespace sessionlens
