#include "capture/CookieJar.h"

#include "capture/HttpFieldRules.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTimeZone>

#include <algorithm>

namespace sessionlens {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("sessionlens::Error", text);
}

bool isIpAddress(const QString &host)
{
    return !QHostAddress(host).isNull();
}

QString hostOf(const QUrl &url)
{
    return url.host(QUrl::FullyEncoded).toLower();
}

QString pathOf(const QUrl &url)
{
    const QString path = url.path(QUrl::FullyEncoded);
    return path.isEmpty() ? QStringLiteral("/") : path;
}

Error fileError(qsizetype line, const QString &what)
{
    return Error::make(ErrorCategory::Format,
                       QCoreApplication::translate("sessionlens::Error", "cookie file, line %1: %2")
                           .arg(line)
                           .arg(what));
}

/// A domain or path of a cookie file as it may be kept: visible ASCII, no separators of the
/// file or of a Cookie header.
bool isPlainField(QByteArrayView text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == ';' || c == ',')
            return false;
    }
    return true;
}

std::optional<bool> flag(QByteArrayView text)
{
    if (text.compare("TRUE", Qt::CaseInsensitive) == 0)
        return true;
    if (text.compare("FALSE", Qt::CaseInsensitive) == 0)
        return false;
    return std::nullopt;
}

} // namespace

bool CookieJar::domainMatches(const QString &host, const QString &domain)
{
    if (host == domain)
        return true;
    return !isIpAddress(host) && host.size() > domain.size() && host.endsWith(domain) &&
           host.at(host.size() - domain.size() - 1) == u'.';
}

bool CookieJar::pathMatches(const QString &requestPath, const QString &cookiePath)
{
    if (requestPath == cookiePath)
        return true;
    if (!requestPath.startsWith(cookiePath))
        return false;
    return cookiePath.endsWith(u'/') || requestPath.at(cookiePath.size()) == u'/';
}

QString CookieJar::defaultPath(const QUrl &url)
{
    const QString path = url.path(QUrl::FullyEncoded);
    if (!path.startsWith(u'/'))
        return QStringLiteral("/");
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash == 0 ? QStringLiteral("/") : path.left(slash);
}

qsizetype CookieJar::indexOf(const QByteArray &name, const QString &domain,
                             const QString &path) const
{
    for (qsizetype i = 0; i < m_cookies.size(); ++i) {
        const Cookie &c = m_cookies[i];
        if (c.name == name && c.domain == domain && c.path == path)
            return i;
    }
    return -1;
}

Result<Done> CookieJar::keep(Cookie cookie)
{
    if (auto sendable = HttpFieldRules::checkCookie(
            cookie.name, cookie.value,
            translated(QT_TRANSLATE_NOOP("sessionlens::Error", "cookie jar")));
        !sendable)
        return sendable;
    const qsizetype bytes = cookie.name.size() + cookie.value.size();
    if (bytes > kMaxCookieBytes)
        return Error::make(ErrorCategory::Limit,
                           QCoreApplication::translate(
                               "sessionlens::Error",
                               "the cookie %1 has %2 bytes, over the %3 a browser keeps: not kept")
                               .arg(QString::fromLatin1(cookie.name))
                               .arg(bytes)
                               .arg(kMaxCookieBytes));
    const qsizetype existing = indexOf(cookie.name, cookie.domain, cookie.path);
    if (existing >= 0) {
        cookie.created = m_cookies[existing].created;
        m_cookies[existing] = std::move(cookie);
        return Done{};
    }
    const auto sameDomain =
        std::count_if(m_cookies.cbegin(), m_cookies.cend(),
                      [&](const Cookie &c) { return c.domain == cookie.domain; });
    if (sameDomain >= kMaxCookiesPerDomain)
        return Error::make(ErrorCategory::Limit,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "the jar holds %1 cookies for %2 already: "
                                                       "%3 not kept")
                               .arg(kMaxCookiesPerDomain)
                               .arg(cookie.domain, QString::fromLatin1(cookie.name)));
    if (m_cookies.size() >= kMaxCookies)
        return Error::make(
            ErrorCategory::Limit,
            QCoreApplication::translate("sessionlens::Error",
                                        "the jar holds %1 cookies already: %2 not kept")
                .arg(kMaxCookies)
                .arg(QString::fromLatin1(cookie.name)));
    cookie.created = m_nextCreated++;
    m_cookies.append(std::move(cookie));
    return Done{};
}

