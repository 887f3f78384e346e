#include "ManPageSection.h"

namespace sessionlens::cli {

namespace {

// A paragraph line: a leading '.' or '\'' would be read as a request.
QString textLine(const QString &text)
{
    const QString line = ManPageSection::escaped(text);
    if (line.startsWith(u'.') || line.startsWith(u'\''))
        return QStringLiteral("\\&") + line;
    return line;
}

QString optionTerm(const CommandOption &option)
{
    QStringList names;
    for (const QString &name : option.spelled())
        names.append(QStringLiteral("\\fB%1\\fR").arg(ManPageSection::escaped(name)));
    QString term = names.join(QStringLiteral(", "));
    if (option.takesValue())
        term +=
            QStringLiteral(" \\fI%1\\fR").arg(ManPageSection::escaped(option.option.valueName()));
    return term;
}

void appendCommand(QString &out, const CommandSyntax &command, const QString &parent)
{
    const QString name = parent.isEmpty() ? command.name() : parent + u' ' + command.name();
    out += QStringLiteral(".TP\n\\fB%1\\fR").arg(ManPageSection::escaped(name));
    if (command.subcommands().isEmpty()) {
        out += QStringLiteral(" [\\fIOPTIONS\\fR]");
        for (const CommandSyntax::Positional &positional : command.positionals())
            out += u' ' + ManPageSection::escaped(positional.syntax);
    }
    out += u'\n' + textLine(command.summary()) + u'\n';
    if (!command.subcommands().isEmpty()) {
        for (const CommandSyntax &sub : command.subcommands())
            appendCommand(out, sub, name);
        return;
    }
    bool any = false;
    for (const CommandOption &option : command.options()) {
        if (option.hidden() || option.longName() == QLatin1String(CommandSyntax::kHelpOption))
            continue;
        if (!any)
            out += QStringLiteral(".RS\n");
        any = true;
        out += QStringLiteral(".TP\n") + optionTerm(option) + u'\n' +
               textLine(option.option.description()) + u'\n';
    }
    if (any)
        out += QStringLiteral(".RE\n");
}

} // namespace

QString ManPageSection::escaped(const QString &text)
{
    QString out = text;
    out.replace(u'\\', QStringLiteral("\\e"));
    out.replace(u'-', QStringLiteral("\\-"));
    return out;
}

QString ManPageSection::commands(const QList<CommandSyntax> &commands)
{
    QString out = QStringLiteral(".SH SYNOPSIS\n");
    for (const CommandSyntax &command : commands) {
        out += QStringLiteral(".B sessionlens\\-cli %1\n").arg(escaped(command.name()));
        out += (command.subcommands().isEmpty()
                    ? QStringLiteral("[\\fIOPTIONS\\fR]")
                    : QStringLiteral("\\fISUBCOMMAND\\fR [\\fIOPTIONS\\fR]"));
        for (const CommandSyntax::Positional &positional : command.positionals())
            out += u' ' + escaped(positional.syntax);
        out += QStringLiteral("\n.br\n");
    }
    out += QStringLiteral(".B sessionlens\\-cli help\n[\\fICOMMAND\\fR]\n");
    out += QStringLiteral(".SH COMMANDS\n"
                          "Every command takes \\fB\\-h\\fR, \\fB\\-\\-help\\fR, which lists its "
                          "options; so does \\fBsessionlens\\-cli help\\fR \\fICOMMAND\\fR.\n");
    for (const CommandSyntax &command : commands)
        appendCommand(out, command, {});
    return out;
}

} // namespace sessionlens::cli
