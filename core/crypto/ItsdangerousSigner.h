#pragma once

#include "Result.h"
#include "SessionDefaults.h"
#include "crypto/OpenSslHandles.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace sessionlens {

/**
 * itsdangerous' Signer: derives a key from the secret and the salt, then
 * signs with HMAC. HMAC is assembled from EVP digests on reused contexts,
 * because EVP_MAC re-keying per secret costs several allocations, and the
 * weak-secret audit re-keys millions of times.
 *
 * Not thread-safe: give each thread its own.
 */
class ItsdangerousSigner
{
public:
    enum class Digest
    {
        Sha1,
        Sha256,
        Sha512
    };
    enum class KeyDerivation
    {
        Hmac,
        Concat,
        DjangoConcat,
        None
    };

    struct Options
    {
        QByteArray salt = defaults::kFlaskSessionSalt;  ///< Flask's session salt
        Digest digest = Digest::Sha1;                   ///< Flask's default
        KeyDerivation derivation = KeyDerivation::Hmac; ///< Flask's default
    };

    /**
     * One secret made ready to check many values: the derived key, its HMAC key blocks
     * (inner and outer pad) already hashed. A value then costs its own blocks and the outer
     * digest's, not the derivation and the two pad blocks again. Holds secret material in
     * OpenSSL's digest states, which OpenSSL clears when they are freed; moves, never copies.
     */
    class PreparedKey
    {
    public:
        PreparedKey(PreparedKey &&) noexcept = default;
        PreparedKey &operator=(PreparedKey &&) noexcept = default;
        PreparedKey(const PreparedKey &) = delete;
        PreparedKey &operator=(const PreparedKey &) = delete;
        ~PreparedKey() = default;

    private:
        friend class ItsdangerousSigner;
        PreparedKey() = default;
        EvpMdCtxPtr m_inner;
        EvpMdCtxPtr m_outer;
    };

    [[nodiscard]] static Result<ItsdangerousSigner> create(const Options &options);

    /// Raw signature (digest-sized) of `value` under `secret`.
    [[nodiscard]] bool sign(QByteArrayView secret, QByteArrayView value, QByteArray *signature);
    /// Constant-time check of a raw signature.
    [[nodiscard]] bool verify(QByteArrayView secret, QByteArrayView value,
                              QByteArrayView signature);
    /// `secret` prepared for verify(PreparedKey, ...) with this signer's options; nullopt
    /// when OpenSSL fails.
    [[nodiscard]] std::optional<PreparedKey> prepare(QByteArrayView secret);
    /// verify() with a key prepared by a signer of the same options: the same answer.
    [[nodiscard]] bool verify(const PreparedKey &key, QByteArrayView value,
                              QByteArrayView signature);
    [[nodiscard]] const Options &options() const { return m_options; }
    [[nodiscard]] int digestSize() const { return m_digestSize; }
    /// Signature size of a digest, without fetching it.
    [[nodiscard]] static int digestSize(Digest digest);

    [[nodiscard]] static QString digestName(Digest digest);
    [[nodiscard]] static QString derivationName(KeyDerivation derivation);
    [[nodiscard]] static bool digestFromName(const QString &name, Digest *out);
    [[nodiscard]] static bool derivationFromName(const QString &name, KeyDerivation *out);

private:
    ItsdangerousSigner(Options options, const evp_md_st *md, EvpMdCtxPtr ctx);

    bool hash(QByteArrayView a, QByteArrayView b, QByteArrayView c, unsigned char *out);
    bool hmac(QByteArrayView key, QByteArrayView message, unsigned char *out);
    bool deriveKey(QByteArrayView secret, unsigned char *out, int *size);
    bool signInto(QByteArrayView secret, QByteArrayView value, unsigned char *out);
    // The key block of RFC 2104: the key, or its digest when longer than a block, zero-padded.
    bool keyBlock(QByteArrayView key, unsigned char *block);

    Options m_options;
    const evp_md_st *m_md = nullptr;
    EvpMdCtxPtr m_ctx;
    int m_digestSize = 0;
    int m_blockSize = 0;
};

} // namespace sessionlens
