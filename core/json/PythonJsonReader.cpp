#include "json/PythonJsonReader.h"

#include "encoding/HexDigit.h"

#include "json/JsonNumberLexer.h"
#include "json/PythonFloat.h"
#include "json/TagDecoder.h"
#include "json/Utf8Validator.h"

#include <QHash>

#include <QCoreApplication>

#include <array>
#include <cstring>
#include <optional>

namespace sessionlens {

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

class Parser
{
public:
    Parser(QByteArrayView text, const PythonJsonReader::Options &options, QStringList *warnings)
        : m_begin(text.data()), m_p(text.data()), m_end(text.data() + text.size()),
          m_options(options), m_warnings(warnings)
    {
    }

    Result<SessionValue> run()
    {
        SessionValue root;
        if (m_end - m_p >= 3 && std::memcmp(m_p, "\xef\xbb\xbf", 3) == 0)
            return fail(QCoreApplication::translate(
                "sessionlens::Error", "Unexpected UTF-8 BOM (decode using utf-8-sig)"));
        skipSpace();
        if (!parseValue(root, 0))
            return *m_error;
        skipSpace();
        if (m_p != m_end)
            return fail(QCoreApplication::translate("sessionlens::Error", "Extra data"));
        if (m_warnings && m_droppedWarnings > 0)
            m_warnings->append(
                QCoreApplication::translate("sessionlens::Note",
                                            "%1 more warnings not shown (at most %2 are kept)")
                    .arg(m_droppedWarnings)
                    .arg(limits::kMaxWarnings));
        return root;
    }

private:
    Error fail(QString message, ErrorCategory category = ErrorCategory::Json)
    {
        return failAt(std::move(message), m_p - m_begin, category);
    }

    Error failAt(QString message, qsizetype position, ErrorCategory category = ErrorCategory::Json)
    {
        int line = 0, column = 0;
        PythonJsonReader::lineAndColumn(QByteArrayView(m_begin, m_end - m_begin), position, &line,
                                        &column);
        Error error = Error::make(
            category, std::move(message),
            QStringLiteral("line %1 column %2 (byte %3)").arg(line).arg(column).arg(position), -1,
            position);
        m_error = error;
        return error;
    }

    void skipSpace()
    {
        while (m_p < m_end && isJsonSpace(*m_p))
            ++m_p;
    }

    bool startsWith(const char *word) const
    {
        const auto length = static_cast<qsizetype>(std::strlen(word));
        return m_end - m_p >= length &&
               std::memcmp(m_p, word, static_cast<std::size_t>(length)) == 0;
    }

    bool parseValue(SessionValue &out, int depth)
    {
        if (++m_nodes > m_options.maxNodes) {
            fail(QCoreApplication::translate("sessionlens::Error",
                                             "more than %1 values in the session")
                     .arg(m_options.maxNodes),
                 ErrorCategory::Limit);
            return false;
        }
        if (m_p >= m_end) {
            fail(QCoreApplication::translate("sessionlens::Error", "Expecting value"));
            return false;
        }
        switch (*m_p) {
        case '"': {
            QString text;
            if (!parseString(&text))
                return false;
            out.setString(std::move(text));
            return true;
        }
        case '{':
            return parseObject(out, depth + 1);
        case '[':
            return parseArray(out, depth + 1);
        case 'n':
            if (startsWith("null")) {
                m_p += 4;
                out.setNull();
                return true;
            }
            break;
        case 't':
            if (startsWith("true")) {
                m_p += 4;
                out.setBool(true);
                return true;
            }
            break;
        case 'f':
            if (startsWith("false")) {
                m_p += 5;
                out.setBool(false);
                return true;
            }
            break;
        case 'N':
            if (startsWith("NaN")) {
                m_p += 3;
                out.setFloat(std::numeric_limits<double>::quiet_NaN(), "NaN");
                return true;
            }
            break;
        case 'I':
            if (startsWith("Infinity")) {
                m_p += 8;
                out.setFloat(std::numeric_limits<double>::infinity(), "Infinity");
                return true;
            }
            break;
        case '-':
            if (startsWith("-Infinity")) {
                m_p += 9;
                out.setFloat(-std::numeric_limits<double>::infinity(), "-Infinity");
                return true;
            }
            return parseNumber(out);
        default:
            if (*m_p >= '0' && *m_p <= '9')
                return parseNumber(out);
            break;
        }
        fail(QCoreApplication::translate("sessionlens::Error", "Expecting value"));
        return false;
    }

