#include "formats/CookieText.h"

#include <QStringList>

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

} // namespace

Result<CookieText::Extracted> CookieText::extract(const QString &text, const QString &cookieName)
{
    if (text.size() > kMaxInputSize)
        return Error::make(ErrorCategory::Limit,
                           QStringLiteral("input of %1 characters is larger than %2")
                               .arg(text.size())
                               .arg(kMaxInputSize));
    QString line = text.trimmed();
    if (line.isEmpty())
        return Error::make(ErrorCategory::Format, QStringLiteral("no cookie text"));

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
        // Base64 padding also uses '=', so only a name made of token characters counts.
        const QString name = eq > 0 ? pair.left(eq).trimmed() : QString();
        const bool looksNamed =
            !name.isEmpty() &&
            std::all_of(name.begin(), name.end(),
                        [](QChar c) { return c.isLetterOrNumber() || c == u'_' || c == u'-'; }) &&
            !(eq == pair.size() - 1 || pair.at(eq + 1) == u'=');
        if (!looksNamed)
            continue;
        ++pairCount;
        Extracted found{name, unquote(pair.mid(eq + 1)).toLatin1()};
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
            QStringLiteral("%1 cookies and none named \"%2\"").arg(pairCount).arg(cookieName));
    const QString bare = unquote(line);
    if (bare.contains(u' ') || bare.contains(u';'))
        return Error::make(ErrorCategory::Format,
                           QStringLiteral("a cookie value holds no spaces or ';'"));
    return Extracted{QString(), bare.toLatin1()};
}

} // namespace sessionlens
