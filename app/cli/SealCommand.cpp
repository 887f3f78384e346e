#include "SealCommand.h"
#include "formats/KeyNeed.h"

#include "EditArguments.h"
#include "KeyArguments.h"
#include "SealFlow.h"
#include "SignerArguments.h"
#include "StoredKeys.h"
#include "document/SessionDocument.h"
#include "document/SessionSealer.h"
#include "formats/FormatRegistry.h"

#include <QCommandLineParser>

namespace sessionlens::cli {

CommandSyntax SealCommand::syntax() const
{
    const FormatRegistry &formats = FormatRegistry::builtIn();
    const QStringList ids = formats.ids();
    CommandSyntax syntax(QStringLiteral("seal"),
                         tr("Seal session JSON, or a template filled with --set, into a new "
                            "cookie of any format."));
    SignerArguments::addOpeningOptions(syntax);
    StoredKeys::addWithOption(syntax);
    syntax.addOption({QStringLiteral("format"),
                      tr("The cookie's format: %1 (default: %2).")
                          .arg(ids.join(QStringLiteral(", ")), formats.fallback()->id()),
                      tr("format"), formats.fallback()->id()},
                     CommandOption::Hints::oneOf(ids));
    EditArguments::addOptions(syntax, false);
    SealFlow::addCompressOption(
        syntax,
        tr("Formats that choose: auto (server rule: JSON over 1024 bytes), always or never."));
    SignerArguments::addTimestampOption(syntax);
    SignerArguments::addDjangoLegacyOption(syntax);
    syntax.addPositionalArgument(
        QStringLiteral("file"),
        tr("Session JSON file, '-' for standard input; with --set and no file, an empty session."),
        QStringLiteral("[FILE|-]"), true);
    return syntax;
}

int SealCommand::execute(const QCommandLineParser &parser)
{
    const FormatRegistry &formats = FormatRegistry::builtIn();
    const QString id = parser.value(QStringLiteral("format"));
    const CookieFormat *format = formats.find(id);
    if (!format)
        return m_io.usage(
            tr("unknown format '%1': use %2").arg(id, formats.ids().join(QStringLiteral(", "))));
    auto compression = SealFlow::compression(parser);
    if (!compression)
        return m_io.usage(compression.error().message);
    auto timestamp = SignerArguments::timestamp(parser);
    if (!timestamp)
        return m_io.usage(timestamp.error().message);
    if (parser.positionalArguments().size() > 1)
        return m_io.usage(tr("seal takes one input file"));
    auto signer = SignerArguments::options(parser);
    if (!signer)
        return m_io.fail(signer.error());
    if (auto misplaced = SignerArguments::applyDjangoLegacy(parser, *format, signer.value()))
        return m_io.usage(*misplaced);

    KeyRing ring;
    auto loaded = KeyArguments::load(parser, m_io, ring);
    if (!loaded)
        return m_io.fail(loaded.error());
    auto secrets = SignerArguments::addSecretsTo(parser, m_io, ring);
    if (!secrets)
        return m_io.fail(secrets.error());
    SecureBytes key;
    if (KeyNeed::toSeal(*format)) {
        auto chosen = SealFlow::key(parser, m_io, ring, ring.size(), *format);
        if (!chosen)
            return m_io.fail(chosen.error());
        key = chosen->bytes();
    }

    // A template: no file but edits start from an empty session.
    const bool fromScratch =
        parser.positionalArguments().isEmpty() && EditArguments::count(parser) > 0;
    SessionDocument document;
    if (!fromScratch) {
        auto session = SealFlow::readSession(
            m_io, parser.positionalArguments().value(0, QStringLiteral("-")), *format);
        if (!session)
            return m_io.fail(session.error());
        document.reset(std::move(session).value());
    }
    document.setFormat(format);
    if (auto failed = EditArguments::apply(parser, m_io, *format, document))
        return *failed;

    SessionSealer::Options options;
    options.format = format;
    options.compression = *compression;
    options.signer = signer.value();
    options.timestamp = *timestamp;
    return SealFlow::print(m_io, SessionSealer::seal(document.root(), key, options));
}

} // namespace sessionlens::cli
