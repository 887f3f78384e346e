#include "SealCommand.h"

#include "KeyArguments.h"
#include "SealFlow.h"
#include "StoredKeys.h"
#include "document/SessionSealer.h"
#include "formats/EncryptedSessionFormat.h"
#include "formats/FormatRegistry.h"

#include <QCommandLineParser>

namespace sessionlens::cli {

CommandSyntax SealCommand::syntax() const
{
    CommandSyntax syntax(QStringLiteral("seal"),
                         tr("Seal session JSON into a new EncryptedSession cookie."));
    KeyArguments::addOptions(syntax);
    StoredKeys::addWithOption(syntax);
    syntax.addOption({QStringLiteral("compress"),
                      tr("auto (server rule: JSON over 1024 bytes), always or never."), tr("mode"),
                      QStringLiteral("auto")},
                     CommandOption::Hints::oneOf({QStringLiteral("auto"), QStringLiteral("always"),
                                                  QStringLiteral("never")}));
    syntax.addPositionalArgument(QStringLiteral("file"),
                                 tr("Session JSON file, '-' for standard input."),
                                 QStringLiteral("[FILE|-]"), true);
    return syntax;
}

int SealCommand::execute(const QCommandLineParser &parser)
{

    const QString mode = parser.value(QStringLiteral("compress"));
    const auto compression = SessionSealer::compressionFromName(mode);
    if (!compression)
        return m_io.usage(tr("unknown compression mode '%1': use auto, always or never").arg(mode));

    if (parser.positionalArguments().size() > 1)
        return m_io.usage(tr("seal takes one input file"));

    KeyRing ring;
    auto loaded = KeyArguments::load(parser, m_io, ring);
    if (!loaded)
        return m_io.fail(loaded.error());
    const CookieFormat &format =
        *FormatRegistry::builtIn().find(EncryptedSessionFormat::formatId());
    auto key = SealFlow::key(parser, m_io, ring, ring.size(), format);
    if (!key)
        return m_io.fail(key.error());
    SessionSealer::Options options;
    options.format = &format;
    options.compression = *compression;
    return SealFlow::sealFile(m_io, parser.positionalArguments().value(0, QStringLiteral("-")),
                              key->bytes(), options);
}

} // namespace sessionlens::cli
