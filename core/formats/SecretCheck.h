#pragma once

#include <QByteArrayView>

#include <memory>

namespace sessionlens {

/**
 * Candidate secrets tried against one signed cookie, for the weak-secret audit. A format
 * prepares it once per cookie (splits the cookie, decodes the signature, derives whatever does
 * not depend on the secret), so that each candidate costs a key derivation and one MAC.
 *
 * Not thread-safe: a check reuses its MAC contexts. Each worker takes its own clone().
 */
class SecretCheck
{
public:
    SecretCheck() = default;
    virtual ~SecretCheck();
    SecretCheck(const SecretCheck &) = delete;
    SecretCheck &operator=(const SecretCheck &) = delete;

    /// Whether `secret` signed the cookie the check was prepared for (in constant time with
    /// respect to the signature).
    [[nodiscard]] virtual bool matches(QByteArrayView secret) = 0;
    /// An independent check of the same cookie, for another thread; nullptr when the crypto
    /// library cannot set one up.
    [[nodiscard]] virtual std::unique_ptr<SecretCheck> clone() const = 0;
};

} // namespace sessionlens
