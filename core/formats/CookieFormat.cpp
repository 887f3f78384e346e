#include "formats/CookieFormat.h"

#include <QCoreApplication>

namespace sessionlens {

CookieFormat::~CookieFormat() = default;

PythonJsonReader::Options CookieFormat::readerOptions() const
{
    PythonJsonReader::Options options;
    options.dialect = readerDialect();
    return options;
}

Result<std::unique_ptr<SecretCheck>> CookieFormat::prepareSecretCheck(QByteArrayView,
                                                                      const OpenOptions &) const
{
    return Error::make(ErrorCategory::Key,
                       QCoreApplication::translate("sessionlens::Error",
                                                   "%1 cookies have no signing secret to guess")
                           .arg(displayName()));
}

} // namespace sessionlens
