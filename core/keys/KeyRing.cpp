#include "keys/KeyRing.h"

#include <QCoreApplication>

#include <algorithm>

namespace sessionlens {

namespace {

Error noKeyNamed(const QString &name)
{
    return Error::make(
        ErrorCategory::Key,
        QCoreApplication::translate("sessionlens::Error", "no key named \"%1\"").arg(name));
}

} // namespace

KeyRing::KeyRing() = default;
KeyRing::~KeyRing() = default;

KeyRing::KeyRing(KeyRing &&other) noexcept
    : m_keys(std::move(other.m_keys)), m_generation(other.m_generation + 1)
{
    other.m_keys.clear();
    ++other.m_generation;
}

KeyRing &KeyRing::operator=(KeyRing &&other) noexcept
{
    if (this == &other)
        return *this;
    m_keys = std::move(other.m_keys);
    other.m_keys.clear();
    // Both rings hold other keys now: neither may be mistaken for what it was.
    m_generation = std::max(m_generation, other.m_generation) + 1;
    other.m_generation = m_generation + 1;
    return *this;
}

Result<Done> KeyRing::add(SessionKey key)
{
    if (auto allowed = canAdd(key); !allowed)
        return allowed;
    m_keys.push_back(std::make_unique<SessionKey>(std::move(key)));
    ++m_generation;
    return Done{};
}

Result<Done> KeyRing::checkNewName(const QString &name) const
{
    if (name.trimmed().isEmpty())
        return Error::make(ErrorCategory::Key,
                           QCoreApplication::translate("sessionlens::Error", "a key needs a name"));
    if (find(name))
        return Error::make(
            ErrorCategory::Key,
            QCoreApplication::translate("sessionlens::Error", "a key named \"%1\" exists already")
                .arg(name));
    return Done{};
}

Result<Done> KeyRing::canAdd(const SessionKey &key) const
{
    if (auto named = checkNewName(key.name()); !named)
        return named;
    if (key.kind() == SessionKey::Kind::AesKey && key.aesVariant().isEmpty())
        return Error::make(
            ErrorCategory::Key,
            QCoreApplication::translate("sessionlens::Error",
                                        "AES keys are 16, 24 or 32 bytes, this one has %1")
                .arg(key.size()));
    if (key.bytes().isEmpty())
        return Error::make(ErrorCategory::Key, QCoreApplication::translate("sessionlens::Error",
                                                                           "the secret is empty"));
    return Done{};
}

bool KeyRing::remove(const QString &name)
{
    for (auto it = m_keys.begin(); it != m_keys.end(); ++it) {
        if ((*it)->name() == name) {
            m_keys.erase(it);
            ++m_generation;
            return true;
        }
    }
    return false;
}

Result<Done> KeyRing::rename(const QString &from, const QString &to)
{
    if (from != to) {
        if (auto named = checkNewName(to); !named)
            return named;
    } else if (to.trimmed().isEmpty()) {
        return checkNewName(to);
    }
    const qsizetype index = indexOf(from);
    if (index < 0)
        return noKeyNamed(from);
    m_keys[std::size_t(index)]->setName(to);
    ++m_generation;
    return Done{};
}

Result<Done> KeyRing::setFormats(const QString &name, const QStringList &formatIds)
{
    const qsizetype index = indexOf(name);
    if (index < 0)
        return noKeyNamed(name);
    m_keys[std::size_t(index)]->setFormats(formatIds);
    ++m_generation;
    return Done{};
}

qsizetype KeyRing::indexOf(const QString &name) const
{
    for (std::size_t i = 0; i < m_keys.size(); ++i) {
        if (m_keys[i]->name() == name)
            return static_cast<qsizetype>(i);
    }
    return -1;
}

const SessionKey *KeyRing::find(const QString &name) const
{
    const qsizetype index = indexOf(name);
    return index < 0 ? nullptr : &at(index);
}

const SessionKey &KeyRing::at(qsizetype index) const
{
    return *m_keys[static_cast<std::size_t>(index)];
}

QStringList KeyRing::names() const
{
    QStringList out;
    for (const auto &key : m_keys)
        out.append(key->name());
    return out;
}

} // namespace sessionlens
