#include "SignerArguments.h"

#include "KeyArguments.h"
#include "SessionDefaults.h"
#include "StoredKeys.h"
#include "formats/DjangoSignedFormat.h"
#include "keys/KeyTextParser.h"
#include "keys/RunKeyLoader.h"

#include <QRegularExpression>

#include <algorithm>

namespace sessionlens::cli {

namespace {

// A --secret text as key bytes: a Python bytes literal (a bytes SECRET_KEY, as Flask's
// quickstart makes one) stands for its value; any other text for its UTF-8.
SecureBytes secretBytes(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    auto literal = KeyTextParser::decodePythonLiteral(QByteArrayView(utf8).trimmed());
    if (literal && literal->isBytes) {
        wipeByteArray(utf8);
        return std::move(literal->bytes);
    }
    return SecureBytes::fromByteArray(utf8, true);
}

} // namespace

bool SignerArguments::emptySecretGiven(const QCommandLineParser &parser)
{
    const QStringList texts = parser.values(QStringLiteral("secret"));
    return std::any_of(texts.begin(), texts.end(),
                       [](const QString &text) { return secretBytes(text).isEmpty(); });
}

void SignerArguments::addOptions(CommandSyntax &syntax)
{
    syntax.addOption({{QStringLiteral("s"), QStringLiteral("secret")},
                      tr("Flask SECRET_KEY (repeatable: the first signs, all verify, like "
                         "SECRET_KEY_FALLBACKS)."),
                      tr("secret")},
                     CommandOption::Hints::repeated().hidden());
    syntax.addOption(
        {QStringLiteral("secret-file"), tr("File holding a SECRET_KEY (repeatable)."), tr("file")},
        CommandOption::Hints::paths());
    syntax.addOption(
        {QStringLiteral("salt"),
         tr("Signer salt (default: %1).").arg(QLatin1String(defaults::kFlaskSessionSalt)),
         tr("salt"), QString::fromLatin1(defaults::kFlaskSessionSalt)});
    syntax.addOption({QStringLiteral("digest"), tr("sha1 (default), sha256 or sha512."),
                      tr("digest"), QStringLiteral("sha1")},
                     CommandOption::Hints::oneOf({QStringLiteral("sha1"), QStringLiteral("sha256"),
                                                  QStringLiteral("sha512")}));
    syntax.addOption(
        {QStringLiteral("key-derivation"), tr("hmac (default), concat, django-concat or none."),
         tr("method"), QStringLiteral("hmac")},
        CommandOption::Hints::oneOf({QStringLiteral("hmac"), QStringLiteral("concat"),
                                     QStringLiteral("django-concat"), QStringLiteral("none")}));
    syntax.addOption({QStringLiteral("legacy-timestamps"),
                      tr("Timestamps count from 2011 (itsdangerous before 1.0).")});
    syntax.addOption(
        {QStringLiteral("max-age"),
         tr("Session lifetime in seconds (default: %1 days).").arg(defaults::kSessionLifetimeDays),
         tr("seconds")});
}

void SignerArguments::addOpeningOptions(CommandSyntax &syntax)
{
    KeyArguments::addOptions(syntax);
    addOptions(syntax);
}

Result<FlaskSignedCodec::Options> SignerArguments::options(const QCommandLineParser &parser)
{
    FlaskSignedCodec::Options options;
    options.signer.salt = parser.value(QStringLiteral("salt")).toUtf8();
    if (!ItsdangerousSigner::digestFromName(parser.value(QStringLiteral("digest")),
                                            &options.signer.digest))
        return Error::make(ErrorCategory::Key, tr("unknown digest '%1': use sha1, sha256 or sha512")
                                                   .arg(parser.value(QStringLiteral("digest"))));
    if (!ItsdangerousSigner::derivationFromName(parser.value(QStringLiteral("key-derivation")),
                                                &options.signer.derivation))
        return Error::make(
            ErrorCategory::Key,
            tr("unknown key derivation '%1': use hmac, concat, django-concat or none")
                .arg(parser.value(QStringLiteral("key-derivation"))));
    options.legacyEpoch = parser.isSet(QStringLiteral("legacy-timestamps"));
    options.verifyEmptySecret = emptySecretGiven(parser);
    if (parser.isSet(QStringLiteral("max-age"))) {
        bool ok = false;
        options.lifetimeSeconds = parser.value(QStringLiteral("max-age")).toLongLong(&ok);
        if (!ok || options.lifetimeSeconds < 0)
            return Error::make(ErrorCategory::Format, tr("--max-age takes a number of seconds"));
        options.lifetimeChosen = true;
    }
    return options;
}

void SignerArguments::addDjangoLegacyOption(CommandSyntax &syntax)
{
    syntax.addOption({QStringLiteral("django-legacy-sha1"),
                      tr("Django: sign with the legacy SHA-1 of DEFAULT_HASHING_ALGORITHM = 'sha1' "
                         "instead of SHA-256 (as --key-derivation django-concat --digest sha1).")});
}

std::optional<QString> SignerArguments::applyDjangoLegacy(const QCommandLineParser &parser,
                                                          const CookieFormat &format,
                                                          FlaskSignedCodec::Options &sealing)
{
    if (!parser.isSet(QStringLiteral("django-legacy-sha1")))
        return std::nullopt;
    if (format.id() != DjangoSignedFormat::formatId())
        return tr("--django-legacy-sha1 is for Django's cookies only, not for the format %1")
            .arg(format.displayName());
    sealing.signer.derivation = ItsdangerousSigner::KeyDerivation::DjangoConcat;
    sealing.signer.digest = ItsdangerousSigner::Digest::Sha1;
    return std::nullopt;
}

void SignerArguments::addTimestampOption(CommandSyntax &syntax)
{
    syntax.addOption(
        {QStringLiteral("timestamp"), tr("UNIX time of signing (default: now)."), tr("seconds")});
}

Result<qint64> SignerArguments::timestamp(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("timestamp")))
        return qint64(-1);
    const QString text = parser.value(QStringLiteral("timestamp"));
    static const QRegularExpression decimal(QStringLiteral("^[+-]?[0-9]+$"));
    if (!decimal.match(text).hasMatch())
        return Error::make(ErrorCategory::Format, tr("--timestamp takes UNIX seconds"));
    // A number past 64 bits is a time past any date, not a malformed one.
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value > FlaskSignedCodec::kMaxTimestamp)
        return Error::make(ErrorCategory::Format,
                           tr("--timestamp %1 is out of range: the last second a date can show "
                              "is %2 (9999-12-31 23:59:59 UTC)")
                               .arg(text)
                               .arg(FlaskSignedCodec::kMaxTimestamp));
    return value;
}

