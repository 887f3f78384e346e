#include "formats/FormatDetector.h"

namespace sessionlens {

FormatDetector::Format FormatDetector::detect(QByteArrayView value)
{
    const qsizetype dots = value.count('.');
    bool urlSafeOnly = true;
    bool standardChars = false;
    for (const char c : value) {
        if (c == '+' || c == '/' || c == '=')
            standardChars = true;
        if (!(c == '-' || c == '_' || c == '.' || (c >= '0' && c <= '9') ||
              (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            urlSafeOnly = false;
    }
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
