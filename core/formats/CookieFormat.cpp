#include "formats/CookieFormat.h"

#include "formats/OpenedCookie.h"

#include <QCoreApplication>

namespace sessionlens {

CookieFormat::~CookieFormat() = default;

void CookieFormat::judgeAge(OpenedCookie &, const OpenOptions &, qint64) const {}

PythonJsonReader::Options CookieFormat::readerOptions() const
{
    PythonJsonReader::Options options;
    options.dialect = readerDialect();
    return options;
}

std::optional<qint64> CookieFormat::signedAt(const OpenedCookie &opened) const
{
    if (!(sealOptions() & SignsWithTimestamp))
        return std::nullopt;
    const auto *signature = opened.detailsAs<FlaskSignedCodec::Decoded>();
    if (!signature || signature->parts.timestampText.isEmpty())
        return std::nullopt;
    return signature->parts.timestamp;
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
