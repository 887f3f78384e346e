#include "json/PythonJsonValidator.h"

#include "encoding/Base64.h"
#include "json/FlaskTags.h"
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
// two together); every `return false` is a place where the reader fails or does more than
// read: a tag object it would turn into a typed node.
class Checker
{
public:
    Checker(QByteArrayView text, const PythonJsonReader::Options &options)
        : m_p(text.data()), m_end(text.data() + text.size()), m_options(options)
    {
    }

    bool run()
    {
        skipSpace();
        // A session is a dict; a BOM or any other start is the reader's to judge.
        if (m_p >= m_end || *m_p != '{')
            return false;
        if (!value(0))
            return false;
        skipSpace();
        return m_p == m_end;
    }

private:
    static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    void skipSpace()
    {
        while (m_p < m_end && isSpace(*m_p))
            ++m_p;
    }

    bool literal(const char *word)
    {
        const auto length = qsizetype(std::strlen(word));
        if (m_end - m_p < length || std::memcmp(m_p, word, std::size_t(length)) != 0)
            return false;
        m_p += length;
        return true;
    }

    bool value(int depth)
    {
        if (++m_nodes > m_options.maxNodes || m_p >= m_end)
            return false;
        switch (*m_p) {
        case '"':
            return string(nullptr);
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case 'n':
            return literal("null");
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'N':
            return literal("NaN");
        case 'I':
            return literal("Infinity");
        case '-':
            return literal("-Infinity") || number();
        default:
            return isDigit(*m_p) && number();
        }
    }

    bool number()
    {
        const JsonNumberLexer::Lexeme lexeme = JsonNumberLexer::lex(m_p, m_end);
        if (!lexeme.end)
            return false;
        if (lexeme.isFloat ? !PythonFloat::parse(QByteArrayView(m_p, lexeme.end - m_p))
                           : lexeme.integerDigits > PythonJsonReader::kMaxIntegerDigits)
            return false;
        m_p = lexeme.end;
        return true;
    }

    // Does any of the 8 bytes end a plain run: a quote, a backslash or a control character?
    // (Bit tricks on one word: the classic "has a zero byte" and "has a byte below n" tests.)
    static bool endsPlainRun(std::uint64_t word)
    {
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
        constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
        const auto hasZeroByte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
        const std::uint64_t below20 = (word - kOnes * 0x20) & ~word & kHighs;
        return (below20 | hasZeroByte(word ^ (kOnes * '"')) | hasZeroByte(word ^ (kOnes * '\\'))) !=
               0;
    }

    // The first byte from `p` on that may end a plain run (a quote, a backslash or a control
    // character), or a byte of the last few that are not checked in blocks, or `end`.
    // Strings are most of a session's bytes, so they are skipped a block at a time.
    static const char *plainRunEnd(const char *p, const char *end)
    {
#if defined(__SSE2__)
        const __m128i quote = _mm_set1_epi8('"');
        const __m128i backslash = _mm_set1_epi8('\\');
        const __m128i lastControl = _mm_set1_epi8(0x1f);
        while (end - p >= 16) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            // max(byte, 0x1f) == 0x1f exactly for the bytes 0x00..0x1f (unsigned).
            const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(bytes, lastControl), lastControl);
            const int hits = _mm_movemask_epi8(_mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)),
                control));
            if (hits != 0)
                return p + __builtin_ctz(static_cast<unsigned>(hits));
            p += 16;
        }
#endif
        std::uint64_t word = 0;
        while (end - p >= 8 && (std::memcpy(&word, p, 8), !endsPlainRun(word)))
            p += 8;
        return p;
    }

    // `escaped` (when given) says whether the string held a backslash escape.
    bool string(bool *escaped)
    {
        ++m_p;
        while (m_p < m_end) {
            m_p = plainRunEnd(m_p, m_end);
            if (m_p >= m_end)
                break;
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c != '\\') {
                ++m_p;
                continue;
            }
            if (escaped)
                *escaped = true;
            if (m_end - m_p < 2)
                return false;
            const char kind = m_p[1];
            m_p += 2;
            if (kind == 'u') {
                if (m_end - m_p < 4)
                    return false;
                for (int i = 0; i < 4; ++i)
                    if (!std::isxdigit(static_cast<unsigned char>(m_p[i])))
                        return false;
                m_p += 4;
            } else if (!std::strchr("\"\\/bfnrt", kind) || kind == '\0') {
                return false;
            }
        }
        return false;
    }

    bool array(int depth)
    {
        if (depth > m_options.maxDepth)
            return false;
        ++m_p;
        skipSpace();
        if (m_p < m_end && *m_p == ']') {
            ++m_p;
            return true;
        }
        while (true) {
            if (!value(depth))
                return false;
            skipSpace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                skipSpace();
                continue;
            }
            if (m_p < m_end && *m_p == ']') {
                ++m_p;
                return true;
            }
            return false;
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

    bool object(int depth)
    {
        if (depth > m_options.maxDepth)
            return false;
        ++m_p;
        skipSpace();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            return true;
        }
        // Flask's dialect keeps the first member (a tag is an object of one); EncryptedSession's
        // keeps "__type__" in [0] and "b" in [1].
        std::array<Member, 2> kept;
        qsizetype count = 0, typeKeys = 0, bKeys = 0;
        bool spaceLedKey = false;
        while (true) {
            if (m_p >= m_end || *m_p != '"')
                return false;
            const char *keyStart = m_p + 1;
            Member member;
            if (!string(&member.keyEscaped))
                return false;
            member.key = QByteArrayView(keyStart, m_p - 1 - keyStart);
            // An escaped key could spell a tag; this check does not decode keys.
            if (member.keyEscaped && m_options.dialect != PythonJsonReader::Dialect::Plain)
                return false;
            skipSpace();
            if (m_p >= m_end || *m_p != ':')
                return false;
            ++m_p;
            skipSpace();
            const char *valueStart = m_p;
            if (!value(depth))
                return false;
            member.value = QByteArrayView(valueStart, m_p - valueStart);
            if (count == 0)
                kept[0] = member;
            // Only keys of these sizes can matter to a tag: most members skip the comparisons.
            const qsizetype keySize = member.key.size();
            if (keySize == 1 && member.key.front() == 'b') {
                ++bKeys;
                kept[1] = member;
            } else if (keySize == 8 && member.key == "__type__") {
                ++typeKeys;
                kept[0] = member;
            } else if (keySize > 0 && member.key.front() == ' ') {
                spaceLedKey = true;
            }
            ++count;
            skipSpace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                skipSpace();
                continue;
            }
            if (m_p < m_end && *m_p == '}') {
                ++m_p;
                return tagsAreSound(kept, count, spaceLedKey, typeKeys, bKeys, depth);
            }
            return false;
        }
    }

    const char *m_p;
    const char *m_end;
    const PythonJsonReader::Options &m_options;
    qsizetype m_nodes = 0;
};

} // namespace

bool PythonJsonValidator::readsAsSession(QByteArrayView utf8,
                                         const PythonJsonReader::Options &options)
{
    return Utf8Validator::firstInvalid(utf8) < 0 && Checker(utf8, options).run();
}

} // namespace sessionlens
