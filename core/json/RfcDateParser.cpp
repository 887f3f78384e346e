#include "json/RfcDateParser.h"

#include <QList>

#include <array>

namespace sessionlens {

namespace {

constexpr qint64 kSaturation = 1'000'000'000'000'000LL;

const std::array<const char *, 24> kMonthNames = {
    "jan", "feb",  "mar",  "apr",    "may",       "jun",      "jul",      "aug",
    "sep", "oct",  "nov",  "dec",    "january",   "february", "march",    "april",
    "may", "june", "july", "august", "september", "october",  "november", "december"};
const std::array<const char *, 7> kDayNames = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

struct Zone
{
    const char *name;
    int offset; // as _parseaddr writes it: -500 is five hours west
};
const std::array<Zone, 14> kZones = {{{"UT", 0},
                                      {"UTC", 0},
                                      {"GMT", 0},
                                      {"Z", 0},
                                      {"AST", -400},
                                      {"ADT", -300},
                                      {"EST", -500},
                                      {"EDT", -400},
                                      {"CST", -600},
                                      {"CDT", -500},
                                      {"MST", -700},
                                      {"MDT", -600},
                                      {"PST", -800},
                                      {"PDT", -700}}};

int monthIndex(const QString &lower)
{
    for (std::size_t i = 0; i < kMonthNames.size(); ++i) {
        if (lower == QLatin1String(kMonthNames[i]))
            return int(i);
    }
    return -1;
}

bool isDayName(const QString &lower)
{
    for (const char *day : kDayNames) {
        if (lower == QLatin1String(day))
            return true;
    }
    return false;
}

// str.isdigit(): decimal digits and digits such as superscripts.
bool pythonIsDigit(QChar c)
{
    return c.digitValue() >= 0;
}

int daysInMonth(qint64 year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

} // namespace

qint64 RfcDateParser::daysFromCivil(qint64 year, int month, int day)
{
    // Howard Hinnant's days_from_civil.
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

bool RfcDateParser::isPythonSpace(char32_t c)
{
    return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 ||
           (c > 0x7f && QChar::isSpace(c));
}

QList<QStringView> RfcDateParser::pythonSplit(QStringView text)
{
    QList<QStringView> parts;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && isPythonSpace(text.at(i).unicode()))
            ++i;
        const qsizetype start = i;
        while (i < text.size() && !isPythonSpace(text.at(i).unicode()))
            ++i;
        if (i > start)
            parts.append(text.sliced(start, i - start));
    }
    return parts;
}

std::optional<qint64> RfcDateParser::pythonInt(QStringView text)
{
    qsizetype i = 0;
    qsizetype end = text.size();
    while (i < end && isPythonSpace(text.at(i).unicode()))
        ++i;
    while (end > i && isPythonSpace(text.at(end - 1).unicode()))
        --end;
    bool negative = false;
    if (i < end && (text.at(i) == u'+' || text.at(i) == u'-'))
        negative = text.at(i++) == u'-';
    qint64 value = 0;
    bool digitBefore = false;
    if (i == end)
        return std::nullopt;
    for (; i < end; ++i) {
        const QChar c = text.at(i);
        if (c == u'_') {
            if (!digitBefore || i + 1 == end || !text.at(i + 1).isDigit())
                return std::nullopt;
            continue;
        }
        if (!c.isDigit()) // Unicode category Nd, as int() reads
            return std::nullopt;
        value = std::min(kSaturation, value * 10 + c.digitValue());
        digitBefore = true;
    }
    return negative ? -value : value;
}

std::optional<RfcDateParser::Parsed> RfcDateParser::parse(const QString &text)
{
    // email._parseaddr._parsedate_tz, line by line.
    QList<QString> data;
    for (const QStringView part : pythonSplit(text))
        data.append(part.toString());
    if (data.isEmpty())
        return std::nullopt;
    if (data[0].endsWith(u',') || isDayName(data[0].toLower())) {
        data.removeFirst();
    } else {
        const qsizetype comma = data[0].lastIndexOf(u',');
        if (comma >= 0)
            data[0] = data[0].mid(comma + 1);
    }
    if (data.size() == 3) { // RFC 850 date, deprecated
        const QStringList stuff = data[0].split(u'-');
        if (stuff.size() == 3)
            data = stuff + data.mid(1);
    }
    if (data.size() == 4) {
        const QString s = data[3];
        qsizetype sign = s.indexOf(u'+');
        if (sign == -1)
            sign = s.indexOf(u'-');
        if (sign > 0) {
            data[3] = s.left(sign);
            data.append(s.mid(sign));
        } else {
            data.append(QString()); // dummy zone
        }
    }
    if (data.size() < 5)
        return std::nullopt;
    QString dd = data[0], mm = data[1], yy = data[2], tm = data[3], tz = data[4];
    if (dd.isEmpty() || mm.isEmpty() || yy.isEmpty())
        return std::nullopt;
    mm = mm.toLower();
    int month = monthIndex(mm);
    if (month < 0) {
        std::swap(dd, mm);
        mm = mm.toLower();
        month = monthIndex(mm);
        if (month < 0)
            return std::nullopt;
    }
    month = month % 12 + 1;
    if (dd.endsWith(u','))
        dd.chop(1);
    if (yy.indexOf(u':') > 0)
        std::swap(yy, tm);
    if (yy.endsWith(u',')) {
        yy.chop(1);
        if (yy.isEmpty())
            return std::nullopt;
    }
    if (yy.isEmpty() || !pythonIsDigit(yy.at(0)))
        std::swap(yy, tz);
    if (tm.endsWith(u','))
        tm.chop(1);
    QStringList clock = tm.split(u':');
    QString hh, mi, ss = QStringLiteral("0");
    if (clock.size() == 2 || clock.size() == 3) {
        hh = clock[0];
        mi = clock[1];
        if (clock.size() == 3)
            ss = clock[2];
    } else if (clock.size() == 1 && tm.contains(u'.')) {
        clock = tm.split(u'.');
        if (clock.size() != 2 && clock.size() != 3)
            return std::nullopt;
        hh = clock[0];
        mi = clock[1];
        if (clock.size() == 3)
            ss = clock[2];
    } else {
        return std::nullopt;
    }
    const auto year = pythonInt(yy);
    const auto day = pythonInt(dd);
    const auto hour = pythonInt(hh);
    const auto minute = pythonInt(mi);
    const auto second = pythonInt(ss);
    if (!year || !day || !hour || !minute || !second)
        return std::nullopt;
    qint64 fullYear = *year;
    if (fullYear < 100)
        fullYear += fullYear > 68 ? 1900 : 2000;
    std::optional<qint64> offset;
    tz = tz.toUpper();
    bool named = false;
    for (const Zone &zone : kZones) {
        if (tz == QLatin1String(zone.name)) {
            offset = zone.offset;
            named = true;
            break;
        }
    }
    if (!named) {
        offset = pythonInt(tz);
        if (offset && *offset == 0 && tz.startsWith(u'-'))
            offset.reset(); // -0000: UTC without a claim about the source zone
    }
    qint64 offsetSeconds = 0;
    if (offset && *offset != 0) {
        const qint64 magnitude = *offset < 0 ? -*offset : *offset;
        offsetSeconds =
            (*offset < 0 ? -1 : 1) * ((magnitude / 100) * 3600 + (magnitude % 100) * 60);
    }
    // datetime(...) and timezone(timedelta(seconds=...)) refuse these; parse_date gives None.
    if (fullYear < 1 || fullYear > 9999 || *day < 1 || *day > daysInMonth(fullYear, month) ||
        *hour < 0 || *hour > 23 || *minute < 0 || *minute > 59 || *second < 0 || *second > 59 ||
        offsetSeconds <= -86400 || offsetSeconds >= 86400)
        return std::nullopt;
    const qint64 local =
        daysFromCivil(fullYear, month, int(*day)) * 86400 + *hour * 3600 + *minute * 60 + *second;
    return Parsed{local - offsetSeconds, qint32(offsetSeconds)};
}

} // namespace sessionlens
