#include "ConvertCommand.h"

#include "CookieArgumentOpener.h"
#include "SealFlow.h"
#include "SignerArguments.h"
#include "StoredKeys.h"
#include "document/SessionSealer.h"
#include "formats/CookieText.h"
#include "formats/FormatRegistry.h"
#include "formats/KeyNeed.h"
#include "formats/SessionConverter.h"
#include "keys/SessionKey.h"

#include <QCommandLineParser>

namespace sessionlens::cli {

CommandSyntax ConvertCommand::syntax() const
{
    CommandSyntax syntax(
        QStringLiteral("convert"),
        tr("Move a session between formats; what the target cannot carry is listed."));
    SignerArguments::addOpeningOptions(syntax);
    StoredKeys::addWithOption(syntax);
    const QStringList ids = FormatRegistry::builtIn().ids();
    syntax.addOption(
        {QStringLiteral("to"), tr("Target format: %1.").arg(ids.join(tr(" or "))), tr("format")},
        CommandOption::Hints::oneOf(ids));
    SealFlow::addCompressOption(
        syntax, tr("Targets that choose: auto (the server's rule), always or never."));
    SignerArguments::addTimestampOption(syntax);
    SignerArguments::addDjangoLegacyOption(syntax);
    syntax.addPositionalArgument(QStringLiteral("cookie"),
                                 tr("Cookie value or header line, '-' for standard input."),
                                 QStringLiteral("[COOKIE|-]"));
    return syntax;
}

int ConvertCommand::execute(const QCommandLineParser &parser)
{
    const FormatRegistry &formats = FormatRegistry::builtIn();
    const QStringList ids = formats.ids();
    const CookieFormat *targetFormat = formats.find(parser.value(QStringLiteral("to")));
    if (!targetFormat)
        return m_io.usage(
            tr("convert needs --to %1").arg(ids.join(tr(" or ") + QStringLiteral("--to "))));
    if (parser.positionalArguments().size() > 1)
        return m_io.usage(tr("convert takes one cookie argument"));
    const auto compression = SealFlow::compression(parser);
    if (!compression)
        return m_io.usage(compression.error().message);
    const auto timestamp = SignerArguments::timestamp(parser);
    if (!timestamp)
        return m_io.usage(timestamp.error().message);

    CookieArgumentOpener opener(m_io);
    if (auto failed = opener.loadKeys(parser))
        return *failed;
    if (auto failed = opener.readCookie(parser))
        return *failed;
    // The target's key: --with NAME, the one given for the run, or the stored ring's only one.
    SecureBytes key;
    if (const auto kind = KeyNeed::toSeal(*targetFormat)) {
        auto target = StoredKeys::choose(parser, opener.ring(), *kind, opener.loaded().runKeys);
        if (!target)
            return m_io.fail(target.error());
        key = target->bytes();
    }
    if (auto failed = opener.open(CookieArgumentOpener::Accept::Opened))
        return *failed;
    const CookieOpener::Opened &opened = opener.opened();
    const FlaskSignedCodec::Options &options = opener.options();
    if (opened.format->keyKind() == CookieFormat::KeyKind::Secret && !opened.verified)
        m_io.err() << tr("note: the source signature was not checked") << Qt::endl;

    const auto converted = targetFormat->convertFrom(opened.session());
    for (const SessionConverter::Note &note : converted.notes)
        m_io.err() << tr("note: %1: %2").arg(note.path, note.message) << Qt::endl;
    if (converted.error)
        return m_io.fail(*converted.error);

    SessionSealer::Options sealOptions;
    sealOptions.signer = options;
    if (auto misplaced =
            SignerArguments::applyDjangoLegacy(parser, *targetFormat, sealOptions.signer))
        return m_io.usage(*misplaced);
    sealOptions.compression = *compression;
    sealOptions.timestamp = *timestamp;
    sealOptions.format = targetFormat;
    return SealFlow::print(m_io, SessionSealer::seal(converted.session, key, sealOptions));
}

} // namespace sessionlens::cli
