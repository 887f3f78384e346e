#pragma once

#include <QByteArrayView>

#include <optional>

namespace sessionlens {

/**
 * The first byte zlib's inflate() hands out for a zlib stream when it has room for one byte
 * (inflateInit, Z_SYNC_FLUSH), found without zlib: Flask-WTF's detection asks it of every
 * compressed Flask cookie, and zlib spends most of that on its state, its window and its
 * decoding tables. The answer is zlib's in every case: inflate goes on after its one byte until
 * it would write another, needs more input or ends the stream, and an error on that way (an
 * invalid code, a bad Adler-32) fails the call, byte or not; so does this. tst_wtfcsrf compares
 * the two on valid, cut and damaged streams.
 */
class ZlibFirstByte
{
public:
    /// The byte, or nullopt when inflate would fail, end or run out of input before writing one.
    [[nodiscard]] static std::optional<char> of(QByteArrayView stream);
    /// of(), and whether the answer came where the input ended (`ranOutOfInput`): only then
    /// can a longer stream with the same beginning have another answer, so a caller may ask a
    /// beginning first and the whole only when the beginning did not answer.
    [[nodiscard]] static std::optional<char> of(QByteArrayView stream, bool &ranOutOfInput);
};

} // namespace sessionlens
