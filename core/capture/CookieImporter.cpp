#include "capture/CookieImporter.h"

#include "Limits.h"
#include "capture/BrowserCookieStore.h"
#include "capture/ImportWarnings.h"
#include "capture/RegularFile.h"
#include "capture/SetCookieParser.h"
#include "formats/CookieText.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace sessionlens {

namespace {

/// The client a HAR entry's request headers tell of: its User-Agent (none: Python's None; more
/// than one: not known, as servers join them differently), never its address (a HAR has none).
/// A header value is text in the HAR: one byte per character when it can be, else UTF-8 (the
/// exporter decoded UTF-8 bytes).
RequestClient harClient(const QJsonObject &request, qsizetype index, ImportWarnings &warnings)
{
    RequestClient client;
    const QJsonValue headers = request.value(QStringLiteral("headers"));
    if (!headers.isArray())
        return client;
    std::optional<QString> userAgent;
    for (const QJsonValue header : headers.toArray()) {
        const QJsonObject h = header.toObject();
        if (h.value(QStringLiteral("name"))
                .toString()
                .compare(QLatin1String("user-agent"), Qt::CaseInsensitive) != 0)
            continue;
        if (userAgent)
            return client;
        userAgent = h.value(QStringLiteral("value")).toString();
    }
    if (!userAgent) {
        client.setUserAgent(std::nullopt);
        return client;
    }
    const bool latin1 = std::all_of(userAgent->cbegin(), userAgent->cend(),
                                    [](QChar c) { return c.unicode() <= 0xff; });
    if (!client.setUserAgent(latin1 ? userAgent->toLatin1() : userAgent->toUtf8()))
        warnings.add(QCoreApplication::translate(
                         "sessionlens::Note",
                         "entry %1: its User-Agent of %2 bytes is over the limit of %3 bytes and "
                         "is not kept: Flask-Login's _id is not checked against it")
                         .arg(index)
                         .arg(client.refusedUserAgentBytes())
                         .arg(RequestClient::kMaxUserAgentBytes));
    return client;
}

Error tooMany()
{
    return Error::make(
        ErrorCategory::Limit,
        QCoreApplication::translate("sessionlens::Error", "more than %1 records in one file")
            .arg(CookieImporter::kMaxRecords));
}

// Lines one at a time, counted against kMaxRecords: a file of newlines alone must not turn
// into a list of hundreds of millions of views before its count is looked at.
class LineReader
{
public:
    explicit LineReader(QByteArrayView data) : m_data(data) {}
    /// The next line without its end; nullopt at the end of the data.
    std::optional<QByteArrayView> next()
    {
        if (m_start >= m_data.size())
            return std::nullopt;
        qsizetype end = m_data.indexOf('\n', m_start);
        if (end < 0)
            end = m_data.size();
        QByteArrayView line = m_data.sliced(m_start, end - m_start);
        if (line.endsWith('\r'))
            line.chop(1);
        m_start = end + 1;
        ++m_number;
        return line;
    }
    /// 1 for the first line.
    [[nodiscard]] qsizetype number() const { return m_number; }
    [[nodiscard]] bool overLimit() const { return m_number > CookieImporter::kMaxRecords; }

private:
    QByteArrayView m_data;
    qsizetype m_start = 0;
    qsizetype m_number = 0;
};

// A line longer than a cookie could be is reported, and not split or decoded.
bool tooLong(QByteArrayView line, qsizetype number, ImportWarnings &warnings)
{
    if (line.size() <= limits::kMaxLineBytes)
        return false;
    warnings.add(QCoreApplication::translate("sessionlens::Note",
                                             "line %1 has %2 bytes, more than the %3 read")
                     .arg(number)
                     .arg(line.size())
                     .arg(limits::kMaxLineBytes));
    return true;
}

// Objects and lists of a JSON text, counted without parsing it, up to one more than `limit`.
qsizetype jsonContainers(QByteArrayView text, qsizetype limit)
{
    qsizetype count = 0;
    bool inString = false;
    for (qsizetype i = 0; i < text.size() && count <= limit; ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i; // the escaped character, a quote maybe
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++count;
        }
    }
    return count;
}

QString hostOf(const QString &url)
{
    return QUrl(url).host();
}

} // namespace

