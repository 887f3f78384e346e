#include "capture/CookieImporter.h"

#include "capture/BrowserCookieStore.h"
#include "capture/SetCookieParser.h"
#include "formats/CookieText.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace sessionlens {

namespace {

class WarningList
{
public:
    explicit WarningList(QStringList &out) : m_out(out) {}
    ~WarningList()
    {
        if (m_dropped > 0)
            m_out.append(
                QCoreApplication::translate("sessionlens::Note", "%1 more warnings not shown")
                    .arg(m_dropped));
    }
    void add(const QString &warning)
    {
        if (m_out.size() < CookieImporter::kMaxWarnings)
            m_out.append(warning);
        else
            ++m_dropped;
    }

private:
    QStringList &m_out;
    qsizetype m_dropped = 0;
};

Error tooMany()
{
    return Error::make(
        ErrorCategory::Limit,
        QCoreApplication::translate("sessionlens::Error", "more than %1 records in one file")
            .arg(CookieImporter::kMaxRecords));
}

QList<QByteArrayView> lines(const QByteArray &data)
{
    QList<QByteArrayView> out;
    qsizetype start = 0;
    while (start < data.size()) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size();
        QByteArrayView line(data.constData() + start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        out.append(line);
        start = end + 1;
    }
    return out;
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
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorCategory::Io, file.errorString(), path);
    if (file.size() > kMaxFileBytes)
        return Error::make(
            ErrorCategory::Limit,
            QCoreApplication::translate("sessionlens::Error",
                                        "the file has %1 bytes, more than the %2 an import reads")
                .arg(file.size())
                .arg(kMaxFileBytes),
            path);
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
    WarningList warnings(imported.warnings);
    bool anyCookieData = false;
    const QString name = QString::fromLatin1(options.cookieName);
    qsizetype index = 0;
    for (const QJsonValue entryValue : entries) {
        ++index;
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
        QList<QByteArray>
            seen[2]; // request, response: a value in both the cookies list and a header counts once
        const auto take = [&](CapturedCookie::Source source, const QByteArray &value) {
            QList<QByteArray> &already = seen[source == CapturedCookie::Source::Request ? 0 : 1];
            if (value.isEmpty() || already.contains(value))
                return;
            already.append(value);
            CapturedCookie cookie;
            cookie.source = source;
            if (started.isValid())
                cookie.time = started;
            cookie.url = url;
            cookie.status = source == CapturedCookie::Source::Response ? status : -1;
            cookie.name = options.cookieName;
            cookie.value = value;
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
                    for (const QByteArray &line : value.split('\n')) {
                        auto parsed = SetCookieParser::parseSetCookie(line);
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
    return imported;
}

Result<CookieImporter::Imported> CookieImporter::importCookiesTxt(const QByteArray &data,
                                                                  const Options &options)
{
    Imported imported;
    imported.kind = Kind::CookiesTxt;
    WarningList warnings(imported.warnings);
    const QList<QByteArrayView> all = lines(data);
    if (all.size() > kMaxRecords)
        return tooMany();
    for (qsizetype i = 0; i < all.size(); ++i) {
        QByteArrayView line = all[i];
        // curl marks HttpOnly cookies by this prefix on the domain; otherwise '#' starts a comment.
        if (line.startsWith("#HttpOnly_")) {
            line = line.sliced(10);
        } else if (line.startsWith('#') || line.trimmed().isEmpty()) {
            continue;
        }
        const QList<QByteArray> fields = line.toByteArray().split('\t');
        if (fields.size() != 7) {
            warnings.add(QCoreApplication::translate("sessionlens::Note",
                                                     "line %1: %2 fields, a cookies.txt line has 7")
                             .arg(i + 1)
                             .arg(fields.size()));
            continue;
        }
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
    return imported;
}

Result<CookieImporter::Imported> CookieImporter::importList(const QByteArray &data,
                                                            const Options &options)
{
    Imported imported;
    imported.kind = Kind::List;
    WarningList warnings(imported.warnings);
    const QList<QByteArrayView> all = lines(data);
    if (all.size() > kMaxRecords)
        return tooMany();
    const QString name = QString::fromLatin1(options.cookieName);
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QByteArrayView line = all[i].trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        auto extracted = CookieText::extract(QString::fromUtf8(line), name);
        if (!extracted) {
            warnings.add(QCoreApplication::translate("sessionlens::Note", "line %1: %2")
                             .arg(i + 1)
                             .arg(extracted.error().message));
            continue;
        }
        if (!extracted->name.isEmpty() && extracted->name != name)
            continue;
        if (extracted->value.isEmpty()) {
            warnings.add(QCoreApplication::translate("sessionlens::Note",
                                                     "line %1: the %2 cookie has no value")
                             .arg(i + 1)
                             .arg(name));
            continue;
        }
        CapturedCookie cookie;
        cookie.source = CapturedCookie::Source::File;
        cookie.name = options.cookieName;
        cookie.value = extracted->value;
        imported.cookies.append(cookie);
    }
    return imported;
}

} // namespace sessionlens
