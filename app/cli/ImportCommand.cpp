#include "ImportCommand.h"

#include "EntryPrinter.h"
#include "SignerArguments.h"
#include "capture/BrowserCookieStore.h"
#include "capture/CookieImporter.h"
#include "capture/Timeline.h"
#include "keys/KeyRing.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

namespace sessionlens::cli {

void ImportCommand::addSourceOptions(CommandSyntax &syntax)
{
    SignerArguments::addOpeningOptions(syntax);
    EntryPrinter::addOption(syntax);
    syntax.addOption({QStringLiteral("host"), tr("Only cookies of this host."), tr("host")});
    syntax.addOption({QStringLiteral("cookie-name"),
                      tr("Name of the session cookie (default: session)."), tr("name"),
                      QStringLiteral("session")});
}

CookieImporter::Options ImportCommand::importerOptions(const QCommandLineParser &parser)
{
    CookieImporter::Options options;
    options.cookieName = parser.value(QStringLiteral("cookie-name")).toUtf8();
    options.host = parser.value(QStringLiteral("host"));
    return options;
}

QString ImportCommand::databaseIn(const QString &path)
{
    if (!QFileInfo(path).isDir())
        return path;
    for (const char *name : {"cookies.sqlite", "Cookies", "Network/Cookies"}) {
        const QString candidate = QDir(path).filePath(QLatin1String(name));
        if (QFileInfo::exists(candidate))
            return candidate;
    }
    return path;
}

CommandSyntax ImportCommand::syntax() const
{
    CommandSyntax syntax(
        QStringLiteral("import"),
        tr("Session cookies from HAR, cookies.txt, cookie lists and browser cookie databases."));
    addSourceOptions(syntax);
    syntax.addOption({QStringLiteral("profiles"),
                      tr("List the browser profiles found in the usual places, and stop.")});
    syntax.addPositionalArgument(QStringLiteral("files"),
                                 tr("Files, profile folders or '-' for standard input."),
                                 QStringLiteral("FILE..."), true);
    return syntax;
}

int ImportCommand::execute(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("profiles"))) {
        for (const BrowserCookieStore::Profile &profile :
             BrowserCookieStore::findProfiles(QDir::homePath()))
            m_io.out()
                << QStringLiteral("%1\t%2\t%3").arg(profile.browser, profile.name, profile.database)
                << Qt::endl;
        return ExitOk;
    }
    if (parser.positionalArguments().isEmpty())
        return m_io.usage(tr("import takes at least one file"));
    const auto format = EntryPrinter::formatFrom(parser, m_io);
    if (!format)
        return ExitUsage;
    KeyRing ring;
    auto loaded = SignerArguments::loadAll(parser, m_io, ring);
    if (!loaded)
        return m_io.fail(loaded.error());
    const CookieImporter::Options options = importerOptions(parser);

    Timeline timeline(ring, loaded->options);
    EntryPrinter printer(m_io, *format);
    int exitCode = ExitOk;
    for (const QString &argument : parser.positionalArguments()) {
        Result<CookieImporter::Imported> imported = Error::make(ErrorCategory::Io, QString());
        if (argument == QLatin1String("-")) {
            auto data = m_io.readAll(argument, CookieImporter::kMaxFileBytes);
            if (!data) {
                exitCode = m_io.fail(data.error());
                continue;
            }
            imported = CookieImporter::importData(data.value(), options);
        } else {
            imported = CookieImporter::importFile(databaseIn(argument), options);
        }
        if (!imported) {
            // One bad file does not stop the others; its failure is the exit code.
            Error error = imported.error();
            if (error.detail.isEmpty())
                error.detail = argument;
            const int code = m_io.fail(error);
            if (exitCode == ExitOk)
                exitCode = code;
            continue;
        }
        m_io.err() << tr("%1: %2, %n session cookie(s)", nullptr, int(imported->cookies.size()))
                          .arg(argument, CookieImporter::kindName(imported->kind))
                   << Qt::endl;
        for (const QString &warning : std::as_const(imported->warnings))
            m_io.err() << tr("warning: %1").arg(warning) << Qt::endl;
        for (const CapturedCookie &cookie : std::as_const(imported->cookies))
            printer.print(timeline.add(cookie));
    }
    return exitCode;
}

} // namespace sessionlens::cli
