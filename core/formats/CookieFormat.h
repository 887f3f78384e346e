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
#include <optional>

namespace sessionlens {

class KeySchedules;
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
    /// The report's keys measured exactly (the others are estimated: CookieSize::KeyShare).
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
        /// Whole and of the format's shape, but its content says another format wrote it: opened
        /// as this one only when one of its keys verifies it (FormatRegistry::Detection).
        Possible = 50,
        Certain = 100,
        /// Certain, and marked as the format's own where another format's shape is the same
        /// (Starlette's json.dumps separators in a payload Flask's alphabet can also spell).
        Distinct = 110,
        /// A narrower shape inside another format's Certain one, checked exactly (Flask-WTF's
        /// token is Flask's signed shape with a JSON string inside): it takes the cookie.
        Exact = Distinct,
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

    /// Opens `cookie` with the keys of the format's kind that `keys` offers for it
    /// (keys.candidates(*this, kind): the const ring's keys the user keeps for this format, the
    /// one that served it last first; keys.codec(i) for an AES key schedule), filling `out`
    /// (whose format and detected members the caller has set) and out.keyIndex with the ring
    /// index of the key that opened or verified it. Never stops silently: every failure names
    /// its step, and what was decoded before it stays in `out`.
    virtual void open(QByteArrayView cookie, KeySchedules &keys, const OpenOptions &options,
                      OpenedCookie &out) const = 0;
    /// Judges again, as of `now` (UNIX seconds), the age of a cookie this format opened, by
    /// its server's rule: a window that stays open keeps the verdict it shows true. Formats
    /// without a timestamp do nothing.
    virtual void judgeAge(OpenedCookie &opened, const OpenOptions &options, qint64 now) const;
    /// Writes `session` as the format's server would, fills out.size (always, as sizes need no
    /// key: CookieSize's stages, cookieValueBytes and key shares) and, with a key (when the
    /// format needs one), the cookie. A cookie over CookieText::overInputLimit() is an error.
    virtual void seal(const SessionValue &session, const SecureBytes &key,
                      const SealOptions &options, SealedCookie &out) const = 0;
    /// `session` (of any format) as this format's server reads it back, with a note for each
    /// value the format cannot carry as it is.
    [[nodiscard]] virtual SessionConverter::Converted
    convertFrom(const SessionValue &session) const = 0;

    /// The UNIX time the cookie was signed at, to seal it again as of then (SealOptions::
    /// timestamp); nullopt when the format signs no time or none was read. The default reads
    /// FlaskSignedCodec::Decoded details, which formats built on itsdangerous' signer fill; a
    /// format that keeps its time elsewhere says so here.
    [[nodiscard]] virtual std::optional<qint64> signedAt(const OpenedCookie &opened) const;

    /// Candidate secrets tried against `cookie` for the weak-secret audit, with what does not
    /// depend on the secret prepared once. The default (formats with no secret to guess) is a
    /// `key` error; a cookie that is not of the format fails at the step that says so.
    [[nodiscard]] virtual Result<std::unique_ptr<SecretCheck>>
    prepareSecretCheck(QByteArrayView cookie, const OpenOptions &options) const;

    /// Whether the session can be read without the key (signed formats, or none needed).
    [[nodiscard]] bool readableWithoutKey() const { return keyKind() != KeyKind::AesKey; }
};

} // namespace sessionlens
