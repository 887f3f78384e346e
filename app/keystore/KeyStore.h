#pragma once

#include "Result.h"
#include "crypto/SecureBytes.h"

#include <QString>

#include <functional>

namespace sessionlens {

/// Where key-ring secrets live between runs. Names are public; secrets are not.
class KeyStore
{
public:
    virtual ~KeyStore() = default;

    /// Shown to the user, so that they know how their keys are kept.
    [[nodiscard]] virtual QString label() const = 0;
    [[nodiscard]] virtual Result<SecureBytes> load(const QString &name) = 0;
    [[nodiscard]] virtual Result<Done> store(const QString &name, const SecureBytes &secret) = 0;
    [[nodiscard]] virtual Result<Done> remove(const QString &name) = 0;

    /// Name of the store's own item that seals history and autosave; never a ring entry.
    static QString recoveryKeyName() { return QStringLiteral("sessionlens-recovery-key"); }
    /// The key that seals history and autosave, made and stored on first use.
    [[nodiscard]] Result<SecureBytes> recoveryKey();
};

} // namespace sessionlens
