#include "crypto/ChromiumCookieCipher.h"

#include "crypto/OpenSslHandles.h"

#include <QCoreApplication>

#include <openssl/evp.h>
#include <openssl/sha.h>

namespace sessionlens {

namespace {

constexpr char kChromiumSalt[] = "saltysalt";
constexpr int kChromiumKeyBytes = 16;
constexpr int kHostHashBytes = 32;

Result<SecureBytes> deriveKey(const SecureBytes &password)
{
    SecureBytes key(kChromiumKeyBytes);
    if (PKCS5_PBKDF2_HMAC_SHA1(
            reinterpret_cast<const char *>(password.data()), int(password.size()),
            reinterpret_cast<const unsigned char *>(kChromiumSalt), int(sizeof(kChromiumSalt) - 1),
            1, kChromiumKeyBytes, key.data()) != 1)
        return Error::make(ErrorCategory::Key,
                           QCoreApplication::translate(
                               "sessionlens::Error", "OpenSSL could not derive the Chromium key"));
    return key;
}

Result<QByteArray> cbc(bool encrypt, const SecureBytes &key, QByteArrayView in)
{
    EvpCipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    const unsigned char iv[16] = {' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ',
                                  ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '};
    if (!ctx || EVP_CipherInit_ex(ctx.get(), EVP_aes_128_cbc(), nullptr, key.data(), iv,
                                  encrypt ? 1 : 0) != 1)
        return Error::make(ErrorCategory::Key,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "OpenSSL could not set up AES-128-CBC"));
    QByteArray out(in.size() + 16, Qt::Uninitialized);
    int written = 0, final = 0;
    auto *outBytes = reinterpret_cast<unsigned char *>(out.data());
    if (EVP_CipherUpdate(ctx.get(), outBytes, &written,
                         reinterpret_cast<const unsigned char *>(in.data()), int(in.size())) != 1 ||
        EVP_CipherFinal_ex(ctx.get(), outBytes + written, &final) != 1)
        return Error::make(
            ErrorCategory::Authentication,
            QCoreApplication::translate(
                "sessionlens::Error",
                "the value does not decrypt with this key (wrong password, or damaged)"));
    out.resize(written + final);
    return out;
}

QByteArray sha256(QByteArrayView data)
{
    QByteArray digest(SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    EVP_Digest(data.data(), std::size_t(data.size()),
               reinterpret_cast<unsigned char *>(digest.data()), nullptr, EVP_sha256(), nullptr);
    return digest;
}

} // namespace

SecureBytes ChromiumCookieCipher::v10Password()
{
    return SecureBytes("peanuts", 7);
}

Result<QByteArray> ChromiumCookieCipher::decrypt(QByteArrayView encrypted,
                                                 const SecureBytes &password, bool hostPrefix,
                                                 QByteArrayView host)
{
    if (encrypted.size() < 3 + 16)
        return Error::make(
            ErrorCategory::Format,
            QCoreApplication::translate("sessionlens::Error", "the encrypted value is too short"));
    auto key = deriveKey(password);
    if (!key)
        return key.error();
    auto plain = cbc(false, key.value(), encrypted.sliced(3));
    if (!plain)
        return plain;
    if (hostPrefix) {
        if (plain->size() < kHostHashBytes || plain->first(kHostHashBytes) != sha256(host))
            return Error::make(
                ErrorCategory::Authentication,
                QCoreApplication::translate("sessionlens::Error",
                                            "the value does not start with the hash of its host"));
        plain->remove(0, kHostHashBytes);
    }
    return plain;
}

Result<QByteArray> ChromiumCookieCipher::encrypt(QByteArrayView value, const SecureBytes &password,
                                                 QByteArrayView versionTag, bool hostPrefix,
                                                 QByteArrayView host)
{
    auto key = deriveKey(password);
    if (!key)
        return key.error();
    const QByteArray plain = (hostPrefix ? sha256(host) : QByteArray()) + value.toByteArray();
    auto encrypted = cbc(true, key.value(), plain);
    if (!encrypted)
        return encrypted;
    return versionTag.toByteArray() + encrypted.value();
}

} // namespace sessionlens
