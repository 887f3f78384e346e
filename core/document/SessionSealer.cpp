#include "document/SessionSealer.h"

#include "formats/CookieText.h"
#include "formats/FormatRegistry.h"

#include <QCoreApplication>

namespace sessionlens {

std::optional<Error> SessionSealer::overInputLimit(qsizetype cookieBytes)
{
    if (cookieBytes <= CookieText::kMaxInputSize)
        return std::nullopt;
    return Error::make(ErrorCategory::Limit,
                       QCoreApplication::translate(
                           "sessionlens::Error",
                           "the cookie would be %1 bytes, more than the %2 bytes SessionLens opens")
                           .arg(cookieBytes)
                           .arg(CookieText::kMaxInputSize));
}

SessionSealer::Sealed SessionSealer::seal(const SessionValue &session, const SecureBytes &key,
                                          const Options &options)
{
    Sealed out;
    const CookieFormat *format =
        options.format ? options.format : FormatRegistry::builtIn().fallback();
    format->seal(session, key, options, out);
    return out;
}

std::optional<EncryptedSessionCodec::Compression>
SessionSealer::compressionFromName(const QString &name)
{
    if (name.isEmpty() || name == QLatin1String("auto"))
        return EncryptedSessionCodec::Compression::Auto;
    if (name == QLatin1String("always"))
        return EncryptedSessionCodec::Compression::Always;
    if (name == QLatin1String("never"))
        return EncryptedSessionCodec::Compression::Never;
    return std::nullopt;
}

} // namespace sessionlens
