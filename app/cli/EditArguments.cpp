#include "EditArguments.h"

#include "document/SessionEdit.h"

#include <QHash>

namespace sessionlens::cli {

namespace {

const QString kSet = QStringLiteral("set");
const QString kDelete = QStringLiteral("delete");
const QString kRename = QStringLiteral("rename");

bool isEditOption(const QString &name)
{
    return name == kSet || name == kDelete || name == kRename;
}

} // namespace

void EditArguments::addOptions(CommandSyntax &syntax, bool deleteAndRename)
{
    syntax.addOption({kSet,
                      tr("Set the value at PATH (session['a'][0] or a.0) to JSON in the "
                         "format's dialect; a new key or the item after the last is added "
                         "(repeatable)."),
                      tr("path=json")},
                     CommandOption::Hints::repeated());
    if (!deleteAndRename)
        return;
    syntax.addOption({kDelete, tr("Delete the key or item at PATH (repeatable)."), tr("path")},
                     CommandOption::Hints::repeated());
    syntax.addOption({kRename, tr("Rename the key at PATH to KEY (repeatable)."), tr("path=key")},
                     CommandOption::Hints::repeated());
}

qsizetype EditArguments::count(const QCommandLineParser &parser)
{
    const QStringList names = parser.optionNames();
    return std::count_if(names.begin(), names.end(), isEditOption);
}

std::optional<int> EditArguments::apply(const QCommandLineParser &parser, CliIo &io,
                                        const CookieFormat &format, SessionDocument &document)
{
    // optionNames() lists each occurrence in command-line order, so --set, --delete and
    // --rename apply in the order they were given, not grouped by option.
    QHash<QString, qsizetype> seen;
    for (const QString &name : parser.optionNames()) {
        if (!isEditOption(name))
            continue;
        const QString text = parser.values(name).value(seen[name]++);
        const QString given = QStringLiteral("--%1 %2").arg(name, text);
        QStringList warnings;
        auto edit = name == kSet      ? SessionEdit::set(text, format, &warnings)
                    : name == kDelete ? SessionEdit::remove(text)
                                      : SessionEdit::rename(text);
        for (const QString &warning : std::as_const(warnings))
            io.err() << tr("warning: %1: %2").arg(given, warning) << Qt::endl;
        if (!edit) {
            // A path that does not parse is how the command was called; a value that does not
            // is the reader's step, as a file given to seal would be.
            if (edit.error().category == ErrorCategory::Format)
                return io.usage(tr("%1: %2").arg(given, edit.error().message));
            Error error = edit.error();
            error.detail = given;
            return io.fail(error);
        }
        auto applied = edit->applyTo(document);
        if (!applied) {
            Error error = applied.error();
            error.detail = given;
            return io.fail(error);
        }
    }
    return std::nullopt;
}

} // namespace sessionlens::cli
