#include "crypto/ItsdangerousSigner.h"

#include "crypto/SecureBytes.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <QCoreApplication>
#include <array>
#include <cstring>

namespace sessionlens {

namespace {

constexpr int kMaxBlock = 128;

const EVP_MD *fetchDigest(ItsdangerousSigner::Digest digest)
{
    // Fetched once per process: implicit fetches on every init would dominate short messages.
    static const EvpMdPtr sha1(EVP_MD_fetch(nullptr, "SHA1", nullptr));
    static const EvpMdPtr sha256(EVP_MD_fetch(nullptr, "SHA256", nullptr));
    static const EvpMdPtr sha512(EVP_MD_fetch(nullptr, "SHA512", nullptr));
    switch (digest) {
    case ItsdangerousSigner::Digest::Sha1:
        return sha1.get();
    case ItsdangerousSigner::Digest::Sha256:
        return sha256.get();
    case ItsdangerousSigner::Digest::Sha512:
        return sha512.get();
    }
    return nullptr;
}

} // namespace

ItsdangerousSigner::ItsdangerousSigner(Options options, const EVP_MD *md, EvpMdCtxPtr ctx)
    : m_options(std::move(options)), m_md(md), m_ctx(std::move(ctx)),
      m_digestSize(EVP_MD_get_size(md)), m_blockSize(EVP_MD_get_block_size(md))
{
}

Result<ItsdangerousSigner> ItsdangerousSigner::create(const Options &options)
{
    const EVP_MD *md = fetchDigest(options.digest);
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    if (!md || !ctx)
        return Error::make(ErrorCategory::Key,
                           QCoreApplication::translate("sessionlens::Error", "OpenSSL offers no %1")
                               .arg(digestName(options.digest)));
    return ItsdangerousSigner(options, md, std::move(ctx));
}

bool ItsdangerousSigner::hash(QByteArrayView a, QByteArrayView b, QByteArrayView c,
                              unsigned char *out)
{
    unsigned int size = 0;
    return EVP_DigestInit_ex2(m_ctx.get(), m_md, nullptr) == 1 &&
           (a.isEmpty() || EVP_DigestUpdate(m_ctx.get(), a.data(), std::size_t(a.size())) == 1) &&
           (b.isEmpty() || EVP_DigestUpdate(m_ctx.get(), b.data(), std::size_t(b.size())) == 1) &&
           (c.isEmpty() || EVP_DigestUpdate(m_ctx.get(), c.data(), std::size_t(c.size())) == 1) &&
           EVP_DigestFinal_ex(m_ctx.get(), out, &size) == 1;
}

bool ItsdangerousSigner::keyBlock(QByteArrayView key, unsigned char *block)
{
    std::memset(block, 0, kMaxBlock);
    if (key.size() > m_blockSize)
        return hash(key, {}, {}, block);
    if (!key.isEmpty())
        std::memcpy(block, key.data(), std::size_t(key.size()));
    return true;
}

// RFC 2104 HMAC over the reused digest context.
bool ItsdangerousSigner::hmac(QByteArrayView key, QByteArrayView message, unsigned char *out)
{
    std::array<unsigned char, kMaxBlock> block{};
    if (!keyBlock(key, block.data()))
        return false;
    std::array<unsigned char, kMaxBlock> pad{};
    for (int i = 0; i < m_blockSize; ++i)
        pad[std::size_t(i)] = block[std::size_t(i)] ^ 0x36;
    std::array<unsigned char, EVP_MAX_MD_SIZE> inner{};
    const QByteArrayView padView(reinterpret_cast<const char *>(pad.data()), m_blockSize);
    bool ok = hash(padView, message, {}, inner.data());
    for (int i = 0; i < m_blockSize; ++i)
        pad[std::size_t(i)] = block[std::size_t(i)] ^ 0x5c;
    ok = ok &&
         hash(padView, QByteArrayView(reinterpret_cast<const char *>(inner.data()), m_digestSize),
              {}, out);
    OPENSSL_cleanse(block.data(), block.size());
    OPENSSL_cleanse(pad.data(), pad.size());
    OPENSSL_cleanse(inner.data(), inner.size());
    return ok;
}

std::optional<ItsdangerousSigner::PreparedKey> ItsdangerousSigner::prepare(QByteArrayView secret)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> derived{};
    int derivedSize = 0;
    QByteArrayView key = secret;
    if (m_options.derivation != KeyDerivation::None) {
        if (!deriveKey(secret, derived.data(), &derivedSize))
            return std::nullopt;
        key = QByteArrayView(reinterpret_cast<const char *>(derived.data()), derivedSize);
    }
    std::array<unsigned char, kMaxBlock> block{};
    std::array<unsigned char, kMaxBlock> pad{};
    PreparedKey prepared;
    prepared.m_inner.reset(EVP_MD_CTX_new());
    prepared.m_outer.reset(EVP_MD_CTX_new());
    bool ok = prepared.m_inner && prepared.m_outer && keyBlock(key, block.data());
    for (auto [ctx, mask] :
         {std::pair{prepared.m_inner.get(), 0x36}, {prepared.m_outer.get(), 0x5c}}) {
        for (int i = 0; ok && i < m_blockSize; ++i)
            pad[std::size_t(i)] = block[std::size_t(i)] ^ mask;
        ok = ok && EVP_DigestInit_ex2(ctx, m_md, nullptr) == 1 &&
             EVP_DigestUpdate(ctx, pad.data(), std::size_t(m_blockSize)) == 1;
    }
    OPENSSL_cleanse(derived.data(), derived.size());
    OPENSSL_cleanse(block.data(), block.size());
    OPENSSL_cleanse(pad.data(), pad.size());
    if (!ok)
        return std::nullopt;
    return prepared;
}