bool CookieImporter::hostMatches(const QString &cookieHost, const QString &host)
{
    if (host.isEmpty())
        return true;
    QString domain = cookieHost.toLower();
    if (domain.startsWith(u'.'))
        domain.remove(0, 1);
    const QString wanted = host.toLower();
    return domain == wanted || wanted.endsWith(u'.' + domain) || domain.endsWith(u'.' + wanted);
}

QString CookieImporter::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Har:
        return QStringLiteral("HAR");
    case Kind::CookiesTxt:
        return QStringLiteral("cookies.txt");
    case Kind::List:
        return QCoreApplication::translate("sessionlens::Note", "list");
    case Kind::FirefoxDatabase:
        return QCoreApplication::translate("sessionlens::Note", "Firefox cookie database");
    case Kind::ChromiumDatabase:
        return QCoreApplication::translate("sessionlens::Note", "Chromium cookie database");
    }
    return {};
}

CookieImporter::Kind CookieImporter::detect(QByteArrayView head)
{
    if (head.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        return Kind::ChromiumDatabase; // refined by the table names when opened
    QByteArrayView text = head.trimmed();
    if (text.startsWith("\xef\xbb\xbf"))
        text = text.sliced(3).trimmed();
    if (text.startsWith('{') && text.contains("\"log\""))
        return Kind::Har;
    if (text.startsWith("# Netscape HTTP Cookie File") || text.startsWith("# HTTP Cookie File"))
        return Kind::CookiesTxt;
    // Without the header line: lines of seven tab-separated fields.
    const qsizetype firstEnd = text.indexOf('\n');
    QByteArrayView first = firstEnd < 0 ? text : text.first(firstEnd);
    if (first.startsWith("#HttpOnly_"))
        return Kind::CookiesTxt;
    if (first.count('\t') == 6)
        return Kind::CookiesTxt;
    return Kind::List;
}

Result<CookieImporter::Imported> CookieImporter::importFile(const QString &path,
                                                            const Options &options)
{
    QFile file;
    if (auto opened = RegularFile::open(file, path, kMaxFileBytes); !opened)
        return opened.error();
    const QByteArray head = file.peek(4096);
    if (detect(head) == Kind::ChromiumDatabase) {
        file.close();
        auto store = BrowserCookieStore::read(path, options);
        if (!store)
            return store.error();
        return store.value();
    }
    const QByteArray data = file.read(kMaxFileBytes + 1);
    if (data.size() > kMaxFileBytes)
        return Error::make(
            ErrorCategory::Limit,
            QCoreApplication::translate("sessionlens::Error",
                                        "the file grew past the import limit while read"),
            path);
    return importData(data, options);
}

Result<CookieImporter::Imported> CookieImporter::importData(const QByteArray &data,
                                                            const Options &options)
{
    if (data.size() > kMaxFileBytes)
        return Error::make(
            ErrorCategory::Limit,
            QCoreApplication::translate("sessionlens::Error", "more than %1 bytes to import")
                .arg(kMaxFileBytes));
    switch (detect(data.left(4096))) {
    case Kind::Har:
        return importHar(data, options);
    case Kind::CookiesTxt:
        return importCookiesTxt(data, options);
    case Kind::FirefoxDatabase:
    case Kind::ChromiumDatabase:
        return Error::make(
            ErrorCategory::Format,
            QCoreApplication::translate("sessionlens::Error",
                                        "a cookie database is read from its file, not from text"));
    case Kind::List:
        break;
    }
    return importList(data, options);
}

Result<CookieImporter::Imported> CookieImporter::importHar(const QByteArray &data,
                                                           const Options &options)
{
    if (jsonContainers(data, kMaxHarContainers) > kMaxHarContainers)
        return Error::make(ErrorCategory::Limit,
                           QCoreApplication::translate(
                               "sessionlens::Error",
                               "the HAR holds more than %1 JSON objects and lists; none are read")
                               .arg(kMaxHarContainers));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::make(
            ErrorCategory::Json,
            QCoreApplication::translate("sessionlens::Error", "the HAR is not valid JSON: %1")
                .arg(parseError.errorString()),
            {}, -1, parseError.offset);
    const QJsonValue entriesValue =
        document.object().value(QStringLiteral("log")).toObject().value(QStringLiteral("entries"));
    if (!entriesValue.isArray())
        return Error::make(ErrorCategory::Format,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "not a HAR: there is no log.entries list"));
    const QJsonArray entries = entriesValue.toArray();
    if (entries.size() > kMaxRecords)
        return tooMany();
    Imported imported;
    imported.kind = Kind::Har;
    ImportWarnings warnings;
    bool anyCookieData = false;
    const QString name = QString::fromLatin1(options.cookieName);
    qsizetype index = 0;
    // Entries, cookies and header lines looked at: one entry may hold any number of cookies.
    qsizetype records = 0;
    for (const QJsonValue entryValue : entries) {
        ++index;
        if (++records > kMaxRecords)
            return tooMany();
        const QJsonObject entry = entryValue.toObject();
        const QJsonObject request = entry.value(QStringLiteral("request")).toObject();
        const QJsonObject response = entry.value(QStringLiteral("response")).toObject();
        const QString url = request.value(QStringLiteral("url")).toString();
        if (url.isEmpty()) {
            warnings.add(
                QCoreApplication::translate("sessionlens::Note", "entry %1 has no request URL")
                    .arg(index));
            continue;
        }
        if (!hostMatches(hostOf(url), options.host))
            continue;
        const QDateTime started = QDateTime::fromString(
            entry.value(QStringLiteral("startedDateTime")).toString(), Qt::ISODateWithMs);
        const int status = response.value(QStringLiteral("status")).toInt(-1);
        // Request, response: a value in both the cookies list and a header counts once. A set,
        // so that an entry of many cookies costs linear time.
        QSet<QByteArray> seen[2];
        std::optional<RequestClient> client; // read once the entry has a session cookie
        const auto take = [&](CapturedCookie::Source source, const QByteArray &value) {
            QSet<QByteArray> &already = seen[source == CapturedCookie::Source::Request ? 0 : 1];
            if (value.isEmpty() || already.contains(value))
                return;
            already.insert(value);
            CapturedCookie cookie;
            cookie.source = source;
            if (started.isValid())
                cookie.time = started;
            cookie.url = url;
            cookie.status = source == CapturedCookie::Source::Response ? status : -1;
            cookie.name = options.cookieName;
            cookie.value = value;
            if (!client)
                client = harClient(request, index, warnings);
            cookie.client = *client;
            imported.cookies.append(cookie);
        };
        const struct
        {
            const QJsonObject &message;
            CapturedCookie::Source source;
            const char *header;
        } sides[] = {{request, CapturedCookie::Source::Request, "cookie"},
                     {response, CapturedCookie::Source::Response, "set-cookie"}};
        for (const auto &side : sides) {
            const QJsonArray cookies = side.message.value(QStringLiteral("cookies")).toArray();
            for (const QJsonValue cookie : cookies) {
                anyCookieData = true;
                if (++records > kMaxRecords)
                    return tooMany();
                if (cookie.toObject().value(QStringLiteral("name")).toString() == name)
                    take(side.source,
                         cookie.toObject().value(QStringLiteral("value")).toString().toLatin1());
            }
            for (const QJsonValue header :
                 side.message.value(QStringLiteral("headers")).toArray()) {
                const QJsonObject h = header.toObject();
                if (h.value(QStringLiteral("name")).toString().toLower() !=
                    QLatin1String(side.header))
                    continue;
                anyCookieData = true;
                if (++records > kMaxRecords)
                    return tooMany();
                const QByteArray value = h.value(QStringLiteral("value")).toString().toLatin1();
                if (side.source == CapturedCookie::Source::Request) {
                    auto pairs = SetCookieParser::parseCookieHeader(value);
                    if (!pairs) {
                        warnings.add(
                            QCoreApplication::translate("sessionlens::Note", "entry %1: %2")
                                .arg(index)
                                .arg(pairs.error().message));
                        continue;
                    }
                    for (const auto &[cookieName, cookieValue] : pairs.value())
                        if (cookieName == options.cookieName)
                            take(side.source, cookieValue);
                } else {
                    // Some exports join several Set-Cookie headers with newlines.
                    LineReader lines(value);
                    while (const auto line = lines.next()) {
                        if (lines.number() > 1 && ++records > kMaxRecords)
                            return tooMany();
                        auto parsed = SetCookieParser::parseSetCookie(*line);
                        if (parsed && parsed->name == options.cookieName &&
                            !parsed->deletes(QDateTime::currentDateTimeUtc()))
                            take(side.source, parsed->value);
                    }
                }
            }
        }
    }
    if (!entries.isEmpty() && !anyCookieData)
        warnings.add(QCoreApplication::translate(
            "sessionlens::Note",
            "this HAR holds no cookies at all, in no request and no response: it was "
            "probably exported sanitized. Export it again with sensitive data "
            "(Chrome: \"Export HAR (with sensitive data)\")"));
    imported.warnings = warnings.take();
    return imported;
}