Result<QList<SessionKey>> SignerArguments::secretKeys(const QCommandLineParser &parser)
{
    QList<SessionKey> keys;
    int index = 0;
    for (const QString &text : parser.values(QStringLiteral("secret"))) {
        const QString name = QStringLiteral("--secret #%1").arg(++index);
        SecureBytes bytes = secretBytes(text);
        // A ring holds no empty secret: the codec tries it (Options::verifyEmptySecret).
        if (!bytes.isEmpty())
            keys.append(SessionKey(name, std::move(bytes), SessionKey::Kind::SigningSecret));
    }
    RunKeyLoader::Sources sources;
    sources.secretFiles = parser.values(QStringLiteral("secret-file"));
    auto files = RunKeyLoader::load(sources);
    if (!files)
        return files.error();
    keys.append(std::move(files).value());
    return keys;
}

Result<QList<SecureBytes>> SignerArguments::secrets(const QCommandLineParser &parser, CliIo &)
{
    auto keys = secretKeys(parser);
    if (!keys)
        return keys.error();
    QList<SecureBytes> out;
    for (const SessionKey &key : keys.value())
        out.append(key.bytes());
    return out;
}

Result<QList<SecureBytes>> SignerArguments::addSecretsTo(const QCommandLineParser &parser, CliIo &,
                                                         KeyRing &ring)
{
    auto keys = secretKeys(parser);
    if (!keys)
        return keys.error();
    QList<SecureBytes> out;
    for (SessionKey &key : keys.value()) {
        out.append(key.bytes());
        auto added = ring.add(std::move(key));
        if (!added)
            return added.error();
    }
    return out;
}

Result<SignerArguments::Loaded> SignerArguments::loadAll(const QCommandLineParser &parser,
                                                         CliIo &io, KeyRing &ring)
{
    Loaded loaded;
    auto keys = KeyArguments::load(parser, io, ring);
    if (!keys)
        return keys.error();
    loaded.aesKeys = ring.size();
    auto secrets = addSecretsTo(parser, io, ring);
    if (!secrets)
        return secrets.error();
    loaded.secrets = std::move(secrets).value();
    // The stored ring comes after the keys and secrets given for the run.
    loaded.runKeys = ring.size();
    StoredKeys::appendTo(parser, io, ring);
    loaded.aesKeys = 0;
    for (qsizetype i = 0; i < ring.size(); ++i) {
        if (ring.at(i).kind() == SessionKey::Kind::AesKey)
            ++loaded.aesKeys;
        else if (i >= loaded.runKeys)
            loaded.secrets.append(ring.at(i).bytes());
    }
    auto options = SignerArguments::options(parser);
    if (!options)
        return options.error();
    loaded.options = options.value();
    return loaded;
}

} // namespace sessionlens::cli
