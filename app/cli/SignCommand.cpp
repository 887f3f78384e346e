#include "SignCommand.h"

#include "SealFlow.h"
#include "SignerArguments.h"
#include "StoredKeys.h"
#include "document/SessionSealer.h"
#include "formats/FlaskSignedFormat.h"
#include "formats/FormatRegistry.h"
#include "keys/KeyRing.h"

#include <QCommandLineParser>

namespace sessionlens::cli {

CommandSyntax SignCommand::syntax() const
{
    CommandSyntax syntax(QStringLiteral("sign"),
                         tr("Sign Flask's tagged JSON into a signed cookie Flask accepts."));
    SignerArguments::addOptions(syntax);
    StoredKeys::addOptions(syntax);
    StoredKeys::addWithOption(syntax);
    SignerArguments::addTimestampOption(syntax);
    syntax.addPositionalArgument(QStringLiteral("file"),
                                 tr("Tagged JSON payload, '-' for standard input."),
                                 QStringLiteral("[FILE|-]"), true);
    return syntax;
}

int SignCommand::execute(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().size() > 1)
        return m_io.usage(tr("sign takes one input file"));
    auto options = SignerArguments::options(parser);
    if (!options)
        return m_io.fail(options.error());
    if (SignerArguments::emptySecretGiven(parser))
        return m_io.fail(Error::make(
            ErrorCategory::Key,
            tr("the secret is empty: Flask never signs with an empty SECRET_KEY (it keeps no "
               "session then), so no server would have made this cookie")));
    KeyRing ring;
    auto given = SignerArguments::addSecretsTo(parser, m_io, ring);
    if (!given)
        return m_io.fail(given.error());
    const CookieFormat &format = *FormatRegistry::builtIn().find(FlaskSignedFormat::formatId());
    auto secret = SealFlow::key(parser, m_io, ring, ring.size(), format);
    if (!secret)
        return m_io.fail(secret.error());
    const SecureBytes signingSecret = secret->bytes();
    const auto timestamp = SignerArguments::timestamp(parser);
    if (!timestamp)
        return m_io.usage(timestamp.error().message);
    SessionSealer::Options sealOptions;
    sealOptions.format = &format;
    sealOptions.signer = options.value();
    sealOptions.timestamp = *timestamp;
    return SealFlow::sealFile(m_io, parser.positionalArguments().value(0, QStringLiteral("-")),
                              signingSecret, sealOptions);
}

} // namespace sessionlens::cli
