#include "KeyArguments.h"

#include "StoredKeys.h"
#include "formats/KeyNeed.h"
#include "keys/RunKeyLoader.h"

namespace sessionlens::cli {

void KeyArguments::addOptions(CommandSyntax &syntax)
{
    syntax.addOption({{QStringLiteral("k"), QStringLiteral("key")},
                      tr("AES key as a Python bytes literal, hex or base64 (repeatable)."),
                      tr("key")},
                     CommandOption::Hints::repeated().hidden());
    syntax.addOption(
        {QStringLiteral("key-file"), tr("File holding key text (repeatable)."), tr("file")},
        CommandOption::Hints::paths());
    StoredKeys::addOptions(syntax);
}

Result<Done> KeyArguments::load(const QCommandLineParser &parser, CliIo &, KeyRing &ring)
{
    RunKeyLoader::Sources sources;
    sources.keyTexts = parser.values(QStringLiteral("key"));
    sources.keyFiles = parser.values(QStringLiteral("key-file"));
    auto keys = RunKeyLoader::load(sources);
    if (!keys)
        return keys.error();
    for (SessionKey &key : keys.value()) {
        auto added = ring.add(std::move(key));
        if (!added)
            return added.error();
    }
    return Done{};
}

std::optional<QString> KeyArguments::missingToOpen(const KeyRing &ring, const CookieFormat &format)
{
    const auto missing = KeyNeed::missingToOpen(format, ring);
    if (!missing)
        return std::nullopt;
    return tr("%1: give --key or --key-file").arg(missing->message);
}

} // namespace sessionlens::cli
