#include "text/TimeText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <climits>

namespace sessionlens {

namespace {
QString translated(const char *text, int n = -1)
{
    return QCoreApplication::translate("sessionlens::TimeText", text, nullptr, n);
}
} // namespace

QString TimeText::duration(qint64 seconds)
{
    // The magnitude of INT64_MIN does not fit; no real age comes near it.
    const qint64 magnitude = seconds < 0 ? (seconds == INT64_MIN ? INT64_MAX : -seconds) : seconds;
    QString text;
    if (magnitude < 120)
        text = translated(QT_TRANSLATE_N_NOOP("sessionlens::TimeText", "%n second(s)"),
                          int(magnitude));
    else if (magnitude < 7200)
        text = translated(QT_TRANSLATE_N_NOOP("sessionlens::TimeText", "%n minute(s)"),
                          int(magnitude / 60));
    else if (magnitude < 172800)
        text = translated(QT_TRANSLATE_N_NOOP("sessionlens::TimeText", "%n hour(s)"),
                          int(magnitude / 3600));
    else
        text = translated(QT_TRANSLATE_N_NOOP("sessionlens::TimeText", "%n day(s)"),
                          int(std::min<qint64>(magnitude / 86400, INT_MAX)));
    return seconds < 0
               ? translated(QT_TRANSLATE_NOOP("sessionlens::TimeText", "in the future by %1"))
                     .arg(text)
               : text;
}

QString TimeText::age(qint64 seconds)
{
    if (seconds < 0)
        return duration(seconds);
    return translated(QT_TRANSLATE_NOOP("sessionlens::TimeText", "%1 ago")).arg(duration(seconds));
}

QString TimeText::signedAt(const FlaskSignedCodec::Parts &parts)
{
    if (parts.timestampOutOfRange)
        return translated(QT_TRANSLATE_NOOP("sessionlens::TimeText", "after the year 9999"));
    return QDateTime::fromSecsSinceEpoch(parts.timestamp, QTimeZone::utc())
               .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
           QStringLiteral(" UTC");
}

} // namespace sessionlens
