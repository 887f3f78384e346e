#pragma once

#include "AppSettings.h"
#include "KeyStore.h"
#include "keys/KeyRing.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace sessionlens {

/**
 * The user's key ring as the application keeps it: entries in the core
 * KeyRing, their secrets in a KeyStore, their names (never secrets) in the
 * settings, in the user's order.
 */
class KeyRingStore : public QObject
{
    Q_OBJECT

public:
    KeyRingStore(AppSettings &settings, std::unique_ptr<KeyStore> store, QObject *parent = nullptr);
    ~KeyRingStore() override;

    /// Reads every named key from the store; names whose secret is missing are reported.
    QStringList load();
    /// load() without waiting (the window): loadingChanged(true) now, and once every secret
    /// has answered, the ring is rebuilt (keys for this run kept), then loadFinished(missing).
    void loadLater();
    [[nodiscard]] bool isLoading() const { return m_pendingLoads > 0; }

    [[nodiscard]] KeyRing &ring() { return m_ring; }
    [[nodiscard]] const KeyRing &ring() const { return m_ring; }
    [[nodiscard]] KeyStore &store() { return *m_store; }

    [[nodiscard]] Result<Done> add(SessionKey key);
    /// Adds a key for this run only (command-line keys): never written to the store or settings.
    [[nodiscard]] Result<Done> addTemporary(SessionKey key);
    [[nodiscard]] Result<Done> remove(const QString &name);
    [[nodiscard]] Result<Done> rename(const QString &from, const QString &to);
    /// Keeps the key `name` for these format ids only (empty: every format of its kind); the
    /// list is stored with the key's name, whichever store keeps its secret.
    [[nodiscard]] Result<Done> setFormats(const QString &name, const QStringList &formatIds);

    /// add(), remove() and rename() without waiting: the ring changes once the store agrees;
    /// `done` gets the outcome (not called when `context` is gone).
    void addLater(SessionKey key, QObject *context, KeyStore::Written done);
    void removeLater(const QString &name, QObject *context, KeyStore::Written done);
    void renameLater(const QString &from, const QString &to, QObject *context,
                     KeyStore::Written done);
    /// Keys given for this run only (never stored).
    [[nodiscard]] bool isTemporary(const QString &name) const { return m_temporary.contains(name); }

Q_SIGNALS:
    void changed();
    void loadingChanged(bool loading);
    void loadFinished(const QStringList &missing);

private:
    void saveNames();

    AppSettings &m_settings;
    std::unique_ptr<KeyStore> m_store;
    KeyRing m_ring;
    QStringList m_temporary;
    int m_pendingLoads = 0;
    quint64 m_loadGeneration = 0;
};

} // namespace sessionlens
