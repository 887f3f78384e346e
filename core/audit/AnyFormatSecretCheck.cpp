#include "audit/AnyFormatSecretCheck.h"

namespace sessionlens {

AnyFormatSecretCheck::AnyFormatSecretCheck(std::vector<std::unique_ptr<SecretCheck>> checks)
    : m_checks(std::move(checks))
{
}

bool AnyFormatSecretCheck::matches(QByteArrayView secret)
{
    return matchingCheck(secret) >= 0;
}

qsizetype AnyFormatSecretCheck::matchingCheck(QByteArrayView secret)
{
    for (std::size_t i = 0; i < m_checks.size(); ++i) {
        if (m_checks[i]->matches(secret))
            return qsizetype(i);
    }
    return -1;
}

std::unique_ptr<SecretCheck> AnyFormatSecretCheck::clone() const
{
    std::vector<std::unique_ptr<SecretCheck>> clones;
    clones.reserve(m_checks.size());
    for (const auto &check : m_checks) {
        auto copy = check->clone();
        if (!copy)
            return nullptr;
        clones.push_back(std::move(copy));
    }
    return std::make_unique<AnyFormatSecretCheck>(std::move(clones));
}

} // namespace sessionlens
