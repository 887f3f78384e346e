#include "SizeWarnings.h"

namespace sessionlens::cli {

void SizeWarnings::print(CliIo &io, const SizeReport &report)
{
    if (report.browserHeadroom < 0)
        io.err() << tr("warning: the cookie is %1 bytes over the browsers' %2-byte limit: browsers "
                       "drop it")
                        .arg(-report.browserHeadroom)
                        .arg(SizeReport::kBrowserMaxCookieSize)
                 << Qt::endl;
    else if (report.werkzeugHeadroom < 0)
        io.err() << tr("warning: the Set-Cookie header is %1 bytes over Werkzeug's %2-byte limit: "
                       "the server warns")
                        .arg(-report.werkzeugHeadroom)
                        .arg(SizeReport::kWerkzeugMaxCookieSize)
                 << Qt::endl;
}

} // namespace sessionlens::cli
