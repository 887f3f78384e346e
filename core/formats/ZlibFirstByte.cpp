#include "formats/ZlibFirstByte.h"

#include <QtEndian>
#include <QtGlobal>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <iterator>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sessionlens {

namespace {

constexpr int kOutOfInput = -1;
constexpr int kInvalidCode = -2;
constexpr int kMaxCodeBits = 15;
/// 286 literal/length and 30 distance lengths: the most a dynamic block may declare.
constexpr int kMaxLengths = 286 + 30;

// Extra bits after each length symbol, 257..285 (RFC 1951 3.2.5).
constexpr quint8 kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                     2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
// The order the code length code's lengths come in.
constexpr quint8 kCodeLengthOrder[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                         11, 4,  12, 3, 13, 2, 14, 1, 15};

/// Seven-bit values with their bits in the opposite order: DEFLATE sends a Huffman code from its
/// most significant bit, and the code length code is looked up by its next seven bits.
constexpr std::array<quint8, 128> kReversed7 = [] {
    std::array<quint8, 128> reversed{};
    for (int value = 0; value < 128; ++value) {
        int r = 0;
        for (int bit = 0; bit < 7; ++bit)
            r |= ((value >> bit) & 1) << (6 - bit);
        reversed[std::size_t(value)] = quint8(r);
    }
    return reversed;
}();

/// Bits in DEFLATE's order, from the least significant bit of each byte on. Remembers whether
/// it was ever asked for more than the input has: an answer given then might change with more
/// input.
class BitReader
{
public:
    explicit BitReader(QByteArrayView bytes) : m_bytes(bytes) {}

    /// Takes `count` (at most 32) bits; false when the input has fewer (the reader is then
    /// done with).
    bool take(int count, quint32 &value)
    {
        if (!fill(count))
            return false;
        value = quint32(m_hold & ((quint64(1) << count) - 1));
        drop(count);
        return true;
    }
    /// The next `count` (at most 32) bits without taking them; false when there are fewer.
    bool peek(int count, quint32 &value)
    {
        if (!fill(count))
            return false;
        value = quint32(m_hold & ((quint64(1) << count) - 1));
        return true;
    }
    void drop(int count)
    {
        m_hold >>= count;
        m_held -= count;
    }
    /// Whether `count` more bits are there.
    bool has(qint64 count)
    {
        const bool enough = m_held + qint64(m_bytes.size() - m_next) * 8 >= count;
        m_ranOut = m_ranOut || !enough;
        return enough;
    }
    void toByteBoundary() { drop(m_held % 8); }
    [[nodiscard]] bool ranOut() const { return m_ranOut; }

private:
    bool fill(int count)
    {
        if (m_held >= count)
            return true;
        if (m_bytes.size() - m_next >= 8) {
            // Eight bytes at once; the bits above m_held then hold the next byte's first bits,
            // which its own load ORs in again unchanged.
            m_hold |= qFromLittleEndian<quint64>(m_bytes.data() + m_next) << m_held;
            const int bytes = (63 - m_held) / 8;
            m_next += bytes;
            m_held += bytes * 8;
            return true;
        }
        while (m_held < count) {
            if (m_next >= m_bytes.size()) {
                m_ranOut = true;
                return false;
            }
            m_hold |= quint64(quint8(m_bytes[m_next++])) << m_held;
            m_held += 8;
        }
        return true;
    }

    QByteArrayView m_bytes;
    qsizetype m_next = 0;
    quint64 m_hold = 0;
    int m_held = 0;
    bool m_ranOut = false;
};

/// A canonical Huffman code by how many codes each length has: enough to check it as zlib's
/// inflate_table does and to find a code's rank (its place in code order).
struct CanonicalCode
{
    int count[kMaxCodeBits + 1] = {};
    int maxBits = 0;
    /// Left code space: negative when over-subscribed, positive when incomplete.
    int left = 0;

