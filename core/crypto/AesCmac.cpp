#include "crypto/AesCmac.h"

#include <QCoreApplication>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace sessionlens {

namespace {

EVP_MAC *cmacAlgorithm()
{
    // Fetching walks the provider tables; do it once per process (thread-safe static).
    static const EvpMacPtr mac(EVP_MAC_fetch(nullptr, "CMAC", nullptr));
    return mac.get();
}

const char *cbcCipherName(std::size_t keySize)
{
    switch (keySize) {
    case 16:
        return "AES-128-CBC";
    case 24:
        return "AES-192-CBC";
    case 32:
        return "AES-256-CBC";
    default:
        return nullptr;
    }
}

} // namespace

AesCmac::AesCmac(EvpMacCtxPtr context) : m_context(std::move(context)) {}

Result<AesCmac> AesCmac::create(const SecureBytes &key)
{
    const char *cipherName = cbcCipherName(key.size());
    if (!cipherName)
        return Error::make(
            ErrorCategory::Key,
            QCoreApplication::translate("sessionlens::Error",
                                        "AES keys are 16, 24 or 32 bytes, this one has %1")
                .arg(key.size()));
    EVP_MAC *mac = cmacAlgorithm();
    if (!mac)
        return Error::make(ErrorCategory::Key, QCoreApplication::translate(
                                                   "sessionlens::Error", "OpenSSL offers no CMAC"));
    EvpMacCtxPtr context(EVP_MAC_CTX_new(mac));
    if (!context)
        return Error::make(
            ErrorCategory::Key,
            QCoreApplication::translate("sessionlens::Error", "cannot allocate a CMAC context"));
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, const_cast<char *>(cipherName), 0),
        OSSL_PARAM_construct_end(),
    };
    if (EVP_MAC_init(context.get(), key.data(), key.size(), params) != 1)
        return Error::make(
            ErrorCategory::Key,
            QCoreApplication::translate("sessionlens::Error", "OpenSSL rejected the CMAC key"));
    return AesCmac(std::move(context));
}

bool AesCmac::begin()
{
    // A null key restarts the computation with the key already scheduled.
    return EVP_MAC_init(m_context.get(), nullptr, 0, nullptr) == 1;
}

bool AesCmac::update(QByteArrayView data)
{
    if (data.isEmpty())
        return true;
    return EVP_MAC_update(m_context.get(), reinterpret_cast<const unsigned char *>(data.data()),
                          static_cast<std::size_t>(data.size())) == 1;
}

bool AesCmac::finish(Tag *tag)
{
    std::size_t written = 0;
    return EVP_MAC_final(m_context.get(), tag->data(), &written, tag->size()) == 1 &&
           written == kTagSize;
}

bool AesCmac::compute(QByteArrayView data, Tag *tag)
{
    return begin() && update(data) && finish(tag);
}

} // namespace sessionlens
