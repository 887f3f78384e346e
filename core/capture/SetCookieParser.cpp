#include "capture/SetCookieParser.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace sessionlens {

namespace {

QByteArrayView trimmed(QByteArrayView text)
{
    return text.trimmed();
}

QByteArray unquoted(QByteArrayView value)
{
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.sliced(1, value.size() - 2);
    return value.toByteArray();
}

Error tooLong(qsizetype size)
{
    return Error::make(
        ErrorCategory::Limit,
        QCoreApplication::translate("sessionlens::Error",
                                    "a cookie header of %1 bytes is over the %2-byte limit")
            .arg(size)
            .arg(SetCookieParser::kMaxHeaderBytes));
}

int monthIndex(QByteArrayView token)
{
    static const char *const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
    if (token.size() < 3)
        return -1;
    const QByteArray lower = token.first(3).toByteArray().toLower();
    for (int i = 0; i < 12; ++i) {
        if (lower == kMonths[i])
            return i + 1;
    }
    return -1;
}

bool isDelimiter(char c)
{
    // RFC 6265 5.1.1 delimiter: %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E
    const auto u = static_cast<unsigned char>(c);
    return u == 0x09 || (u >= 0x20 && u <= 0x2f) || (u >= 0x3b && u <= 0x40) ||
           (u >= 0x5b && u <= 0x60) || (u >= 0x7b && u <= 0x7e);
}

} // namespace

bool SetCookieParser::SetCookie::deletes(const QDateTime &now) const
{
    if (maxAge)
        return *maxAge <= 0;
    return expires && *expires <= now;
}

std::optional<QDateTime> SetCookieParser::parseCookieDate(QByteArrayView text)
{
    // Tokens between delimiters: the first time, day of month, month and year found win.
    int hour = -1, minute = -1, second = -1, day = -1, month = -1, year = -1;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && isDelimiter(text[i]))
            ++i;
        const qsizetype start = i;
        while (i < text.size() && !isDelimiter(text[i]))
            ++i;
        const QByteArrayView token = text.sliced(start, i - start);
        if (token.isEmpty())
            continue;
        if (hour < 0) {
            const QList<QByteArray> parts = token.toByteArray().split(':');
            bool ok1 = false, ok2 = false, ok3 = false;
            if (parts.size() == 3) {
                const int h = parts[0].toInt(&ok1), m = parts[1].toInt(&ok2),
                          s = parts[2].toInt(&ok3);
                if (ok1 && ok2 && ok3 && parts[0].size() <= 2 && parts[1].size() <= 2 &&
                    parts[2].size() <= 2) {
                    hour = h;
                    minute = m;
                    second = s;
                    continue;
                }
            }
        }
        bool numeric = false;
        const int number = token.toByteArray().toInt(&numeric);
        if (day < 0 && numeric && token.size() <= 2) {
            day = number;
            continue;
        }
        if (month < 0 && monthIndex(token) > 0) {
            month = monthIndex(token);
            continue;
        }
        if (year < 0 && numeric && token.size() >= 2 && token.size() <= 4) {
            year = number;
            continue;
        }
    }
    if (year >= 70 && year <= 99)
        year += 1900;
    else if (year >= 0 && year <= 69)
        year += 2000;
    if (day < 1 || day > 31 || month < 1 || year < 1601 || hour < 0 || hour > 23 || minute < 0 ||
        minute > 59 || second < 0 || second > 59)
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    return QDateTime(date, QTime(hour, minute, second), QTimeZone::utc());
}

Result<SetCookieParser::SetCookie> SetCookieParser::parseSetCookie(QByteArrayView header)
{
    if (header.size() > kMaxHeaderBytes)
        return tooLong(header.size());
    const qsizetype semicolon = header.indexOf(';');
    const QByteArrayView pair = semicolon < 0 ? header : header.first(semicolon);
    const qsizetype equals = pair.indexOf('=');
    if (equals < 0)
        return Error::make(
            ErrorCategory::Format,
            QCoreApplication::translate("sessionlens::Error",
                                        "the Set-Cookie value has no name=value pair"));
    SetCookie cookie;
    cookie.name = trimmed(pair.first(equals)).toByteArray();
    cookie.value = unquoted(trimmed(pair.sliced(equals + 1)));
    if (cookie.name.isEmpty())
        return Error::make(ErrorCategory::Format,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "the Set-Cookie value has an empty name"));
    QByteArrayView rest = semicolon < 0 ? QByteArrayView() : header.sliced(semicolon + 1);
    while (!rest.isEmpty()) {
        const qsizetype next = rest.indexOf(';');
        const QByteArrayView attribute = next < 0 ? rest : rest.first(next);
        rest = next < 0 ? QByteArrayView() : rest.sliced(next + 1);
        const qsizetype eq = attribute.indexOf('=');
        const QByteArray name =
            trimmed(eq < 0 ? attribute : attribute.first(eq)).toByteArray().toLower();
        const QByteArrayView value = trimmed(eq < 0 ? QByteArrayView() : attribute.sliced(eq + 1));
        if (name == "expires") {
            if (auto date = parseCookieDate(value))
                cookie.expires = date;
        } else if (name == "max-age") {
            bool ok = false;
            const qint64 seconds = value.toByteArray().toLongLong(&ok);
            if (ok && !value.isEmpty() &&
                (value.front() == '-' || (value.front() >= '0' && value.front() <= '9')))
                cookie.maxAge = seconds;
        } else if (name == "domain") {
            QByteArrayView domain = value;
            if (domain.startsWith('.'))
                domain = domain.sliced(1);
            cookie.domain = QString::fromLatin1(domain).toLower();
        } else if (name == "path") {
            cookie.path = value.startsWith('/') ? QString::fromLatin1(value) : QString();
        } else if (name == "secure") {
            cookie.secure = true;
        } else if (name == "httponly") {
            cookie.httpOnly = true;
        } else if (name == "samesite") {
            const QByteArray lower = value.toByteArray().toLower();
            cookie.sameSite = lower == "strict" ? SameSite::Strict
                              : lower == "lax"  ? SameSite::Lax
                              : lower == "none" ? SameSite::None
                                                : SameSite::Unset;
        }
    }
    return cookie;
}

Result<QList<std::pair<QByteArray, QByteArray>>>
SetCookieParser::parseCookieHeader(QByteArrayView header)
{
    if (header.size() > kMaxHeaderBytes)
        return tooLong(header.size());
    QList<std::pair<QByteArray, QByteArray>> pairs;
    QByteArrayView rest = header;
    while (!rest.isEmpty()) {
        const qsizetype next = rest.indexOf(';');
        const QByteArrayView item = trimmed(next < 0 ? rest : rest.first(next));
        rest = next < 0 ? QByteArrayView() : rest.sliced(next + 1);
        if (item.isEmpty())
            continue;
        if (pairs.size() == kMaxCookiesPerHeader)
            return Error::make(
                ErrorCategory::Limit,
                QCoreApplication::translate("sessionlens::Error",
                                            "more than %1 cookies in one Cookie header")
                    .arg(kMaxCookiesPerHeader));
        const qsizetype eq = item.indexOf('=');
        if (eq < 0)
            pairs.append(
                {QByteArray(), item.toByteArray()}); // a nameless cookie, as browsers keep it
        else
            pairs.append(
                {trimmed(item.first(eq)).toByteArray(), unquoted(trimmed(item.sliced(eq + 1)))});
    }
    return pairs;
}

} // namespace sessionlens