Result<CookieImporter::Imported> CookieImporter::importCookiesTxt(const QByteArray &data,
                                                                  const Options &options)
{
    Imported imported;
    imported.kind = Kind::CookiesTxt;
    ImportWarnings warnings;
    LineReader lines(data);
    while (auto next = lines.next()) {
        if (lines.overLimit())
            return tooMany();
        QByteArrayView line = *next;
        if (tooLong(line, lines.number(), warnings))
            continue;
        // curl marks HttpOnly cookies by this prefix on the domain; otherwise '#' starts a comment.
        if (line.startsWith("#HttpOnly_")) {
            line = line.sliced(10);
        } else if (line.startsWith('#') || line.trimmed().isEmpty()) {
            continue;
        }
        // Counted before split: a line of tabs alone would otherwise become a list as long.
        const qsizetype fieldCount = line.count('\t') + 1;
        if (fieldCount != 7) {
            warnings.add(QCoreApplication::translate("sessionlens::Note",
                                                     "line %1: %2 fields, a cookies.txt line has 7")
                             .arg(lines.number())
                             .arg(fieldCount));
            continue;
        }
        const QList<QByteArray> fields = line.toByteArray().split('\t');
        if (fields[5] != options.cookieName || fields[6].isEmpty())
            continue;
        const QString domain = QString::fromLatin1(fields[0]);
        if (!hostMatches(domain, options.host))
            continue;
        const bool secure = fields[3].toUpper() == "TRUE";
        CapturedCookie cookie;
        cookie.source = CapturedCookie::Source::File;
        QString host = domain;
        if (host.startsWith(u'.'))
            host.remove(0, 1);
        cookie.url = QStringLiteral("%1://%2%3")
                         .arg(secure ? QStringLiteral("https") : QStringLiteral("http"), host,
                              QString::fromLatin1(fields[2]));
        cookie.name = fields[5];
        cookie.value = fields[6];
        imported.cookies.append(cookie);
    }
    imported.warnings = warnings.take();
    return imported;
}

