#include "json/Utf8Validator.h"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sessionlens {

qsizetype Utf8Validator::firstInvalid(QByteArrayView bytes)
{
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
#if defined(__SSE2__)
        // Sixteen ASCII bytes at a time: JSON is mostly ASCII, and this check runs on every
        // cookie of a batch.
        // Back to the loop's test after each block: a text that ends on a block's end is done.
        if (i + 16 <= n &&
            _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(s + i))) == 0) {
            i += 16;
            continue;
        }
#endif
        // Eight ASCII bytes at a time.
        if (i + 8 <= n) {
            std::uint64_t chunk;
            std::memcpy(&chunk, s + i, 8);
            if ((chunk & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80, high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0;
            if (c == 0xED)
                high = 0x9F; // no encoded surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90;
            if (c == 0xF4)
                high = 0x8F;
        } else {
            return i;
        }
        if (i + length > n)
            return i;
        if (s[i + 1] < low || s[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k) {
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return i;
        }
        i += length;
    }
    return -1;
}

QString Utf8Validator::decode(QByteArrayView bytes)
{
    QString text;
    while (bytes.startsWith("\xef\xbb\xbf")) {
        text.append(QChar(0xfeff));
        bytes = bytes.sliced(3);
    }
    if (text.isEmpty())
        return QString::fromUtf8(bytes);
    text.append(QString::fromUtf8(bytes));
    return text;
}

} // namespace sessionlens
