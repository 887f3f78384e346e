#include "KeyRingStore.h"

#include <QHash>
#include <QPointer>

#include <memory>
#include <optional>

namespace sessionlens {

namespace {

struct StoredEntry
{
    QString name;
    SessionKey::Kind kind;
    QStringList formats; ///< empty: every format of its kind
};

// "django,starlette:<name>" for a key kept for those formats (ids have no ':', names may).
QHash<QString, QStringList> storedFormats(const AppSettings &settings)
{
    QHash<QString, QStringList> out;
    for (const QString &entry : settings.stringList(AppSettings::Key::KeyFormats)) {
        const qsizetype colon = entry.indexOf(u':');
        if (colon > 0)
            out.insert(entry.mid(colon + 1), entry.left(colon).split(u',', Qt::SkipEmptyParts));
    }
    return out;
}

// Entries are "aes:<name>" or "secret:<name>" (a bare name is an AES key).
QList<StoredEntry> storedEntries(const AppSettings &settings)
{
    const QHash<QString, QStringList> formats = storedFormats(settings);
    QList<StoredEntry> out;
    for (const QString &entry : settings.stringList(AppSettings::Key::KeyNames)) {
        const bool isSecret = entry.startsWith(QLatin1String("secret:"));
        out.append({isSecret                                  ? entry.mid(7)
                    : entry.startsWith(QLatin1String("aes:")) ? entry.mid(4)
                                                              : entry,
                    isSecret ? SessionKey::Kind::SigningSecret : SessionKey::Kind::AesKey,
                    {}});
        out.last().formats = formats.value(out.last().name);
    }
    return out;
}

SessionKey storedKey(const StoredEntry &entry, SecureBytes secret)
{
    SessionKey key(entry.name, std::move(secret), entry.kind);
    key.setFormats(entry.formats);
    return key;
}

} // namespace

KeyRingStore::KeyRingStore(AppSettings &settings, std::unique_ptr<KeyStore> store, QObject *parent)
    : QObject(parent), m_settings(settings), m_store(std::move(store))
{
}

KeyRingStore::~KeyRingStore() = default;

QStringList KeyRingStore::load()
{
    QStringList missing;
    m_ring = KeyRing();
    for (const StoredEntry &entry : storedEntries(m_settings)) {
        auto secret = m_store->load(entry.name);
        if (!secret || !m_ring.add(storedKey(entry, std::move(secret).value())).ok())
            missing.append(entry.name);
    }
    Q_EMIT changed();
    return missing;
}

void KeyRingStore::saveNames()
{
    QStringList entries, formats;
    for (qsizetype i = 0; i < m_ring.size(); ++i) {
        const SessionKey &key = m_ring.at(i);
        if (m_temporary.contains(key.name()))
            continue;
        entries.append((key.kind() == SessionKey::Kind::SigningSecret ? QStringLiteral("secret:")
                                                                      : QStringLiteral("aes:")) +
                       key.name());
        if (!key.formats().isEmpty())
            formats.append(key.formats().join(u',') + u':' + key.name());
    }
    m_settings.setValue(AppSettings::Key::KeyNames, entries);
    m_settings.setValue(AppSettings::Key::KeyFormats, formats);
    m_settings.sync();
}

Result<Done> KeyRingStore::add(SessionKey key)
{
    const QString name = key.name();
    const SecureBytes secret = key.bytes();
    auto added = m_ring.add(std::move(key));
    if (!added)
        return added;
    auto stored = m_store->store(name, secret); // the ring took it: now the store keeps it
    if (!stored) {
        m_ring.remove(name);
        return stored;
    }
    saveNames();
    Q_EMIT changed();
    return Done{};
}

Result<Done> KeyRingStore::setFormats(const QString &name, const QStringList &formatIds)
{
    auto changedFormats = m_ring.setFormats(name, formatIds);
    if (!changedFormats)
        return changedFormats;
    if (!m_temporary.contains(name))
        saveNames();
    Q_EMIT changed();
    return Done{};
}

Result<Done> KeyRingStore::addTemporary(SessionKey key)
{
    const QString name = key.name();
    auto added = m_ring.add(std::move(key));
    if (!added)
        return added;
    m_temporary.append(name);
    Q_EMIT changed();
    return Done{};
}

Result<Done> KeyRingStore::remove(const QString &name)
{
    if (m_temporary.removeAll(name) > 0) {
        m_ring.remove(name);
        Q_EMIT changed();
        return Done{};
    }
    if (!m_ring.find(name))
        return Error::make(ErrorCategory::Key, tr("no key named \"%1\"").arg(name));
    auto removed = m_store->remove(name);
    if (!removed)
        return removed;
    m_ring.remove(name);
    saveNames();
    Q_EMIT changed();
    return Done{};
}

Result<Done> KeyRingStore::rename(const QString &from, const QString &to)
{
    const SessionKey *key = m_ring.find(from);
    if (!key)
        return Error::make(ErrorCategory::Key, tr("no key named \"%1\"").arg(from));
    if (from == to)
        return Done{};
    auto renamed = m_ring.rename(from, to);
    if (!renamed)
        return renamed;
    // A key given for this run only stays out of the store under its new name too.
    if (const qsizetype index = m_temporary.indexOf(from); index >= 0) {
        m_temporary[index] = to;
        Q_EMIT changed();
        return Done{};
    }
    auto stored = m_store->store(to, m_ring.find(to)->bytes());
    if (!stored) {
        (void)m_ring.rename(to, from);
        return stored;
    }
    (void)m_store->remove(from);
    saveNames();
    Q_EMIT changed();
    return Done{};
}

void KeyRingStore::loadLater()
{
    const QList<StoredEntry> entries = storedEntries(m_settings);
    const quint64 generation = ++m_loadGeneration;
    struct Progress
    {
        QList<std::optional<SecureBytes>> secrets;
        int pending = 0;
    };
    auto progress = std::make_shared<Progress>();
    progress->secrets.resize(entries.size());
    progress->pending = int(entries.size());
    const bool wasLoading = isLoading();
    m_pendingLoads = std::max(1, progress->pending);
    if (!wasLoading)
        Q_EMIT loadingChanged(true);

    auto finish = [this, entries, progress, generation] {
        if (generation != m_loadGeneration)
            return; // a newer load replaced this one
        // Stored keys in the user's order, then the keys given for this run.
        KeyRing ring;
        QStringList missing;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const auto &secret = progress->secrets[i];
            if (!secret || !ring.add(storedKey(entries[i], *secret)).ok())
                missing.append(entries[i].name);
        }
        for (const QString &name : std::as_const(m_temporary))
            if (const SessionKey *key = m_ring.find(name))
                (void)ring.add(*key);
        m_ring = std::move(ring);
        m_pendingLoads = 0;
        Q_EMIT changed();
        Q_EMIT loadingChanged(false);
        Q_EMIT loadFinished(missing);
    };
    if (entries.isEmpty()) {
        finish();
        return;
    }
    for (qsizetype i = 0; i < entries.size(); ++i) {
        m_store->loadLater(entries[i].name, this,
                           [progress, i, finish](Result<SecureBytes> secret) {
                               if (secret)
                                   progress->secrets[i] = std::move(secret).value();
                               if (--progress->pending == 0)
                                   finish();
                           });
    }
}

