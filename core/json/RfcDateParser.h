#pragma once

#include <QString>

#include <optional>

namespace sessionlens {

/**
 * Werkzeug's parse_date, which Flask's " d" tag calls: Python's
 * email.utils.parsedate_to_datetime, step by step, with its leniency (RFC 850
 * and asctime dates, two-digit years, named and numeric zones, a day name
 * anywhere it is skipped) and its refusals (an impossible date, an offset of a
 * day or more), where werkzeug then gives None.
 */
class RfcDateParser
{
public:
    struct Parsed
    {
        qint64 secondsSinceEpoch = 0; ///< the instant, UTC
        qint32 utcOffset = 0;         ///< the tzinfo, seconds east of UTC (0: timezone.utc)
    };

    /// nullopt where parse_date returns None.
    [[nodiscard]] static std::optional<Parsed> parse(const QString &text);

    /// Python's int() of a str: surrounding white space, a sign, decimal digits of any script,
    /// single underscores between digits. Values beyond ±10^15 saturate (no date survives them).
    [[nodiscard]] static std::optional<qint64> pythonInt(QStringView text);
    /// str.split() with no argument: runs of Python white space separate, none are kept.
    [[nodiscard]] static QList<QStringView> pythonSplit(QStringView text);
    [[nodiscard]] static bool isPythonSpace(char32_t c);
    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
    [[nodiscard]] static qint64 daysFromCivil(qint64 year, int month, int day);
};

} // namespace sessionlens
