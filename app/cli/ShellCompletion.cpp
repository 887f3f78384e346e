#include "ShellCompletion.h"

namespace sessionlens::cli {

namespace {

// Inside '...' in a shell script.
QString singleQuoted(const QString &text)
{
    QString out = text;
    out.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + out + u'\'';
}

// A command's case branch in bash: values after an option, then options, then files.
void bashBranch(QString &out, const QString &pattern, const CommandSyntax &command,
                const QString &indent)
{
    out += indent + pattern + QStringLiteral(")\n");
    QStringList names;
    QString valueCases;
    QStringList freeValues;
    for (const CommandOption &option : command.options()) {
        const QStringList spelled = option.spelled();
        names += spelled;
        if (!option.takesValue())
            continue;
        const QString label = spelled.join(u'|');
        if (option.hints.files)
            valueCases += indent + QStringLiteral("        %1) _filedir; return ;;\n").arg(label);
        else if (!option.hints.words.isEmpty())
            valueCases +=
                indent + QStringLiteral("        %1) COMPREPLY=($(compgen -W %2 -- \"$cur\")); "
                                        "return ;;\n")
                             .arg(label, singleQuoted(option.hints.words.join(u' ')));
        else
            freeValues += spelled;
    }
    if (!freeValues.isEmpty())
        valueCases += indent + QStringLiteral("        %1) return ;;\n").arg(freeValues.join(u'|'));
    if (!valueCases.isEmpty())
        out += indent + QStringLiteral("    case $prev in\n") + valueCases + indent +
               QStringLiteral("    esac\n");
    out += indent + QStringLiteral("    if [[ $cur == -* ]]; then\n") + indent +
           QStringLiteral("        COMPREPLY=($(compgen -W %1 -- \"$cur\"))\n")
               .arg(singleQuoted(names.join(u' '))) +
           indent + QStringLiteral("        return\n") + indent + QStringLiteral("    fi\n");
    bool files = false;
    for (const CommandSyntax::Positional &positional : command.positionals())
        files = files || positional.files;
    if (files)
        out += indent + QStringLiteral("    _filedir\n");
    out += indent + QStringLiteral("    ;;\n");
}

// [description] text inside a zsh _arguments spec.
QString zshDescription(const QString &text)
{
    QString out = text;
    out.replace(u'\\', QStringLiteral("\\\\"));
    out.replace(u'[', QStringLiteral("\\["));
    out.replace(u']', QStringLiteral("\\]"));
    out.replace(u':', QStringLiteral("\\:"));
    return out;
}

QString zshSpecs(const CommandSyntax &command)
{
    QStringList specs;
    for (const CommandOption &option : command.options()) {
        const QStringList spelled = option.spelled();
        QString action;
        if (option.takesValue()) {
            const QString value = zshDescription(option.option.valueName());
            if (option.hints.files)
                action = QStringLiteral(":%1:_files").arg(value);
            else if (!option.hints.words.isEmpty())
                action = QStringLiteral(":%1:(%2)").arg(value, option.hints.words.join(u' '));
            else
                action = QStringLiteral(":%1: ").arg(value);
        }
        const QString description =
            u'[' + zshDescription(option.option.description()) + u']' + action;
        for (const QString &name : spelled) {
            const QString prefix = option.hints.repeatable
                                       ? QStringLiteral("*")
                                       : QStringLiteral("(%1)").arg(spelled.join(u' '));
            specs.append(singleQuoted(prefix + name + description));
        }
    }
    bool files = false;
    for (const CommandSyntax::Positional &positional : command.positionals())
        files = files || positional.files;
    specs.append(
        singleQuoted(files ? QStringLiteral("*:file:_files") : QStringLiteral("*:argument: ")));
    return specs.join(QStringLiteral(" \\\n        "));
}

QString zshDescribeList(const QString &variable, const QList<CommandSyntax> &commands,
                        const QString &indent)
{
    QString out = indent + QStringLiteral("local -a %1\n").arg(variable) + indent +
                  QStringLiteral("%1=(\n").arg(variable);
    for (const CommandSyntax &command : commands) {
        QString summary = command.summary();
        summary.replace(u':', QStringLiteral("\\:"));
        out += indent + QStringLiteral("  %1\n").arg(singleQuoted(command.name() + u':' + summary));
    }
    return out + indent + QStringLiteral(")\n");
}

} // namespace

std::optional<ShellCompletion::Shell> ShellCompletion::shellFromName(const QString &name)
{
    if (name == QLatin1String("bash"))
        return Shell::Bash;
    if (name == QLatin1String("zsh"))
        return Shell::Zsh;
    return std::nullopt;
}

QString ShellCompletion::script(Shell shell, const QList<CommandSyntax> &commands)
{
    return shell == Shell::Bash ? bash(commands) : zsh(commands);
}

QString ShellCompletion::bash(const QList<CommandSyntax> &commands)
{
    QStringList names;
    for (const CommandSyntax &command : commands)
        names.append(command.name());
    names.append(QStringLiteral("help"));
    QString out = QStringLiteral(
        "# bash completion for sessionlens-cli\n"
        "# Written by `sessionlens-cli --dump-completion bash` at build time: do not edit.\n"
        "_sessionlens_cli()\n"
        "{\n"
        "    local cur prev words cword\n"
        "    _init_completion || return\n"
        "    if [[ $cword -eq 1 ]]; then\n");
    out += QStringLiteral("        COMPREPLY=($(compgen -W %1 -- \"$cur\"))\n")
               .arg(singleQuoted(names.join(u' ')));
    out += QStringLiteral("        return\n"
                          "    fi\n"
                          "    local command=${words[1]}\n"
                          "    case $command in\n");
    QString help = names.join(u' ');
    out += QStringLiteral("    help)\n        [[ $cword -eq 2 ]] && COMPREPLY=($(compgen -W %1 -- "
                          "\"$cur\"))\n        return ;;\n")
               .arg(singleQuoted(help));
    for (const CommandSyntax &command : commands) {
        if (command.subcommands().isEmpty()) {
            bashBranch(out, command.name(), command, QStringLiteral("    "));
            continue;
        }
        QStringList subNames;
        for (const CommandSyntax &sub : command.subcommands())
            subNames.append(sub.name());
        out += QStringLiteral("    %1)\n"
                              "        if [[ $cword -eq 2 ]]; then\n"
                              "            COMPREPLY=($(compgen -W %2 -- \"$cur\"))\n"
                              "            return\n"
                              "        fi\n"
                              "        case ${words[2]} in\n")
                   .arg(command.name(), singleQuoted(subNames.join(u' ')));
        for (const CommandSyntax &sub : command.subcommands())
            bashBranch(out, sub.name(), sub, QStringLiteral("        "));
        out += QStringLiteral("        esac\n        ;;\n");
    }
    out += QStringLiteral("    esac\n"
                          "}\n"
                          "complete -F _sessionlens_cli sessionlens-cli\n");
    return out;
}

QString ShellCompletion::zsh(const QList<CommandSyntax> &commands)
{
    QString out = QStringLiteral(
        "#compdef sessionlens-cli\n"
        "# zsh completion for sessionlens-cli\n"
        "# Written by `sessionlens-cli --dump-completion zsh` at build time: do not edit.\n"
        "_sessionlens_cli() {\n"
        "  if (( CURRENT == 2 )); then\n");
    QList<CommandSyntax> withHelp = commands;
    withHelp.append(CommandSyntax(QStringLiteral("help"), QStringLiteral("a command's options")));
    out += zshDescribeList(QStringLiteral("commands"), withHelp, QStringLiteral("    "));
    out += QStringLiteral("    _describe 'command' commands\n"
                          "    return\n"
                          "  fi\n"
                          "  shift words; (( CURRENT-- ))\n"
                          "  case $words[1] in\n");
    QStringList names;
    for (const CommandSyntax &command : commands)
        names.append(command.name());
    out += QStringLiteral("    help) (( CURRENT == 2 )) && _values 'command' %1 ;;\n")
               .arg(names.join(u' '));
    for (const CommandSyntax &command : commands) {
        if (command.subcommands().isEmpty()) {
            out += QStringLiteral("    %1)\n      _arguments -s : \\\n        %2 ;;\n")
                       .arg(command.name(), zshSpecs(command));
            continue;
        }
        out += QStringLiteral("    %1)\n      if (( CURRENT == 2 )); then\n").arg(command.name());
        out += zshDescribeList(QStringLiteral("subcommands"), command.subcommands(),
                               QStringLiteral("        "));
        out += QStringLiteral("        _describe 'subcommand' subcommands\n"
                              "        return\n"
                              "      fi\n"
                              "      shift words; (( CURRENT-- ))\n"
                              "      case $words[1] in\n");
        for (const CommandSyntax &sub : command.subcommands())
            out += QStringLiteral("        %1)\n          _arguments -s : \\\n        %2 ;;\n")
                       .arg(sub.name(), zshSpecs(sub));
        out += QStringLiteral("      esac\n      ;;\n");
    }
    out += QStringLiteral("  esac\n"
                          "}\n"
                          "_sessionlens_cli \"$@\"\n");
    return out;
}

} // namespace sessionlens::cli
