#include "SealFlow.h"

#include "SizeWarnings.h"
#include "StoredKeys.h"
#include "formats/FormatRegistry.h"
#include "formats/KeyNeed.h"
#include "formats/SessionDialect.h"
#include "keys/SessionKey.h"
#include "json/PythonJsonReader.h"

namespace sessionlens::cli {

Result<SessionKey> SealFlow::key(const QCommandLineParser &parser, CliIo &io, KeyRing &ring,
                                 qsizetype runEntries, const CookieFormat &format)
{
    StoredKeys::appendTo(parser, io, ring);
    const auto kind = KeyNeed::toSeal(format);
    if (!kind)
        return Error::make(ErrorCategory::Key,
                           tr("%1 is made without a key").arg(format.displayName()));
    return StoredKeys::choose(parser, ring, *kind, runEntries);
}

void SealFlow::addCompressOption(CommandSyntax &syntax, const QString &description, bool offerKeep)
{
    QStringList modes{QStringLiteral("auto"), QStringLiteral("always"), QStringLiteral("never")};
    if (offerKeep)
        modes.append(QStringLiteral("keep"));
    syntax.addOption({QStringLiteral("compress"), description, tr("mode"), QStringLiteral("auto")},
                     CommandOption::Hints::oneOf(modes));
}

Result<EncryptedSessionCodec::Compression> SealFlow::compression(const QCommandLineParser &parser,
                                                                 bool wasCompressed)
{
    const QString mode = parser.value(QStringLiteral("compress"));
    if (mode == QLatin1String("keep"))
        return wasCompressed ? EncryptedSessionCodec::Compression::Always
                             : EncryptedSessionCodec::Compression::Never;
    const auto compression = SessionSealer::compressionFromName(mode);
    if (!compression)
        return Error::make(
            ErrorCategory::Format,
            tr("unknown compression mode '%1': use auto, always or never").arg(mode));
    return *compression;
}

Result<SessionValue> SealFlow::readSession(CliIo &io, const QString &path,
                                           const CookieFormat &format)
{
    auto input = io.readAll(path, ZlibCodec::kDefaultMaxInflatedSize);
    if (!input)
        return input.error();
    // The text's own member order is kept: the server's plaintext, sealed again unchanged, is
    // the same bytes. Where the server will reorder on reading, and where a crafted tag is
    // one the server reads but never writes so, a warning says so.
    QStringList warnings;
    PythonJsonReader::Options readOptions = format.readerOptions();
    readOptions.moveTypeKey = false;
    auto session = PythonJsonReader::read(input.value(), readOptions, &warnings);
    for (const QString &warning : std::as_const(warnings))
        io.err() << tr("warning: %1").arg(warning) << Qt::endl;
    if (!session)
        return session.error();
    if (auto notSession = SessionDialect::checkIsSession(session.value()))
        return *notSession;
    return session;
}

int SealFlow::sealFile(CliIo &io, const QString &path, const SecureBytes &key,
                       const SessionSealer::Options &options)
{
    const CookieFormat *format =
        options.format ? options.format : FormatRegistry::builtIn().fallback();
    auto session = readSession(io, path, *format);
    if (!session)
        return io.fail(session.error());
    return print(io, SessionSealer::seal(session.value(), key, options));
}

int SealFlow::print(CliIo &io, const SessionSealer::Sealed &sealed)
{
    if (!sealed.ok())
        return io.fail(*sealed.error);
    SizeWarnings::print(io, sealed.report);
    io.out() << QString::fromLatin1(sealed.cookie) << Qt::endl;
    return ExitOk;
}

} // namespace sessionlens::cli
