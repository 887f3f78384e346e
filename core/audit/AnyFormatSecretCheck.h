#pragma once

#include "formats/SecretCheck.h"

#include <memory>
#include <vector>

namespace sessionlens {

/**
 * The secret checks of every format a cookie's shape fits (Flask's signed cookie and
 * Starlette's share one when the payload has no '+', '/' or '='), as one check: a candidate
 * matches when it signs the cookie in any of them, so that a weak secret is found whichever
 * format made the cookie. Each candidate costs one MAC per format.
 */
class AnyFormatSecretCheck final : public SecretCheck
{
public:
    explicit AnyFormatSecretCheck(std::vector<std::unique_ptr<SecretCheck>> checks);

    [[nodiscard]] bool matches(QByteArrayView secret) override;
    [[nodiscard]] std::unique_ptr<SecretCheck> clone() const override;
    /// The index of the first check `secret` matches, -1 when none does.
    [[nodiscard]] qsizetype matchingCheck(QByteArrayView secret);

private:
    std::vector<std::unique_ptr<SecretCheck>> m_checks;
};

} // namespace sessionlens
