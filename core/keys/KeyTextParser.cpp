#include "keys/KeyTextParser.h"

#include "encoding/Base64.h"
#include "encoding/HexDigit.h"
#include <QCoreApplication>

namespace sessionlens {

namespace {

Error keyError(const QString &message)
{
    return Error::make(ErrorCategory::Key, message);
}

bool isIdentifierChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Start of a b'...' / b"..." literal not glued to a preceding identifier, or -1.
qsizetype findBytesLiteral(QByteArrayView text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if ((text[i] == 'b' || text[i] == 'B') && (text[i + 1] == '\'' || text[i + 1] == '"') &&
            (i == 0 || !isIdentifierChar(text[i - 1])))
            return i;
    }
    return -1;
}

Result<SecureBytes> decodeHex(QByteArrayView text)
{
    QByteArrayView body = text;
    if (body.startsWith("0x") || body.startsWith("0X"))
        body = body.sliced(2);
    SecureBytes scratch(static_cast<std::size_t>(body.size() / 2 + 1));
    std::size_t count = 0;
    int pending = -1;
    for (const char c : body) {
        if (c == ' ' || c == ':' || c == '\t' || c == '-')
            continue;
        const int v = hexDigitValue(c);
        if (v < 0)
            return keyError(QCoreApplication::translate("sessionlens::Error", "not hex"));
        if (pending < 0) {
            pending = v;
        } else {
            scratch.data()[count++] = static_cast<std::uint8_t>(pending * 16 + v);
            pending = -1;
        }
    }
    if (pending >= 0)
        return keyError(
            QCoreApplication::translate("sessionlens::Error", "odd number of hex digits"));
    return SecureBytes(scratch.data(), count);
}

Result<SecureBytes> decodeBase64Any(QByteArrayView text)
{
    QByteArray compact;
    compact.reserve(text.size() + 3);
    for (const char c : text) {
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            compact.append(c);
    }
    const bool urlSafe = compact.contains('-') || compact.contains('_');
    if (urlSafe) {
        while (compact.endsWith('='))
            compact.chop(1);
    } else {
        while (compact.size() % 4)
            compact.append('=');
    }
    auto decoded =
        Base64::decode(compact, urlSafe ? Base64::Alphabet::UrlSafe : Base64::Alphabet::Standard);
    wipeByteArray(compact);
    if (!decoded)
        return keyError(QCoreApplication::translate("sessionlens::Error", "not base64"));
    return SecureBytes::fromByteArray(decoded.value(), true);
}

} // namespace

QString KeyTextParser::formName(Form form)
{
    switch (form) {
    case Form::PythonLiteral:
        return QStringLiteral("Python bytes literal");
    case Form::Hex:
        return QStringLiteral("hex");
    case Form::Base64:
        return QStringLiteral("base64");
    }
    return {};
}

Result<SecureBytes> KeyTextParser::decodePythonBytesBody(QByteArrayView body)
{
    SecureBytes scratch(static_cast<std::size_t>(body.size()));
    std::size_t count = 0;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const auto c = static_cast<unsigned char>(body[i]);
        if (c >= 0x80)
            return keyError(QCoreApplication::translate(
                "sessionlens::Error", "bytes literals hold only ASCII characters"));
        if (c != '\\') {
            scratch.data()[count++] = c;
            continue;
        }
        if (++i >= body.size())
            return keyError(QCoreApplication::translate("sessionlens::Error",
                                                        "the literal ends inside an escape"));
        const char e = body[i];
        switch (e) {
        case '\\':
            scratch.data()[count++] = '\\';
            break;
        case '\'':
            scratch.data()[count++] = '\'';
            break;
        case '"':
            scratch.data()[count++] = '"';
            break;
        case 'a':
            scratch.data()[count++] = 0x07;
            break;
        case 'b':
            scratch.data()[count++] = 0x08;
            break;
        case 'f':
            scratch.data()[count++] = 0x0c;
            break;
        case 'n':
            scratch.data()[count++] = 0x0a;
            break;
        case 'r':
            scratch.data()[count++] = 0x0d;
            break;
        case 't':
            scratch.data()[count++] = 0x09;
            break;
        case 'v':
            scratch.data()[count++] = 0x0b;
            break;
        case '\n':
            break; // line continuation
        case 'x': {
            const int hi = i + 1 < body.size() ? hexDigitValue(body[i + 1]) : -1;
            const int lo = i + 2 < body.size() ? hexDigitValue(body[i + 2]) : -1;
            if (hi < 0 || lo < 0)
                return keyError(
                    QCoreApplication::translate("sessionlens::Error", "invalid \\x escape"));
            scratch.data()[count++] = static_cast<std::uint8_t>(hi * 16 + lo);
            i += 2;
            break;
        }
        default:
            if (e >= '0' && e <= '7') {
                int value = 0, digits = 0;
                while (digits < 3 && i < body.size() && body[i] >= '0' && body[i] <= '7') {
                    value = value * 8 + (body[i] - '0');
                    ++i;
                    ++digits;
                }
                --i;
                scratch.data()[count++] = static_cast<std::uint8_t>(value & 0xff);
            } else {
                // Python keeps unknown escapes verbatim, backslash included.
                scratch.data()[count++] = '\\';
                scratch.data()[count++] = static_cast<std::uint8_t>(e);
            }
        }
    }
    return SecureBytes(scratch.data(), count);
}

