#include "json/FlaskTags.h"

#include "json/RfcDateParser.h"
#include "json/Utf8Validator.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace sessionlens {

namespace {
const QString kHttpDateFormat = QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'");

char32_t codePointAt(const QString &text, qsizetype &i)
{
    const char16_t unit = text.at(i).unicode();
    if (QChar::isHighSurrogate(unit) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        const char32_t cp = QChar::surrogateToUcs4(unit, text.at(i + 1).unicode());
        i += 2;
        return cp;
    }
    ++i;
    return unit; // lone surrogates compare by their own value, as in Python
}
} // namespace

QByteArray FlaskTags::httpDate(qint64 secondsSinceEpoch)
{
    const QDateTime time = QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, QTimeZone::utc());
    return QLocale::c().toString(time, kHttpDateFormat).toLatin1();
}

namespace {

int twoDigits(QByteArrayView s, qsizetype at)
{
    const auto digit = [&](qsizetype i) { return s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1; };
    const int tens = digit(at);
    const int ones = digit(at + 1);
    return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

// The exact form http_date writes, read without QDateTimeParser: that one calls mktime(), which
// stats /etc/localtime on every call, a system call per cookie in a batch audit.
std::optional<qint64> parseFixdate(QByteArrayView s)
{
    static constexpr char kDays[] = "ThuFriSatSunMonTueWed"; // 1970-01-01 was a Thursday
    static constexpr char kMonths[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    if (s.size() != 29 || s[3] != ',' || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' ||
        s[16] != ' ' || s[19] != ':' || s[22] != ':' || s[25] != ' ' || s.sliced(26) != "GMT")
        return std::nullopt;
    int month = 0;
    while (month < 12 && QByteArrayView(kMonths + 3 * month, 3) != s.sliced(8, 3))
        ++month;
    const int day = twoDigits(s, 5);
    const int century = twoDigits(s, 12);
    const int yearInCentury = twoDigits(s, 14);
    const int hour = twoDigits(s, 17);
    const int minute = twoDigits(s, 20);
    const int second = twoDigits(s, 23);
    if (month == 12 || day < 1 || century < 0 || yearInCentury < 0 || hour < 0 || hour > 23 ||
        minute < 0 || minute > 59 || second < 0 || second > 59)
        return std::nullopt;
    const int year = century * 100 + yearInCentury;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    static constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > kMonthDays[month] + (month == 1 && leap ? 1 : 0))
        return std::nullopt;
    const qint64 days = RfcDateParser::daysFromCivil(year, month + 1, day);
    const qint64 weekday = ((days % 7) + 7) % 7;
    if (QByteArrayView(kDays + 3 * weekday, 3) != s.first(3))
        return std::nullopt;
    return days * 86400 + hour * 3600 + minute * 60 + second;
}

} // namespace

std::optional<qint64> FlaskTags::parseHttpDate(QByteArrayView text)
{
    if (const auto fast = parseFixdate(text))
        return fast;
    // Anything else (a wrong weekday, one-digit fields, ...) is judged as before, by Qt.
    QDateTime time =
        QLocale::c().toDateTime(QString::fromLatin1(text.data(), text.size()), kHttpDateFormat);
    if (!time.isValid())
        return std::nullopt;
    time.setTimeZone(QTimeZone::utc());
    return time.toSecsSinceEpoch();
}

QByteArray FlaskTags::uuidHex(const QByteArray &bytes)
{
    return bytes.toHex();
}

QString FlaskTags::uuidText(const QByteArray &bytes)
{
    const QString hex = QString::fromLatin1(bytes.toHex());
    return hex.mid(0, 8) + u'-' + hex.mid(8, 4) + u'-' + hex.mid(12, 4) + u'-' + hex.mid(16, 4) +
           u'-' + hex.mid(20);
}

std::optional<QByteArray> FlaskTags::parseUuid(QByteArrayView text)
{
    // Not QString::fromUtf8, which drops a leading U+FEFF: Python keeps it, and int() then
    // refuses the text, so the audit's validator must not vouch for it either.
    return parseUuidText(Utf8Validator::decode(text));
}

std::optional<QByteArray> FlaskTags::parseUuidText(const QString &text)
{
    // uuid.UUID.__init__: hex.replace('urn:', '').replace('uuid:', ''), strip('{}'),
    // replace('-', ''), len 32, int(hex, 16) in [0, 2**128).
    QString hex = text;
    hex.replace(QLatin1String("urn:"), QString()).replace(QLatin1String("uuid:"), QString());
    qsizetype begin = 0, end = hex.size();
    while (begin < end && (hex.at(begin) == u'{' || hex.at(begin) == u'}'))
        ++begin;
    while (end > begin && (hex.at(end - 1) == u'{' || hex.at(end - 1) == u'}'))
        --end;
    hex = hex.mid(begin, end - begin);
    hex.remove(u'-');
    if (hex.size() != 32 || hex.toUcs4().size() != 32)
        return std::nullopt;
    // int(hex, 16): white space around, one sign, an optional 0x, single underscores between
    // digits (and one right after the prefix).
    qsizetype i = 0, stop = hex.size();
    while (i < stop && hex.at(i).isSpace())
        ++i;
    while (stop > i && hex.at(stop - 1).isSpace())
        --stop;
    bool negative = false;
    if (i < stop && (hex.at(i) == u'+' || hex.at(i) == u'-'))
        negative = hex.at(i++) == u'-';
    bool digitBefore = false;
    if (stop - i >= 2 && hex.at(i) == u'0' && (hex.at(i + 1) == u'x' || hex.at(i + 1) == u'X')) {
        i += 2;
        digitBefore = true; // int('0x_1', 16) is 1
    }
    QByteArray digits;
    for (; i < stop; ++i) {
        const QChar c = hex.at(i);
        if (c == u'_') {
            if (!digitBefore || i + 1 == stop || hex.at(i + 1) == u'_')
                return std::nullopt;
            digitBefore = false;
            continue;
        }
        int value = -1;
        if (c.isDigit())
            value = c.digitValue();
        else if (c >= u'a' && c <= u'f')
            value = c.unicode() - u'a' + 10;
        else if (c >= u'A' && c <= u'F')
            value = c.unicode() - u'A' + 10;
        if (value < 0)
            return std::nullopt;
        digits.append("0123456789abcdef"[value]);
        digitBefore = true;
    }
    if (digits.isEmpty() || !digitBefore)
        return std::nullopt;
    while (digits.size() > 1 && digits.startsWith('0'))
        digits.remove(0, 1);
    if (negative && digits != "0")
        return std::nullopt;
    if (digits.size() > 32)
        return std::nullopt;
    return QByteArray::fromHex(QByteArray(32 - digits.size(), '0') + digits);
}

namespace {

QString utcOffsetText(qint32 offset)
{
    const qint32 magnitude = offset < 0 ? -offset : offset;
    QString out = QStringLiteral("%1%2:%3")
                      .arg(QChar(offset < 0 ? u'-' : u'+'))
                      .arg(magnitude / 3600, 2, 10, QChar(u'0'))
                      .arg(magnitude / 60 % 60, 2, 10, QChar(u'0'));
    if (magnitude % 60)
        out += QStringLiteral(":%1").arg(magnitude % 60, 2, 10, QChar(u'0'));
    return out;
}

} // namespace

QString FlaskTags::dateTimeStr(qint64 secondsSinceEpoch, qint32 utcOffset)
{
    const QDateTime time =
        QDateTime::fromSecsSinceEpoch(secondsSinceEpoch + utcOffset, QTimeZone::utc());
    return QLocale::c().toString(time, QStringLiteral("yyyy-MM-dd hh:mm:ss")) +
           utcOffsetText(utcOffset);
}

QString FlaskTags::dateTimeRepr(qint64 secondsSinceEpoch, qint32 utcOffset)
{
    const QDateTime time =
        QDateTime::fromSecsSinceEpoch(secondsSinceEpoch + utcOffset, QTimeZone::utc());
    const QDate d = time.date();
    const QTime t = time.time();
    QString out = QStringLiteral("datetime.datetime(%1, %2, %3, %4, %5")
                      .arg(d.year())
                      .arg(d.month())
                      .arg(d.day())
                      .arg(t.hour())
                      .arg(t.minute());
    if (t.second() != 0)
        out += QStringLiteral(", %1").arg(t.second());
    if (utcOffset == 0)
        return out + QStringLiteral(", tzinfo=datetime.timezone.utc)");
    // repr(timedelta) normalises a negative offset to days=-1 and positive seconds.
    const QString delta =
        utcOffset > 0
            ? QStringLiteral("datetime.timedelta(seconds=%1)").arg(utcOffset)
            : QStringLiteral("datetime.timedelta(days=-1, seconds=%1)").arg(86400 + utcOffset);
    return out + QStringLiteral(", tzinfo=datetime.timezone(%1))").arg(delta);
}

bool FlaskTags::isTagKey(const QString &key)
{
    return key == QLatin1String(" di") || key == QLatin1String(" d") ||
           key == QLatin1String(" t") || key == QLatin1String(" b") || key == QLatin1String(" m") ||
           key == QLatin1String(" u");
}

bool FlaskTags::codePointLess(const QString &a, const QString &b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const char32_t x = codePointAt(a, i);
        const char32_t y = codePointAt(b, j);
        if (x != y)
            return x < y;
    }
    return i >= a.size() && j < b.size();
}

} // namespace sessionlens
