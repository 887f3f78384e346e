#include "WatchCommand.h"

#include "EntryPrinter.h"
#include "ImportCommand.h"
#include "SignalWaiter.h"
#include "SignerArguments.h"
#include "capture/BrowserCookieStore.h"
#include "capture/CookieImporter.h"
#include "capture/Timeline.h"
#include "keys/KeyRing.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QSet>
#include <QTimer>

namespace sessionlens::cli {

CommandSyntax WatchCommand::syntax() const
{
    CommandSyntax syntax(QStringLiteral("watch"),
                         tr("Print each new session cookie a browser stores, until interrupted."));
    ImportCommand::addSourceOptions(syntax);
    syntax.addOption({QStringLiteral("interval"),
                      tr("Seconds between looks at the database (default 1)."), tr("seconds"),
                      QStringLiteral("1")});
    syntax.addPositionalArgument(QStringLiteral("database"),
                                 tr("Browser profile folder or cookie database."),
                                 QStringLiteral("PROFILE|DATABASE"), true);
    return syntax;
}

int WatchCommand::execute(const QCommandLineParser &parser)
{
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
    const CookieImporter::Options options = ImportCommand::importerOptions(parser);
    const QString database = ImportCommand::databaseIn(parser.positionalArguments().constFirst());

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
