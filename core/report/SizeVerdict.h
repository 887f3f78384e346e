#pragma once

#include <QtGlobal>

namespace sessionlens {

class SizeReport;

/**
 * Whether a cookie's size is fine, close to a limit or over one: one rule for the window's
 * size panel and the command line's warnings.
 */
class SizeVerdict
{
public:
    enum class Kind
    {
        Fine,
        /// Less than kNearLimitHeadroom bytes below Werkzeug's limit: a few more bytes of
        /// session and Flask starts to warn.
        NearLimit,
        OverWerkzeug, ///< Flask warns when it sets the cookie
        OverBrowsers, ///< browsers drop the cookie
    };

    /// Headroom (to Werkzeug's limit) below which a cookie is near the limit.
    static constexpr qsizetype kNearLimitHeadroom = 400;

    [[nodiscard]] static Kind judge(qsizetype werkzeugHeadroom, qsizetype browserHeadroom);
    [[nodiscard]] static Kind judge(const SizeReport &report);
};

} // namespace sessionlens
