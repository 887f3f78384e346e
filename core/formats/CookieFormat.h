#pragma once

#include "Result.h"
#include "crypto/SecureBytes.h"
#include "formats/EncryptedSessionCodec.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/FormatDetector.h"
#include "formats/SecretCheck.h"
#include "formats/SessionConverter.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonWriter.h"
#include "json/SessionValue.h"

#include <QByteArrayView>
#include <QString>

#include <memory>

namespace sessionlens {

class KeyRing;
struct OpenedCookie;
struct SealedCookie;
class CookieFormat;

/// How a cookie is opened: the inflate and reader bounds, and for signed formats the signer,
/// the lifetime and the empty-secret rule (itsdangerous' options serve every signed format).
using OpenOptions = FlaskSignedCodec::Options;

/// How a session becomes a cookie, whatever its format; each format reads what concerns it.
struct SealOptions
{
    /// The format to seal in; nullptr: the registry's default (EncryptedSession).
    const CookieFormat *format = nullptr;
    /// Formats that compress by a size rule: the rule, always or never.
    EncryptedSessionCodec::Compression compression = EncryptedSessionCodec::Compression::Auto;
    QString cookieName = QStringLiteral("session");
    /// Signed formats: salt, digest, key derivation, legacy epoch.
    FlaskSignedCodec::Options signer;
    /// Signed formats: UNIX time to sign as of; -1 for now.
    qint64 timestamp = -1;
    /// The report's keys measured exactly (SizeReport::Options::exactKeyShares).
    qsizetype exactKeyShares = limits::kMaxExactKeyShares;
};

/**
 * One cookie format, described once: what it is called, how its shape is recognised, the key
 * it needs, its JSON dialect, how a cookie opens (with errors that name the failing step), how
 * a session is sealed and what its size is made of. The opener, the sealer, the size report,
 * the converter, the audit, the timeline, the recovery store and both front ends ask the
 * format instead of branching on which one it is. A new format is a subclass and one line in
 * a FormatRegistry (FormatRegistry::builtIn() for the shipped ones).
 */
class CookieFormat
{
public:
    /// What makes (and for encrypted formats, opens) a cookie of the format.
    enum class KeyKind
    {
        None,   ///< anyone can read and write it
        AesKey, ///< raw AES key of 16, 24 or 32 bytes (SessionKey::Kind::AesKey)
        Secret, ///< a signing secret (SessionKey::Kind::SigningSecret); reading needs none
    };

    /// How sure a format is that a text has its shape. The highest score takes the cookie; a
    /// text no format is Certain of is first checked for shapes of no session at all.
    enum Score : int
    {
        NotMine = 0,
        Damaged = 10, ///< a cut or damaged cookie of the format, so its own steps say what is wrong
        Certain = 100,
        /// A narrower shape inside another format's Certain one, checked exactly (Flask-WTF's
        /// token is Flask's signed shape with a JSON string inside): it takes the cookie.
        Exact = 110,
    };

    /// The parts of SealOptions a format reads, so that front ends offer only those controls.
    enum SealOption : int
    {
        NoSealOptions = 0,
        ChoosesCompression = 1, ///< reads SealOptions::compression
        SignsWithTimestamp = 2, ///< reads SealOptions::timestamp (and keeps the original one)
    };

    CookieFormat() = default;
    virtual ~CookieFormat();
    CookieFormat(const CookieFormat &) = delete;
    CookieFormat &operator=(const CookieFormat &) = delete;

    /// Stable, never translated: the CLI's --to/--format, JSON output, autosave and settings.
    [[nodiscard]] virtual QString id() const = 0;
    /// For people, translated: "EncryptedSession", "Flask signed session".
    [[nodiscard]] virtual QString displayName() const = 0;
    /// A word for lists and one-line summaries, translated: "encrypted", "signed".
    [[nodiscard]] virtual QString shortName() const = 0;
    /// Score of `cookie` (whose characters were scanned once for every format).
    [[nodiscard]] virtual int score(QByteArrayView cookie,
                                    const FormatDetector::Characters &characters) const = 0;
    [[nodiscard]] virtual KeyKind keyKind() const = 0;
    /// SealOption flags.
    [[nodiscard]] virtual int sealOptions() const = 0;
    /// The JSON dialect: how the session is written, and read back from text.
    [[nodiscard]] virtual PythonJsonWriter::Style writerStyle() const = 0;
    [[nodiscard]] virtual PythonJsonReader::Dialect readerDialect() const = 0;
    [[nodiscard]] PythonJsonReader::Options readerOptions() const;

    /// Opens `cookie` with what `ring` holds of the format's key kind, filling `out` (whose
    /// format and detected members the caller has set). Never stops silently: every failure
    /// names its step, and what was decoded before it stays in `out`.
    virtual void open(QByteArrayView cookie, KeyRing &ring, const OpenOptions &options,
                      OpenedCookie &out) const = 0;
    /// Writes `session` as the format's server would, fills the size report (always, as sizes
    /// need no key) and, with a key (when the format needs one), the cookie.
    virtual void seal(const SessionValue &session, const SecureBytes &key,
                      const SealOptions &options, SealedCookie &out) const = 0;
    /// `session` (of any format) as this format's server reads it back, with a note for each
    /// value the format cannot carry as it is.
    [[nodiscard]] virtual SessionConverter::Converted
    convertFrom(const SessionValue &session) const = 0;

    /// Candidate secrets tried against `cookie` for the weak-secret audit, with what does not
    /// depend on the secret prepared once. The default (formats with no secret to guess) is a
    /// `key` error; a cookie that is not of the format fails at the step that says so.
    [[nodiscard]] virtual Result<std::unique_ptr<SecretCheck>>
    prepareSecretCheck(QByteArrayView cookie, const OpenOptions &options) const;

    /// Whether the session can be read without the key (signed formats, or none needed).
    [[nodiscard]] bool readableWithoutKey() const { return keyKind() != KeyKind::AesKey; }
};

} // namespace sessionlens
