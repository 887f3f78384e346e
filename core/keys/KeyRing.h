#pragma once

#include "Result.h"
#include "keys/SessionKey.h"

#include <QList>
#include <QStringList>

#include <memory>
#include <vector>

namespace sessionlens {

/**
 * Named keys, in the user's order: AES keys and signing secrets, nothing else. Reading is
 * const, so one ring serves every thread of an audit; what opening cookies learns (AES key
 * schedules, which secret served which format) lives in a KeySchedules of the opener's own.
 */
class KeyRing
{
public:
    KeyRing();
    ~KeyRing();
    KeyRing(KeyRing &&other) noexcept;
    KeyRing &operator=(KeyRing &&other) noexcept;

    /// Fails when the name is taken or (for AES keys) the length is wrong.
    [[nodiscard]] Result<Done> add(SessionKey key);
    /// Would add() take this key? (A name, not taken; an AES key of 16, 24 or 32 bytes; a
    /// secret that is not empty.) For stores that must ask before they keep it anywhere.
    [[nodiscard]] Result<Done> canAdd(const SessionKey &key) const;
    bool remove(const QString &name);
    [[nodiscard]] Result<Done> rename(const QString &from, const QString &to);
    /// Keeps the key `name` for these format ids only (empty: for every format of its kind).
    [[nodiscard]] Result<Done> setFormats(const QString &name, const QStringList &formatIds);
    [[nodiscard]] const SessionKey *find(const QString &name) const;
    /// Position of the entry named `name`, -1 when there is none.
    [[nodiscard]] qsizetype indexOf(const QString &name) const;
    [[nodiscard]] qsizetype size() const { return static_cast<qsizetype>(m_keys.size()); }
    [[nodiscard]] const SessionKey &at(qsizetype index) const;
    [[nodiscard]] QStringList names() const;

    /// Changes with every change of the ring (and differs between rings one was moved from), so
    /// that a cache keyed by ring index knows when to forget.
    [[nodiscard]] quint64 generation() const { return m_generation; }

private:
    [[nodiscard]] Result<Done> checkNewName(const QString &name) const;

    std::vector<std::unique_ptr<SessionKey>> m_keys; // stable addresses for find()
    quint64 m_generation = 0;
};

} // namespace sessionlens
