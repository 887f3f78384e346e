#include "formats/CookieText.h"

#include "formats/FormatDetector.h"

#include <QStringList>

#include <QCoreApplication>
#include <algorithm>

namespace sessionlens {

namespace {

QString unquote(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
        value = value.mid(1, value.size() - 2);
    return value;
}

// Words of a POSIX shell command line as a browser's "Copy as cURL" writes it: '...', "..."
// with backslash escapes, $'...' with C escapes, and backslash-newline continuations.
QStringList shellWords(const QString &command)
{
    QStringList words;
    QString word;
    bool inWord = false;
    const qsizetype n = command.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = command.at(i);
        if (c == u'\\' && i + 1 < n) {
            if (command.at(i + 1) != u'\n') {
                word.append(command.at(i + 1));
                inWord = true;
            }
            ++i;
        } else if (c == u'\'') {
            const qsizetype end = command.indexOf(u'\'', i + 1);
            word.append(command.mid(i + 1, (end < 0 ? n : end) - i - 1));
            i = end < 0 ? n : end;
            inWord = true;
        } else if (c == u'$' && i + 1 < n && command.at(i + 1) == u'\'') {
            for (i += 2; i < n && command.at(i) != u'\''; ++i) {
                if (command.at(i) == u'\\' && i + 1 < n) {
                    const QChar e = command.at(++i);
                    word.append(e == u'n' ? QChar(u'\n') : e == u't' ? QChar(u'\t') : e);
                } else {
                    word.append(command.at(i));
                }
            }
            inWord = true;
        } else if (c == u'"') {
            for (++i; i < n && command.at(i) != u'"'; ++i) {
                if (command.at(i) == u'\\' && i + 1 < n &&
                    QStringView(u"\"\\$`").contains(command.at(i + 1)))
                    ++i;
                word.append(command.at(i));
            }
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
        } else {
            word.append(c);
            inWord = true;
        }
    }
    if (inWord)
        words.append(word);
    return words;
}

// The cookie text of a curl command: `-b`/`--cookie` values and `Cookie:` headers, joined.
QString cookiesOfCurl(const QString &command)
{
    const QStringList words = shellWords(command);
    QStringList found;
    for (qsizetype i = 1; i < words.size(); ++i) {
        const QString &w = words.at(i);
        QString value;
        if ((w == QLatin1String("-b") || w == QLatin1String("--cookie")) && i + 1 < words.size())
            value = words.at(++i);
        else if (w.startsWith(QLatin1String("--cookie=")))
            value = w.mid(9);
        else if ((w == QLatin1String("-H") || w == QLatin1String("--header")) &&
                 i + 1 < words.size() &&
                 words.at(i + 1).startsWith(QLatin1String("cookie:"), Qt::CaseInsensitive))
            value = words.at(++i).mid(7);
        if (!value.trimmed().isEmpty())
            found.append(value.trimmed());
    }
    return found.join(QStringLiteral("; "));
}

struct Rewritten
{
    QString text;
    CookieText::Source source = CookieText::Source::Text;
};

QChar latin1(char c)
{
    return QChar(QLatin1Char(c));
}
QChar latin1(QChar c)
{
    return c;
}

// Whether the first '=' of `pair` (at `eq`) ends a cookie name, for text (QStringView) and for
// a Latin-1 line where it lies (QByteArrayView), with the same answer for both. Base64 padding
// also uses '=', so only a name made of token characters counts, followed by neither the end
// nor another '='. And `<payload>=.<timestamp>.<signature>` is a bare Starlette cookie whose
// base64 payload ends in one '=', not a cookie named after the payload: a value of Flask's
// (".eJ...", compressed) has three dots, and no cookie name is a payload's length (at least
// `{"a": 1}`, 11 characters before its '=').
template <typename View> bool endsACookieName(View pair, qsizetype eq)
{
    if (eq <= 0 || eq == pair.size() - 1 || pair[eq + 1] == u'=')
        return false;
    const View name = pair.first(eq).trimmed();
    if (name.isEmpty())
        return false;
    // The payload test first: a Starlette payload is most of its cookie, and every line of
    // them would otherwise have each of its characters tested as a name's.
    const View value = pair.sliced(eq + 1);
    if (name.size() >= 11 && name.size() % 4 == 3 && value[0] == u'.') {
        qsizetype dots = 0;
        for (qsizetype i = 0; i < value.size(); ++i)
            dots += value[i] == u'.' ? 1 : 0;
        if (dots == 2)
            return false;
    }
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = latin1(name[i]);
        if (!c.isLetterOrNumber() && c != u'_' && c != u'-')
            return false;
    }
    return true;
}

// "Cookie:" or "Set-Cookie:" in any case: extractLine() reads the value after it.
bool startsWithHeaderName(QByteArrayView line)
{
    const auto startsWith = [line](QByteArrayView name) {
        return line.size() >= name.size() &&
               qstrnicmp(line.data(), name.size(), name.data(), name.size()) == 0;
    };
    return startsWith("cookie:") || startsWith("set-cookie:");
}

