#pragma once

#include "Result.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>

namespace sessionlens {

/**
 * Chromium's cookie encryption on Linux: a version tag ("v10" with a fixed password, "v11"
 * with one kept in the Secret Service), then AES-128-CBC under PBKDF2-HMAC-SHA1(password,
 * "saltysalt", 1 round) with an IV of sixteen spaces. Databases of meta version 24 and later
 * put SHA-256 of the host before the value (`hostPrefix`).
 *
 * A cipher only: where the password comes from and which rows to read is BrowserCookieStore's.
 */
class ChromiumCookieCipher
{
public:
    /// Decrypts one `encrypted_value` (version tag included) to the cookie's value.
    [[nodiscard]] static Result<QByteArray> decrypt(QByteArrayView encrypted,
                                                    const SecureBytes &password, bool hostPrefix,
                                                    QByteArrayView host);
    /// What Chromium stores for `value` (tests build databases with it; the IV is fixed, so the
    /// result is deterministic).
    [[nodiscard]] static Result<QByteArray> encrypt(QByteArrayView value,
                                                    const SecureBytes &password,
                                                    QByteArrayView versionTag, bool hostPrefix,
                                                    QByteArrayView host);
    /// The fixed password of "v10" values on Linux.
    [[nodiscard]] static SecureBytes v10Password();
};

} // namespace sessionlens