Result<KeyTextParser::Parsed> KeyTextParser::parseBytes(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    auto parsed = parseBytesUtf8(utf8);
    wipeByteArray(utf8);
    return parsed;
}

Result<KeyTextParser::Parsed> KeyTextParser::parseBytesUtf8(QByteArrayView text)
{
    // Trimmed as a view: a trimmed() copy would leave the key text in a buffer nobody wipes.
    const QByteArrayView utf8 = text.trimmed();
    auto finish = [](Result<SecureBytes> bytes, Form form) -> Result<Parsed> {
        if (!bytes)
            return bytes.error();
        if (bytes->isEmpty())
            return keyError(QCoreApplication::translate("sessionlens::Error", "the key is empty"));
        return Parsed{std::move(bytes).value(), form};
    };

    if (utf8.isEmpty())
        return finish(
            keyError(QCoreApplication::translate("sessionlens::Error", "the key text is empty")),
            Form::Hex);

    const qsizetype literal = findBytesLiteral(utf8);
    if (literal >= 0) {
        const char quote = utf8[literal + 1];
        qsizetype close = -1;
        for (qsizetype i = literal + 2; i < utf8.size(); ++i) {
            if (utf8[i] == '\\') {
                ++i;
                continue;
            }
            if (utf8[i] == quote) {
                close = i;
                break;
            }
        }
        if (close < 0)
            return finish(keyError(QCoreApplication::translate(
                              "sessionlens::Error", "the bytes literal has no closing quote")),
                          Form::PythonLiteral);
        const QByteArrayView body(utf8.data() + literal + 2, close - literal - 2);
        return finish(decodePythonBytesBody(body), Form::PythonLiteral);
    }

    QByteArrayView bare(utf8);
    bool allHex = true;
    for (const char c : bare.startsWith("0x") || bare.startsWith("0X") ? bare.sliced(2) : bare) {
        if (hexDigitValue(c) < 0 && c != ' ' && c != ':' && c != '\t' && c != '-')
            allHex = false;
    }
    if (allHex) {
        auto hex = decodeHex(bare);
        if (hex && (hex->size() == 16 || hex->size() == 24 || hex->size() == 32))
            return finish(std::move(hex), Form::Hex);
        // A hex-looking text may still be base64 ("deadbeef" is both): try it below.
        auto b64 = decodeBase64Any(bare);
        if (b64 && (b64->size() == 16 || b64->size() == 24 || b64->size() == 32))
            return finish(std::move(b64), Form::Base64);
        return finish(std::move(hex), Form::Hex);
    }
    return finish(decodeBase64Any(bare), Form::Base64);
}

Result<KeyTextParser::Parsed> KeyTextParser::parseAesKey(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    auto parsed = parseAesKeyUtf8(utf8);
    wipeByteArray(utf8);
    return parsed;
}

Result<KeyTextParser::Parsed> KeyTextParser::parseAesKeyUtf8(QByteArrayView utf8)
{
    auto parsed = parseBytesUtf8(utf8);
    if (!parsed) {
        Error error = parsed.error();
        error.message =
            QCoreApplication::translate("sessionlens::Error", "cannot read the key text: %1")
                .arg(error.message);
        return error;
    }
    const std::size_t size = parsed->bytes.size();
    if (size != 16 && size != 24 && size != 32)
        return keyError(
            QCoreApplication::translate("sessionlens::Error",
                                        "read %1 bytes as %2; AES keys are 16, 24 or 32 bytes")
                .arg(size)
                .arg(formName(parsed->form)));
    return parsed;
}

} // namespace sessionlens

