#include "CommandSyntax.h"

#include <algorithm>

namespace sessionlens::cli {

namespace {

constexpr qsizetype kHelpWidth = 79;
constexpr qsizetype kMaxLabelWidth = 30;

QString optionLabel(const CommandOption &option)
{
    const QString shortName = option.shortName();
    QString label =
        shortName.isEmpty() ? QStringLiteral("    ") : u'-' + shortName + QStringLiteral(", ");
    if (option.longName().size() > 1)
        label += QStringLiteral("--") + option.longName();
    if (option.takesValue())
        label += QStringLiteral(" <%1>").arg(option.option.valueName());
    return label;
}

} // namespace

void CommandSyntax::appendRow(QString &out, const QString &label, const QString &text,
                              qsizetype labelWidth)
{
    const QString indent(labelWidth + 4, u' ');
    QString line = QStringLiteral("  ") + label;
    if (line.size() >= labelWidth + 4) {
        out += line + u'\n';
        line = indent;
    } else {
        line = line.leftJustified(labelWidth + 4);
    }
    bool first = true;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (!first && line.size() + 1 + word.size() > kHelpWidth) {
            out += line + u'\n';
            line = indent;
            first = true;
        }
        if (!first)
            line += u' ';
        line += word;
        first = false;
    }
    out += line + u'\n';
}

CommandSyntax::CommandSyntax(QString name, QString summary)
    : m_name(std::move(name)), m_summary(std::move(summary))
{
    addOption({{QStringLiteral("h"), QLatin1String(kHelpOption)}, tr("Show this help and exit.")});
}

const CommandSyntax *CommandSyntax::subcommand(const QString &name) const
{
    for (const CommandSyntax &sub : m_subcommands) {
        if (sub.name() == name)
            return &sub;
    }
    return nullptr;
}

const CommandOption *CommandSyntax::option(const QString &name) const
{
    for (const CommandOption &option : m_options) {
        if (option.option.names().contains(name))
            return &option;
    }
    return nullptr;
}

void CommandSyntax::addOption(const QCommandLineOption &option, const CommandOption::Hints &hints)
{
    // The same option from two shared sets is one option. One that only shares a name with
    // another is kept, so that the clash shows (tst_clicommands) instead of vanishing.
    for (const CommandOption &existing : std::as_const(m_options)) {
        if (existing.option.names() == option.names())
            return;
    }
    m_options.append({option, hints});
}

void CommandSyntax::addPositionalArgument(const QString &name, const QString &description,
                                          const QString &syntax, bool files)
{
    m_positionals.append({name, description, syntax.isEmpty() ? name.toUpper() : syntax, files});
}

void CommandSyntax::addSubcommand(CommandSyntax subcommand)
{
    m_subcommands.append(std::move(subcommand));
}

QString CommandSyntax::usageLine(const QString &parent) const
{
    QString line = parent.isEmpty() ? m_name : parent + u' ' + m_name;
    if (!m_subcommands.isEmpty())
        return line + u' ' + tr("SUBCOMMAND") + QStringLiteral(" ...");
    line += u' ' + tr("[OPTIONS]");
    for (const Positional &positional : m_positionals)
        line += u' ' + positional.syntax;
    return line;
}

QString CommandSyntax::helpText(const QString &parent) const
{
    QString out = tr("Usage: sessionlens-cli %1").arg(usageLine(parent)) + u'\n';
    if (!m_summary.isEmpty())
        out += u'\n' + m_summary + u'\n';
    if (!m_subcommands.isEmpty()) {
        out += u'\n' + tr("Subcommands:") + u'\n';
        qsizetype width = 0;
        for (const CommandSyntax &sub : m_subcommands)
            width = std::max(width, sub.name().size());
        for (const CommandSyntax &sub : m_subcommands)
            appendRow(out, sub.name(), sub.summary(), width);
        out += u'\n' +
               tr("'sessionlens-cli %1 SUBCOMMAND --help' lists a subcommand's options.")
                   .arg(parent.isEmpty() ? m_name : parent + u' ' + m_name) +
               u'\n';
        return out;
    }
    if (!m_positionals.isEmpty()) {
        out += u'\n' + tr("Arguments:") + u'\n';
        qsizetype width = 0;
        for (const Positional &positional : m_positionals)
            width = std::max(width, positional.syntax.size());
        for (const Positional &positional : m_positionals)
            appendRow(out, positional.syntax, positional.description,
                      std::min(width, kMaxLabelWidth));
    }
    out += u'\n' + tr("Options:") + u'\n';
    qsizetype width = 0;
    for (const CommandOption &option : m_options)
        width = std::max(width, optionLabel(option).size());
    width = std::min(width, kMaxLabelWidth);
    for (const CommandOption &option : m_options) {
        if (option.hidden())
            continue;
        appendRow(out, optionLabel(option), option.option.description(), width);
    }
    return out;
}

void CommandSyntax::configure(QCommandLineParser &parser) const
{
    for (const CommandOption &option : m_options)
        parser.addOption(option.option);
    for (const Positional &positional : m_positionals)
        parser.addPositionalArgument(positional.name, positional.description, positional.syntax);
}

} // namespace sessionlens::cli
