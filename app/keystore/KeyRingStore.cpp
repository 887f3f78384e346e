#include "KeyRingStore.h"

namespace sessionlens {

KeyRingStore::KeyRingStore(AppSettings &settings, std::unique_ptr<KeyStore> store, QObject *parent)
    : QObject(parent), m_settings(settings), m_store(std::move(store))
{
}

KeyRingStore::~KeyRingStore() = default;

QStringList KeyRingStore::load()
{
    QStringList missing;
    m_ring = KeyRing();
    // Entries are "aes:<name>" or "secret:<name>" (a bare name is an AES key).
    const QStringList entries = m_settings.stringList(AppSettings::Key::KeyNames);
    for (const QString &entry : entries) {
        const bool isSecret = entry.startsWith(QLatin1String("secret:"));
        const QString name = isSecret                                  ? entry.mid(7)
                             : entry.startsWith(QLatin1String("aes:")) ? entry.mid(4)
                                                                       : entry;
        auto secret = m_store->load(name);
        const auto kind = isSecret ? SessionKey::Kind::SigningSecret : SessionKey::Kind::AesKey;
        if (!secret || !m_ring.add(SessionKey(name, std::move(secret).value(), kind)).ok())
            missing.append(name);
    }
    Q_EMIT changed();
    return missing;
}

void KeyRingStore::saveNames()
{
    QStringList entries;
    for (qsizetype i = 0; i < m_ring.size(); ++i) {
        const SessionKey &key = m_ring.at(i);
        if (m_temporary.contains(key.name()))
            continue;
        entries.append((key.kind() == SessionKey::Kind::SigningSecret ? QStringLiteral("secret:")
                                                                      : QStringLiteral("aes:")) +
                       key.name());
    }
    m_settings.setValue(AppSettings::Key::KeyNames, entries);
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

} // namespace sessionlens
