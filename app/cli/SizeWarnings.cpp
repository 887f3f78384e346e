#include "SizeWarnings.h"

#include "report/SizeVerdict.h"

namespace sessionlens::cli {

void SizeWarnings::print(CliIo &io, const SizeReport &report)
{
    switch (SizeVerdict::judge(report)) {
    case SizeVerdict::Kind::OverBrowsers:
        io.err() << tr("warning: the cookie is %1 bytes over the browsers' %2-byte limit: browsers "
                       "drop it")
                        .arg(-report.browserHeadroom)
                        .arg(SizeReport::kBrowserMaxCookieSize)
                 << Qt::endl;
        break;
    case SizeVerdict::Kind::OverWerkzeug:
        io.err() << tr("warning: the Set-Cookie header is %1 bytes over Werkzeug's %2-byte limit: "
                       "the server warns")
                        .arg(-report.werkzeugHeadroom)
                        .arg(SizeReport::kWerkzeugMaxCookieSize)
                 << Qt::endl;
        break;
    case SizeVerdict::Kind::NearLimit:
        io.err() << tr("note: the Set-Cookie header is %1 bytes short of Werkzeug's %2-byte limit")
                        .arg(report.werkzeugHeadroom)
                        .arg(SizeReport::kWerkzeugMaxCookieSize)
                 << Qt::endl;
        break;
    case SizeVerdict::Kind::Fine:
        break;
    }
}

} // namespace sessionlens::cli
