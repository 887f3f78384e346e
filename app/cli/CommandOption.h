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
        /// The value is a secret (a key, a cookie): main() wipes it from the process's
        /// arguments, where other users could read it (ps, /proc/PID/cmdline).
        bool secret = false;

        /// A path, given once.
        [[nodiscard]] static Hints path() { return {true, {}, false, false}; }
        /// Paths, the option repeated.
        [[nodiscard]] static Hints paths() { return {true, {}, true, false}; }
        /// A value given more than once.
        [[nodiscard]] static Hints repeated() { return {false, {}, true, false}; }
        [[nodiscard]] static Hints oneOf(QStringList words)
        {
            return {false, std::move(words), false, false};
        }
        /// A secret value, given once.
        [[nodiscard]] static Hints secretValue() { return {false, {}, false, true}; }
        /// These hints, the value a secret.
        [[nodiscard]] Hints hidden() const
        {
            Hints hints = *this;
            hints.secret = true;
            return hints;
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
