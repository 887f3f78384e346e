#include "report/SizeVerdict.h"

#include "report/SizeReport.h"

namespace sessionlens {

SizeVerdict::Kind SizeVerdict::judge(qsizetype werkzeugHeadroom, qsizetype browserHeadroom)
{
    // The worst first: a cookie browsers drop is also one Werkzeug warns about.
    if (browserHeadroom < 0)
        return Kind::OverBrowsers;
    if (werkzeugHeadroom < 0)
        return Kind::OverWerkzeug;
    if (werkzeugHeadroom < kNearLimitHeadroom)
        return Kind::NearLimit;
    return Kind::Fine;
}

SizeVerdict::Kind SizeVerdict::judge(const SizeReport &report)
{
    return judge(report.werkzeugHeadroom, report.browserHeadroom);
}

} // namespace sessionlens
