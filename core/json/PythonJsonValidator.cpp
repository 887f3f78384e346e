#include "json/PythonJsonValidator.h"

#include "encoding/Base64.h"
#include "json/FlaskTags.h"
#include "json/JsonMemberList.h"
#include "json/JsonNumberLexer.h"
#include "json/PythonFloat.h"
#include "json/Utf8Validator.h"

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sessionlens {

namespace {

// Follows PythonJsonReader's grammar step for step (the fuzz target json_roundtrip holds the
// two together); every failure (nullptr) is a place where the reader fails or does more than
// read: a tag object it would turn into a typed node.
//
// Each step takes the position and returns the one after what it read, or nullptr: the
// position stays in a register through the whole text instead of a member written back at
// every byte, and strings and scalars are read inline in the loops of objects and arrays.
// Session JSON is mostly short strings and punctuation, so this halves the check's cost.
class Checker
{
public:
    Checker(QByteArrayView text, const PythonJsonReader::Options &options)
        : m_begin(text.data()), m_end(text.data() + text.size()), m_options(options),
          m_maxNodes(options.maxNodes), m_maxDepth(options.maxDepth),
          m_tagged(options.dialect != PythonJsonReader::Dialect::Plain),
          m_topMembers(options.topMembers)
    {
    }

    bool run()
    {
        const char *p = skipSpace(m_begin);
        // A session is a dict; a BOM or any other start is the reader's to judge.
        if (p >= m_end || *p != '{')
            return false;
        p = value(p, 0);
        if (!p)
            return false;
        return skipSpace(p) == m_end;
    }

private:
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    // JSON's four white-space bytes (all <= ' ') as bits of one mask: one shift and one test.
    static constexpr std::uint64_t kSpaceBits =
        (1ULL << ' ') | (1ULL << '\t') | (1ULL << '\n') | (1ULL << '\r');
    static bool isSpaceAt(const char *p)
    {
        const auto c = static_cast<unsigned char>(*p);
        return c <= ' ' && ((kSpaceBits >> c) & 1U) != 0;
    }

    const char *skipSpace(const char *p) const
    {
        // json.dumps writes one space after ':' and ',' or none: both without a loop.
        if (p < m_end && isSpaceAt(p)) {
            ++p;
            while (p < m_end && isSpaceAt(p))
                ++p;
        }
        return p;
    }

    const char *literal(const char *p, const char *word) const
    {
        const auto length = qsizetype(std::strlen(word));
        if (m_end - p < length || std::memcmp(p, word, std::size_t(length)) != 0)
            return nullptr;
        return p + length;
    }

    // Any value at `p` (which is before the end); containers recurse.
    const char *value(const char *p, int depth)
    {
        if (++m_nodes > m_maxNodes)
            return nullptr;
        switch (*p) {
        case '"':
            return string(p, nullptr);
        case '{':
            return object(p, depth + 1);
        case '[':
            return array(p, depth + 1);
        case 'n':
            return literal(p, "null");
        case 't':
            return literal(p, "true");
        case 'f':
            return literal(p, "false");
        case 'N':
            return literal(p, "NaN");
        case 'I':
            return literal(p, "Infinity");
        case '-':
            if (const char *after = literal(p, "-Infinity"))
                return after;
            return number(p);
        default:
            return isDigit(*p) ? number(p) : nullptr;
        }
    }

    const char *number(const char *p) const
    {
        // Most numbers of a session are short integers (quantities, ids, timestamps): read
        // here when nothing that could make a float follows; anything else is the lexer's.
        if (isDigit(*p)) {
            const char *q = p + 1;
            if (*p != '0')
                while (q < m_end && q - p < 18 && isDigit(*q))
                    ++q;
            if (q == m_end || (!isDigit(*q) && *q != '.' && *q != 'e' && *q != 'E'))
                return q;
        }
        const JsonNumberLexer::Lexeme lexeme = JsonNumberLexer::lex(p, m_end);
        if (!lexeme.end)
            return nullptr;
        if (lexeme.isFloat ? !PythonFloat::parse(QByteArrayView(p, lexeme.end - p))
                           : lexeme.integerDigits > PythonJsonReader::kMaxIntegerDigits)
            return nullptr;
        return lexeme.end;
    }

    // Does any of the 8 bytes end a plain run: a quote, a backslash, a control character or a
    // byte of a multi-byte UTF-8 sequence? (Bit tricks on one word: the classic "has a zero
    // byte" and "has a byte below n" tests.)
    static bool endsPlainRun(std::uint64_t word)
    {
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
        constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
        const auto hasZeroByte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
        const std::uint64_t below20 = (word - kOnes * 0x20) & ~word & kHighs;
        return (below20 | hasZeroByte(word ^ (kOnes * '"')) | hasZeroByte(word ^ (kOnes * '\\')) |
                (word & kHighs)) != 0;
    }

#if defined(__SSE2__)
    // Bit i set: byte i of the 16 at `p` is a quote, a backslash or a control character, or
    // (with `nonAscii`) a byte of a multi-byte UTF-8 sequence.
    static int stops(const char *p, bool nonAscii)
    {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        // max(byte, 0x1f) == 0x1f exactly for the bytes 0x00..0x1f (unsigned).
        const __m128i lastControl = _mm_set1_epi8(0x1f);
        __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
                                                 _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))),
                                    _mm_cmpeq_epi8(_mm_max_epu8(bytes, lastControl), lastControl));
        if (nonAscii) // a byte's own top bit marks the non-ASCII ones
            hits = _mm_or_si128(hits, bytes);
        return _mm_movemask_epi8(hits);
    }