// Turns what a browser copies into one header-like line; plain text comes back as it is.
Rewritten normalise(const QString &text, const QString &cookieName)
{
    if (text.startsWith(QLatin1String("curl "))) {
        const QString cookies = cookiesOfCurl(text);
        return {cookies, CookieText::Source::CurlCommand};
    }
    if (!text.contains(u'\n') && !text.contains(u'\t'))
        return {text, CookieText::Source::Text};
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    // Request or response headers: the Cookie and Set-Cookie lines, the configured name first.
    QStringList headers;
    for (const QString &raw : lines) {
        const QString l = raw.trimmed();
        if (l.startsWith(QLatin1String("cookie:"), Qt::CaseInsensitive) ||
            l.startsWith(QLatin1String("set-cookie:"), Qt::CaseInsensitive))
            headers.append(l);
    }
    if (!headers.isEmpty()) {
        const QString named = cookieName + u'=';
        for (const QString &h : std::as_const(headers))
            if (h.contains(named))
                return {h, CookieText::Source::Headers};
        return {headers.first(), CookieText::Source::Headers};
    }
    // A developer tools table: name, value, domain, ... separated by tabs, one row a line.
    QStringList pairs;
    for (const QString &raw : lines) {
        const QStringList cells = raw.split(u'\t');
        if (cells.size() >= 2 && !cells.at(0).trimmed().isEmpty())
            pairs.append(cells.at(0).trimmed() + u'=' + cells.at(1).trimmed());
    }
    if (!pairs.isEmpty())
        return {pairs.join(QStringLiteral("; ")), CookieText::Source::CookieTable};
    return {text, CookieText::Source::Text};
}

} // namespace

Result<CookieText::Extracted> CookieText::extract(const QString &text, const QString &cookieName)
{
    if (text.size() > kMaxInputSize)
        return Error::make(ErrorCategory::Limit,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "input of %1 characters is larger than %2")
                               .arg(text.size())
                               .arg(kMaxInputSize));
    const Rewritten rewritten = normalise(text.trimmed(), cookieName);
    if (rewritten.text.isEmpty() && rewritten.source == Source::CurlCommand)
        return Error::make(
            ErrorCategory::Format,
            QCoreApplication::translate("sessionlens::Error",
                                        "the curl command carries no cookie (no -b/--cookie "
                                        "option and no Cookie header)"));
    auto found = extractLine(rewritten.text, cookieName);
    if (found)
        found->source = rewritten.source;
    return found;
}

Result<CookieText::Extracted> CookieText::extractLine(const QString &text,
                                                      const QString &cookieName)
{
    QString line = text.trimmed();
    if (line.isEmpty())
        return Error::make(ErrorCategory::Format,
                           QCoreApplication::translate("sessionlens::Error", "no cookie text"));

    bool isSetCookie = false;
    if (line.startsWith(QLatin1String("set-cookie:"), Qt::CaseInsensitive)) {
        isSetCookie = true;
        line = line.mid(11).trimmed();
    } else if (line.startsWith(QLatin1String("cookie:"), Qt::CaseInsensitive)) {
        line = line.mid(7).trimmed();
    }

    QStringList pairs = line.split(u';', Qt::SkipEmptyParts);
    if (isSetCookie && !pairs.isEmpty())
        pairs = pairs.mid(0, 1); // attributes follow the first pair
    Extracted fallback;
    int pairCount = 0;
    for (const QString &pair : std::as_const(pairs)) {
        const qsizetype eq = pair.indexOf(u'=');
        if (!endsACookieName(QStringView(pair), eq))
            continue;
        const QString name = pair.left(eq).trimmed();
        ++pairCount;
        Extracted found{name, unquote(pair.mid(eq + 1)).toLatin1(), Source::Text};
        if (name == cookieName)
            return found;
        if (pairCount == 1)
            fallback = found;
    }
    if (pairCount == 1)
        return fallback;
    if (pairCount > 1)
        return Error::make(
            ErrorCategory::Format,
            QCoreApplication::translate("sessionlens::Error", "%1 cookies and none named \"%2\"")
                .arg(pairCount)
                .arg(cookieName));
    const QString bare = unquote(line);
    // Inside Werkzeug's quotes a space is part of the value (a Flask-Login remember cookie for
    // "ada lovelace"); a ';' never is, Werkzeug escapes it.
    const bool quoted = line.size() >= 2 && line.startsWith(u'"') && line.endsWith(u'"');
    if ((!quoted && bare.contains(u' ')) || bare.contains(u';'))
        return Error::make(ErrorCategory::Format,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "a cookie value holds no spaces or ';'"));
    return Extracted{QString(), bare.toLatin1(), Source::Text};
}

std::optional<QByteArrayView> CookieText::bareValue(QByteArrayView line)
{
    FormatDetector::Characters scanned;
    return bareValue(line, scanned);
}

std::optional<QByteArrayView> CookieText::bareValue(QByteArrayView line,
                                                    FormatDetector::Characters &scanned)
{
    if (line.isEmpty() || line.size() > kMaxInputSize)
        return std::nullopt;
    // One scan tells both alphabets and RFC 6265's cookie octets apart: Django's ':' and
    // Flask-Login's '|' are cookie octets too; white space, quotes, ';' and a header's name are
    // extract()'s to read.
    scanned = FormatDetector::characters(line);
    if (!scanned.cookieOctetsOnly || (!scanned.cookieCharsOnly && startsWithHeaderName(line)))
        return std::nullopt;
    // "session=...": extract() names the cookie.
    if (endsACookieName(line, line.indexOf('=')))
        return std::nullopt;
    return line;
}

std::optional<Error> CookieText::overInputLimit(qsizetype cookieBytes)
{
    if (cookieBytes <= CookieText::kMaxInputSize)
        return std::nullopt;
    return Error::make(ErrorCategory::Limit,
                       QCoreApplication::translate(
                           "sessionlens::Error",
                           "the cookie would be %1 bytes, more than the %2 bytes SessionLens opens")
                           .arg(cookieBytes)
                           .arg(CookieText::kMaxInputSize));
}

} // namespace sessionlens
