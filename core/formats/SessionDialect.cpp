#include "formats/SessionDialect.h"
#include "formats/CookieFormat.h"
#include "json/JsonMemberList.h"
#include "json/PythonJsonValidator.h"

#include <QCoreApplication>

namespace sessionlens {

std::optional<Error> SessionDialect::checkIsSession(const SessionValue &value)
{
    if (value.type() == SessionValue::Type::Dict)
        return std::nullopt;
    return Error::make(ErrorCategory::Json,
                       QCoreApplication::translate("sessionlens::Error",
                                                   "a session is a JSON object { ... }, not %1")
                           .arg(SessionValue::typeName(value.type())));
}

std::optional<Error> SessionDialect::checkSession(const QByteArray &json,
                                                  const PythonJsonReader::Options &options,
                                                  QStringList *warnings)
{
    if (PythonJsonValidator::readsAsSession(json, options)) {
        if (options.topMembers)
            options.topMembers->bind(json);
        return std::nullopt;
    }
    if (options.topMembers)
        options.topMembers->clear();
    auto session = PythonJsonReader::read(json, options, warnings);
    if (!session)
        return session.error();
    return checkIsSession(*session);
}

Result<SessionValue> SessionDialect::readSession(QByteArrayView json, const CookieFormat &format,
                                                 QStringList *warnings)
{
    auto session = PythonJsonReader::read(json, format.readerOptions(), warnings);
    if (!session)
        return session.error();
    if (auto error = checkIsSession(*session))
        return *error;
    return session;
}

} // namespace sessionlens
