#include "AuditCommand.h"
#include "CaptureCommand.h"
#include "CliIo.h"
#include "ConvertCommand.h"
#include "CrackCommand.h"
#include "DecodeCommand.h"
#include "ImportCommand.h"
#include "KeyCommand.h"
#include "ProxyCommand.h"
#include "SealCommand.h"
#include "SignCommand.h"
#include "StatsCommand.h"
#include "StoredKeyRing.h"
#include "os/ProcessHardening.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

const char *const kUsage = QT_TRANSLATE_NOOP(
    "CliMain",
    "Usage: sessionlens-cli COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  decode [--key K | --key-file F]... [--secret S]... [--format tree|json|python] [--lines] "
    "[COOKIE|-]\n"
    "  seal (--key K | --key-file F) [--compress auto|always|never] [FILE|-]\n"
    "  stats (--key K | --key-file F) [--json] [COOKIE|-]\n"
    "  sign (--secret S | --secret-file F) [--timestamp UNIX] [--salt S] [--digest D] [FILE|-]\n"
    "  convert --to encrypted --key K [--secret S] COOKIE\n"
    "  convert --to signed --secret S [--key K] COOKIE\n"
    "  crack --wordlist FILE [--threads N] [--no-builtin] COOKIE\n"
    "  capture [KEYS] [--method M] [-H 'Name: value']... [--data BODY | --data-file F]\n"
    "          [--cookie VALUE | --cookie-file F] [--cookie-name NAME] [--max-redirects N]\n"
    "          [--insecure-host HOST] [--timeout S] [--max-time S] [--body]\n"
    "          [--format tree|json|python|jsonl] URL\n"
    "  import [KEYS] [--host HOST] [--cookie-name NAME] [--format ...] FILE...   (HAR, "
    "cookies.txt, list, browser DB)\n"
    "  import --profiles\n"
    "  proxy [KEYS] --upstream URL [--listen HOST:PORT] [--cookie VALUE | --cookie-file F]\n"
    "        [--cookie-name NAME] [--format ...]\n"
    "  watch [KEYS] [--host HOST] [--cookie-name NAME] [--interval S] [--format ...] "
    "PROFILE_OR_DATABASE\n"
    "  audit [KEYS] [--threads N] [--format text|json|csv] [--cookie-name NAME] [--fail-over "
    "BYTES]\n"
    "        [--baseline REPORT.json] FILE...|-\n"
    "  key list | add --name NAME (--key-file F | --secret-file F | -) | remove NAME | rename OLD "
    "NEW\n"
    "  key export NAME [--reveal]          (the stored ring, shared with the window)\n"
    "  key inspect KEY\n"
    "  key generate [--format python|hex|base64] [--size 16|24|32]\n"
    "  help\n"
    "\n"
    "Commands that open or make cookies also use the stored key ring, after the keys given\n"
    "for the run (--no-ring: only those); seal, sign and convert take --with NAME.\n"
    "Keys may be Python bytes literals (b'...'), hex or base64. Secrets (Flask SECRET_KEY)\n"
    "are taken as text. Signed-cookie options: --salt, --digest sha1|sha256|sha512,\n"
    "--key-derivation hmac|concat|django-concat|none, --legacy-timestamps, --max-age SECONDS.\n"
    "Exit codes: 0 ok, 2 usage, 3 format or base64, 4 authentication, 5 decompression,\n"
    "6 encoding, 7 JSON, 8 limit, 9 key text, 10 input/output.\n");

} // namespace

namespace {

int runCommand(sessionlens::cli::CliIo &io, const QString &command, const QStringList &rest);

} // namespace

int main(int argc, char *argv[])
{
    sessionlens::ProcessHardening::apply();
    QCoreApplication app(argc, argv);
    // The same organisation and application as the window: the same settings and key ring.
    sessionlens::StoredKeyRing::setApplicationNames();
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("sessionlens"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")) ||
        translator.load(QStringLiteral(":/i18n/sessionlens_en.qm")))
        QCoreApplication::installTranslator(&translator);

    using namespace sessionlens::cli;
    CliIo io;
    const QStringList arguments = QCoreApplication::arguments();
    // Keys, secrets and cookies given on the command line leave the process's arguments now
    // that they are copied: other users would read them in ps for the whole run (a proxy
    // runs for hours). --key-file, --secret-file and --cookie-file avoid even this moment.
    sessionlens::ProcessHardening::scrubArguments(argc, argv,
                                                  {"--key", "-k", "--secret", "-s", "--cookie"});
    const QString command = arguments.value(1);
    const QStringList rest = QStringList{arguments.value(0)} + arguments.mid(2);

    try {
        return runCommand(io, command, rest);
    } catch (const std::bad_alloc &) {
        // Every input is bounded, so this should not happen; if it does, say so and exit
        // with the limit code rather than abort with a signal.
        return io.fail(
            sessionlens::Error::make(sessionlens::ErrorCategory::Limit,
                                     QCoreApplication::translate("main", "out of memory")));
    }
}

namespace {

int runCommand(sessionlens::cli::CliIo &io, const QString &command, const QStringList &rest)
{
    using namespace sessionlens::cli;
    if (command == QLatin1String("decode"))
        return DecodeCommand(io).run(rest);
    if (command == QLatin1String("seal"))
        return SealCommand(io).run(rest);
    if (command == QLatin1String("stats"))
        return StatsCommand(io).run(rest);
    if (command == QLatin1String("key"))
        return KeyCommand(io).run(rest);
    if (command == QLatin1String("sign"))
        return SignCommand(io).run(rest);
    if (command == QLatin1String("convert"))
        return ConvertCommand(io).run(rest);
    if (command == QLatin1String("crack"))
        return CrackCommand(io).run(rest);
    if (command == QLatin1String("capture"))
        return CaptureCommand(io).run(rest);
    if (command == QLatin1String("import"))
        return ImportCommand(io).runImport(rest);
    if (command == QLatin1String("watch"))
        return ImportCommand(io).runWatch(rest);
    if (command == QLatin1String("proxy"))
        return ProxyCommand(io).run(rest);
    if (command == QLatin1String("audit"))
        return AuditCommand(io).run(rest);
    if (command == QLatin1String("help") || command == QLatin1String("--help") ||
        command == QLatin1String("-h")) {
        io.out() << QCoreApplication::translate("CliMain", kUsage);
        io.out().flush();
        return ExitOk;
    }
    if (command == QLatin1String("--version")) {
        io.out() << QStringLiteral("sessionlens-cli %1").arg(QCoreApplication::applicationVersion())
                 << Qt::endl;
        return ExitOk;
    }
    io.err() << QCoreApplication::translate("CliMain", kUsage);
    io.err().flush();
    return command.isEmpty()
               ? ExitUsage
               : io.usage(
                     QCoreApplication::translate("CliMain", "unknown command '%1'").arg(command));
}

} // namespace
