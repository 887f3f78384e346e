#pragma once

#include "Result.h"
#include "crypto/OpenSslHandles.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <cstdint>

namespace sessionlens {

/**
 * AES-CMAC (NIST SP 800-38B, also called OMAC1) over OpenSSL's EVP_MAC "CMAC".
 * The key schedule is done once per object; each MAC computation re-initialises
 * the context without re-keying.
 */
class AesCmac
{
public:
    static constexpr std::size_t kTagSize = 16;
    using Tag = std::array<std::uint8_t, kTagSize>;

    /// Fails with ErrorCategory::Key unless the key is 16, 24 or 32 bytes long.
    [[nodiscard]] static Result<AesCmac> create(const SecureBytes &key);

    /// Begin a new MAC computation with the same key.
    [[nodiscard]] bool begin();
    [[nodiscard]] bool update(QByteArrayView data);
    [[nodiscard]] bool finish(Tag *tag);

    /// One-shot MAC of `data`; false only when OpenSSL reports an internal failure.
    [[nodiscard]] bool compute(QByteArrayView data, Tag *tag);

private:
    explicit AesCmac(EvpMacCtxPtr context);

    EvpMacCtxPtr m_context;
};

} // namespace sessionlens
