#include "document/SessionSealer.h"

#include "formats/FormatRegistry.h"

#include <QCoreApplication>

namespace sessionlens {

SessionSealer::Sealed SessionSealer::seal(const SessionValue &session, const SecureBytes &key,
                                          const Options &options)
{
    const CookieFormat *format =
        options.format ? options.format : FormatRegistry::builtIn().fallback();
    SealedCookie sealed;
    format->seal(session, key, options, sealed);
    return Sealed{std::move(sealed.cookie), std::move(sealed.error),
                  SizeReport(std::move(sealed.size), options.cookieName), std::move(sealed.json)};
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
