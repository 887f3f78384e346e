#include "CommandRegistry.h"

#include "AuditCommand.h"
#include "CaptureCommand.h"
#include "ConvertCommand.h"
#include "CrackCommand.h"
#include "CsrfCommand.h"
#include "DecodeCommand.h"
#include "EditCommand.h"
#include "ImportCommand.h"
#include "KeyCommand.h"
#include "ManPageSection.h"
#include "ProxyCommand.h"
#include "SealCommand.h"
#include "ShellCompletion.h"
#include "SignCommand.h"
#include "StatsCommand.h"
#include "WatchCommand.h"

#include <algorithm>

namespace sessionlens::cli {

CommandRegistry CommandRegistry::standard()
{
    CommandRegistry registry;
    registry.add<DecodeCommand>();
    registry.add<SealCommand>();
    registry.add<SignCommand>();
    registry.add<StatsCommand>();
    registry.add<EditCommand>();
    registry.add<ConvertCommand>();
    registry.add<CrackCommand>();
    registry.add<CaptureCommand>();
    registry.add<ProxyCommand>();
    registry.add<ImportCommand>();
    registry.add<WatchCommand>();
    registry.add<AuditCommand>();
    registry.add<KeyCommand>();
    registry.add<CsrfCommand>();
    return registry;
}

void CommandRegistry::add(Factory factory)
{
    m_factories.append(std::move(factory));
}

QList<CommandSyntax> CommandRegistry::syntaxes() const
{
    CliIo io;
    QList<CommandSyntax> out;
    for (const Factory &factory : m_factories)
        out.append(factory(io)->syntax());
    return out;
}

std::unique_ptr<Command> CommandRegistry::create(const QString &name, CliIo &io) const
{
    for (const Factory &factory : m_factories) {
        std::unique_ptr<Command> command = factory(io);
        if (command->syntax().name() == name)
            return command;
    }
    return nullptr;
}

QStringList CommandRegistry::secretOptions() const
{
    QStringList out;
    const auto collect = [&out](const CommandSyntax &syntax) {
        for (const CommandOption &option : syntax.options()) {
            if (!option.hints.secret)
                continue;
            for (const QString &name : option.spelled()) {
                if (!out.contains(name))
                    out.append(name);
            }
        }
    };
    for (const CommandSyntax &command : syntaxes()) {
        collect(command);
        for (const CommandSyntax &sub : command.subcommands())
            collect(sub);
    }
    return out;
}

QString CommandRegistry::usageText() const
{
    const QList<CommandSyntax> commands = syntaxes();
    QString out = tr("Usage: sessionlens-cli COMMAND [OPTIONS]") + QStringLiteral("\n\n") +
                  tr("Commands:") + u'\n';
    qsizetype width = QStringLiteral("help").size();
    for (const CommandSyntax &command : commands)
        width = std::max(width, command.name().size());
    for (const CommandSyntax &command : commands)
        CommandSyntax::appendRow(out, command.name(), command.summary(), width);
    CommandSyntax::appendRow(out, QStringLiteral("help"),
                             tr("This text, or a command's options: help COMMAND."), width);
    out += u'\n' +
           tr("'sessionlens-cli COMMAND --help' or 'sessionlens-cli help COMMAND' lists a "
              "command's options.\n"
              "Commands that open or make cookies also use the stored key ring, after the keys "
              "given\n"
              "for the run (--no-ring: only those); seal, sign and convert take --with NAME.\n"
              "Keys may be Python bytes literals (b'...'), hex or base64. Secrets (Flask "
              "SECRET_KEY)\n"
              "are taken as text.\n"
              "Exit codes: 0 ok, 2 usage, 3 format or base64, 4 authentication, 5 "
              "decompression,\n"
              "6 encoding, 7 JSON, 8 limit, 9 key text, 10 input/output.") +
           u'\n';
    return out;
}

std::optional<QString> CommandRegistry::helpText(const QStringList &path) const
{
    if (path.isEmpty() || path == QStringList{QStringLiteral("help")})
        return usageText();
    for (const CommandSyntax &command : syntaxes()) {
        if (command.name() != path.constFirst())
            continue;
        if (path.size() == 1)
            return command.helpText();
        const CommandSyntax *sub = command.subcommand(path.at(1));
        if (!sub || path.size() > 2)
            return std::nullopt;
        return sub->helpText(command.name());
    }
    return std::nullopt;
}

int CommandRegistry::dispatch(CliIo &io, const QStringList &arguments) const
{
    const QString command = arguments.value(1);
    const QStringList rest = QStringList{arguments.value(0)} + arguments.mid(2);
    if (command == QLatin1String("help") || command == QLatin1String("--help") ||
        command == QLatin1String("-h")) {
        const auto text = helpText(arguments.mid(2));
        if (!text)
            return io.usage(tr("no help for '%1': not a command").arg(arguments.mid(2).join(u' ')));
        io.out() << *text;
        io.out().flush();
        return ExitOk;
    }
    if (command == QLatin1String("--version")) {
        io.out() << QStringLiteral("sessionlens-cli %1").arg(QCoreApplication::applicationVersion())
                 << Qt::endl;
        return ExitOk;
    }
    // For the build, which writes the completion scripts and the man page from these.
    if (command == QLatin1String("--dump-completion")) {
        const auto shell = ShellCompletion::shellFromName(arguments.value(2));
        if (!shell || arguments.size() != 3)
            return io.usage(tr("--dump-completion takes bash or zsh"));
        io.out() << ShellCompletion::script(*shell, syntaxes());
        io.out().flush();
        return ExitOk;
    }
    if (command == QLatin1String("--dump-manpage-synopsis")) {
        if (arguments.size() != 2)
            return io.usage(tr("--dump-manpage-synopsis takes no arguments"));
        io.out() << ManPageSection::commands(syntaxes());
        io.out().flush();
        return ExitOk;
    }
    if (!command.isEmpty()) {
        if (std::unique_ptr<Command> found = create(command, io))
            return found->run(rest);
    }
    io.err() << usageText();
    io.err().flush();
    return command.isEmpty() ? ExitUsage : io.usage(tr("unknown command '%1'").arg(command));
}

} // namespace sessionlens::cli
