#pragma once

#include "Result.h"
#include "crypto/ItsdangerousSigner.h"
#include "formats/SecretCheck.h"

#include <QByteArray>

namespace sessionlens {

/// A SecretCheck for every format signed by itsdangerous (Flask and Quart sessions,
/// Starlette, Flask-WTF's form tokens): the signed value and the raw signature, checked
/// under each candidate with the format's salt, digest and key derivation.
class ItsdangerousSecretCheck final : public SecretCheck
{
public:
    /// `signedValue` is what the signature covers; `signature` the raw (decoded) signature.
    [[nodiscard]] static Result<std::unique_ptr<SecretCheck>>
    create(const ItsdangerousSigner::Options &options, QByteArray signedValue,
           QByteArray signature);

    [[nodiscard]] bool matches(QByteArrayView secret) override;
    [[nodiscard]] std::unique_ptr<SecretCheck> clone() const override;

private:
    ItsdangerousSecretCheck(ItsdangerousSigner signer, ItsdangerousSigner::Options options,
                            QByteArray signedValue, QByteArray signature);

    ItsdangerousSigner m_signer;
    ItsdangerousSigner::Options m_options;
    QByteArray m_signedValue;
    QByteArray m_signature;
};

} // namespace sessionlens
