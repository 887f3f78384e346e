#include "formats/KeyNeed.h"

#include "formats/FormatRegistry.h"
#include "keys/KeyRing.h"

#include <QCoreApplication>

namespace sessionlens {

std::optional<SessionKey::Kind> KeyNeed::toSeal(CookieFormat::KeyKind needed)
{
    switch (needed) {
    case CookieFormat::KeyKind::AesKey:
        return SessionKey::Kind::AesKey;
    case CookieFormat::KeyKind::Secret:
        return SessionKey::Kind::SigningSecret;
    case CookieFormat::KeyKind::None:
        break;
    }
    return std::nullopt;
}

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

Result<QStringList> KeyNeed::formatsFor(SessionKey::Kind kind, const QString &list,
                                        const FormatRegistry &formats)
{
    QStringList ids;
    for (const QString &part : list.split(u',')) {
        const QString id = part.trimmed();
        if (id.isEmpty())
            continue;
        const CookieFormat *format = formats.find(id);
        if (!format)
            return Error::make(ErrorCategory::Key,
                               QCoreApplication::translate("sessionlens::Error",
                                                           "no format is called \"%1\" (known: %2)")
                                   .arg(id, formats.ids().join(QStringLiteral(", "))));
        if (toSeal(*format) != kind)
            return Error::make(
                ErrorCategory::Key,
                QCoreApplication::translate("sessionlens::Error",
                                            "%1 cookies are not made with this kind of key (%2)")
                    .arg(format->displayName(), kindName(kind)));
        if (!ids.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty())
        return Error::make(ErrorCategory::Key,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "name at least one format for the key"));
    return ids;
}

QString KeyNeed::kindName(SessionKey::Kind kind)
{
    return kind == SessionKey::Kind::AesKey
               ? QCoreApplication::translate("sessionlens::Note", "AES key")
               : QCoreApplication::translate("sessionlens::Note", "Flask secret");
}

} // namespace sessionlens
