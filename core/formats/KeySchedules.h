#pragma once

#include "crypto/SigningKeyCache.h"
#include "formats/EncryptedSessionCodec.h"
#include "keys/KeyRing.h"

#include <QList>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace sessionlens {

class CookieFormat;

/**
 * What opening many cookies with one key ring learns, kept by the one who opens them (a
 * CookieOpener, one per audit worker) so that the ring itself stays keys only and const: the
 * AES key schedules (an EncryptedSessionCodec per AES key, built on first use), the signing
 * secrets prepared for HMAC (SigningKeyCache) and, per
 * format, which key served that format last, tried first next time (a batch of one app's
 * cookies then costs one check each). Not thread-safe: one per thread. The ring must outlive
 * it; a change of the ring (KeyRing::generation()) makes it forget what it learnt.
 */
class KeySchedules
{
public:
    explicit KeySchedules(const KeyRing &ring);

    [[nodiscard]] const KeyRing &ring() const { return *m_ring; }

    /**
     * Ring indices of the keys of `kind` that may serve `format` (SessionKey::serves: keys the
     * user kept for other formats are left out), in the order to try them: the key that served
     * the format last first, then ring order. Valid until the next call.
     */
    [[nodiscard]] const QList<qsizetype> &candidates(const CookieFormat &format,
                                                     SessionKey::Kind kind);
    /// Remembers that the key at `index` opened or verified a cookie of `format`.
    void served(const CookieFormat &format, qsizetype index);
    /// The key that served `format` last, -1 when none has yet.
    [[nodiscard]] qsizetype lastServed(const CookieFormat &format) const;

    /// The key schedule of the AES key at `index`, built on first use; nullptr for a key of
    /// another kind (or an index out of range).
    [[nodiscard]] EncryptedSessionCodec *codec(qsizetype index);
    /// The ring's signing secrets prepared for the signed formats' checks, kept as long as
    /// the ring is unchanged (the `signingKeys` of FlaskSignedCodec::decode).
    [[nodiscard]] SigningKeyCache &signingKeys();

    /// What a signed format verifies a cookie with, handed out without a copy per cookie.
    struct SigningSecrets
    {
        const QList<qsizetype> &indices;   ///< candidates(format, SigningSecret)
        const QList<SecureBytes> &secrets; ///< their bytes, in the same order
        SigningKeyCache &cache;            ///< signingKeys()
    };
    /// The signing secrets that may serve `format`, in candidates() order, with the cache that
    /// prepares them. The lists are kept per format and built again only when the order
    /// changes (another key served the format) or the ring does; valid until then.
    [[nodiscard]] SigningSecrets signingSecrets(const CookieFormat &format);

private:
    struct FormatSecrets
    {
        const CookieFormat *format = nullptr;
        qsizetype firstTried = -1; ///< lastServed(format) when the lists were built
        QList<qsizetype> indices;
        QList<SecureBytes> secrets;
    };

    void forgetIfRingChanged();

    const KeyRing *m_ring;
    quint64 m_generation;
    std::vector<std::optional<EncryptedSessionCodec>> m_codecs; // by ring index
    SigningKeyCache m_signingKeys;
    std::vector<std::pair<const CookieFormat *, qsizetype>> m_lastServed;
    QList<qsizetype> m_candidates;
    // Each entry on the heap: references handed out stay valid while others are added.
    std::vector<std::unique_ptr<FormatSecrets>> m_formatSecrets;
};

} // namespace sessionlens