    void finish()
    {
        count[0] = 0;
        // One pass: once negative, `left` stays negative (only its sign and zero matter), and
        // it cannot overflow (at most 316 codes, 15 doublings).
        maxBits = 0;
        left = 1;
        for (int bits = 1; bits <= kMaxCodeBits; ++bits) {
            left = left * 2 - count[bits]; // not a shift: `left` may be negative
            maxBits = count[bits] != 0 ? bits : maxBits;
        }
    }
    /// What zlib accepts for literal/length and distance codes: complete, one code of one bit,
    /// or no code at all (inflate_table's "no symbols": an error only once a symbol is read;
    /// the literal/length code always has the end of block, so only distances get here).
    [[nodiscard]] bool usable() const { return left == 0 || (left > 0 && maxBits <= 1); }

    /// The next code's rank, kOutOfInput, or kInvalidCode for bits no code has. zlib decodes an
    /// unused code of a one-bit code, and anything of a code without codes, from one bit.
    int decodeRank(BitReader &in, int *codeBits = nullptr) const
    {
        if (maxBits == 0)
            return in.has(1) ? kInvalidCode : kOutOfInput;
        int code = 0;
        int first = 0;
        int index = 0;
        for (int bits = 1; bits <= maxBits; ++bits) {
            quint32 bit = 0;
            if (!in.take(1, bit))
                return kOutOfInput;
            code |= int(bit);
            if (code - count[bits] < first) {
                if (codeBits)
                    *codeBits = bits;
                return index + (code - first);
            }
            index += count[bits];
            first = (first + count[bits]) << 1;
            code <<= 1;
        }
        return kInvalidCode;
    }
};

/// A code with its symbols in code order, for the symbols whose values matter.
struct SymbolCode
{
    CanonicalCode code;
    int symbol[288];

    void build(const quint8 *lengths, int symbols)
    {
        for (int i = 0; i < symbols; ++i)
            ++code.count[lengths[i]];
        code.finish();
        if (code.left < 0)
            return;
        int offset[kMaxCodeBits + 2] = {};
        for (int bits = 1; bits <= kMaxCodeBits; ++bits)
            offset[bits + 1] = offset[bits] + code.count[bits];
        for (int i = 0; i < symbols; ++i) {
            if (lengths[i] != 0)
                symbol[offset[lengths[i]]++] = i;
        }
    }
    int decode(BitReader &in) const
    {
        const int rank = code.decodeRank(in);
        return rank < 0 ? rank : symbol[rank];
    }
};

/// The code length code, complete (zlib accepts no other), looked up by its next 7 bits read
/// in the code's order (most significant first): then the codes, in canonical order, cover the
/// table in order, each its own run of entries, which is cheaper to fill than entries spread
/// over the table.
class CodeLengthCode
{
public:
    static constexpr int kLookupBits = 7;

    /// False when the lengths are no complete code.
    bool build(const quint8 *lengths)
    {
        m_symbols.build(lengths, 19);
        if (m_symbols.code.left != 0)
            return false;
        int codes = 0;
        for (int bits = 1; bits <= kLookupBits; ++bits)
            codes += m_symbols.code.count[bits];
        int at = 0;
        for (int rank = 0; rank < codes; ++rank) {
            const int symbol = m_symbols.symbol[rank];
            const int bits = lengths[symbol];
            const auto entry = quint8(symbol | bits << 5);
            const int span = 1 << (kLookupBits - bits);
            if (span >= 8) {
                const quint64 word = entry * quint64(0x0101010101010101);
                for (int i = 0; i < span; i += 8)
                    std::memcpy(m_lookup + at + i, &word, sizeof word);
            } else {
                for (int i = 0; i < span; ++i)
                    m_lookup[at + i] = entry;
            }
            at += span;
        }
        return true;
    }
    int decode(BitReader &in) const
    {
        quint32 next = 0;
        if (!in.peek(kLookupBits, next))
            return m_symbols.decode(in); // the input's last bits: one at a time
        // DEFLATE sends a code's bits from its most significant one: reversed here.
        const quint8 entry = m_lookup[kReversed7[next]];
        in.drop(entry >> 5);
        return entry & 0x1f;
    }

private:
    SymbolCode m_symbols;
    quint8 m_lookup[1 << kLookupBits];
};

enum class Step
{
    Ok,
    OutOfInput,
    Invalid,
};

/// A dynamic block's codes (RFC 1951 3.2.7), with the checks and their order in zlib's inflate
/// (TABLE, LENLENS, CODELENS). The lengths are counted as they are read; the literal/length
/// lengths stay for the few symbols decoded (symbolOf), the distances' values never matter here.
struct DynamicCodes
{
    quint8 lengths[kMaxLengths];
    int literalCount = 0;
    CanonicalCode literals;
    CanonicalCode distances;