Result<CookieImporter::Imported> CookieImporter::importList(const QByteArray &data,
                                                            const Options &options)
{
    Imported imported;
    imported.kind = Kind::List;
    ImportWarnings warnings;
    const QString name = QString::fromLatin1(options.cookieName);
    LineReader lines(data);
    while (auto next = lines.next()) {
        if (lines.overLimit())
            return tooMany();
        const QByteArrayView line = next->trimmed();
        const qsizetype number = lines.number();
        if (line.isEmpty() || line.startsWith('#') || tooLong(line, number, warnings))
            continue;
        auto extracted = CookieText::extract(QString::fromUtf8(line), name);
        if (!extracted) {
            warnings.add(QCoreApplication::translate("sessionlens::Note", "line %1: %2")
                             .arg(number)
                             .arg(extracted.error().message));
            continue;
        }
        if (!extracted->name.isEmpty() && extracted->name != name)
            continue;
        if (extracted->value.isEmpty()) {
            warnings.add(QCoreApplication::translate("sessionlens::Note",
                                                     "line %1: the %2 cookie has no value")
                             .arg(number)
                             .arg(name));
            continue;
        }
        CapturedCookie cookie;
        cookie.source = CapturedCookie::Source::File;
        cookie.name = options.cookieName;
        cookie.value = extracted->value;
        imported.cookies.append(cookie);
    }
    imported.warnings = warnings.take();
    return imported;
}

} // namespace sessionlens
