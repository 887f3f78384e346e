#include "ConvertCommand.h"

#include "KeyArguments.h"
#include "SealFlow.h"
#include "SignerArguments.h"
#include "StoredKeys.h"
#include "document/CookieOpener.h"
#include "document/SessionSealer.h"
#include "formats/CookieText.h"
#include "formats/SessionConverter.h"

#include <QCommandLineParser>
#include <QDateTime>

namespace sessionlens::cli {

CommandSyntax ConvertCommand::syntax() const
{
    CommandSyntax syntax(
        QStringLiteral("convert"),
        tr("Move a session between the two formats; what the target cannot carry is listed."));
    SignerArguments::addOpeningOptions(syntax);
    StoredKeys::addWithOption(syntax);
    syntax.addOption(
        {QStringLiteral("to"), tr("Target format: encrypted or signed."), tr("format")},
        CommandOption::Hints::oneOf({QStringLiteral("encrypted"), QStringLiteral("signed")}));
    syntax.addOption({QStringLiteral("compress"),
                      tr("auto (server rule), always or never, for --to encrypted."), tr("mode"),
                      QStringLiteral("auto")},
                     CommandOption::Hints::oneOf({QStringLiteral("auto"), QStringLiteral("always"),
                                                  QStringLiteral("never")}));
    syntax.addPositionalArgument(QStringLiteral("cookie"),
                                 tr("Cookie value or header line, '-' for standard input."),
                                 QStringLiteral("[COOKIE|-]"));
    return syntax;
}

int ConvertCommand::execute(const QCommandLineParser &parser)
{
    const QString to = parser.value(QStringLiteral("to"));
    if (to != QLatin1String("encrypted") && to != QLatin1String("signed"))
        return m_io.usage(tr("convert needs --to encrypted or --to signed"));
    if (parser.positionalArguments().size() > 1)
        return m_io.usage(tr("convert takes one cookie argument"));

    KeyRing ring;
    auto loaded = SignerArguments::loadAll(parser, m_io, ring);
    if (!loaded)
        return m_io.fail(loaded.error());
    const FlaskSignedCodec::Options &options = loaded->options;

    auto cookie = m_io.readCookie(parser.positionalArguments().value(0, QStringLiteral("-")));
    if (!cookie)
        return m_io.fail(cookie.error());
    const auto sourceFormat = FormatDetector::detect(cookie->value);
    const bool toEncrypted = to == QLatin1String("encrypted");
    // The target's key: --with NAME, the one given for the run, or the stored ring's only one.
    auto target = StoredKeys::choose(
        parser, ring, toEncrypted ? SessionKey::Kind::AesKey : SessionKey::Kind::SigningSecret,
        loaded->runKeys);
    if (!target)
        return m_io.fail(target.error());
    if (auto missing = KeyArguments::missingToOpen(ring, sourceFormat))
        return m_io.usage(*missing);

    const CookieOpener::Opened opened = CookieOpener::open(cookie->value, ring, options);
    if (opened.error)
        return m_io.fail(*opened.error);
    if (opened.format == FormatDetector::Format::FlaskSigned &&
        opened.signedCookie.verification == FlaskSignedCodec::Verification::NotChecked)
        m_io.err() << tr("note: the source signature was not checked") << Qt::endl;

    const auto converted = SessionConverter::convert(
        opened.session(), toEncrypted ? SessionConverter::Target::EncryptedSession
                                      : SessionConverter::Target::FlaskSigned);
    for (const SessionConverter::Note &note : converted.notes)
        m_io.err() << tr("note: %1: %2").arg(note.path, note.message) << Qt::endl;
    if (converted.error)
        return m_io.fail(*converted.error);

    SessionSealer::Options sealOptions;
    sealOptions.signer = options;
    const QString mode = parser.value(QStringLiteral("compress"));
    const auto compression = SessionSealer::compressionFromName(mode);
    if (!compression)
        return m_io.usage(tr("unknown compression mode '%1': use auto, always or never").arg(mode));
    sealOptions.compression = *compression;
    if (!toEncrypted)
        sealOptions.format = FormatDetector::Format::FlaskSigned;
    const SecureBytes key = target->bytes();
    return SealFlow::print(m_io, SessionSealer::seal(converted.session, key, sealOptions));
}

} // namespace sessionlens::cli
