#include "KeyArguments.h"

#include "keys/KeyTextParser.h"

namespace sessionlens::cli {

void KeyArguments::addOptions(QCommandLineParser &parser)
{
    parser.addOption({{QStringLiteral("k"), QStringLiteral("key")},
                      tr("AES key as a Python bytes literal, hex or base64 (repeatable)."),
                      tr("key")});
    parser.addOption({QStringLiteral("key-file"), tr("File holding key text (repeatable)."),
                      tr("file")});
}

Result<Done> KeyArguments::load(const QCommandLineParser &parser, CliIo &io, KeyRing &ring)
{
    // Keep the order the user gave: walk the raw arguments, not the grouped values.
    const QStringList keyTexts = parser.values(QStringLiteral("key"));
    const QStringList keyFiles = parser.values(QStringLiteral("key-file"));
    int textIndex = 0;
    for (const QString &text : keyTexts) {
        ++textIndex;
        auto parsed = KeyTextParser::parseAesKey(text);
        if (!parsed) {
            Error error = parsed.error();
            error.detail = tr("--key #%1").arg(textIndex);
            return error;
        }
        auto added = ring.add(SessionKey(tr("--key #%1").arg(textIndex), std::move(parsed->bytes)));
        if (!added)
            return added.error();
    }
    for (const QString &path : keyFiles) {
        auto content = io.readAll(path, 64 * 1024);
        if (!content)
            return content.error();
        QString text = QString::fromUtf8(content.value());
        wipeByteArray(content.value());
        auto parsed = KeyTextParser::parseAesKey(text);
        text.fill(u' ');
        if (!parsed) {
            Error error = parsed.error();
            error.detail = tr("--key-file %1").arg(path);
            return error;
        }
        auto added = ring.add(SessionKey(tr("--key-file %1").arg(path), std::move(parsed->bytes)));
        if (!added)
            return added.error();
    }
    return Done{};
}

} // namespace sessionlens::cli
