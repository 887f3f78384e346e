#pragma once

#include "Result.h"
#include "crypto/ItsdangerousSigner.h"
#include "crypto/SecureBytes.h"

#include <QByteArrayView>
#include <QList>

#include <cstddef>
#include <vector>

namespace sessionlens {

/**
 * What checking many signed cookies with the same secrets reuses: one ItsdangerousSigner per
 * set of options (salt, digest, key derivation), and each secret prepared once per set
 * (ItsdangerousSigner::PreparedKey: the derived key's HMAC pads hashed). A signed cookie then
 * costs the digest of its own bytes, not the key derivation and four more blocks.
 *
 * KeySchedules keeps one, so it lives and is forgotten with what an opener learnt of its key
 * ring. Bounded: past kMaxPrepared secrets it starts over. Not thread-safe: one per thread.
 */
class SigningKeyCache
{
public:
    /// More than a key ring's worth of secrets times the formats' option sets.
    static constexpr std::size_t kMaxPrepared = 256;

    /// ItsdangerousSigner::verify(secret, value, signature) for `options`, with the secret
    /// prepared on first use. An error when OpenSSL offers no such digest.
    [[nodiscard]] Result<bool> verify(const ItsdangerousSigner::Options &options,
                                      const SecureBytes &secret, QByteArrayView value,
                                      QByteArrayView signature);
    /// Index of the first of `secrets` whose signature of `value` under `options` is
    /// `signature`, -1 when none is: the one loop every signed format verifies with. An
    /// error when OpenSSL offers no such digest.
    [[nodiscard]] Result<qsizetype> firstMatch(const ItsdangerousSigner::Options &options,
                                               const QList<SecureBytes> &secrets,
                                               QByteArrayView value, QByteArrayView signature);
    /// Forgets every prepared secret (their digest states are cleared as they are freed).
    void clear();
    [[nodiscard]] std::size_t preparedCount() const { return m_prepared.size(); }

private:
    struct Prepared
    {
        std::size_t signer = 0; ///< index in m_signers
        SecureBytes secret;
        ItsdangerousSigner::PreparedKey key;
    };

    Result<std::size_t> signerFor(const ItsdangerousSigner::Options &options);

    std::vector<ItsdangerousSigner> m_signers;
    std::vector<Prepared> m_prepared;
};

} // namespace sessionlens
