#pragma once

#include <memory>

// OpenSSL's own typedefs name these structs (EVP_MAC is `struct evp_mac_st`, ...). Declaring
// them here keeps <openssl/*.h> and its API-level macros out of every header that holds a
// handle: only the core's sources see OpenSSL.
struct evp_mac_st;
struct evp_mac_ctx_st;
struct evp_cipher_st;
struct evp_cipher_ctx_st;
struct evp_md_st;
struct evp_md_ctx_st;

namespace sessionlens {

/// Frees each OpenSSL object with its own free function (defined where OpenSSL is included).
struct OpenSslFree
{
    void operator()(evp_mac_st *handle) const noexcept;
    void operator()(evp_mac_ctx_st *handle) const noexcept;
    void operator()(evp_cipher_st *handle) const noexcept;
    void operator()(evp_cipher_ctx_st *handle) const noexcept;
    void operator()(evp_md_st *handle) const noexcept;
    void operator()(evp_md_ctx_st *handle) const noexcept;
};

using EvpMacPtr = std::unique_ptr<evp_mac_st, OpenSslFree>;
using EvpMacCtxPtr = std::unique_ptr<evp_mac_ctx_st, OpenSslFree>;
using EvpCipherPtr = std::unique_ptr<evp_cipher_st, OpenSslFree>;
using EvpCipherCtxPtr = std::unique_ptr<evp_cipher_ctx_st, OpenSslFree>;
using EvpMdPtr = std::unique_ptr<evp_md_st, OpenSslFree>;
using EvpMdCtxPtr = std::unique_ptr<evp_md_ctx_st, OpenSslFree>;

} // namespace sessionlens
