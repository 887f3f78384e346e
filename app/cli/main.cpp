#include "CliIo.h"
#include "CommandRegistry.h"
#include "StoredKeyRing.h"
#include "os/ProcessHardening.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    sessionlens::ProcessHardening::apply();
    QCoreApplication app(argc, argv);
    // The same organisation and application as the window: the same settings and key ring.
    sessionlens::StoredKeyRing::setApplicationNames();
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
    // The build writes the installed completions and man page with --dump-*: in English,
    // whatever the builder's locale.
    QTranslator translator;
    if (!arguments.value(1).startsWith(QLatin1String("--dump-")) &&
        (translator.load(QLocale(), QStringLiteral("sessionlens"), QStringLiteral("_"),
                         QStringLiteral(":/i18n")) ||
         translator.load(QStringLiteral(":/i18n/sessionlens_en.qm"))))
        QCoreApplication::installTranslator(&translator);

    using namespace sessionlens::cli;
    CliIo io;
    const CommandRegistry registry = CommandRegistry::standard();
    // Keys, secrets and cookies given on the command line leave the process's arguments now
    // that they are copied: other users would read them in ps for the whole run (a proxy
    // runs for hours). --key-file, --secret-file and --cookie-file avoid even this moment.
    // Which options hold secrets, the commands' own definitions say.
    const QStringList secretNames = registry.secretOptions();
    std::vector<QByteArray> secretBytes;
    std::vector<std::string_view> secretOptions;
    for (const QString &name : secretNames)
        secretBytes.push_back(name.toLatin1());
    for (const QByteArray &name : secretBytes)
        secretOptions.emplace_back(name.constData(), std::size_t(name.size()));
    sessionlens::ProcessHardening::scrubArguments(argc, argv, secretOptions);
    try {
        return registry.dispatch(io, arguments);
    } catch (const std::bad_alloc &) {
        // Every input is bounded, so this should not happen; if it does, say so and exit
        // with the limit code rather than abort with a signal.
        return io.fail(
            sessionlens::Error::make(sessionlens::ErrorCategory::Limit,
                                     QCoreApplication::translate("main", "out of memory")));
    }
}
