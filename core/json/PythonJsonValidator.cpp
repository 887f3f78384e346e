#include "json/PythonJsonValidator.h"

#include "json/PythonFloat.h"
#include "json/Utf8Validator.h"

#include <cstdint>
#include <cstring>

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

    // CPython's NUMBER_RE: (-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?
    bool number()
    {
        const char *start = m_p;
        const char *p = m_p;
        if (*p == '-')
            ++p;
        if (p >= m_end || !isDigit(*p))
            return false;
        if (*p == '0')
            ++p;
        else
            while (p < m_end && isDigit(*p))
                ++p;
        const char *integerEnd = p;
        bool isFloat = false;
        if (p + 1 < m_end && *p == '.' && isDigit(p[1])) {
            isFloat = true;
            p += 2;
            while (p < m_end && isDigit(*p))
                ++p;
        }
        if (p < m_end && (*p == 'e' || *p == 'E')) {
            const char *q = p + 1;
            if (q < m_end && (*q == '+' || *q == '-'))
                ++q;
            if (q < m_end && isDigit(*q)) {
                isFloat = true;
                while (q < m_end && isDigit(*q))
                    ++q;
                p = q;
            }
        }
        if (isFloat) {
            if (!PythonFloat::parse(QByteArrayView(start, p - start)))
                return false;
        } else if (integerEnd - start - (*start == '-' ? 1 : 0) >
                   PythonJsonReader::kMaxIntegerDigits) {
            return false;
        }
        m_p = p;
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

    // `escaped` (when given) says whether the string held a backslash escape.
    bool string(bool *escaped)
    {
        ++m_p;
        while (m_p < m_end) {
            // Strings are most of a session's bytes: skip plain ones a word at a time.
            std::uint64_t word = 0;
            while (m_end - m_p >= 8 && (std::memcpy(&word, m_p, 8), !endsPlainRun(word)))
                m_p += 8;
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

    // Could the reader's tag decoding touch an object with this key? Escaped keys are not
    // decoded here, so they count as possible tags too.
    bool mayBeTag(QByteArrayView key, bool escaped) const
    {
        switch (m_options.dialect) {
        case PythonJsonReader::Dialect::FlaskTagged:
            return escaped || key.startsWith(' ');
        case PythonJsonReader::Dialect::EncryptedSession:
            return escaped || key == "__type__";
        case PythonJsonReader::Dialect::Plain:
            break;
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
        while (true) {
            if (m_p >= m_end || *m_p != '"')
                return false;
            const char *keyStart = m_p + 1;
            bool escaped = false;
            if (!string(&escaped) ||
                mayBeTag(QByteArrayView(keyStart, m_p - 1 - keyStart), escaped))
                return false;
            skipSpace();
            if (m_p >= m_end || *m_p != ':')
                return false;
            ++m_p;
            skipSpace();
            if (!value(depth))
                return false;
            skipSpace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                skipSpace();
                continue;
            }
            if (m_p < m_end && *m_p == '}') {
                ++m_p;
                return true;
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