Result<Done> CookieJar::store(const SetCookieParser::SetCookie &set, const QUrl &from,
                              const QDateTime &now)
{
    const QString host = hostOf(from);
    Cookie cookie;
    cookie.name = set.name;
    cookie.value = set.value;
    cookie.secure = set.secure;
    cookie.httpOnly = set.httpOnly;
    if (set.domain.isEmpty()) {
        cookie.domain = host;
    } else {
        // Without a list of public suffixes, a single label is the one such suffix refused.
        const bool topLevel = !set.domain.contains(u'.') && set.domain != host;
        if (topLevel || !domainMatches(host, set.domain))
            return Error::make(ErrorCategory::Format,
                               QCoreApplication::translate("sessionlens::Error",
                                                           "the cookie %1 names the domain %2, "
                                                           "which does not cover %3: not kept")
                                   .arg(QString::fromLatin1(set.name), set.domain, host));
        cookie.domain = set.domain;
        cookie.hostOnly = false;
    }
    cookie.path = set.path.startsWith(u'/') ? set.path : defaultPath(from);

    // Max-Age wins over Expires (RFC 6265 5.3 step 3).
    if (set.maxAge) {
        if (*set.maxAge <= 0)
            cookie.expires = QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc());
        else
            cookie.expires = now.addSecs(std::min(*set.maxAge, kMaxLifetimeSeconds));
    } else if (set.expires) {
        cookie.expires = std::min(*set.expires, now.addSecs(kMaxLifetimeSeconds));
    }
    if (cookie.expires && *cookie.expires <= now) {
        // An expiry in the past is how a server deletes a cookie.
        const qsizetype existing = indexOf(cookie.name, cookie.domain, cookie.path);
        if (existing >= 0)
            m_cookies.removeAt(existing);
        return Done{};
    }
    return keep(std::move(cookie));
}

Result<Done> CookieJar::storeHeader(QByteArrayView header, const QUrl &from, const QDateTime &now)
{
    auto parsed = SetCookieParser::parseSetCookie(header);
    if (!parsed)
        return parsed.error();
    return store(parsed.value(), from, now);
}

Result<Done> CookieJar::setValue(const QByteArray &name, const QByteArray &value, const QUrl &url)
{
    bool found = false;
    for (Cookie &cookie : m_cookies) {
        if (cookie.name != name)
            continue;
        const bool matches = cookie.hostOnly ? cookie.domain == hostOf(url)
                                             : domainMatches(hostOf(url), cookie.domain);
        if (!matches || !pathMatches(pathOf(url), cookie.path))
            continue;
        if (auto sendable = HttpFieldRules::checkCookie(
                name, value, translated(QT_TRANSLATE_NOOP("sessionlens::Error", "cookie jar")));
            !sendable)
            return sendable;
        cookie.value = value;
        found = true;
    }
    if (found)
        return Done{};
    Cookie cookie;
    cookie.name = name;
    cookie.value = value;
    cookie.domain = hostOf(url);
    cookie.path = QStringLiteral("/");
    return keep(std::move(cookie));
}

QList<CookieJar::Cookie> CookieJar::matching(const QUrl &url, const QDateTime &now) const
{
    const QString host = hostOf(url);
    const QString path = pathOf(url);
    const bool https = url.scheme() == QLatin1String("https");
    QList<Cookie> found;
    for (const Cookie &cookie : m_cookies) {
        const bool domainOk =
            cookie.hostOnly ? cookie.domain == host : domainMatches(host, cookie.domain);
        if (!domainOk || !pathMatches(path, cookie.path) || (cookie.secure && !https) ||
            (cookie.expires && *cookie.expires <= now))
            continue;
        found.append(cookie);
    }
    std::stable_sort(found.begin(), found.end(), [](const Cookie &a, const Cookie &b) {
        if (a.path.size() != b.path.size())
            return a.path.size() > b.path.size();
        return a.created < b.created;
    });
    return found;
}

void CookieJar::removeExpired(const QDateTime &now)
{
    m_cookies.removeIf([&](const Cookie &c) { return c.expires && *c.expires <= now; });
}

