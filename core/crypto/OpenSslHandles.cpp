#include "crypto/OpenSslHandles.h"

#include <openssl/evp.h>

namespace sessionlens {

void OpenSslFree::operator()(EVP_MAC *handle) const noexcept
{
    EVP_MAC_free(handle);
}

void OpenSslFree::operator()(EVP_MAC_CTX *handle) const noexcept
{
    EVP_MAC_CTX_free(handle);
}

void OpenSslFree::operator()(EVP_CIPHER *handle) const noexcept
{
    EVP_CIPHER_free(handle);
}

void OpenSslFree::operator()(EVP_CIPHER_CTX *handle) const noexcept
{
    EVP_CIPHER_CTX_free(handle);
}

void OpenSslFree::operator()(EVP_MD *handle) const noexcept
{
    EVP_MD_free(handle);
}

void OpenSslFree::operator()(EVP_MD_CTX *handle) const noexcept
{
    EVP_MD_CTX_free(handle);
}

} // namespace sessionlens
