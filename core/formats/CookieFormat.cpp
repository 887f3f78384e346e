#include "formats/CookieFormat.h"

namespace sessionlens {

CookieFormat::~CookieFormat() = default;

PythonJsonReader::Options CookieFormat::readerOptions() const
{
    PythonJsonReader::Options options;
    options.dialect = readerDialect();
    return options;
}

} // namespace sessionlens