QByteArray CookieJar::toNetscape() const
{
    QByteArray text = "# Netscape HTTP Cookie File\n"
                      "# https://curl.se/docs/http-cookies.html\n"
                      "# Written by SessionLens. It holds session cookies: keep it private.\n\n";
    for (const Cookie &c : m_cookies) {
        if (c.httpOnly)
            text += "#HttpOnly_";
        if (!c.hostOnly)
            text += '.';
        text += c.domain.toLatin1() + '\t' + (c.hostOnly ? "FALSE" : "TRUE") + '\t' +
                c.path.toLatin1() + '\t' + (c.secure ? "TRUE" : "FALSE") + '\t' +
                QByteArray::number(c.expires ? c.expires->toSecsSinceEpoch() : 0) + '\t' + c.name +
                '\t' + c.value + '\n';
    }
    return text;
}

Result<CookieJar> CookieJar::fromNetscape(QByteArrayView text, const QDateTime &now)
{
    if (text.size() > kMaxFileBytes)
        return Error::make(ErrorCategory::Limit,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "a cookie file of %1 bytes is over the "
                                                       "%2-byte limit")
                               .arg(text.size())
                               .arg(kMaxFileBytes));
    CookieJar jar;
    qsizetype number = 0;
    QByteArrayView rest = text;
    while (!rest.isEmpty()) {
        const qsizetype end = rest.indexOf('\n');
        QByteArrayView line = end < 0 ? rest : rest.first(end);
        rest = end < 0 ? QByteArrayView() : rest.sliced(end + 1);
        if (++number > kMaxFileLines)
            return Error::make(ErrorCategory::Limit,
                               QCoreApplication::translate("sessionlens::Error",
                                                           "a cookie file of more than %1 lines")
                                   .arg(kMaxFileLines));
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.size() > kMaxLineBytes)
            return fileError(number, QCoreApplication::translate("sessionlens::Error",
                                                                 "%1 bytes, over the %2-byte limit")
                                         .arg(line.size())
                                         .arg(kMaxLineBytes));
        bool httpOnly = false;
        // curl marks HttpOnly cookies by this prefix; any other '#' starts a comment.
        if (line.startsWith("#HttpOnly_")) {
            line = line.sliced(10);
            httpOnly = true;
        } else if (line.startsWith('#') || line.trimmed().isEmpty()) {
            continue;
        }
        // Counted before split, so that a line of tabs does not become a list as long.
        if (line.count('\t') != 6)
            return fileError(
                number, QCoreApplication::translate("sessionlens::Error",
                                                    "%1 tab-separated fields, a cookie line has 7")
                            .arg(line.count('\t') + 1));
        const QList<QByteArray> fields = line.toByteArray().split('\t');
        QByteArrayView domain = fields[0];
        if (domain.startsWith('.'))
            domain = domain.sliced(1);
        if (domain.isEmpty() || !isPlainField(domain))
            return fileError(number, translated(QT_TRANSLATE_NOOP(
                                         "sessionlens::Error", "the domain is not a host name")));
        const auto subdomains = flag(fields[1]);
        const auto secure = flag(fields[3]);
        if (!subdomains || !secure)
            return fileError(number, translated(QT_TRANSLATE_NOOP(
                                         "sessionlens::Error",
                                         "the second and fourth fields are TRUE or FALSE")));
        if (!fields[2].startsWith('/') || !isPlainField(fields[2]))
            return fileError(number, translated(QT_TRANSLATE_NOOP(
                                         "sessionlens::Error", "the path does not start with /")));
        bool numeric = false;
        const qint64 expiry = fields[4].toLongLong(&numeric);
        if (!numeric || expiry < 0)
            return fileError(number, translated(QT_TRANSLATE_NOOP(
                                         "sessionlens::Error",
                                         "the expiry is not a count of seconds since 1970")));
        Cookie cookie;
        cookie.domain = QString::fromLatin1(domain).toLower();
        cookie.hostOnly = !*subdomains;
        cookie.path = QString::fromLatin1(fields[2]);
        cookie.secure = *secure;
        cookie.httpOnly = httpOnly;
        if (expiry > 0)
            cookie.expires = QDateTime::fromSecsSinceEpoch(
                std::min(expiry, now.toSecsSinceEpoch() + kMaxLifetimeSeconds), QTimeZone::utc());
        cookie.name = fields[5];
        cookie.value = fields[6];
        if (cookie.expires && *cookie.expires <= now)
            continue; // curl leaves expired cookies out too
        if (auto kept = jar.keep(std::move(cookie)); !kept)
            return fileError(number, kept.error().message);
    }
    return jar;
}

} // namespace sessionlens
