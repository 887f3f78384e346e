#include "SignCommand.h"

#include "SealFlow.h"
#include "SignerArguments.h"
#include "StoredKeys.h"
#include "document/SessionSealer.h"
#include "formats/FlaskSignedFormat.h"
#include "formats/FormatRegistry.h"
#include "keys/KeyRing.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QRegularExpression>

namespace sessionlens::cli {

CommandSyntax SignCommand::syntax() const
{
    CommandSyntax syntax(QStringLiteral("sign"),
                         tr("Sign Flask's tagged JSON into a signed cookie Flask accepts."));
    SignerArguments::addOptions(syntax);
    StoredKeys::addOptions(syntax);
    StoredKeys::addWithOption(syntax);
    syntax.addOption(
        {QStringLiteral("timestamp"), tr("UNIX time of signing (default: now)."), tr("seconds")});
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
    qint64 timestamp = QDateTime::currentSecsSinceEpoch();
    if (parser.isSet(QStringLiteral("timestamp"))) {
        const QString text = parser.value(QStringLiteral("timestamp"));
        static const QRegularExpression decimal(QStringLiteral("^[+-]?[0-9]+$"));
        if (!decimal.match(text).hasMatch())
            return m_io.usage(tr("--timestamp takes UNIX seconds"));
        // A number past 64 bits is a time past any date, not a malformed one.
        bool ok = false;
        timestamp = text.toLongLong(&ok);
        if (!ok || timestamp > FlaskSignedCodec::kMaxTimestamp)
            return m_io.usage(
                tr("--timestamp %1 is out of range: the last second a date can show is %2 "
                   "(9999-12-31 23:59:59 UTC)")
                    .arg(text)
                    .arg(FlaskSignedCodec::kMaxTimestamp));
    }
    SessionSealer::Options sealOptions;
    sealOptions.format = &format;
    sealOptions.signer = options.value();
    sealOptions.timestamp = timestamp;
    return SealFlow::sealFile(m_io, parser.positionalArguments().value(0, QStringLiteral("-")),
                              signingSecret, sealOptions);
}

} // namespace sessionlens::cli
