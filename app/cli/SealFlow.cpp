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

int SealFlow::sealFile(CliIo &io, const QString &path, const SecureBytes &key,
                       const SessionSealer::Options &options)
{
    auto input = io.readAll(path, ZlibCodec::kDefaultMaxInflatedSize);
    if (!input)
        return io.fail(input.error());
    // The text's own member order is kept: the server's plaintext, sealed again unchanged, is
    // the same bytes. Where the server will reorder on reading, and where a crafted tag is
    // one the server reads but never writes so, a warning says so.
    QStringList warnings;
    const CookieFormat *format =
        options.format ? options.format : FormatRegistry::builtIn().fallback();
    PythonJsonReader::Options readOptions = format->readerOptions();
    readOptions.moveTypeKey = false;
    auto session = PythonJsonReader::read(input.value(), readOptions, &warnings);
    for (const QString &warning : std::as_const(warnings))
        io.err() << tr("warning: %1").arg(warning) << Qt::endl;
    if (!session)
        return io.fail(session.error());
    if (auto notSession = SessionDialect::checkIsSession(session.value()))
        return io.fail(*notSession);
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