bool ItsdangerousSigner::verify(const PreparedKey &key, QByteArrayView value,
                                QByteArrayView signature)
{
    if (signature.size() != m_digestSize)
        return false;
    // The inner and outer states continue from the pads already hashed, on the reused context.
    std::array<unsigned char, EVP_MAX_MD_SIZE> inner{};
    std::array<unsigned char, EVP_MAX_MD_SIZE> computed{};
    unsigned int size = 0;
    const bool ok = EVP_MD_CTX_copy_ex(m_ctx.get(), key.m_inner.get()) == 1 &&
                    EVP_DigestUpdate(m_ctx.get(), value.data(), std::size_t(value.size())) == 1 &&
                    EVP_DigestFinal_ex(m_ctx.get(), inner.data(), &size) == 1 &&
                    EVP_MD_CTX_copy_ex(m_ctx.get(), key.m_outer.get()) == 1 &&
                    EVP_DigestUpdate(m_ctx.get(), inner.data(), std::size_t(m_digestSize)) == 1 &&
                    EVP_DigestFinal_ex(m_ctx.get(), computed.data(), &size) == 1;
    OPENSSL_cleanse(inner.data(), inner.size());
    return ok && constantTimeEquals(computed.data(), std::size_t(m_digestSize), signature.data(),
                                    std::size_t(signature.size()));
}

bool ItsdangerousSigner::deriveKey(QByteArrayView secret, unsigned char *out, int *size)
{
    switch (m_options.derivation) {
    case KeyDerivation::Hmac:
        *size = m_digestSize;
        return hmac(secret, m_options.salt, out);
    case KeyDerivation::Concat:
        *size = m_digestSize;
        return hash(m_options.salt, secret, {}, out);
    case KeyDerivation::DjangoConcat:
        *size = m_digestSize;
        return hash(m_options.salt, "signer", secret, out);
    case KeyDerivation::None:
        return false; // handled by the callers: the secret is the key
    }
    return false;
}

bool ItsdangerousSigner::signInto(QByteArrayView secret, QByteArrayView value, unsigned char *out)
{
    if (m_options.derivation == KeyDerivation::None)
        return hmac(secret, value, out);
    std::array<unsigned char, EVP_MAX_MD_SIZE> key{};
    int keySize = 0;
    const bool ok =
        deriveKey(secret, key.data(), &keySize) &&
        hmac(QByteArrayView(reinterpret_cast<const char *>(key.data()), keySize), value, out);
    OPENSSL_cleanse(key.data(), key.size());
    return ok;
}

bool ItsdangerousSigner::sign(QByteArrayView secret, QByteArrayView value, QByteArray *signature)
{
    signature->resize(m_digestSize);
    return signInto(secret, value, reinterpret_cast<unsigned char *>(signature->data()));
}

bool ItsdangerousSigner::verify(QByteArrayView secret, QByteArrayView value,
                                QByteArrayView signature)
{
    // No allocation here: the weak-secret audit calls this millions of times.
    if (signature.size() != m_digestSize)
        return false;
    std::array<unsigned char, EVP_MAX_MD_SIZE> computed{};
    if (!signInto(secret, value, computed.data()))
        return false;
    return constantTimeEquals(computed.data(), std::size_t(m_digestSize), signature.data(),
                              std::size_t(signature.size()));
}

int ItsdangerousSigner::digestSize(Digest digest)
{
    switch (digest) {
    case Digest::Sha1:
        return 20;
    case Digest::Sha256:
        return 32;
    case Digest::Sha512:
        return 64;
    }
    return 0;
}

QString ItsdangerousSigner::digestName(Digest digest)
{
    switch (digest) {
    case Digest::Sha1:
        return QStringLiteral("sha1");
    case Digest::Sha256:
        return QStringLiteral("sha256");
    case Digest::Sha512:
        return QStringLiteral("sha512");
    }
    return {};
}

QString ItsdangerousSigner::derivationName(KeyDerivation derivation)
{
    switch (derivation) {
    case KeyDerivation::Hmac:
        return QStringLiteral("hmac");
    case KeyDerivation::Concat:
        return QStringLiteral("concat");
    case KeyDerivation::DjangoConcat:
        return QStringLiteral("django-concat");
    case KeyDerivation::None:
        return QStringLiteral("none");
    }
    return {};
}

bool ItsdangerousSigner::digestFromName(const QString &name, Digest *out)
{
    for (Digest d : {Digest::Sha1, Digest::Sha256, Digest::Sha512}) {
        if (name.compare(digestName(d), Qt::CaseInsensitive) == 0 ||
            name.compare(digestName(d).insert(3, u'-'), Qt::CaseInsensitive) == 0) {
            *out = d;
            return true;
        }
    }
    return false;
}

bool ItsdangerousSigner::derivationFromName(const QString &name, KeyDerivation *out)
{
    for (KeyDerivation d : {KeyDerivation::Hmac, KeyDerivation::Concat, KeyDerivation::DjangoConcat,
                            KeyDerivation::None}) {
        if (name == derivationName(d)) {
            *out = d;
            return true;
        }
    }
    return false;
}

} // namespace sessionlens
