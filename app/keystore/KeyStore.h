#pragma once

#include "Result.h"
#include "crypto/SecureBytes.h"

#include <QPointer>
#include <QString>

#include <functional>

class QObject;

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
    /// Whether the store can be read as it is (a file store whose files another user could
    /// read is refused), so that a command can say why before it lists nothing.
    [[nodiscard]] virtual Result<Done> check() { return Done{}; }

    /// Name of the store's own item that seals history and autosave; never a ring entry.
    static QString recoveryKeyName() { return QStringLiteral("sessionlens-recovery-key"); }
    /// The key that seals history and autosave, made and stored on first use.
    [[nodiscard]] Result<SecureBytes> recoveryKey();

    using Loaded = std::function<void(Result<SecureBytes>)>;
    using Written = std::function<void(Result<Done>)>;

    /// The same operations without waiting, for the window. The callback runs later from the
    /// event loop the caller already runs (at once for a store that never waits); nothing spins
    /// a loop of its own and nothing times out: a keychain that asks the user to unlock it may
    /// take as long as the user does. A callback whose `context` is gone is dropped.
    virtual void loadLater(const QString &name, QObject *context, Loaded done);
    virtual void storeLater(const QString &name, const SecureBytes &secret, QObject *context,
                            Written done);
    virtual void removeLater(const QString &name, QObject *context, Written done);
    /// recoveryKey() without waiting.
    void recoveryKeyLater(QObject *context, Loaded done);
};

} // namespace sessionlens
