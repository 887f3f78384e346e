#include "SignCommand.h"

#include "SizeWarnings.h"
#include "document/SessionSealer.h"

#include "SignerArguments.h"
#include "json/PythonJsonReader.h"

#include <QCommandLineParser>
#include <QDateTime>

namespace sessionlens::cli {

int SignCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    SignerArguments::addOptions(parser);
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
    auto secrets = SignerArguments::secrets(parser, m_io);
    if (!secrets)
        return m_io.fail(secrets.error());
    if (secrets->isEmpty())
        return m_io.usage(tr("sign needs --secret or --secret-file"));
    qint64 timestamp = QDateTime::currentSecsSinceEpoch();
    if (parser.isSet(QStringLiteral("timestamp"))) {
        bool ok = false;
        timestamp = parser.value(QStringLiteral("timestamp")).toLongLong(&ok);
        if (!ok)
            return m_io.usage(tr("--timestamp takes UNIX seconds"));
    }
    auto input = m_io.readAll(parser.positionalArguments().value(0, QStringLiteral("-")),
                              ZlibCodec::kDefaultMaxInflatedSize);
    if (!input)
        return m_io.fail(input.error());
    PythonJsonReader::Options readOptions;
    readOptions.dialect = PythonJsonReader::Dialect::FlaskTagged;
    auto session = PythonJsonReader::read(input.value(), readOptions);
    if (!session)
        return m_io.fail(session.error());
    SessionSealer::Options sealOptions;
    sealOptions.format = FormatDetector::Format::FlaskSigned;
    sealOptions.signer = options.value();
    sealOptions.timestamp = timestamp;
    const SessionSealer::Sealed sealed =
        SessionSealer::seal(session.value(), secrets->first(), sealOptions);
    if (!sealed.ok())
        return m_io.fail(*sealed.error);
    SizeWarnings::print(m_io, sealed.report);
    m_io.out() << QString::fromLatin1(sealed.cookie) << Qt::endl;
    return ExitOk;
}

} // namespace sessionlens::cli
