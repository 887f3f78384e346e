#include "KeyRingStore.h"

namespace sessionlens::gui {

KeyRingStore::KeyRingStore(AppSettings &settings, std::unique_ptr<KeyStore> store, QObject *parent)
    : QObject(parent), m_settings(settings), m_store(std::move(store))
{
}

KeyRingStore::~KeyRingStore() = default;

QStringList KeyRingStore::load()
{
    QStringList missing;
    m_ring = KeyRing();
    const QStringList names = m_settings.stringList(AppSettings::Key::KeyNames);
    for (const QString &name : names) {
        auto secret = m_store->load(name);
        if (!secret || !m_ring.add(SessionKey(name, std::move(secret).value())).ok())
            missing.append(name);
    }
    Q_EMIT changed();
    return missing;
}

void KeyRingStore::saveNames()
{
    QStringList names = m_ring.names();
    for (const QString &name : std::as_const(m_temporary))
        names.removeAll(name);
    m_settings.setValue(AppSettings::Key::KeyNames, names);
    m_settings.sync();
}

Result<Done> KeyRingStore::add(SessionKey key)
{
    const QString name = key.name();
    const SecureBytes secret = key.bytes();
    auto added = m_ring.add(std::move(key));
    if (!added)
        return added;
    auto stored = m_store->store(name, secret);
    if (!stored) {
        m_ring.remove(name);
        return stored;
    }
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

} // namespace sessionlens::gui
