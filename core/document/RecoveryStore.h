#pragma once

#include "Result.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace sessionlens {

/**
 * Files that keep work from being lost, in the app data folder (0600):
 * the history of opened cookies (never keys) and the autosave of an edited
 * session, which survives a crash and is offered back at the next start.
 *
 * Cookie values are bearer credentials and an autosave is a decrypted session,
 * so both files are sealed (AES-EAX) with a key from the key store. Without
 * that key nothing is written in clear: the write fails with the store's error.
 */
class RecoveryStore
{
public:
    static constexpr int kMaxHistory = 50;

    struct HistoryEntry
    {
        QDateTime openedAt;
        QByteArray cookie;
        QString keyName; ///< the name only
        qsizetype jsonBytes = 0;
    };

    struct Autosave
    {
        QByteArray originalCookie;
        QString keyName;
        QByteArray sessionJson;
        QDateTime savedAt;
        /// The format's id (CookieFormat::id(): "encrypted", "signed", ...), whose dialect the
        /// JSON is in; empty in autosaves that name none (the registry's fallback then).
        QString format;
    };

    using KeyProvider = std::function<Result<SecureBytes>()>;

    RecoveryStore(QString folder, KeyProvider keyProvider);

    [[nodiscard]] QList<HistoryEntry> history() const;
    [[nodiscard]] Result<Done> addToHistory(const HistoryEntry &entry);
    void clearHistory();

    [[nodiscard]] Result<Done> writeAutosave(const Autosave &autosave);
    [[nodiscard]] std::optional<Autosave> readAutosave() const;
    void clearAutosave();

    [[nodiscard]] QString historyFile() const;
    [[nodiscard]] QString autosaveFile() const;

private:
    [[nodiscard]] Result<SecureBytes> key() const;
    [[nodiscard]] Result<Done> writeSealed(const QString &path, QByteArrayView context,
                                           const QByteArray &json) const;
    [[nodiscard]] QByteArray readSealed(const QString &path, QByteArrayView context) const;

    QString m_folder;
    KeyProvider m_keyProvider;
    mutable std::optional<SecureBytes> m_key;
};

} // namespace sessionlens