    Step read(BitReader &in)
    {
        quint32 lengthCodes = 0, distanceCodes = 0, codeLengthCodes = 0;
        if (!in.take(5, lengthCodes) || !in.take(5, distanceCodes) || !in.take(4, codeLengthCodes))
            return Step::OutOfInput;
        literalCount = int(lengthCodes) + 257;
        const int total = literalCount + int(distanceCodes) + 1;
        if (literalCount > 286 || distanceCodes + 1 > 30)
            return Step::Invalid;
        quint8 codeLengths[19] = {};
        for (quint32 i = 0; i < codeLengthCodes + 4; ++i) {
            quint32 length = 0;
            if (!in.take(3, length))
                return Step::OutOfInput;
            codeLengths[kCodeLengthOrder[i]] = quint8(length);
        }
        if (std::all_of(std::begin(codeLengths), std::end(codeLengths),
                        [](quint8 length) { return length == 0; }))
            // zlib reads each length as a 0 of one bit, then misses the end-of-block code.
            return in.has(total) ? Step::Invalid : Step::OutOfInput;
        CodeLengthCode lengthCode;
        if (!lengthCode.build(codeLengths))
            return Step::Invalid;
        // Counted for both codes at once; the few distance lengths are taken out after.
        int counts[kMaxCodeBits + 1] = {};
        int have = 0;
        while (have < total) {
            const int symbol = lengthCode.decode(in);
            if (symbol == kOutOfInput)
                return Step::OutOfInput;
            if (symbol < 16) {
                lengths[have++] = quint8(symbol);
                ++counts[symbol];
                continue;
            }
            quint32 extra = 0;
            if (!in.take(symbol == 16 ? 2 : symbol == 17 ? 3 : 7, extra))
                return Step::OutOfInput;
            if (symbol == 16 && have == 0)
                return Step::Invalid;
            const quint8 length = symbol == 16 ? lengths[have - 1] : 0;
            const int copies = int(extra) + (symbol == 18 ? 11 : 3);
            if (have + copies > total)
                return Step::Invalid;
            counts[length] += copies;
            std::fill_n(lengths + have, copies, length);
            have += copies;
        }
        if (lengths[256] == 0)
            return Step::Invalid;
        for (int i = literalCount; i < total; ++i)
            ++distances.count[lengths[i]];
        for (int bits = 0; bits <= kMaxCodeBits; ++bits)
            literals.count[bits] = counts[bits] - distances.count[bits];
        literals.finish();
        distances.finish();
        return literals.usable() && distances.usable() ? Step::Ok : Step::Invalid;
    }
    /// The next literal/length symbol, kOutOfInput or kInvalidCode.
    int decodeLiteral(BitReader &in) const
    {
        int bits = 0;
        int rank = literals.decodeRank(in, &bits);
        if (rank < 0)
            return rank;
        for (int shorter = 1; shorter < bits; ++shorter)
            rank -= literals.count[shorter];
        // The rank-th symbol of its length, in symbol order: a scan, for the one or two
        // symbols decoded, is cheaper than sorting every symbol; sixteen lengths a step.
        int symbol = 0;
#if defined(__SSE2__)
        const __m128i wanted = _mm_set1_epi8(char(bits));
        for (; symbol + 16 <= literalCount; symbol += 16) {
            auto mask = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(
                _mm_loadu_si128(reinterpret_cast<const __m128i *>(lengths + symbol)), wanted)));
            const int here = std::popcount(mask);
            if (rank >= here) {
                rank -= here;
                continue;
            }
            for (; rank > 0; --rank)
                mask &= mask - 1;
            return symbol + std::countr_zero(mask);
        }
#endif
        for (; symbol < literalCount; ++symbol) {
            if (lengths[symbol] == bits && rank-- == 0)
                return symbol;
        }
        return kInvalidCode;
    }
};

