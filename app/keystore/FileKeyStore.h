#pragma once

#include "KeyStore.h"

#include <QCoreApplication>
#include <QMap>

namespace sessionlens {

/**
 * Fallback for machines without a keychain service: secrets sealed with
 * AES-EAX in `keyring.dat`, under a random wrapping key in `keyring.wrap`,
 * both readable only by the user (0600) in a 0700 folder. This keeps key text
 * out of backups, search indexes and grep, but it is not a keychain: anyone
 * who can read both files can read the keys, and the UI says so.
 */
class FileKeyStore : public KeyStore
{
    Q_DECLARE_TR_FUNCTIONS(FileKeyStore)

public:
    explicit FileKeyStore(QString folder);

    [[nodiscard]] QString label() const override;
    [[nodiscard]] Result<SecureBytes> load(const QString &name) override;
    [[nodiscard]] Result<Done> store(const QString &name, const SecureBytes &secret) override;
    [[nodiscard]] Result<Done> remove(const QString &name) override;
    [[nodiscard]] Result<Done> check() override;

    [[nodiscard]] QString dataFile() const;
    [[nodiscard]] QString wrapKeyFile() const;

private:
    using Secrets = QMap<QString, SecureBytes>;
    [[nodiscard]] Result<SecureBytes> wrapKey(bool create);
    [[nodiscard]] Result<Secrets> readAll();
    [[nodiscard]] Result<Done> writeAll(const Secrets &secrets);
    [[nodiscard]] Result<Secrets> readLegacy(const QByteArray &sealed, const SecureBytes &key);

    QString m_folder;
};

} // namespace sessionlens
