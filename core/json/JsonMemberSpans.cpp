#include "json/JsonMemberSpans.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sessionlens {

namespace {

#if defined(__SSE2__)
// The quotes and backslashes among the 16 bytes at `p`, as a bit mask.
int quotesOrBackslashes(const char *p)
{
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
    return _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
                                          _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))));
}
#endif

} // namespace

qsizetype JsonMemberSpans::skipSpace(QByteArrayView s, qsizetype i)
{
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        ++i;
    return i;
}

qsizetype JsonMemberSpans::skipString(QByteArrayView s, qsizetype i)
{
    const char *begin = s.data();
    const char *end = begin + s.size();
    const char *p = begin + i + 1;
    while (p < end) {
        const auto *quote = static_cast<const char *>(std::memchr(p, '"', std::size_t(end - p)));
        if (!quote)
            return -1;
        // Escaped when an odd run of backslashes stands before it.
        const char *back = quote;
        while (back > p && back[-1] == '\\')
            --back;
        if ((quote - back) % 2 == 0)
            return quote - begin + 1;
        p = quote + 1;
    }
    return -1;
}

// Inside a container only quotes and brackets matter, and a cart of a hundred items is most
// of a large session's bytes: they are skipped a block at a time, and a string that ends
// within the block after its quote is skipped inline (the audit walked every byte).
qsizetype JsonMemberSpans::skipContainer(QByteArrayView s, qsizetype i)
{
    const char *begin = s.data();
    const char *end = begin + s.size();
    const char *p = begin + i + 1;
    int depth = 1;
#if defined(__SSE2__)
    // Whole blocks first, while they hold no backslash: a byte is inside a string when an odd
    // number of quotes stands before it in the container (the prefix XOR of the quote mask,
    // carried from block to block), and only the brackets outside strings are counted.
    bool inString = false;
    const char *openQuote = nullptr; ///< the quote of the string open at a block's end
    while (end - p >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))) != 0)
            break; // an escape: the byte way below, from outside any string
        const auto quotes =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"'))));
        unsigned inside = quotes; // bit j: an odd number of quotes at 0..j
        inside ^= inside << 1;
        inside ^= inside << 2;
        inside ^= inside << 4;
        inside ^= inside << 8;
        inside = (inString ? ~inside : inside) & 0xffffU;
        // '[' and '{', ']' and '}' differ only in the bit 0x20.
        const __m128i folded = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
        const unsigned opens =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(folded, _mm_set1_epi8('{')))) &
            ~inside;
        const unsigned closes =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(folded, _mm_set1_epi8('}')))) &
            ~inside;
        for (unsigned brackets = opens | closes; brackets != 0; brackets &= brackets - 1) {
            const int at = __builtin_ctz(brackets);
            if (opens & (1U << at))
                ++depth;
            else if (--depth == 0)
                return p + at + 1 - begin;
        }
        inString = (inside >> 15) & 1U;
        if (inString && quotes != 0) // the last quote of the block opened the string
            openQuote = p + (31 - __builtin_clz(quotes));
        p += 16;
    }
    if (inString)
        p = openQuote; // the byte way reads that string again, escapes and all
#endif
    while (p < end) {
#if defined(__SSE2__)
        if (end - p >= 16) {
            // '[' and '{', ']' and '}' differ only in the bit 0x20.
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const __m128i folded = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
            const int hits = _mm_movemask_epi8(
                _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
                             _mm_or_si128(_mm_cmpeq_epi8(folded, _mm_set1_epi8('{')),
                                          _mm_cmpeq_epi8(folded, _mm_set1_epi8('}')))));
            if (hits == 0) {
                p += 16;
                continue;
            }
            p += __builtin_ctz(static_cast<unsigned>(hits));
        }
#endif
        const char c = *p;
        if (c == '"') {
#if defined(__SSE2__)
            if (end - p > 16) {
                const int stops = quotesOrBackslashes(p + 1);
                if (stops != 0 && p[1 + __builtin_ctz(static_cast<unsigned>(stops))] == '"') {
                    p += 2 + __builtin_ctz(static_cast<unsigned>(stops));
                    continue;
                }
            }
#endif
            const qsizetype after = skipString(s, p - begin);
            if (after < 0)
                return -1;
            p = begin + after;
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return p + 1 - begin;
        }
        ++p;
    }
    return -1;
}

qsizetype JsonMemberSpans::skipValue(QByteArrayView s, qsizetype i)
{
    if (i < s.size() && (s[i] == '{' || s[i] == '['))
        return skipContainer(s, i);
    int depth = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '"') {
            i = skipString(s, i);
            if (i < 0)
                return -1;
            if (depth == 0)
                return i;
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return i;
            if (--depth == 0)
                return i + 1;
        } else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
            return i;
        }
        ++i;
    }
    return depth == 0 ? i : -1;
}

} // namespace sessionlens
