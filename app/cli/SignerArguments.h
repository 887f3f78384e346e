#pragma once

#include "CliIo.h"
#include "formats/CookieFormat.h"
#include "formats/FlaskSignedCodec.h"
#include "keys/KeyRing.h"

#include "CommandSyntax.h"

#include <QCommandLineParser>

namespace sessionlens::cli {

/// Options of Flask's signed cookies: secrets (repeatable), salt, digest, key derivation, epoch,
/// lifetime.
class SignerArguments
{
    Q_DECLARE_TR_FUNCTIONS(SignerArguments)

public:
    static void addOptions(CommandSyntax &syntax);
    /// Everything a command that opens cookies of both formats takes, as loadAll() reads it:
    /// the AES keys (KeyArguments), --no-ring, the secrets and the signer settings.
    static void addOpeningOptions(CommandSyntax &syntax);
    /// A --secret that is empty (or b''): itsdangerous verifies with it, Flask never signs with
    /// it. options() sets FlaskSignedCodec::Options::verifyEmptySecret from it.
    [[nodiscard]] static bool emptySecretGiven(const QCommandLineParser &parser);
    [[nodiscard]] static Result<FlaskSignedCodec::Options>
    options(const QCommandLineParser &parser);
    /// --secret values and --secret-file contents (one trailing newline dropped), in that order.
    /// A --secret written as a Python bytes literal (b'...') is its value, any other its UTF-8;
    /// an empty one is left out (see emptySecretGiven()).
    [[nodiscard]] static Result<QList<SecureBytes>> secrets(const QCommandLineParser &parser,
                                                            CliIo &io);
    /// Everything a command that opens cookies of both formats needs from its arguments.
    struct Loaded
    {
        qsizetype aesKeys = 0; ///< AES keys in the ring (given for the run and stored)
        qsizetype runKeys = 0; ///< entries given for the run; stored ones follow
        QList<SecureBytes> secrets;
        FlaskSignedCodec::Options options;
    };
    /// Loads --key/--key-file and --secret/--secret-file into `ring` and reads the signer options.
    [[nodiscard]] static Result<Loaded> loadAll(const QCommandLineParser &parser, CliIo &io,
                                                KeyRing &ring);

    /// --django-legacy-sha1, for the commands that seal Django's cookies.
    static void addDjangoLegacyOption(CommandSyntax &syntax);
    /// With --django-legacy-sha1, `sealing` signs as Django's DEFAULT_HASHING_ALGORITHM =
    /// 'sha1' does (django-concat, SHA-1); a usage problem when `format` is not Django's.
    [[nodiscard]] static std::optional<QString>
    applyDjangoLegacy(const QCommandLineParser &parser, const CookieFormat &format,
                      FlaskSignedCodec::Options &sealing);

    /// --timestamp SECONDS, for the commands that sign.
    static void addTimestampOption(CommandSyntax &syntax);
    /// The --timestamp given, or -1 (sign as of now); a `format` error for a text that is no
    /// UNIX time a date can show, which the commands report as a usage problem.
    [[nodiscard]] static Result<qint64> timestamp(const QCommandLineParser &parser);

    /// Reads the secrets and adds them to `ring` as signing secrets named "--secret #N".
    [[nodiscard]] static Result<QList<SessionKey>> secretKeys(const QCommandLineParser &parser);
    [[nodiscard]] static Result<QList<SecureBytes>> addSecretsTo(const QCommandLineParser &parser,
                                                                 CliIo &io, KeyRing &ring);
};

} // namespace sessionlens::cli
