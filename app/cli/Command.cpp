#include "Command.h"

namespace sessionlens::cli {

int Command::run(const QStringList &arguments)
{
    const CommandSyntax command = syntax();
    const CommandSyntax *chosen = &command;
    QStringList rest = arguments;
    m_subcommand.clear();
    m_io.setCommand(command.name());
    if (!command.subcommands().isEmpty()) {
        const QString name = arguments.value(1);
        if (name == QLatin1String("-h") || name == QLatin1String("--help")) {
            m_io.out() << command.helpText();
            m_io.out().flush();
            return ExitOk;
        }
        chosen = command.subcommand(name);
        if (!chosen) {
            QStringList names;
            for (const CommandSyntax &sub : command.subcommands())
                names.append(sub.name());
            return m_io.usage(
                tr("%1 needs one of: %2").arg(command.name(), names.join(QStringLiteral(", "))));
        }
        m_subcommand = name;
        m_io.setCommand(command.name() + u' ' + name);
        rest = QStringList{arguments.value(0)} + arguments.mid(2);
    }
    QCommandLineParser parser;
    chosen->configure(parser);
    if (!parser.parse(rest))
        return m_io.usage(parser.errorText());
    if (parser.isSet(QLatin1String(CommandSyntax::kHelpOption))) {
        m_io.out() << chosen->helpText(m_subcommand.isEmpty() ? QString() : command.name());
        m_io.out().flush();
        return ExitOk;
    }
    return execute(parser);
}

} // namespace sessionlens::cli
