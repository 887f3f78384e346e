#include "KeyStore.h"

#include "crypto/SecureRandom.h"

namespace sessionlens {

Result<SecureBytes> KeyStore::recoveryKey()
{
    auto existing = load(recoveryKeyName());
    if (existing && existing->size() == 32)
        return existing;
    auto random = SecureRandom::bytes(32);
    if (!random)
        return random.error();
    SecureBytes key = SecureBytes::fromByteArray(random.value(), true);
    if (auto stored = store(recoveryKeyName(), key); !stored)
        return stored.error();
    return key;
}

} // namespace sessionlens