void KeyRingStore::addLater(SessionKey key, QObject *context, KeyStore::Written done)
{
    // Asked before anything reaches the keychain: a key the ring would refuse is never stored.
    if (auto allowed = m_ring.canAdd(key); !allowed) {
        done(std::move(allowed));
        return;
    }
    const QString name = key.name();
    const SecureBytes secret = key.bytes();
    QPointer<QObject> alive(context);
    m_store->storeLater(
        name, secret, this,
        [this, key = std::move(key), alive, done = std::move(done)](Result<Done> stored) mutable {
            if (stored) {
                const QString added = key.name();
                stored = m_ring.add(std::move(key));
                if (stored) {
                    saveNames();
                    Q_EMIT changed();
                } else {
                    m_store->removeLater(added, this, [](Result<Done>) {});
                }
            }
            if (alive)
                done(std::move(stored));
        });
}

void KeyRingStore::removeLater(const QString &name, QObject *context, KeyStore::Written done)
{
    if (m_temporary.contains(name) || !m_ring.find(name)) {
        done(remove(name)); // nothing stored to wait for
        return;
    }
    QPointer<QObject> alive(context);
    m_store->removeLater(name, this,
                         [this, name, alive, done = std::move(done)](Result<Done> removed) {
                             if (removed) {
                                 m_ring.remove(name);
                                 saveNames();
                                 Q_EMIT changed();
                             }
                             if (alive)
                                 done(std::move(removed));
                         });
}

void KeyRingStore::renameLater(const QString &from, const QString &to, QObject *context,
                               KeyStore::Written done)
{
    const SessionKey *key = m_ring.find(from);
    if (!key || from == to || m_temporary.contains(from) || m_ring.find(to)) {
        done(rename(from, to)); // errors, no-ops and keys for this run need no store
        return;
    }
    QPointer<QObject> alive(context);
    m_store->storeLater(to, key->bytes(), this,
                        [this, from, to, alive, done = std::move(done)](Result<Done> stored) {
                            if (stored) {
                                stored = m_ring.rename(from, to);
                                if (stored) {
                                    m_store->removeLater(from, this, [](Result<Done>) {});
                                    saveNames();
                                    Q_EMIT changed();
                                }
                            }
                            if (alive)
                                done(std::move(stored));
                        });
}

} // namespace sessionlens
