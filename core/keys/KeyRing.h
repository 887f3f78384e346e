#pragma once

#include "Result.h"
#include "formats/EncryptedSessionCodec.h"
#include "keys/SessionKey.h"

#include <QByteArrayView>
#include <QList>

#include <memory>
#include <vector>

namespace sessionlens {

/**
 * Named keys, in the user's order. Answers "which key opens this cookie" by
 * trying every AES key; key schedules are cached so that batch work does not
 * redo them per cookie.
 */
class KeyRing
{
public:
    KeyRing();
    ~KeyRing();
    KeyRing(KeyRing &&) noexcept;
    KeyRing &operator=(KeyRing &&) noexcept;

    /// Fails when the name is taken or (for AES keys) the length is wrong.
    [[nodiscard]] Result<Done> add(SessionKey key);
    /// Would add() take this key? (A name, not taken; an AES key of 16, 24 or 32 bytes; a
    /// secret that is not empty.) For stores that must ask before they keep it anywhere.
    [[nodiscard]] Result<Done> canAdd(const SessionKey &key) const;
    bool remove(const QString &name);
    [[nodiscard]] Result<Done> rename(const QString &from, const QString &to);
    [[nodiscard]] const SessionKey *find(const QString &name) const;
    /// Position of the entry named `name`, -1 when there is none.
    [[nodiscard]] qsizetype indexOf(const QString &name) const;
    [[nodiscard]] qsizetype size() const { return static_cast<qsizetype>(m_entries.size()); }
    [[nodiscard]] const SessionKey &at(qsizetype index) const;
    [[nodiscard]] QStringList names() const;

    /**
     * Index of the first AES key whose tag matches the cookie, -1 when none
     * does. Only the authentication step is run; the caller decodes with it.
     * Format and base64 errors of the cookie itself are returned as errors.
     */
    [[nodiscard]] Result<qsizetype> findOpeningKey(QByteArrayView cookie);

    struct Opened
    {
        qsizetype keyIndex = -1; ///< the key that opened it, -1 when none did
        EncryptedSessionCodec::Decoded decoded;
    };

    /**
     * Decodes an EncryptedSession cookie with whichever key fits. The key that
     * fitted last time is tried first, which makes batches of one app's
     * cookies cost one tag check each. With no fitting key the result carries
     * an `authentication` error and the split fields. `limits` bound the inflate and the reader.
     */
    [[nodiscard]] Opened open(QByteArrayView cookie, const EncryptedSessionCodec::Limits &limits);

    /// The codec (key schedule) of an AES key, built on first use; nullptr for other kinds.
    [[nodiscard]] EncryptedSessionCodec *codec(qsizetype index);

private:
    struct Entry;
    std::vector<std::unique_ptr<Entry>> m_entries;
    qsizetype m_lastHit = -1;
};

} // namespace sessionlens
