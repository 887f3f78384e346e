#pragma once

#include "Result.h"

#include <QByteArray>

namespace sessionlens {

/// Cryptographically strong random bytes from OpenSSL's DRBG.
class SecureRandom
{
public:
    [[nodiscard]] static Result<QByteArray> bytes(qsizetype count);
};

} // namespace sessionlens
