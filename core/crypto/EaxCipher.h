#pragma once

#include "Result.h"
#include "crypto/AesCmac.h"
#include "crypto/OpenSslHandles.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace sessionlens {

/**
 * AES-EAX authenticated encryption (Bellare, Rogaway, Wagner 2004) built from
 * OpenSSL's AES-CTR and CMAC, with 16-byte tags and nonces of any length.
 *
 * An object holds the key schedule for one key and is not thread-safe: give
 * each thread its own.
 */
class EaxCipher
{
public:
    static constexpr qsizetype kTagSize = 16;

    struct Sealed
    {
        QByteArray ciphertext;
        QByteArray tag;
    };

    /// Fails with ErrorCategory::Key unless the key is 16, 24 or 32 bytes long.
    [[nodiscard]] static Result<EaxCipher> create(const SecureBytes &key);

    [[nodiscard]] Result<Sealed> encrypt(QByteArrayView nonce, QByteArrayView header,
                                         QByteArrayView plaintext);

    /**
     * Verifies the tag in constant time, then decrypts. A wrong tag (or a tag
     * that is not 16 bytes) is ErrorCategory::Authentication and yields no
     * plaintext at all.
     */
    [[nodiscard]] Result<QByteArray> decrypt(QByteArrayView nonce, QByteArrayView header,
                                             QByteArrayView ciphertext, QByteArrayView tag);
    /**
     * The same, in the buffer it is given: on success `text` holds the plaintext. A tag that
     * does not match (or is not 16 bytes) leaves `text` as it was, so that another key can
     * try it; after an OpenSSL failure its content is undefined. Saves an allocation and a
     * copy of the whole text per cookie.
     */
    [[nodiscard]] std::optional<Error> decryptInPlace(QByteArrayView nonce, QByteArrayView header,
                                                      QByteArray &text, QByteArrayView tag);

private:
    EaxCipher(AesCmac cmac, EvpCipherCtxPtr ctr);

    /// The tag check; on success `nonceMac` is the CTR mode's first counter block.
    std::optional<Error> authenticate(QByteArrayView nonce, QByteArrayView header,
                                      QByteArrayView ciphertext, QByteArrayView tag,
                                      AesCmac::Tag *nonceMac);
    bool omac(std::uint8_t domain, QByteArrayView data, AesCmac::Tag *out);
    bool headerMac(QByteArrayView header, AesCmac::Tag *out);
    bool ctrTransform(const AesCmac::Tag &counter, QByteArrayView in, char *out);

    AesCmac m_cmac;
    EvpCipherCtxPtr m_ctr;
    // OMAC of the empty header is the same for every message under this key.
    AesCmac::Tag m_emptyHeaderMac{};
    bool m_emptyHeaderMacReady = false;
};

} // namespace sessionlens
