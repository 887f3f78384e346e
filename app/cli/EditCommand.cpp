#include "EditCommand.h"
#include "formats/KeyNeed.h"

#include "CookieArgumentOpener.h"
#include "EditArguments.h"
#include "SealFlow.h"
#include "SignerArguments.h"
#include "StoredKeys.h"
#include "document/SessionDocument.h"
#include "document/SessionSealer.h"
#include "keys/SessionKey.h"

#include <QCommandLineParser>

namespace sessionlens::cli {

CommandSyntax EditCommand::syntax() const
{
    CommandSyntax syntax(QStringLiteral("edit"),
                         tr("Change a cookie's session by path and seal it again in its format."));
    SignerArguments::addOpeningOptions(syntax);
    StoredKeys::addWithOption(syntax);
    EditArguments::addOptions(syntax, true);
    SealFlow::addCompressOption(
        syntax,
        tr("Formats that choose: auto (the server's rule, as the window re-seals), always, never "
           "or keep (as the cookie was)."),
        true);
    syntax.addOption({QStringLiteral("keep-timestamp"),
                      tr("Signed formats: sign as of the cookie's own time, not now.")});
    SignerArguments::addTimestampOption(syntax);
    SignerArguments::addDjangoLegacyOption(syntax);
    syntax.addPositionalArgument(QStringLiteral("cookie"),
                                 tr("Cookie value or header line, '-' for standard input."),
                                 QStringLiteral("[COOKIE|-]"));
    return syntax;
}

int EditCommand::execute(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().size() > 1)
        return m_io.usage(tr("edit takes one cookie argument"));
    const bool keepTimestamp = parser.isSet(QStringLiteral("keep-timestamp"));
    auto timestamp = SignerArguments::timestamp(parser);
    if (!timestamp)
        return m_io.usage(timestamp.error().message);
    if (keepTimestamp && *timestamp >= 0)
        return m_io.usage(tr("--keep-timestamp and --timestamp exclude each other"));

    CookieArgumentOpener opener(m_io);
    if (auto failed = opener.loadAndOpen(parser, CookieArgumentOpener::Accept::Readable))
        return *failed;
    KeyRing &ring = opener.ring();
    const SignerArguments::Loaded &loaded = opener.loaded();
    const CookieText::Extracted &cookie = opener.cookie();
    const CookieOpener::Opened &opened = opener.opened();
    const CookieFormat &format = *opened.format;

    SessionDocument document;
    document.reset(opened.session(), cookie.value);
    document.setFormat(&format);
    if (auto failed = EditArguments::apply(parser, m_io, format, document))
        return *failed;

    // The key that opened or verified the cookie seals it again, unless --with names another;
    // a signature no secret matched is signed with the one given, and that is said.
    SecureBytes key;
    if (const auto kind = KeyNeed::toSeal(format)) {
        if (opened.keyIndex >= 0 && !parser.isSet(QStringLiteral("with"))) {
            key = ring.at(opened.keyIndex).bytes();
        } else {
            auto chosen = StoredKeys::choose(parser, ring, *kind, loaded.runKeys);
            if (!chosen)
                return m_io.fail(chosen.error());
            if (opened.verified == false)
                m_io.err() << tr("note: no secret verified the cookie; %1 signs it")
                                  .arg(StoredKeys::describe(chosen.value()))
                           << Qt::endl;
            key = chosen->bytes();
        }
    }

    SessionSealer::Options options;
    options.format = &format;
    options.signer = loaded.options;
    if (auto misplaced = SignerArguments::applyDjangoLegacy(parser, format, options.signer))
        return m_io.usage(*misplaced);
    if (!cookie.name.isEmpty())
        options.cookieName = cookie.name;
    if (format.sealOptions() & CookieFormat::ChoosesCompression) {
        auto compression = SealFlow::compression(parser, opened.compressed);
        if (!compression)
            return m_io.usage(compression.error().message);
        options.compression = *compression;
    } else if (parser.isSet(QStringLiteral("compress"))) {
        m_io.err() << tr("note: %1 compresses by its own rule; --compress does nothing for it")
                          .arg(format.displayName())
                   << Qt::endl;
    }
    if (format.sealOptions() & CookieFormat::SignsWithTimestamp) {
        options.timestamp = *timestamp;
        if (keepTimestamp) {
            const auto signedAt = format.signedAt(opened);
            if (!signedAt)
                return m_io.fail(Error::make(ErrorCategory::Format,
                                             tr("the cookie carries no timestamp to keep")));
            options.timestamp = *signedAt;
        }
    } else if (keepTimestamp || *timestamp >= 0) {
        m_io.err() << tr("note: %1 signs no timestamp; --keep-timestamp and --timestamp do "
                         "nothing for it")
                          .arg(format.displayName())
                   << Qt::endl;
    }
    return SealFlow::print(m_io, SessionSealer::seal(document.root(), key, options));
}

} // namespace sessionlens::cli
