#include "crypto/SigningKeyCache.h"

namespace sessionlens {

namespace {

bool sameOptions(const ItsdangerousSigner::Options &a, const ItsdangerousSigner::Options &b)
{
    return a.digest == b.digest && a.derivation == b.derivation && a.salt == b.salt;
}

// Both sides are the user's own secrets, so no caller learns from the time; still, secrets are
// compared the one way the core compares them.
bool sameBytes(const SecureBytes &a, const SecureBytes &b)
{
    return constantTimeEquals(a.data(), a.size(), b.data(), b.size());
}

QByteArrayView view(const SecureBytes &bytes)
{
    return {reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size())};
}

} // namespace

Result<std::size_t> SigningKeyCache::signerFor(const ItsdangerousSigner::Options &options)
{
    for (std::size_t i = 0; i < m_signers.size(); ++i) {
        if (sameOptions(m_signers[i].options(), options))
            return i;
    }
    auto signer = ItsdangerousSigner::create(options);
    if (!signer)
        return signer.error();
    m_signers.push_back(std::move(signer).value());
    return m_signers.size() - 1;
}

Result<bool> SigningKeyCache::verify(const ItsdangerousSigner::Options &options,
                                     const SecureBytes &secret, QByteArrayView value,
                                     QByteArrayView signature)
{
    auto index = signerFor(options);
    if (!index)
        return index.error();
    ItsdangerousSigner &signer = m_signers[*index];
    for (const Prepared &p : m_prepared) {
        if (p.signer == *index && sameBytes(p.secret, secret))
            return signer.verify(p.key, value, signature);
    }
    auto key = signer.prepare(view(secret));
    if (!key) // OpenSSL failed to prepare: the plain way gives the same answer
        return signer.verify(view(secret), value, signature);
    if (m_prepared.size() >= kMaxPrepared)
        m_prepared.clear();
    m_prepared.push_back(Prepared{*index, secret, std::move(*key)});
    return signer.verify(m_prepared.back().key, value, signature);
}

Result<qsizetype> SigningKeyCache::firstMatch(const ItsdangerousSigner::Options &options,
                                              const QList<SecureBytes> &secrets,
                                              QByteArrayView value, QByteArrayView signature)
{
    for (qsizetype i = 0; i < secrets.size(); ++i) {
        auto matched = verify(options, secrets[i], value, signature);
        if (!matched)
            return matched.error();
        if (*matched)
            return i;
    }
    return qsizetype(-1);
}

void SigningKeyCache::clear()
{
    m_prepared.clear();
    m_signers.clear();
}

} // namespace sessionlens
