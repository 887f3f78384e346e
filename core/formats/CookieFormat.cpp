#include "formats/CookieFormat.h"

#include "formats/OpenedCookie.h"

namespace sessionlens {

CookieFormat::~CookieFormat() = default;

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

} // namespace sessionlens
