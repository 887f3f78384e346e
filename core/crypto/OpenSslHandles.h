#pragma once

#include <openssl/evp.h>

#include <memory>

namespace sessionlens {

// RAII owners for OpenSSL objects: every handle is freed by its own free function.
template <auto FreeFunction> struct OpenSslDeleter
{
    template <typename T> void operator()(T *handle) const noexcept { FreeFunction(handle); }
};

using EvpMacPtr = std::unique_ptr<EVP_MAC, OpenSslDeleter<&EVP_MAC_free>>;
using EvpMacCtxPtr = std::unique_ptr<EVP_MAC_CTX, OpenSslDeleter<&EVP_MAC_CTX_free>>;
using EvpCipherPtr = std::unique_ptr<EVP_CIPHER, OpenSslDeleter<&EVP_CIPHER_free>>;
using EvpCipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, OpenSslDeleter<&EVP_CIPHER_CTX_free>>;
using EvpMdPtr = std::unique_ptr<EVP_MD, OpenSslDeleter<&EVP_MD_free>>;
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, OpenSslDeleter<&EVP_MD_CTX_free>>;

} // namespace sessionlens