#endif

    // The first byte from `p` on that may end a plain run (a quote, a backslash, a control
    // character or a non-ASCII byte), or a byte of the last few that are not checked in
    // blocks, or `end`. Strings are most of a session's bytes, so they are skipped a block at
    // a time.
    static const char *plainRunEnd(const char *p, const char *end)
    {
#if defined(__SSE2__)
        for (; end - p >= 16; p += 16)
            if (const int hits = stops(p, true))
                return p + __builtin_ctz(static_cast<unsigned>(hits));
#endif
        std::uint64_t word = 0;
        while (end - p >= 8 && (std::memcpy(&word, p, 8), !endsPlainRun(word)))
            p += 8;
        return p;
    }

    // The first quote, backslash or control character from `p` on, or `end`: where a stretch
    // of text in a string ends, whatever its non-ASCII bytes.
    static const char *specialEnd(const char *p, const char *end)
    {
#if defined(__SSE2__)
        for (; end - p >= 16; p += 16)
            if (const int hits = stops(p, false))
                return p + __builtin_ctz(static_cast<unsigned>(hits));
#endif
        while (p < end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20)
            ++p;
        return p;
    }

    // The string whose opening quote is at `p`. `escaped` (when given) says whether the
    // string held a backslash escape. Most strings of a session are short and plain: those
    // end within the first block, read here inline; the rest go the long way.
    const char *string(const char *p, bool *escaped) const
    {
#if defined(__SSE2__)
        if (m_end - p > 16) {
            if (const int hits = stops(p + 1, true)) {
                const char *stop = p + 1 + __builtin_ctz(static_cast<unsigned>(hits));
                if (*stop == '"')
                    return stop + 1;
            }
        }
#endif
        return longString(p, escaped);
    }

    Q_NEVER_INLINE const char *longString(const char *p, bool *escaped) const
    {
        ++p;
        while (p < m_end) {
            p = plainRunEnd(p, m_end);
            if (p >= m_end)
                break;
            const auto c = static_cast<unsigned char>(*p);
            if (c == '"')
                return p + 1;
            if (c < 0x20)
                return nullptr;
            if (c >= 0x80) {
                // Non-ASCII bytes come only in strings, and a stretch that starts at one and
                // ends before a quote, a backslash or a control character (all ASCII) holds
                // whole sequences when it is UTF-8: the encoding step is checked here, a
                // stretch at a time (its ASCII sixteen bytes a step), instead of in a pass of
                // its own over the whole text.
                const char *stretch = p;
                p = specialEnd(p, m_end);
                if (Utf8Validator::firstInvalid(QByteArrayView(stretch, p - stretch)) >= 0)
                    return nullptr;
                continue;
            }
            if (c != '\\') {
                ++p;
                continue;
            }
            if (escaped)
                *escaped = true;
            if (m_end - p < 2)
                return nullptr;
            const char kind = p[1];
            p += 2;
            if (kind == 'u') {
                if (m_end - p < 4)
                    return nullptr;
                for (int i = 0; i < 4; ++i)
                    if (!std::isxdigit(static_cast<unsigned char>(p[i])))
                        return nullptr;
                p += 4;
            } else if (!std::strchr("\"\\/bfnrt", kind) || kind == '\0') {
                return nullptr;
            }
        }
        return nullptr;
    }

    // A member's or element's value at `p` (white space skipped, maybe the end): a string
    // inline, anything else through value().
    const char *element(const char *p, int depth)
    {
        if (p >= m_end)
            return nullptr;
        if (*p == '"') {
            if (++m_nodes > m_maxNodes)
                return nullptr;
            return string(p, nullptr);
        }
        return value(p, depth);
    }

    const char *array(const char *p, int depth)
    {
        if (depth > m_maxDepth)
            return nullptr;
        p = skipSpace(p + 1);
        if (p < m_end && *p == ']')
            return p + 1;
        while (true) {
            p = element(p, depth);
            if (!p)
                return nullptr;
            p = skipSpace(p);
            if (p < m_end && *p == ',') {
                p = skipSpace(p + 1);
                continue;
            }
            if (p < m_end && *p == ']')
                return p + 1;
            return nullptr;
        }
    }

    // What the tag rules need to know of one member: its key as written, and its value's span.
    struct Member
    {
        QByteArrayView key;
        bool keyEscaped = false;
        QByteArrayView value; ///< as written, quotes included for a string
    };

    static bool isPlainString(QByteArrayView value)
    {
        return value.size() >= 2 && value.front() == '"' && !value.contains('\\');
    }
    static QByteArrayView stringBody(QByteArrayView value)
    {
        return value.sliced(1, value.size() - 2);
    }

    // Would TagDecoder accept this object (and leave a session at the top)? `members` are the
    // object's members as written. Checked only as far as it is sure; unsure is false.
    bool tagsAreSound(const std::array<Member, 2> &members, qsizetype count, bool spaceLedKey,
                      qsizetype typeKeys, qsizetype bKeys, int depth) const
    {
        switch (m_options.dialect) {
        case PythonJsonReader::Dialect::Plain:
            return true;
        case PythonJsonReader::Dialect::FlaskTagged: {
            if (!spaceLedKey)
                return true;
            if (count > 1) // duplicates could leave one tag key: the reader's call
                return false;
            const Member &m = members[0];
            const QByteArrayView tag = m.key;
            if (tag != " t" && tag != " b" && tag != " m" && tag != " u" && tag != " d" &&
                tag != " di")
                return true; // a key like " x" is no tag: the object stays a dict
            if (depth == 1)  // a tag at the top is no session (or, for " di", rare): ask
                return false;
            if (tag == " t")
                return m.value.front() == '[';
            if (tag == " m")
                return m.value.front() == '"';
            if (!isPlainString(m.value))
                return false;
            const QByteArrayView body = stringBody(m.value);
            if (tag == " b")
                return Base64::decode(body, Base64::Alphabet::Standard).ok();
            if (tag == " u")
                return FlaskTags::parseUuid(body).has_value();
            if (tag == " d")
                return FlaskTags::parseHttpDate(body).has_value();
            return false; // " di"
        }
        case PythonJsonReader::Dialect::EncryptedSession: {
            if (typeKeys == 0)
                return true;
            if (typeKeys > 1 || bKeys > 1)
                return false;
            const Member &type = members[0];
            if (type.value.front() != '"')
                return true; // not the bytes tag: the reader only moves "__type__" to the end
            if (!isPlainString(type.value))
                return false;
            if (stringBody(type.value) != "bytes")
                return true;
            if (depth == 1 || bKeys != 1 || !isPlainString(members[1].value))
                return false;
            return Base64::decode(stringBody(members[1].value), Base64::Alphabet::Standard).ok();
        }
        }
        return false;
    }

    const char *object(const char *p, int depth)
    {
        if (depth > m_maxDepth)
            return nullptr;
        p = skipSpace(p + 1);
        if (p < m_end && *p == '}')
            return p + 1;
        // Plain JSON has no tags: its members need no bookkeeping at all.
        const bool tagged = m_tagged;
        // Flask's dialect keeps the first member (a tag is an object of one); EncryptedSession's
        // keeps "__type__" in [0] and "b" in [1]. Filled only where a tag rule may look.
        std::array<Member, 2> kept;
        qsizetype count = 0, typeKeys = 0, bKeys = 0;
        bool spaceLedKey = false;
        while (true) {
            if (p >= m_end || *p != '"')
                return nullptr;
            const char *keyStart = p + 1;
            bool keyEscaped = false;
            p = string(p, &keyEscaped);
            if (!p)
                return nullptr;
            const qsizetype keySize = p - 1 - keyStart;
            // An escaped key could spell a tag; this check does not decode keys.
            if (keyEscaped && tagged)
                return nullptr;
            // Both of json.dumps' separators, ":" and ": ", are read without a loop.
            if (p < m_end && *p == ':') {
                ++p;
            } else {
                p = skipSpace(p);
                if (p >= m_end || *p != ':')
                    return nullptr;
                ++p;
            }
            p = skipSpace(p);
            const char *valueStart = p;
            p = element(p, depth);
            if (!p)
                return nullptr;
            if (depth == 1 && m_topMembers)
                m_topMembers->add(keyStart - m_begin, keySize, p - (keyStart - 1));
            if (tagged) {
                const auto member = [&] {
                    return Member{QByteArrayView(keyStart, keySize), keyEscaped,
                                  QByteArrayView(valueStart, p - valueStart)};
                };
                if (count == 0)
                    kept[0] = member();
                // Only keys of these sizes can matter to a tag: most members skip the
                // comparisons.
                if (keySize == 1 && *keyStart == 'b') {
                    ++bKeys;
                    kept[1] = member();
                } else if (keySize == 8 && QByteArrayView(keyStart, 8) == "__type__") {
                    ++typeKeys;
                    kept[0] = member();
                } else if (keySize > 0 && *keyStart == ' ') {
                    spaceLedKey = true;
                }
            }
            ++count;
            if (p >= m_end || *p != ',')
                p = skipSpace(p);
            if (p < m_end && *p == ',') {
                p = skipSpace(p + 1);
                continue;
            }
            if (p < m_end && *p == '}')
                return tagsAreSound(kept, count, spaceLedKey, typeKeys, bKeys, depth) ? p + 1
                                                                                      : nullptr;
            return nullptr;
        }
    }

    const char *m_begin;
    const char *m_end;
    const PythonJsonReader::Options &m_options;
    // The options each value consults, copied out of the reference: read from the checker
    // itself, not through a pointer at every node.
    const qsizetype m_maxNodes;
    const int m_maxDepth;
    const bool m_tagged;
    JsonMemberList *const m_topMembers;
    qsizetype m_nodes = 0;
};

} // namespace

bool PythonJsonValidator::readsAsSession(QByteArrayView utf8,
                                         const PythonJsonReader::Options &options)
{
    if (options.topMembers)
        options.topMembers->clear();
    // Invalid UTF-8 fails inside strings (see Checker::longString), the only place where
    // the grammar lets a non-ASCII byte stand.
    return Checker(utf8, options).run();
}

} // namespace sessionlens
