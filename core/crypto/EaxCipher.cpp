#include "crypto/EaxCipher.h"

#include <QCoreApplication>
#include <climits>
#include <openssl/evp.h>

namespace sessionlens {

namespace {

EVP_CIPHER *ctrCipher(std::size_t keySize)
{
    // Fetched once per process; explicit fetches avoid the implicit-fetch cost on every init.
    static const EvpCipherPtr aes128(EVP_CIPHER_fetch(nullptr, "AES-128-CTR", nullptr));
    static const EvpCipherPtr aes192(EVP_CIPHER_fetch(nullptr, "AES-192-CTR", nullptr));
    static const EvpCipherPtr aes256(EVP_CIPHER_fetch(nullptr, "AES-256-CTR", nullptr));
    switch (keySize) {
    case 16:
        return aes128.get();
    case 24:
        return aes192.get();
    case 32:
        return aes256.get();
    default:
        return nullptr;
    }
}

Error internalFailure(const char *what)
{
    return Error::make(ErrorCategory::Authentication,
                       QCoreApplication::translate("sessionlens::Error", "OpenSSL failed during %1")
                           .arg(QLatin1String(what)));
}

} // namespace

EaxCipher::EaxCipher(AesCmac cmac, EvpCipherCtxPtr ctr)
    : m_cmac(std::move(cmac)), m_ctr(std::move(ctr))
{
}

Result<EaxCipher> EaxCipher::create(const SecureBytes &key)
{
    auto cmac = AesCmac::create(key);
    if (!cmac)
        return cmac.error();
    EVP_CIPHER *cipher = ctrCipher(key.size());
    EvpCipherCtxPtr ctr(EVP_CIPHER_CTX_new());
    if (!cipher || !ctr ||
        EVP_EncryptInit_ex2(ctr.get(), cipher, key.data(), nullptr, nullptr) != 1)
        return Error::make(ErrorCategory::Key, QCoreApplication::translate(
                                                   "sessionlens::Error", "cannot set up AES-CTR"));
    return EaxCipher(std::move(cmac).value(), std::move(ctr));
}

// OMAC_K(t)(X) = CMAC_K([0]*15 || [t] || X)
bool EaxCipher::omac(std::uint8_t domain, QByteArrayView data, AesCmac::Tag *out)
{
    const char prefix[16] = {0, 0, 0, 0, 0, 0, 0, 0,
                             0, 0, 0, 0, 0, 0, 0, static_cast<char>(domain)};
    return m_cmac.begin() && m_cmac.update(QByteArrayView(prefix, 16)) && m_cmac.update(data) &&
           m_cmac.finish(out);
}

bool EaxCipher::headerMac(QByteArrayView header, AesCmac::Tag *out)
{
    if (!header.isEmpty())
        return omac(1, header, out);
    if (!m_emptyHeaderMacReady) {
        if (!omac(1, {}, &m_emptyHeaderMac))
            return false;
        m_emptyHeaderMacReady = true;
    }
    *out = m_emptyHeaderMac;
    return true;
}

bool EaxCipher::ctrTransform(const AesCmac::Tag &counter, QByteArrayView in, char *out)
{
    if (EVP_EncryptInit_ex2(m_ctr.get(), nullptr, nullptr, counter.data(), nullptr) != 1)
        return false;
    const auto *source = reinterpret_cast<const unsigned char *>(in.data());
    auto *target = reinterpret_cast<unsigned char *>(out);
    qsizetype remaining = in.size();
    while (remaining > 0) {
        const int chunk = remaining > INT_MAX / 2 ? INT_MAX / 2 : static_cast<int>(remaining);
        int written = 0;
        if (EVP_EncryptUpdate(m_ctr.get(), target, &written, source, chunk) != 1 ||
            written != chunk)
            return false;
        source += chunk;
        target += chunk;
        remaining -= chunk;
    }
    return true;
}

Result<EaxCipher::Sealed> EaxCipher::encrypt(QByteArrayView nonce, QByteArrayView header,
                                             QByteArrayView plaintext)
{
    AesCmac::Tag nonceMac{}, headerTag{}, cipherMac{};
    if (!omac(0, nonce, &nonceMac) || !headerMac(header, &headerTag))
        return internalFailure("EAX encryption");
    Sealed sealed;
    sealed.ciphertext.resize(plaintext.size());
    if (!ctrTransform(nonceMac, plaintext, sealed.ciphertext.data()) ||
        !omac(2, sealed.ciphertext, &cipherMac))
        return internalFailure("EAX encryption");
    sealed.tag.resize(kTagSize);
    for (qsizetype i = 0; i < kTagSize; ++i)
        sealed.tag[i] = static_cast<char>(nonceMac[i] ^ headerTag[i] ^ cipherMac[i]);
    return sealed;
}

std::optional<Error> EaxCipher::authenticate(QByteArrayView nonce, QByteArrayView header,
                                             QByteArrayView ciphertext, QByteArrayView tag,
                                             AesCmac::Tag *nonceMac)
{
    if (tag.size() != kTagSize)
        return Error::make(
            ErrorCategory::Authentication,
            QCoreApplication::translate("sessionlens::Error", "the tag must be 16 bytes, found %1")
                .arg(tag.size()));
    AesCmac::Tag headerTag{}, cipherMac{};
    if (!omac(0, nonce, nonceMac) || !headerMac(header, &headerTag) ||
        !omac(2, ciphertext, &cipherMac))
        return internalFailure("EAX decryption");
    AesCmac::Tag expected{};
    for (std::size_t i = 0; i < expected.size(); ++i)
        expected[i] = (*nonceMac)[i] ^ headerTag[i] ^ cipherMac[i];
    if (!constantTimeEquals(expected.data(), expected.size(), tag.data(),
                            static_cast<std::size_t>(tag.size())))
        return Error::make(
            ErrorCategory::Authentication,
            QCoreApplication::translate("sessionlens::Error",
                                        "the tag does not match: wrong key or altered cookie"));
    return std::nullopt;
}

Result<QByteArray> EaxCipher::decrypt(QByteArrayView nonce, QByteArrayView header,
                                      QByteArrayView ciphertext, QByteArrayView tag)
{
    AesCmac::Tag nonceMac{};
    if (auto error = authenticate(nonce, header, ciphertext, tag, &nonceMac))
        return *error;
    QByteArray plaintext(ciphertext.size(), Qt::Uninitialized);
    if (!ctrTransform(nonceMac, ciphertext, plaintext.data()))
        return internalFailure("EAX decryption");
    return plaintext;
}

std::optional<Error> EaxCipher::decryptInPlace(QByteArrayView nonce, QByteArrayView header,
                                               QByteArray &text, QByteArrayView tag)
{
    AesCmac::Tag nonceMac{};
    if (auto error = authenticate(nonce, header, text, tag, &nonceMac))
        return error;
    // CTR mode may write over its input; data() copies first only if the buffer is shared.
    char *bytes = text.data();
    if (!ctrTransform(nonceMac, QByteArrayView(bytes, text.size()), bytes))
        return internalFailure("EAX decryption");
    return std::nullopt;
}

} // namespace sessionlens
