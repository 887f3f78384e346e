#include "SignCommand.h"

#include "SizeWarnings.h"
#include "StoredKeys.h"
#include "document/SessionSealer.h"
#include "keys/KeyRing.h"

#include "SignerArguments.h"
#include "formats/FlaskSignedFormat.h"
#include "formats/FormatRegistry.h"
#include "formats/SessionDialect.h"
#include "json/PythonJsonReader.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QRegularExpression>

namespace sessionlens::cli {

int SignCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    SignerArguments::addOptions(parser);
    StoredKeys::addOptions(parser);
    StoredKeys::addWithOption(parser);
    parser.addOption(
        {QStringLiteral("timestamp"), tr("UNIX time of signing (default: now)."), tr("seconds")});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 tr("Tagged JSON payload, '-' for standard input."));
    if (!parser.parse(arguments))
        return m_io.usage(parser.errorText());
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
    const qsizetype runEntries = ring.size();
    StoredKeys::appendTo(parser, m_io, ring);
    auto secret = StoredKeys::choose(parser, ring, SessionKey::Kind::SigningSecret, runEntries);
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
    auto input = m_io.readAll(parser.positionalArguments().value(0, QStringLiteral("-")),
                              ZlibCodec::kDefaultMaxInflatedSize);
    if (!input)
        return m_io.fail(input.error());
    // Crafted tags Flask reads but never writes so are signed as Flask writes them: say so.
    QStringList warnings;
    const CookieFormat &format = *FormatRegistry::builtIn().find(FlaskSignedFormat::formatId());
    auto session = SessionDialect::readSession(input.value(), format, &warnings);
    for (const QString &warning : std::as_const(warnings))
        m_io.err() << tr("warning: %1").arg(warning) << Qt::endl;
    if (!session)
        return m_io.fail(session.error());
    SessionSealer::Options sealOptions;
    sealOptions.format = &format;
    sealOptions.signer = options.value();
    sealOptions.timestamp = timestamp;
    const SessionSealer::Sealed sealed =
        SessionSealer::seal(session.value(), signingSecret, sealOptions);
    if (!sealed.ok())
        return m_io.fail(*sealed.error);
    SizeWarnings::print(m_io, sealed.report);
    m_io.out() << QString::fromLatin1(sealed.cookie) << Qt::endl;
    return ExitOk;
}

} // namespace sessionlens::cli
