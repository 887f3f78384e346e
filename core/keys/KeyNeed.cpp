#include "KeyNeed.h"

#include "keys/KeyRing.h"

#include <QCoreApplication>

namespace sessionlens {

std::optional<SessionKey::Kind> KeyNeed::toOpen(const CookieFormat &format)
{
    if (format.keyKind() != CookieFormat::KeyKind::AesKey)
        return std::nullopt;
    return SessionKey::Kind::AesKey;
}

std::optional<Error> KeyNeed::missingToOpen(const CookieFormat &format, const KeyRing &ring)
{
    const auto needed = toOpen(format);
    if (!needed)
        return std::nullopt;
    for (qsizetype i = 0; i < ring.size(); ++i) {
        if (ring.at(i).kind() == *needed)
            return std::nullopt;
    }
    return Error::make(
        ErrorCategory::Key,
        QCoreApplication::translate(
            "sessionlens::Error",
            "an EncryptedSession cookie needs an AES key to open, and none was given"));
}

QString KeyNeed::kindName(SessionKey::Kind kind)
{
    return kind == SessionKey::Kind::AesKey
               ? QCoreApplication::translate("sessionlens::Note", "AES key")
               : QCoreApplication::translate("sessionlens::Note", "Flask secret");
}

} // namespace sessionlens
