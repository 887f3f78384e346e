#pragma once

#include "Limits.h"
#include "Result.h"
#include "crypto/EaxCipher.h"
#include "crypto/SecureBytes.h"
#include "formats/ZlibCodec.h"
#include "json/PythonJsonReader.h"
#include "json/SessionValue.h"

#include <QByteArray>
#include <QStringList>

#include <optional>

namespace sessionlens {

/**
 * The EncryptedSession cookie format: `<flag>.<ciphertext>.<tag>.<nonce>`,
 * JSON (bytes tagged) optionally zlib-compressed, sealed with AES-EAX.
 *
 * Decoding never stops at the first problem silently: it returns everything
 * decoded up to the failing step together with an Error naming that step.
 * One codec holds one key's schedule; it is not thread-safe.
 */
class EncryptedSessionCodec
{
public:
    /// The server compresses JSON longer than this many bytes.
    static constexpr qsizetype kCompressionThreshold = 1024;
    /// The server draws nonces of this size.
    static constexpr qsizetype kNonceSize = 16;
    /// Longest cookie value accepted for decoding.
    static constexpr qsizetype kMaxCookieSize = limits::kMaxCookieBytes;

    enum class Compression
    {
        Auto,
        Always,
        Never
    };

    enum class Field
    {
        Flag = 0,
        Ciphertext = 1,
        Tag = 2,
        Nonce = 3
    };

    struct Limits
    {
        qsizetype maxInflatedSize = ZlibCodec::kDefaultMaxInflatedSize;
        int maxDepth = PythonJsonReader::kDefaultMaxDepth;
        /// false: only check that the JSON reads as a session, leaving `session` empty (the
        /// batch audit keeps sizes, never a tree). Errors are the same either way.
        bool buildSession = true;
        /// With buildSession false: where the JSON check lists the session's top-level
        /// members (see PythonJsonReader::Options::topMembers), or nullptr.
        JsonMemberList *topMembers = nullptr;
        /// false: the key that opens the cookie decrypts the fields' ciphertext where it lies,
        /// leaving `fields.ciphertext` empty (for callers that keep no details).
        bool keepCiphertext = true;
    };

    /// Whether split() copies the fields' texts (for a display or an error that points into
    /// them) or decodes them where they lie, leaving the texts empty.
    enum class FieldTexts
    {
        Keep,
        Drop
    };

    /// The cookie split into its fields, before any key is involved.
    struct Fields
    {
        QByteArray flag;
        QByteArray ciphertextText, tagText, nonceText;
        QByteArray ciphertext, tag, nonce;
        bool compressed = false;
        bool unknownFlag = false; ///< flag other than u/z: the server reads it as uncompressed
    };

    struct Decoded
    {
        Fields fields;
        QByteArray payload;   ///< decrypted bytes (compressed when the flag is z)
        QByteArray plaintext; ///< JSON text
        SessionValue session;
        QStringList warnings;
        std::optional<Error> error;
        [[nodiscard]] bool ok() const { return !error.has_value(); }
    };

    struct Sealed
    {
        QByteArray cookie;
        QByteArray plaintext;
        QByteArray payload; ///< what was encrypted
        bool compressed = false;
        Fields fields;
    };

    [[nodiscard]] static Result<EncryptedSessionCodec> create(const SecureBytes &key,
                                                              Limits limits);
    [[nodiscard]] static Result<EncryptedSessionCodec> create(const SecureBytes &key)
    {
        return create(key, Limits{});
    }

    /// Splits and base64-decodes the four fields (format and base64 steps only).
    /// On a base64 error, `partial` (when given) still receives the four field texts; with
    /// FieldTexts::Drop there are none, and `partial` is left alone.
    [[nodiscard]] static Result<Fields> split(QByteArrayView cookie, Fields *partial = nullptr,
                                              FieldTexts texts = FieldTexts::Keep);

    [[nodiscard]] Decoded decode(QByteArrayView cookie);
    /// The inflate and reader bounds of later decodes (the key schedule is kept).
    void setLimits(const Limits &limits) { m_limits = limits; }
    /// Decrypts already split fields and continues the pipeline.
    void decodeFields(Decoded &decoded);

    [[nodiscard]] Result<Sealed> seal(const SessionValue &session,
                                      Compression compression = Compression::Auto);
    /// Why the server's encoder could not write this session (not a dict, UUID or datetime
    /// inside), or nullopt when it can. seal() checks this itself.
    [[nodiscard]] static std::optional<Error> checkSealable(const SessionValue &session);
    /// Seals JSON text as is (for crafting cookies whose text the writer would not produce).
    /// An empty `nonce` draws a fresh one; a given one is for tests and reproducible examples.
    [[nodiscard]] Result<Sealed> sealPlaintext(const QByteArray &plaintext,
                                               Compression compression = Compression::Auto,
                                               const QByteArray &nonce = {});
    /// Seals a payload the caller has already prepared (SessionSealer): `payload` is the
    /// plaintext, or its zlib form when `compressed`, so nothing is written or deflated twice.
    [[nodiscard]] Result<Sealed> sealPayload(const QByteArray &plaintext, const QByteArray &payload,
                                             bool compressed, const QByteArray &nonce = {});

    [[nodiscard]] static bool shouldCompress(qsizetype jsonSize, Compression compression);
    [[nodiscard]] static QString fieldName(Field field);

private:
    EncryptedSessionCodec(EaxCipher cipher, Limits limits);

    EaxCipher m_cipher;
    Limits m_limits;
};

} // namespace sessionlens