/// The fixed codes of RFC 1951 3.2.6, as zlib's fixed tables have them: 288 literal/length
/// codes (286 and 287 invalid ones) and 32 five-bit distance codes (30 and 31 invalid ones).
struct FixedCodes
{
    SymbolCode literals;
    CanonicalCode distances;

    FixedCodes()
    {
        quint8 lengths[288];
        for (int i = 0; i < 288; ++i)
            lengths[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
        literals.build(lengths, 288);
        distances.count[5] = 32;
        distances.finish();
    }
};

/// ZlibFirstByte::of() on a reader: its return values say where inflate would stop.
std::optional<char> firstByte(BitReader &in)
{
    quint32 method = 0, flags = 0;
    if (!in.take(8, method) || !in.take(8, flags))
        return std::nullopt;
    // zlib's header checks: FCHECK, deflate, a window of at most 32 KiB, no preset dictionary.
    if ((method * 256 + flags) % 31 != 0 || (method & 0x0f) != 8 || (method >> 4) > 7 ||
        (flags & 0x20) != 0)
        return std::nullopt;
    std::optional<char> written; // inflate has room for one byte
    for (;;) {
        quint32 last = 0, type = 0;
        if (!in.take(1, last) || !in.take(2, type))
            return written;
        if (type == 3)
            return std::nullopt;
        if (type == 0) {
            in.toByteBoundary();
            quint32 length = 0, complement = 0;
            if (!in.take(16, length) || !in.take(16, complement))
                return written;
            if (length != (complement ^ 0xffff))
                return std::nullopt;
            if (length > 0) {
                quint32 byte = 0;
                if (written || !in.take(8, byte))
                    return written;
                written = char(byte);
                if (length > 1)
                    return written;
            }
        } else {
            static const FixedCodes fixed;
            DynamicCodes dynamic;
            if (type == 2) {
                const Step step = dynamic.read(in);
                if (step != Step::Ok)
                    return step == Step::OutOfInput ? written : std::nullopt;
            }
            const CanonicalCode &distances = type == 1 ? fixed.distances : dynamic.distances;
            for (;;) {
                const int symbol =
                    type == 1 ? fixed.literals.decode(in) : dynamic.decodeLiteral(in);
                if (symbol == kOutOfInput)
                    return written;
                if (symbol == kInvalidCode || symbol > 285)
                    return std::nullopt;
                if (symbol < 256) {
                    if (written)
                        return written;
                    written = char(symbol);
                    continue;
                }
                if (symbol == 256)
                    break;
                // A match: its distance reaches before the stream when nothing is written yet,
                // and inflate leaves for want of room once it is.
                quint32 extra = 0;
                if (!in.take(kLengthExtra[symbol - 257], extra))
                    return written;
                // Past the distance's code, inflate leaves whatever its extra bits are.
                const int distance = distances.decodeRank(in);
                if (distance == kOutOfInput)
                    return written;
                return distance == kInvalidCode || distance > 29 ? std::nullopt : written;
            }
        }
        if (last) {
            // The Adler-32 of what was written, big-endian, from the next byte boundary.
            in.toByteBoundary();
            quint32 check = 0;
            if (!in.take(32, check))
                return written;
            check =
                (check & 0xff) << 24 | (check & 0xff00) << 8 | (check >> 8 & 0xff00) | check >> 24;
            const quint32 sum = written ? 1 + quint32(quint8(*written)) : 1;
            const quint32 adler = written ? (sum << 16) | sum : 1;
            return check == adler ? written : std::nullopt;
        }
    }
}

} // namespace

std::optional<char> ZlibFirstByte::of(QByteArrayView stream)
{
    bool ranOut = false;
    return of(stream, ranOut);
}

std::optional<char> ZlibFirstByte::of(QByteArrayView stream, bool &ranOutOfInput)
{
    BitReader in(stream);
    const auto answer = firstByte(in);
    ranOutOfInput = in.ranOut();
    return answer;
}

} // namespace sessionlens
