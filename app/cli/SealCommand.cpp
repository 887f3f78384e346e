#include "SealCommand.h"

#include "KeyArguments.h"
#include "SizeWarnings.h"
#include "StoredKeys.h"
#include "document/SessionSealer.h"
#include "formats/EncryptedSessionCodec.h"
#include "formats/EncryptedSessionFormat.h"
#include "formats/FormatRegistry.h"
#include "formats/SessionDialect.h"
#include "json/PythonJsonReader.h"

#include <QCommandLineParser>

namespace sessionlens::cli {

int SealCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    KeyArguments::addOptions(parser);
    StoredKeys::addWithOption(parser);
    parser.addOption({QStringLiteral("compress"),
                      tr("auto (server rule: JSON over 1024 bytes), always or never."), tr("mode"),
                      QStringLiteral("auto")});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 tr("Session JSON file, '-' for standard input."));
    if (!parser.parse(arguments))
        return m_io.usage(parser.errorText());

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
    const qsizetype given = ring.size();
    StoredKeys::appendTo(parser, m_io, ring);
    auto key = StoredKeys::choose(parser, ring, SessionKey::Kind::AesKey, given);
    if (!key)
        return m_io.fail(key.error());

    auto input = m_io.readAll(parser.positionalArguments().value(0, QStringLiteral("-")),
                              ZlibCodec::kDefaultMaxInflatedSize);
    if (!input)
        return m_io.fail(input.error());

    QStringList warnings;
    // The text's own member order is kept: the server's plaintext, sealed again unchanged, is
    // the same bytes. Where the server will reorder on reading, a warning says so.
    const CookieFormat &format =
        *FormatRegistry::builtIn().find(EncryptedSessionFormat::formatId());
    PythonJsonReader::Options readOptions = format.readerOptions();
    readOptions.moveTypeKey = false;
    auto session = PythonJsonReader::read(input.value(), readOptions, &warnings);
    for (const QString &warning : std::as_const(warnings))
        m_io.err() << tr("warning: %1").arg(warning) << Qt::endl;
    if (!session)
        return m_io.fail(session.error());
    if (auto notSession = SessionDialect::checkIsSession(session.value()))
        return m_io.fail(*notSession);

    SessionSealer::Options options;
    options.format = &format;
    options.compression = *compression;
    const SessionSealer::Sealed sealed =
        SessionSealer::seal(session.value(), key->bytes(), options);
    if (!sealed.ok())
        return m_io.fail(*sealed.error);
    SizeWarnings::print(m_io, sealed.report);
    m_io.out() << QString::fromLatin1(sealed.cookie) << Qt::endl;
    return ExitOk;
}

} // namespace sessionlens::cli
