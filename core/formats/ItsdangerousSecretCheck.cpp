#include "formats/ItsdangerousSecretCheck.h"

namespace sessionlens {

SecretCheck::~SecretCheck() = default;

Result<std::unique_ptr<SecretCheck>>
ItsdangerousSecretCheck::create(const ItsdangerousSigner::Options &options, QByteArray signedValue,
                                QByteArray signature)
{
    auto signer = ItsdangerousSigner::create(options);
    if (!signer)
        return signer.error();
    return std::unique_ptr<SecretCheck>(new ItsdangerousSecretCheck(
        std::move(signer.value()), options, std::move(signedValue), std::move(signature)));
}

ItsdangerousSecretCheck::ItsdangerousSecretCheck(ItsdangerousSigner signer,
                                                 ItsdangerousSigner::Options options,
                                                 QByteArray signedValue, QByteArray signature)
    : m_signer(std::move(signer)), m_options(std::move(options)),
      m_signedValue(std::move(signedValue)), m_signature(std::move(signature))
{
}

bool ItsdangerousSecretCheck::matches(QByteArrayView secret)
{
    return m_signer.verify(secret, m_signedValue, m_signature);
}

std::unique_ptr<SecretCheck> ItsdangerousSecretCheck::clone() const
{
    auto copy = create(m_options, m_signedValue, m_signature);
    return copy ? std::move(copy.value()) : nullptr;
}

} // namespace sessionlens
