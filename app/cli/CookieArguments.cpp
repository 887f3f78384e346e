#include "CookieArguments.h"

#include "Limits.h"
#include "capture/HttpFieldRules.h"

namespace sessionlens::cli {

void CookieArguments::addOptions(CommandSyntax &syntax, const QString &valueHelp)
{
    syntax.addOption({QStringLiteral("cookie"),
                      tr("%1 Visible to other users in ps: prefer --cookie-file.").arg(valueHelp),
                      tr("value")},
                     CommandOption::Hints::secretValue());
    syntax.addOption({QStringLiteral("cookie-file"),
                      tr("The same, read from a file ('-': standard input)."), tr("file")},
                     CommandOption::Hints::path());
    syntax.addOption({QStringLiteral("cookie-name"),
                      tr("Name of the session cookie (default: session)."), tr("name"),
                      QStringLiteral("session")});
}

Result<CookieArguments::Cookie> CookieArguments::read(const QCommandLineParser &parser, CliIo &io)
{
    Cookie cookie;
    cookie.name = parser.value(QStringLiteral("cookie-name")).toUtf8();
    if (!HttpFieldRules::isCookieName(cookie.name))
        return HttpFieldRules::checkCookie(cookie.name, {}, QStringLiteral("--cookie-name"))
            .error();
    const bool inText = parser.isSet(QStringLiteral("cookie"));
    const bool file = parser.isSet(QStringLiteral("cookie-file"));
    if (inText && file)
        return Error::make(ErrorCategory::Format, tr("give --cookie or --cookie-file, not both"));
    QString field = QStringLiteral("--cookie");
    if (inText) {
        cookie.value = parser.value(QStringLiteral("cookie")).toUtf8();
    } else if (file) {
        field = QStringLiteral("--cookie-file");
        auto content = readValueFile(parser.value(QStringLiteral("cookie-file")), io);
        if (!content)
            return content.error();
        cookie.value = std::move(content).value();
    }
    if (auto valid = HttpFieldRules::checkCookie(cookie.name, cookie.value, field); !valid)
        return valid.error();
    return cookie;
}

Result<QByteArray> CookieArguments::readValueFile(const QString &path, CliIo &io)
{
    auto content = io.readAll(path, limits::kMaxCookieBytes);
    if (!content)
        return content.error();
    QByteArray value = std::move(content).value();
    // One line: the line end an editor or `echo` adds is not part of the value.
    if (value.endsWith('\n'))
        value.chop(value.endsWith("\r\n") ? 2 : 1);
    return value;
}

} // namespace sessionlens::cli
