#pragma once

#include "formats/FlaskSignedCodec.h"

#include <QString>

namespace sessionlens {

/**
 * Times and durations as a person reads them, in the user's language, so that
 * the window and the command line say "signed 2026-11-27 02:14:10 UTC, 3 days
 * ago" alike.
 */
class TimeText
{
public:
    /// "42 seconds", "5 minutes", "3 hours", "31 days" (the largest unit that keeps a
    /// number above 1); negative durations read "in the future by ...".
    [[nodiscard]] static QString duration(qint64 seconds);
    /// How long ago something happened: "3 days ago", or "in the future by 60 minutes" for a
    /// negative age (never both).
    [[nodiscard]] static QString age(qint64 seconds);
    /// When a signed cookie was signed: "yyyy-MM-dd HH:mm:ss UTC", or "after the year 9999"
    /// when its timestamp lies beyond any date.
    [[nodiscard]] static QString signedAt(const FlaskSignedCodec::Parts &parts);
};

} // namespace sessionlens
