#pragma once

#include "KeyStore.h"

#include <QCoreApplication>

namespace sessionlens {

/**
 * Secrets in the desktop keychain (Secret Service, KWallet, macOS Keychain) via QtKeychain.
 *
 * The window uses the *Later() forms: each starts a QtKeychain job and returns; the job's
 * answer comes through the window's own event loop. The command line has no window to keep
 * alive and uses the blocking forms, which wait at most `timeoutMs`.
 */
class KeychainKeyStore : public KeyStore
{
    Q_DECLARE_TR_FUNCTIONS(KeychainKeyStore)

public:
    /// Blocking calls wait at most `timeoutMs` (the CLI waits less when nobody can answer a
    /// prompt).
    explicit KeychainKeyStore(QString service = QStringLiteral("SessionLens"),
                              int timeoutMs = kDefaultTimeoutMs);
    static constexpr int kDefaultTimeoutMs = 10'000;

    /// Why a keychain job failed, never empty: `answered` false when it timed out after
    /// `timeoutMs`, else QtKeychain's error `code` and text.
    [[nodiscard]] static QString problem(bool answered, int code, const QString &qtText,
                                         int timeoutMs);

    /// True when a keychain service answers (a missing entry counts as an answer).
    [[nodiscard]] bool isAvailable();

    [[nodiscard]] QString label() const override;
    [[nodiscard]] Result<SecureBytes> load(const QString &name) override;
    [[nodiscard]] Result<Done> store(const QString &name, const SecureBytes &secret) override;
    [[nodiscard]] Result<Done> remove(const QString &name) override;

    void loadLater(const QString &name, QObject *context, Loaded done) override;
    void storeLater(const QString &name, const SecureBytes &secret, QObject *context,
                    Written done) override;
    void removeLater(const QString &name, QObject *context, Written done) override;

private:
    QString m_service;
    int m_timeoutMs;
};

} // namespace sessionlens
