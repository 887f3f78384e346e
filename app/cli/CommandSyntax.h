#pragma once

#include "CommandOption.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>

namespace sessionlens::cli {

/**
 * What a command is on the command line: its name, one line that says what it does, its
 * options and positional arguments, and its subcommands (`key add`). The parser, the help
 * text, the usage list, the shell completions and the man page are all made from this one
 * description.
 *
 * addOption() and addPositionalArgument() take what QCommandLineParser's functions of the
 * same names take, so a command declares its options as it would add them to a parser.
 */
class CommandSyntax
{
    Q_DECLARE_TR_FUNCTIONS(CommandSyntax)

public:
    struct Positional
    {
        QString name;        ///< for the help: "cookie"
        QString description; ///< translated
        QString syntax;      ///< as the usage line shows it: "[COOKIE|-]", "FILE..."
        bool files = false;  ///< a shell may complete file names here
    };

    CommandSyntax() = default;
    CommandSyntax(QString name, QString summary);

    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] const QString &summary() const { return m_summary; }
    [[nodiscard]] const QList<CommandOption> &options() const { return m_options; }
    [[nodiscard]] const QList<Positional> &positionals() const { return m_positionals; }
    [[nodiscard]] const QList<CommandSyntax> &subcommands() const { return m_subcommands; }
    [[nodiscard]] const CommandSyntax *subcommand(const QString &name) const;
    /// The option with this long (or only) name, or nullptr.
    [[nodiscard]] const CommandOption *option(const QString &name) const;

    /// Adds an option; one with exactly the names of a declared one is left out, so that two
    /// shared option sets may both offer it (--no-ring) and it is listed once.
    void addOption(const QCommandLineOption &option, const CommandOption::Hints &hints = {});
    /// `syntax` is what the usage line shows; by default the name in capitals.
    void addPositionalArgument(const QString &name, const QString &description,
                               const QString &syntax = {}, bool files = false);
    void addSubcommand(CommandSyntax subcommand);

    /// "decode [OPTIONS] [COOKIE|-]"; with a `parent` ("key"), "key add ...".
    [[nodiscard]] QString usageLine(const QString &parent = {}) const;
    /// The help `COMMAND --help` and `help COMMAND` print.
    [[nodiscard]] QString helpText(const QString &parent = {}) const;
    /// A parser that knows every option, `-h`/`--help` included.
    void configure(QCommandLineParser &parser) const;

    /// Appends "  label   text" to `out`, the text wrapped at word boundaries beside a label
    /// column `labelWidth` wide, as every help and usage text lays out its rows.
    static void appendRow(QString &out, const QString &label, const QString &text,
                          qsizetype labelWidth);

    /// The option every command answers: -h, --help.
    static constexpr const char *kHelpOption = "help";

private:
    QString m_name;
    QString m_summary;
    QList<CommandOption> m_options;
    QList<Positional> m_positionals;
    QList<CommandSyntax> m_subcommands;
};

} // namespace sessionlens::cli
