#include "formats/FormatDetector.h"

#include <array>

namespace sessionlens {

namespace {

// One table lookup a character instead of a chain of comparisons: detect() runs once per cookie
// in a batch, where the branchy loop cost as much as a tenth of the audit.
enum CharClass : unsigned char
{
    NotUrlSafe = 1,   ///< outside [-_.0-9a-zA-Z]
    StandardOnly = 2, ///< '+', '/' or '=': standard base64
};

constexpr std::array<unsigned char, 256> makeClasses()
{
    std::array<unsigned char, 256> classes{};
    for (int c = 0; c < 256; ++c) {
        const bool urlSafe = c == '-' || c == '_' || c == '.' || (c >= '0' && c <= '9') ||
                             (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        classes[std::size_t(c)] = static_cast<unsigned char>(
            (urlSafe ? 0 : NotUrlSafe) | ((c == '+' || c == '/' || c == '=') ? StandardOnly : 0));
    }
    return classes;
}

constexpr std::array<unsigned char, 256> kClasses = makeClasses();

} // namespace

FormatDetector::Format FormatDetector::detect(QByteArrayView value)
{
    qsizetype dots = 0;
    unsigned char seen = 0;
    for (const char c : value) {
        seen |= kClasses[static_cast<unsigned char>(c)];
        dots += c == '.';
    }
    const bool urlSafeOnly = !(seen & NotUrlSafe);
    const bool standardChars = seen & StandardOnly;
    const qsizetype firstDot = value.indexOf('.');
    // EncryptedSession: a short flag, then three standard-base64 fields (tag and nonce padded).
    if (dots == 3 && firstDot > 0 && firstDot <= 2 && (standardChars || value.endsWith("==")))
        return Format::EncryptedSession;
    if (urlSafeOnly && ((dots == 2 && firstDot > 0) || (dots == 3 && value.startsWith('.'))))
        return Format::FlaskSigned;
    if (dots == 3 && firstDot > 0 && firstDot <= 2)
        return Format::EncryptedSession;
    // A cut or damaged signed cookie still shows its shape: a JSON payload ("eyJ" is '{"') or a
    // zlib one (".eJ"), so its own format's step can say what is missing.
    if (urlSafeOnly && (value.startsWith("eyJ") || value.startsWith(".eJ")))
        return Format::FlaskSigned;
    return Format::Unknown;
}

QString FormatDetector::name(Format format)
{
    switch (format) {
    case Format::EncryptedSession:
        return QStringLiteral("EncryptedSession");
    case Format::FlaskSigned:
        return QStringLiteral("Flask signed session");
    case Format::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace sessionlens