namespace sessionlens {

namespace {

void appendUtf8(SecureBytes &out, std::size_t &count, char32_t cp)
{
    auto *d = out.data();
    if (cp < 0x80) {
        d[count++] = static_cast<std::uint8_t>(cp);
    } else if (cp < 0x800) {
        d[count++] = static_cast<std::uint8_t>(0xc0 | (cp >> 6));
        d[count++] = static_cast<std::uint8_t>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        d[count++] = static_cast<std::uint8_t>(0xe0 | (cp >> 12));
        d[count++] = static_cast<std::uint8_t>(0x80 | ((cp >> 6) & 0x3f));
        d[count++] = static_cast<std::uint8_t>(0x80 | (cp & 0x3f));
    } else {
        d[count++] = static_cast<std::uint8_t>(0xf0 | (cp >> 18));
        d[count++] = static_cast<std::uint8_t>(0x80 | ((cp >> 12) & 0x3f));
        d[count++] = static_cast<std::uint8_t>(0x80 | ((cp >> 6) & 0x3f));
        d[count++] = static_cast<std::uint8_t>(0x80 | (cp & 0x3f));
    }
}

// n hex digits at body[at]; -1 when they are not all there.
qint64 hexDigits(QByteArrayView body, qsizetype at, int n)
{
    if (at + n > body.size())
        return -1;
    qint64 value = 0;
    for (int k = 0; k < n; ++k) {
        const int digit = hexDigitValue(body[at + k]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

// One literal's body, escapes decoded, appended to `out` (sized for it: no escape is shorter
// than what it stands for). False where Python raises or this reader gives up.
bool decodeLiteralBody(QByteArrayView body, bool raw, bool isBytes, SecureBytes &out,
                       std::size_t &count)
{
    for (qsizetype i = 0; i < body.size(); ++i) {
        const auto c = static_cast<unsigned char>(body[i]);
        if (isBytes && c >= 0x80)
            return false; // bytes can only contain ASCII literal characters
        if (c != '\\' || raw) {
            out.data()[count++] = c;
            continue;
        }
        const char e = ++i < body.size() ? body[i] : '\\';
        static constexpr char kSimple[] = "\\\\''\"\"a\ab\bf\fn\nr\rt\tv\v";
        const char *simple = nullptr;
        for (const char *p = kSimple; *p; p += 2) {
            if (*p == e)
                simple = p + 1;
        }
        if (simple) {
            out.data()[count++] = static_cast<std::uint8_t>(*simple);
        } else if (e >= '0' && e <= '7') {
            int value = 0;
            int digits = 0;
            while (digits < 3 && i < body.size() && body[i] >= '0' && body[i] <= '7') {
                value = value * 8 + (body[i++] - '0');
                ++digits;
            }
            --i;
            if (isBytes)
                out.data()[count++] = static_cast<std::uint8_t>(value & 0xff);
            else
                appendUtf8(out, count, char32_t(value));
        } else if (e == 'x' || (!isBytes && (e == 'u' || e == 'U'))) {
            const int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            const qint64 value = hexDigits(body, i + 1, n);
            if (value < 0 || value > 0x10ffff || (!isBytes && value >= 0xd800 && value < 0xe000))
                return false;
            if (isBytes)
                out.data()[count++] = static_cast<std::uint8_t>(value);
            else
                appendUtf8(out, count, char32_t(value));
            i += n;
        } else if (e == 'N' && !isBytes) {
            return false; // named characters need Unicode's name table
        } else {
            // Python keeps unknown escapes verbatim, backslash included.
            out.data()[count++] = '\\';
            out.data()[count++] = static_cast<std::uint8_t>(e);
        }
    }
    return true;
}

bool isInlineSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n' || c == '\v';
}

} // namespace

std::optional<KeyTextParser::Literal> KeyTextParser::decodePythonLiteral(QByteArrayView text)
{
    Literal literal;
    SecureBytes out(std::size_t(text.size()) + 1);
    std::size_t count = 0;
    int literals = 0;
    qsizetype i = 0;
    while (true) {
        while (i < text.size() && isInlineSpace(text[i]))
            ++i;
        if (i == text.size() || text[i] == '#')
            break; // a comment ends the line
        bool raw = false, isBytes = false, unicode = false;
        while (i < text.size() && text[i] != '\'' && text[i] != '"') {
            const char p = static_cast<char>(text[i] | 0x20);
            if (p == 'r' && !raw && !unicode)
                raw = true;
            else if (p == 'b' && !isBytes && !unicode)
                isBytes = true;
            else if (p == 'u' && !raw && !isBytes && !unicode)
                unicode = true;
            else
                return std::nullopt; // f-strings and names are no literals
            ++i;
        }
        if (i == text.size())
            return std::nullopt;
        if (literals > 0 && isBytes != literal.isBytes)
            return std::nullopt; // cannot mix bytes and nonbytes literals
        literal.isBytes = isBytes;
        const char quote = text[i];
        const bool triple = i + 2 < text.size() && text[i + 1] == quote && text[i + 2] == quote;
        const qsizetype open = i + (triple ? 3 : 1);
        qsizetype close = -1;
        for (qsizetype j = open; j < text.size(); ++j) {
            if (text[j] == '\\') {
                ++j; // even a raw literal's backslash keeps the quote after it
                continue;
            }
            if (!triple && text[j] == '\n')
                return std::nullopt;
            if (text[j] == quote && (!triple || (j + 2 < text.size() && text[j + 1] == quote &&
                                                 text[j + 2] == quote))) {
                close = j;
                break;
            }
        }
        if (close < 0)
            return std::nullopt;
        if (!decodeLiteralBody(text.sliced(open, close - open), raw, isBytes, out, count))
            return std::nullopt;
        ++literals;
        i = close + (triple ? 3 : 1);
    }
    if (literals == 0)
        return std::nullopt;
    literal.bytes = SecureBytes(out.data(), count);
    return literal;
}

} // namespace sessionlens