    bool parseNumber(SessionValue &out)
    {
        const char *start = m_p;
        const JsonNumberLexer::Lexeme number = JsonNumberLexer::lex(m_p, m_end);
        if (!number.end) {
            fail(QCoreApplication::translate("sessionlens::Error", "Expecting value"));
            return false;
        }
        const char *p = number.end;
        const QByteArrayView lexeme(start, p - start);
        if (!number.isFloat) {
            const qsizetype digits = qsizetype(number.integerDigits);
            if (digits > PythonJsonReader::kMaxIntegerDigits) {
                fail(QCoreApplication::translate(
                         "sessionlens::Error",
                         "integer of %1 digits exceeds Python's %2-digit conversion limit")
                         .arg(digits)
                         .arg(PythonJsonReader::kMaxIntegerDigits),
                     ErrorCategory::Limit);
                return false;
            }
            out.setInteger(lexeme);
        } else {
            const std::optional<double> value = PythonFloat::parse(lexeme);
            if (!value) {
                fail(QCoreApplication::translate("sessionlens::Error", "Expecting value"));
                return false;
            }
            out.setFloat(*value, lexeme.toByteArray());
        }
        m_p = p;
        return true;
    }

    bool parseString(QString *out)
    {
        const char *open = m_p;
        ++m_p;
        const char *segment = m_p;
        // Fast path: no escapes, which is how most session strings look.
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                *out = Utf8Validator::decode(QByteArrayView(segment, m_p - segment));
                ++m_p;
                return true;
            }
            if (c == '\\' || c < 0x20)
                break;
            ++m_p;
        }
        QString text = Utf8Validator::decode(QByteArrayView(segment, m_p - segment));
        while (true) {
            if (m_p >= m_end) {
                failAt(QCoreApplication::translate("sessionlens::Error",
                                                   "Unterminated string starting at"),
                       open - m_begin);
                return false;
            }
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                break;
            }
            if (c < 0x20) {
                fail(QCoreApplication::translate("sessionlens::Error",
                                                 "Invalid control character at"));
                return false;
            }
            if (c != '\\') {
                segment = m_p;
                while (m_p < m_end && *m_p != '"' && *m_p != '\\' &&
                       static_cast<unsigned char>(*m_p) >= 0x20)
                    ++m_p;
                text.append(Utf8Validator::decode(QByteArrayView(segment, m_p - segment)));
                continue;
            }
            const char *escape = m_p;
            if (m_p + 1 >= m_end) {
                failAt(QCoreApplication::translate("sessionlens::Error",
                                                   "Unterminated string starting at"),
                       open - m_begin);
                return false;
            }
            const char kind = m_p[1];
            m_p += 2;
            switch (kind) {
            case '"':
                text.append(u'"');
                break;
            case '\\':
                text.append(u'\\');
                break;
            case '/':
                text.append(u'/');
                break;
            case 'b':
                text.append(u'\b');
                break;
            case 'f':
                text.append(u'\f');
                break;
            case 'n':
                text.append(u'\n');
                break;
            case 'r':
                text.append(u'\r');
                break;
            case 't':
                text.append(u'\t');
                break;
            case 'u': {
                int unit = 0;
                if (!readHex4(escape, &unit))
                    return false;
                // A high surrogate followed by an escaped low surrogate is one
                // character; anything else stays a lone surrogate, as in Python.
                text.append(QChar(static_cast<char16_t>(unit)));
                break;
            }
            default:
                failAt(QCoreApplication::translate("sessionlens::Error", "Invalid \\escape"),
                       escape - m_begin);
                return false;
            }
        }
        *out = std::move(text);
        return true;
    }

    // Keys repeat (lists of records); recent plain keys share one QString buffer.
    // Sets `*key` to a cached key, or fills `own` and points `*key` at it.
    bool parseKey(QString *own, const QString **key)
    {
        *key = own;
        const char *start = m_p + 1;
        const char *p = start;
        while (p < m_end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20)
            ++p;
        if (p >= m_end || *p != '"')
            return parseString(own);
        const qsizetype length = p - start;
        for (KeyCacheEntry &entry : m_keyCache) {
            if (entry.length == length && entry.start &&
                std::memcmp(entry.start, start, static_cast<std::size_t>(length)) == 0) {
                *key = &entry.key;
                m_p = p + 1;
                return true;
            }
        }
        KeyCacheEntry &slot = m_keyCache[m_nextCacheSlot];
        slot = KeyCacheEntry{start, length, Utf8Validator::decode(QByteArrayView(start, length))};
        *key = &slot.key;
        m_nextCacheSlot = (m_nextCacheSlot + 1) % kKeyCacheSize;
        m_p = p + 1;
        return true;
    }

    bool readHex4(const char *escape, int *unit)
    {
        if (m_end - m_p < 4) {
            failAt(QCoreApplication::translate("sessionlens::Error", "Invalid \\uXXXX escape"),
                   escape - m_begin);
            return false;
        }
        int value = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hexDigitValue(m_p[i]);
            if (digit < 0) {
                failAt(QCoreApplication::translate("sessionlens::Error", "Invalid \\uXXXX escape"),
                       escape - m_begin);
                return false;
            }
            value = value * 16 + digit;
        }
        m_p += 4;
        *unit = value;
        return true;
    }

    bool enter(int depth)
    {
        if (depth > m_options.maxDepth) {
            fail(QCoreApplication::translate("sessionlens::Error", "nesting deeper than %1 levels")
                     .arg(m_options.maxDepth),
                 ErrorCategory::Limit);
            return false;
        }
        return true;
    }

    bool parseArray(SessionValue &out, int depth)
    {
        if (!enter(depth))
            return false;
        ++m_p;
        out.setList();
        skipSpace();
        if (m_p < m_end && *m_p == ']') {
            ++m_p;
            return true;
        }
        while (true) {
            if (!parseValue(*out.appendChild(), depth))
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
            fail(QCoreApplication::translate("sessionlens::Error", "Expecting ',' delimiter"));
            return false;
        }
    }

    bool parseObject(SessionValue &out, int depth)
    {
        if (!enter(depth))
            return false;
        const qsizetype objectStart = m_p - m_begin;
        ++m_p;
        out.setDict();
        skipSpace();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            return true;
        }
        std::optional<QHash<QString, qsizetype>> index; // built only for large objects
        while (true) {
            if (m_p >= m_end || *m_p != '"') {
                fail(QCoreApplication::translate(
                    "sessionlens::Error", "Expecting property name enclosed in double quotes"));
                return false;
            }
            QString ownKey;
            const QString *keyRef = nullptr;
            if (!parseKey(&ownKey, &keyRef))
                return false;
            const QString &key = *keyRef;
            skipSpace();
            if (m_p >= m_end || *m_p != ':') {
                fail(QCoreApplication::translate("sessionlens::Error", "Expecting ':' delimiter"));
                return false;
            }
            ++m_p;
            skipSpace();
            qsizetype existing = -1;
            if (index) {
                existing = index->value(key, -1);
            } else {
                existing = out.indexOfKey(key);
                if (out.size() >= 16) {
                    index.emplace();
                    for (qsizetype i = 0; i < out.size(); ++i)
                        index->insert(out.child(i)->key(), i);
                }
            }
            if (existing >= 0) {
                // Python keeps the first position and the last value. Copy the key:
                // nested parsing may reuse its cache slot.
                const QString duplicate = key;
                SessionValue value;
                if (!parseValue(value, depth))
                    return false;
                warn([&duplicate] {
                    return QCoreApplication::translate(
                               "sessionlens::Note",
                               "duplicate key \"%1\": Python keeps the last value")
                        .arg(duplicate);
                });
                out.child(existing)->assign(std::move(value));
            } else {
                if (index)
                    index->insert(key, out.size());
                if (!parseValue(*out.appendChild(key), depth))
                    return false;
            }
            skipSpace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                skipSpace();
                continue;
            }
            if (m_p < m_end && *m_p == '}') {
                ++m_p;
                break;
            }
            fail(QCoreApplication::translate("sessionlens::Error", "Expecting ',' delimiter"));
            return false;
        }
        QStringList tagWarnings;
        if (auto problem =
                TagDecoder::apply(out, m_options.dialect, m_warnings ? &tagWarnings : nullptr,
                                  m_options.moveTypeKey)) {
            failAt(*problem, objectStart);
            return false;
        }
        for (const QString &warning : std::as_const(tagWarnings))
            warn([&warning] { return warning; });
        return true;
    }

    // Warnings are capped: a cookie with 200,000 duplicate keys must not become
    // megabytes of text. The rest are counted and said in one last line.
    template <typename MakeText> void warn(MakeText makeText)
    {
        if (!m_warnings)
            return;
        if (m_keptWarnings < limits::kMaxWarnings) {
            m_warnings->append(makeText());
            ++m_keptWarnings;
        } else {
            ++m_droppedWarnings;
        }
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    const PythonJsonReader::Options &m_options;
    QStringList *m_warnings;
    std::optional<Error> m_error;
    qsizetype m_nodes = 0;
    qsizetype m_keptWarnings = 0;
    qsizetype m_droppedWarnings = 0;

    struct KeyCacheEntry
    {
        const char *start = nullptr;
        qsizetype length = 0;
        QString key;
    };
    static constexpr int kKeyCacheSize = 16;
    std::array<KeyCacheEntry, kKeyCacheSize> m_keyCache;
    int m_nextCacheSlot = 0;
};

} // namespace

Result<SessionValue> PythonJsonReader::read(QByteArrayView utf8, const Options &options,
                                            QStringList *warnings)
{
    const qsizetype bad = Utf8Validator::firstInvalid(utf8);
    if (bad >= 0)
        return Error::make(
            ErrorCategory::Encoding,
            QCoreApplication::translate("sessionlens::Error", "invalid UTF-8 at byte %1").arg(bad),
            {}, -1, bad);
    Parser parser(utf8, options, warnings);
    return parser.run();
}

void PythonJsonReader::lineAndColumn(QByteArrayView text, qsizetype position, int *line,
                                     int *column)
{
    int l = 1;
    qsizetype lineStart = 0;
    const qsizetype end = std::min(position, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++l;
            lineStart = i + 1;
        }
    }
    *line = l;
    *column = static_cast<int>(position - lineStart + 1);
}

} // namespace sessionlens
