#include "CommandRegistry.h"
#include "ManPageSection.h"
#include "ShellCompletion.h"
#include "TestData.h"
#include "formats/FormatRegistry.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace sessionlens;
using namespace sessionlens::cli;

namespace {

// A command no release has: registered by the test beside the standard ones, it must show up
// in every text made from the registry without any other file knowing of it.
class FrobCommand : public Command
{
public:
    using Command::Command;
    [[nodiscard]] CommandSyntax syntax() const override
    {
        CommandSyntax syntax(QStringLiteral("frobnicate-test"),
                             QStringLiteral("Frobnicates for the test."));
        syntax.addOption(
            {{QStringLiteral("z"), QStringLiteral("zap-level")},
             QStringLiteral("How hard to zap."),
             QStringLiteral("level")},
            CommandOption::Hints::oneOf({QStringLiteral("soft"), QStringLiteral("hard")}));
        syntax.addOption({QStringLiteral("frob-file"), QStringLiteral("Where the frobs are."),
                          QStringLiteral("file")},
                         CommandOption::Hints::path());
        syntax.addOption({{QStringLiteral("t"), QStringLiteral("frob-token")},
                          QStringLiteral("A secret token."),
                          QStringLiteral("token")},
                         CommandOption::Hints::secretValue());
        syntax.addPositionalArgument(QStringLiteral("thing"), QStringLiteral("The thing."),
                                     QStringLiteral("THING"));
        return syntax;
    }

protected:
    int execute(const QCommandLineParser &parser) override
    {
        // The exit code carries what was parsed, so the test sees the options arrive.
        if (parser.value(QStringLiteral("zap-level")) != QLatin1String("hard"))
            return 40;
        return 41 + int(parser.positionalArguments().size());
    }
};

struct Path
{
    QString command;
    QString subcommand;
    const CommandSyntax *syntax;
};

// Every command and subcommand of a registry, with their syntax.
QList<Path> everyPath(const QList<CommandSyntax> &commands)
{
    QList<Path> out;
    for (const CommandSyntax &command : commands) {
        if (command.subcommands().isEmpty())
            out.append({command.name(), {}, &command});
        for (const CommandSyntax &sub : command.subcommands())
            out.append({command.name(), sub.name(), &sub});
    }
    return out;
}

QString generated(const QString &name)
{
    QFile file(QStringLiteral(SESSIONLENS_CLI_GENERATED_DIR) + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

class TestCliCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodeHelpIsHelp();
    void everyCommandHelpListsEveryOption_data();
    void everyCommandHelpListsEveryOption();
    void helpOfNothingKnownIsAUsageError();
    void generatedFilesAreTheRegistrys();
    void completionsNameEveryCommandAndOption();
    void completionScriptsParse_data();
    void completionScriptsParse();
    void bashCompletionOffersWhatTheCommandTakes_data();
    void bashCompletionOffersWhatTheCommandTakes();
    void sealAndConvertHelpListTheRegistrysFormats();
    void aRegisteredCommandAppearsEverywhere();
    void aRegisteredCommandRunsThroughDispatch();
    void secretOptionsComeFromTheDefinitions();
};

void TestCliCommands::decodeHelpIsHelp()
{
    // It said "Unknown option 'help'" and exited 2, though the completion offered --help.
    const test::CliRun run = test::runCli({QStringLiteral("decode"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QVERIFY(run.out.startsWith("Usage: sessionlens-cli decode"));
    QVERIFY(run.out.contains("--key-file"));
    QVERIFY(run.out.contains("--lines"));
    const test::CliRun shortForm = test::runCli({QStringLiteral("decode"), QStringLiteral("-h")});
    QCOMPARE(shortForm.exitCode, 0);
    QCOMPARE(shortForm.out, run.out);
}

void TestCliCommands::everyCommandHelpListsEveryOption_data()
{
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QStringList>("options");
    const QList<CommandSyntax> commands = CommandRegistry::standard().syntaxes();
    const QList<Path> paths = everyPath(commands);
    // 12 commands, key's 7 subcommands and csrf's 2: a list that shrank would pass with fewer
    // rows.
    QCOMPARE(paths.size(), 21);
    for (const Path &path : paths) {
        QStringList options;
        for (const CommandOption &option : path.syntax->options())
            options += option.spelled();
        QStringList words{path.command};
        if (!path.subcommand.isEmpty())
            words.append(path.subcommand);
        QTest::newRow(qPrintable(words.join(u' '))) << words << options;
    }
}

void TestCliCommands::everyCommandHelpListsEveryOption()
{
    QFETCH(QStringList, path);
    QFETCH(QStringList, options);
    // Two options of one command never share a name (-c, say): the parser would keep only
    // the first, and the second would do nothing.
    QCOMPARE(QSet<QString>(options.cbegin(), options.cend()).size(), options.size());
    const test::CliRun viaOption = test::runCli(path + QStringList{QStringLiteral("--help")});
    const test::CliRun viaHelp = test::runCli(QStringList{QStringLiteral("help")} + path);
    QCOMPARE(viaOption.exitCode, 0);
    QCOMPARE(viaHelp.exitCode, 0);
    QVERIFY2(viaOption.err.isEmpty(), viaOption.err.constData());
    QVERIFY2(viaHelp.err.isEmpty(), viaHelp.err.constData());
    QCOMPARE(viaHelp.out, viaOption.out);
    const QString text = QString::fromUtf8(viaOption.out);
    QVERIFY(text.startsWith(QStringLiteral("Usage: sessionlens-cli %1").arg(path.join(u' '))));
    QVERIFY(options.contains(QStringLiteral("--help")));
    for (const QString &option : options) {
        // A whole word: --key must not pass because --key-file is there.
        const QRegularExpression word(
            QStringLiteral("(^|[ ,])%1([ ,<]|$)").arg(QRegularExpression::escape(option)),
            QRegularExpression::MultilineOption);
        QVERIFY2(word.match(text).hasMatch(), qPrintable(option + QStringLiteral(" in\n") + text));
    }
}

void TestCliCommands::helpOfNothingKnownIsAUsageError()
{
    QCOMPARE(test::runCli({QStringLiteral("help"), QStringLiteral("nosuch")}).exitCode, 2);
    QCOMPARE(test::runCli({QStringLiteral("help"), QStringLiteral("key"), QStringLiteral("nosuch")})
                 .exitCode,
             2);
    const test::CliRun unknownOption =
        test::runCli({QStringLiteral("decode"), QStringLiteral("--nosuch")});
    QCOMPARE(unknownOption.exitCode, 2);
    // The way out is the command's own help.
    QVERIFY2(unknownOption.err.contains("Try 'sessionlens-cli decode --help'."),
             unknownOption.err.constData());
    const test::CliRun keyAdd =
        test::runCli({QStringLiteral("key"), QStringLiteral("add"), QStringLiteral("--key-file")});
    QCOMPARE(keyAdd.exitCode, 2);
    QVERIFY2(keyAdd.err.contains("Try 'sessionlens-cli key add --help'."), keyAdd.err.constData());
    const test::CliRun key = test::runCli({QStringLiteral("key")});
    QCOMPARE(key.exitCode, 2);
    QVERIFY(key.err.contains("list, add, remove, rename, export, inspect, generate"));
    const test::CliRun keyHelp = test::runCli({QStringLiteral("key"), QStringLiteral("--help")});
    QCOMPARE(keyHelp.exitCode, 0);
    QVERIFY(keyHelp.out.contains("generate"));
    const test::CliRun help = test::runCli({QStringLiteral("help")});
    QCOMPARE(help.exitCode, 0);
    // The completion offers help after help: it is the usage again.
    const test::CliRun helpHelp = test::runCli({QStringLiteral("help"), QStringLiteral("help")});
    QCOMPARE(helpHelp.exitCode, 0);
    QCOMPARE(helpHelp.out, help.out);
    QCOMPARE(test::runCli({QStringLiteral("--dump-completion"), QStringLiteral("fish")}).exitCode,
             2);
}

void TestCliCommands::generatedFilesAreTheRegistrys()
{
    // What the build installed is what the registry says now: the build wrote these files
    // from the program it had just linked.
    const QList<CommandSyntax> commands = CommandRegistry::standard().syntaxes();
    const QString bash = generated(QStringLiteral("sessionlens-cli.bash"));
    const QString zsh = generated(QStringLiteral("_sessionlens-cli"));
    const QString man = generated(QStringLiteral("sessionlens-cli.1"));
    QVERIFY(!bash.isEmpty() && !zsh.isEmpty() && !man.isEmpty());
    QCOMPARE(bash, ShellCompletion::script(ShellCompletion::Shell::Bash, commands));
    QCOMPARE(zsh, ShellCompletion::script(ShellCompletion::Shell::Zsh, commands));
    const QString sections = ManPageSection::commands(commands);
    const qsizetype split = sections.indexOf(QLatin1String(".SH COMMANDS"));
    QVERIFY(split > 0);
    QVERIFY(man.contains(sections.left(split).trimmed()));
    QVERIFY(man.contains(sections.mid(split).trimmed()));
    // The template's own sections stay, in man's order.
    QVERIFY(man.indexOf(QLatin1String(".SH SYNOPSIS")) <
            man.indexOf(QLatin1String(".SH DESCRIPTION")));
    QVERIFY(man.indexOf(QLatin1String(".SH DESCRIPTION")) <
            man.indexOf(QLatin1String(".SH COMMANDS")));
    QVERIFY(man.contains(QLatin1String(".SH EXIT STATUS")));
    QVERIFY(!man.contains(QLatin1String("@COMMANDS@")));
    QVERIFY(!man.contains(QLatin1String("@SYNOPSIS@")));
}

void TestCliCommands::completionsNameEveryCommandAndOption()
{
    const QString bash = generated(QStringLiteral("sessionlens-cli.bash"));
    const QString zsh = generated(QStringLiteral("_sessionlens-cli"));
    const QString man = generated(QStringLiteral("sessionlens-cli.1"));
    const QList<CommandSyntax> commands = CommandRegistry::standard().syntaxes();
    QCOMPARE(commands.size(), 14);
    for (const CommandSyntax &command : commands) {
        QVERIFY2(bash.contains(QStringLiteral("    %1)\n").arg(command.name())),
                 qPrintable(command.name()));
        QVERIFY2(zsh.contains(u'\'' + command.name() + u':'), qPrintable(command.name()));
        QVERIFY2(man.contains(QStringLiteral(".B sessionlens\\-cli %1\n")
                                  .arg(ManPageSection::escaped(command.name()))),
                 qPrintable(command.name()));
    }
    for (const Path &path : everyPath(commands)) {
        for (const CommandOption &option : path.syntax->options()) {
            for (const QString &name : option.spelled()) {
                QVERIFY2(bash.contains(u' ' + name + u' ') || bash.contains(u'\'' + name + u' ') ||
                             bash.contains(u' ' + name + u'\''),
                         qPrintable(path.command + u' ' + name));
                QVERIFY2(zsh.contains(name + u'['), qPrintable(path.command + u' ' + name));
                if (option.longName() != QLatin1String(CommandSyntax::kHelpOption))
                    QVERIFY2(man.contains(
                                 QStringLiteral("\\fB%1\\fR").arg(ManPageSection::escaped(name))),
                             qPrintable(path.command + u' ' + name));
            }
        }
    }
}

void TestCliCommands::completionScriptsParse_data()
{
    QTest::addColumn<QString>("shell");
    QTest::addColumn<QString>("script");
    QTest::newRow("bash") << QStringLiteral("bash") << QStringLiteral("sessionlens-cli.bash");
    QTest::newRow("zsh") << QStringLiteral("zsh") << QStringLiteral("_sessionlens-cli");
}

void TestCliCommands::completionScriptsParse()
{
    QFETCH(QString, shell);
    QFETCH(QString, script);
    const QString program = QStandardPaths::findExecutable(shell);
    if (program.isEmpty())
        QSKIP("this shell is not installed here to check the script's syntax");
    QProcess process;
    process.start(program, {QStringLiteral("-n"),
                            QStringLiteral(SESSIONLENS_CLI_GENERATED_DIR) + u'/' + script});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
}

void TestCliCommands::bashCompletionOffersWhatTheCommandTakes_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("offered");
    const auto row = [](const char *name, const QStringList &words, const char *offered) {
        QTest::newRow(name) << (QStringList{QStringLiteral("sessionlens-cli")} + words)
                            << QString::fromLatin1(offered);
    };
    row("command", {QStringLiteral("de")}, "decode");
    row("long options", {QStringLiteral("decode"), QStringLiteral("--key-")},
        "--key-derivation --key-file");
    row("option words", {QStringLiteral("decode"), QStringLiteral("--format"), QString()},
        "json python tree");
    row("subcommand", {QStringLiteral("key"), QStringLiteral("ge")}, "generate");
    row("subcommand option words",
        {QStringLiteral("key"), QStringLiteral("generate"), QStringLiteral("--size"), QString()},
        "16 24 32");
    row("short options", {QStringLiteral("capture"), QStringLiteral("-")},
        "--body --cookie --cookie-file --cookie-jar --cookie-name --data --data-file --digest "
        "--format --header --help --insecure-host --json --key --key-derivation --key-file "
        "--legacy-timestamps --max-age --max-redirects --max-time --method --no-ring --salt "
        "--secret --secret-file --timeout -H -X -b -c -d -h -k -s");
    row("help's commands", {QStringLiteral("help"), QStringLiteral("ke")}, "key");
    row("a file option", {QStringLiteral("seal"), QStringLiteral("--key-file"), QString()},
        "FILES");
    row("a file argument", {QStringLiteral("seal"), QString()}, "FILES");
    row("a secret's value", {QStringLiteral("decode"), QStringLiteral("--secret"), QString()}, "");
    // The formats come from the registry: a format registered there is offered without a word
    // in seal or convert.
    QStringList ids = FormatRegistry::builtIn().ids();
    ids.sort();
    const QByteArray formats = ids.join(u' ').toLatin1();
    QVERIFY(ids.size() >= 2);
    row("seal's formats", {QStringLiteral("seal"), QStringLiteral("--format"), QString()},
        formats.constData());
    row("convert's targets", {QStringLiteral("convert"), QStringLiteral("--to"), QString()},
        formats.constData());
    row("edit's compression", {QStringLiteral("edit"), QStringLiteral("--compress"), QString()},
        "always auto keep never");
}

void TestCliCommands::sealAndConvertHelpListTheRegistrysFormats()
{
    for (const char *command : {"seal", "convert"}) {
        const test::CliRun run =
            test::runCli({QString::fromLatin1(command), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        // The option's text, wrapped as the help wraps it, names every registered format.
        const QString help = QString::fromUtf8(run.out).simplified();
        const QString option = help.mid(help.indexOf(
            QLatin1String(command == QByteArray("seal") ? "--format <format>" : "--to <format>")));
        for (const QString &id : FormatRegistry::builtIn().ids())
            QVERIFY2(
                option.left(120).contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(id))),
                qPrintable(option.left(120)));
    }
    // The man page the build wrote knows the new command and its options.
    const QString manPage = generated(QStringLiteral("sessionlens-cli.1"));
    QVERIFY(manPage.contains(QStringLiteral(R"(\fB\-\-keep\-timestamp\fR)")));
}

void TestCliCommands::bashCompletionOffersWhatTheCommandTakes()
{
    // The generated script, run by bash with bash-completion's two helpers stood in for:
    // what it offers after the words typed so far.
    QFETCH(QStringList, words);
    QFETCH(QString, offered);
    const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
    if (bash.isEmpty())
        QSKIP("no bash");
    const QString driver =
        QStringLiteral("_init_completion() { words=(\"${COMP_WORDS[@]}\"); cword=$COMP_CWORD; "
                       "cur=${words[cword]}; prev=${words[cword-1]}; }\n"
                       "_filedir() { COMPREPLY=(FILES); }\n"
                       "source \"$1\"\n"
                       "shift\n"
                       "COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMPREPLY=()\n"
                       "_sessionlens_cli\n"
                       "printf '%s\\n' \"${COMPREPLY[@]}\" | LC_ALL=C sort | tr '\\n' ' '\n");
    QProcess process;
    process.start(bash, QStringList{QStringLiteral("-c"), driver, QStringLiteral("driver"),
                                    QStringLiteral(SESSIONLENS_CLI_GENERATED_DIR) +
                                        QStringLiteral("/sessionlens-cli.bash")} +
                            words);
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()).trimmed(), offered);
}

void TestCliCommands::aRegisteredCommandAppearsEverywhere()
{
    CommandRegistry registry = CommandRegistry::standard();
    const QString before = registry.usageText();
    QVERIFY(!before.contains(QLatin1String("frobnicate-test")));
    registry.add<FrobCommand>();
    const QList<CommandSyntax> commands = registry.syntaxes();

    const QString usage = registry.usageText();
    QVERIFY(usage.contains(QLatin1String("  frobnicate-test  Frobnicates for the test.")));
    const auto help = registry.helpText({QStringLiteral("frobnicate-test")});
    QVERIFY(help.has_value());
    QVERIFY(
        help->startsWith(QLatin1String("Usage: sessionlens-cli frobnicate-test [OPTIONS] THING")));
    QVERIFY(help->contains(QLatin1String("-z, --zap-level <level>")));
    QVERIFY(help->contains(QLatin1String("--frob-file <file>")));

    const QString bash = ShellCompletion::script(ShellCompletion::Shell::Bash, commands);
    QVERIFY(bash.contains(QLatin1String("frobnicate-test)")));
    QVERIFY(bash.contains(QLatin1String("-z|--zap-level) COMPREPLY=($(compgen -W 'soft hard'")));
    QVERIFY(bash.contains(QLatin1String("--frob-file) _filedir; return ;;")));
    const QString zsh = ShellCompletion::script(ShellCompletion::Shell::Zsh, commands);
    QVERIFY(zsh.contains(QLatin1String("'frobnicate-test:Frobnicates for the test.'")));
    QVERIFY(zsh.contains(QLatin1String("--zap-level[How hard to zap.]:level:(soft hard)")));
    const QString man = ManPageSection::commands(commands);
    QVERIFY(man.contains(QLatin1String(".B sessionlens\\-cli frobnicate\\-test\n")));
    QVERIFY(man.contains(QLatin1String("\\fB\\-z\\fR, \\fB\\-\\-zap\\-level\\fR \\fIlevel\\fR")));
}

void TestCliCommands::aRegisteredCommandRunsThroughDispatch()
{
    CommandRegistry registry = CommandRegistry::standard();
    registry.add<FrobCommand>();
    CliIo io;
    const QString program = QStringLiteral("sessionlens-cli");
    const QString name = QStringLiteral("frobnicate-test");
    QCOMPARE(registry.dispatch(io, {program, name, QStringLiteral("-z"), QStringLiteral("hard"),
                                    QStringLiteral("a"), QStringLiteral("b")}),
             43);
    QCOMPARE(registry.dispatch(io, {program, name, QStringLiteral("--zap-level=soft")}), 40);
    QCOMPARE(registry.dispatch(io, {program, name, QStringLiteral("--help")}), 0);
    QCOMPARE(registry.dispatch(io, {program, QStringLiteral("help"), name}), 0);
    QCOMPARE(registry.dispatch(io, {program, name, QStringLiteral("--zap")}), 2);
    // A standard registry knows nothing of it.
    QCOMPARE(CommandRegistry::standard().dispatch(io, {program, name}), 2);
}

void TestCliCommands::secretOptionsComeFromTheDefinitions()
{
    // main() wipes the values of these from the process's arguments (tst_capturesafety reads
    // /proc/PID/cmdline of a running proxy); a secret option a command adds joins them.
    QStringList standard = CommandRegistry::standard().secretOptions();
    standard.sort();
    QCOMPARE(standard, (QStringList{QStringLiteral("--cookie"), QStringLiteral("--key"),
                                    QStringLiteral("--secret"), QStringLiteral("--session"),
                                    QStringLiteral("--token"), QStringLiteral("-b"),
                                    QStringLiteral("-k"), QStringLiteral("-s")}));
    CommandRegistry registry = CommandRegistry::standard();
    registry.add<FrobCommand>();
    const QStringList withFrob = registry.secretOptions();
    QVERIFY(withFrob.contains(QStringLiteral("-t")));
    QVERIFY(withFrob.contains(QStringLiteral("--frob-token")));
    QVERIFY(!withFrob.contains(QStringLiteral("--zap-level")));
}

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_CliCommands.moc"
