#pragma once

#include <QCommandLineOption>
#include <QStringList>

namespace sessionlens::cli {

/**
 * One option of a command as the command declares it: the QCommandLineOption the parser
 * reads (names, help, value name, default), plus what help, completion and the man page need
 * to know beyond it. Declared once, so the three cannot say different things.
 */
struct CommandOption
{
    /// What a shell may offer for the option's value.
    struct Hints
    {
        bool files = false;      ///< a path: complete file names
        QStringList words;       ///< one of these words (tree, json, ...)
        bool repeatable = false; ///< may be given more than once (--key, -H)

        /// A path, given once.
        [[nodiscard]] static Hints path() { return {true, {}, false}; }
        /// Paths, the option repeated.
        [[nodiscard]] static Hints paths() { return {true, {}, true}; }
        /// A value given more than once.
        [[nodiscard]] static Hints repeated() { return {false, {}, true}; }
        [[nodiscard]] static Hints oneOf(QStringList words)
        {
            return {false, std::move(words), false};
        }
    };

    QCommandLineOption option;
    Hints hints;

    [[nodiscard]] bool takesValue() const { return !option.valueName().isEmpty(); }
    [[nodiscard]] bool hidden() const
    {
        return option.flags().testFlag(QCommandLineOption::HiddenFromHelp);
    }
    /// The long name (--key), or the only name when there is no long one.
    [[nodiscard]] QString longName() const;
    /// The one-letter name (k), or empty.
    [[nodiscard]] QString shortName() const;
    /// Every name with its dashes: {"-k", "--key"}.
    [[nodiscard]] QStringList spelled() const;
};

} // namespace sessionlens::cli
