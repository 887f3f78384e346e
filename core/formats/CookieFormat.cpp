#include "formats/CookieFormat.h"

namespace sessionlens {

CookieFormat::~CookieFormat() = default;

void CookieFormat::judgeAge(OpenedCookie &, const OpenOptions &, qint64) const {}

PythonJsonReader::Options CookieFormat::readerOptions() const
{
    PythonJsonReader::Options options;
    options.dialect = readerDialect();
    return options;
}

} // namespace sessionlens
