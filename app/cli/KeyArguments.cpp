#include "KeyArguments.h"

#include "StoredKeys.h"
#include "keys/RunKeyLoader.h"

namespace sessionlens::cli {

void KeyArguments::addOptions(QCommandLineParser &parser)
{
    parser.addOption({{QStringLiteral("k"), QStringLiteral("key")},
                      tr("AES key as a Python bytes literal, hex or base64 (repeatable)."),
                      tr("key")});
    parser.addOption(
        {QStringLiteral("key-file"), tr("File holding key text (repeatable)."), tr("file")});
    StoredKeys::addOptions(parser);
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

} // namespace sessionlens::cli
