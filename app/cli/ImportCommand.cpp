#include "ImportCommand.h"

#include "EntryPrinter.h"
#include "KeyArguments.h"
#include "SignalWaiter.h"
#include "SignerArguments.h"
#include "capture/BrowserCookieStore.h"
#include "capture/CookieImporter.h"
#include "capture/Timeline.h"
#include "keys/KeyRing.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QSet>
#include <QTimer>

namespace sessionlens::cli {

namespace {

void addCommonOptions(QCommandLineParser &parser)
{
    KeyArguments::addOptions(parser);
    SignerArguments::addOptions(parser);
    EntryPrinter::addOption(parser);
    parser.addOption({QStringLiteral("host"),
                      QCoreApplication::translate("ImportCommand", "Only cookies of this host."),
                      QCoreApplication::translate("ImportCommand", "host")});
    parser.addOption({QStringLiteral("cookie-name"),
                      QCoreApplication::translate("ImportCommand",
                                                  "Name of the session cookie (default: session)."),
                      QCoreApplication::translate("ImportCommand", "name"),
                      QStringLiteral("session")});
}

// A profile folder stands for the cookie database inside it.
QString databaseIn(const QString &path)
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

} // namespace

int ImportCommand::runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Session cookies from HAR, cookies.txt, cookie lists and browser cookie databases."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("profiles"),
                      tr("List the browser profiles found in the usual places, and stop.")});
    parser.addPositionalArgument(QStringLiteral("files"),
                                 tr("Files, profile folders or '-' for standard input."));
    if (!parser.parse(arguments))
        return m_io.usage(parser.errorText());
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
    CookieImporter::Options options;
    options.cookieName = parser.value(QStringLiteral("cookie-name")).toUtf8();
    options.host = parser.value(QStringLiteral("host"));

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

int ImportCommand::runWatch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Print each new session cookie a browser stores, until interrupted."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("interval"),
                      tr("Seconds between looks at the database (default 1)."), tr("seconds"),
                      QStringLiteral("1")});
    parser.addPositionalArgument(QStringLiteral("database"),
                                 tr("Browser profile folder or cookie database."));
    if (!parser.parse(arguments))
        return m_io.usage(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return m_io.usage(tr("watch takes one profile or database"));
    const auto format = EntryPrinter::formatFrom(parser, m_io);
    if (!format)
        return ExitUsage;
    bool ok = false;
    const double interval = parser.value(QStringLiteral("interval")).toDouble(&ok);
    if (!ok || interval < 0.05 || interval > 3600)
        return m_io.usage(tr("--interval takes seconds from 0.05 to 3600"));
    KeyRing ring;
    auto loaded = SignerArguments::loadAll(parser, m_io, ring);
    if (!loaded)
        return m_io.fail(loaded.error());
    CookieImporter::Options options;
    options.cookieName = parser.value(QStringLiteral("cookie-name")).toUtf8();
    options.host = parser.value(QStringLiteral("host"));
    const QString database = databaseIn(parser.positionalArguments().constFirst());

    Timeline timeline(ring, loaded->options);
    EntryPrinter printer(m_io, *format);
    QSet<QByteArray> seen;
    QDateTime lastChange;
    std::optional<Error> failure;
    const auto look = [&] {
        QDateTime changed = QFileInfo(database).lastModified();
        const QFileInfo wal(database + QStringLiteral("-wal"));
        if (wal.exists() && wal.lastModified() > changed)
            changed = wal.lastModified();
        if (changed == lastChange && lastChange.isValid())
            return;
        lastChange = changed;
        auto imported = BrowserCookieStore::read(database, options);
        if (!imported) {
            failure = imported.error();
            return;
        }
        for (const CapturedCookie &cookie : std::as_const(imported->cookies)) {
            if (seen.contains(cookie.value))
                continue;
            seen.insert(cookie.value);
            printer.print(timeline.add(cookie));
        }
    };
    look();
    if (failure)
        return m_io.fail(*failure);
    QEventLoop loop;
    SignalWaiter waiter;
    QObject::connect(&waiter, &SignalWaiter::interrupted, &loop, &QEventLoop::quit);
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        look();
        if (failure)
            loop.quit();
    });
    timer.start(int(interval * 1000));
    loop.exec();
    if (failure)
        return m_io.fail(*failure);
    return ExitOk;
}

} // namespace sessionlens::cli
