#include "keys/KeyRing.h"

#include "formats/EncryptedSessionCodec.h"

#include <QCoreApplication>
#include <optional>

namespace sessionlens {

struct KeyRing::Entry
{
    SessionKey key;
    std::optional<EncryptedSessionCodec> codec; // built on first use
};

KeyRing::KeyRing() = default;
KeyRing::~KeyRing() = default;
KeyRing::KeyRing(KeyRing &&) noexcept = default;
KeyRing &KeyRing::operator=(KeyRing &&) noexcept = default;

Result<Done> KeyRing::add(SessionKey key)
{
    if (auto allowed = canAdd(key); !allowed)
        return allowed;
    auto entry = std::make_unique<Entry>();
    entry->key = std::move(key);
    m_entries.push_back(std::move(entry));
    return Done{};
}

Result<Done> KeyRing::canAdd(const SessionKey &key) const
{
    if (key.name().trimmed().isEmpty())
        return Error::make(ErrorCategory::Key,
                           QCoreApplication::translate("sessionlens::Error", "a key needs a name"));
    if (find(key.name()))
        return Error::make(
            ErrorCategory::Key,
            QCoreApplication::translate("sessionlens::Error", "a key named \"%1\" exists already")
                .arg(key.name()));
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
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if ((*it)->key.name() == name) {
            m_entries.erase(it);
            return true;
        }
    }
    return false;
}

Result<Done> KeyRing::rename(const QString &from, const QString &to)
{
    if (to.trimmed().isEmpty())
        return Error::make(ErrorCategory::Key,
                           QCoreApplication::translate("sessionlens::Error", "a key needs a name"));
    if (from != to && find(to))
        return Error::make(
            ErrorCategory::Key,
            QCoreApplication::translate("sessionlens::Error", "a key named \"%1\" exists already")
                .arg(to));
    for (auto &entry : m_entries) {
        if (entry->key.name() == from) {
            entry->key.setName(to);
            return Done{};
        }
    }
    return Error::make(
        ErrorCategory::Key,
        QCoreApplication::translate("sessionlens::Error", "no key named \"%1\"").arg(from));
}

qsizetype KeyRing::indexOf(const QString &name) const
{
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i]->key.name() == name)
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
    return m_entries[static_cast<std::size_t>(index)]->key;
}

QStringList KeyRing::names() const
{
    QStringList out;
    for (const auto &entry : m_entries)
        out.append(entry->key.name());
    return out;
}

EncryptedSessionCodec *KeyRing::codec(qsizetype index)
{
    Entry &entry = *m_entries[static_cast<std::size_t>(index)];
    if (entry.key.kind() != SessionKey::Kind::AesKey)
        return nullptr;
    if (!entry.codec) {
        auto codec = EncryptedSessionCodec::create(entry.key.bytes());
        if (!codec)
            return nullptr;
        entry.codec.emplace(std::move(codec).value());
    }
    return &*entry.codec;
}

Result<qsizetype> KeyRing::findOpeningKey(QByteArrayView cookie)
{
    auto fields = EncryptedSessionCodec::split(cookie);
    if (!fields)
        return fields.error();
    for (qsizetype i = 0; i < size(); ++i) {
        EncryptedSessionCodec *c = codec(i);
        if (c && c->authenticates(*fields))
            return i;
    }
    return qsizetype(-1);
}

KeyRing::Opened KeyRing::open(QByteArrayView cookie, const EncryptedSessionCodec::Limits &limits)
{
    Opened opened;
    auto fields = EncryptedSessionCodec::split(cookie, &opened.decoded.fields);
    if (!fields) {
        opened.decoded.error = fields.error();
        return opened;
    }
    opened.decoded.fields = std::move(fields).value();
    const qsizetype count = size();
    qsizetype aesKeys = 0; // the ring also holds Flask secrets: only AES keys were tried
    for (qsizetype attempt = 0; attempt < count; ++attempt) {
        // Start at the last key that fitted, then go round in ring order.
        const qsizetype first = m_lastHit >= 0 && m_lastHit < count ? m_lastHit : 0;
        const qsizetype i = (first + attempt) % count;
        EncryptedSessionCodec *c = codec(i);
        if (!c)
            continue;
        ++aesKeys;
        c->setLimits(limits);
        c->decodeFields(opened.decoded);
        if (opened.decoded.error &&
            opened.decoded.error->category == ErrorCategory::Authentication) {
            opened.decoded.error.reset();
            opened.decoded.warnings.clear();
            continue;
        }
        m_lastHit = i;
        opened.keyIndex = i;
        return opened;
    }
    opened.decoded.error = Error::make(
        ErrorCategory::Authentication,
        aesKeys == 1
            ? QCoreApplication::translate("sessionlens::Error",
                                          "the tag does not match: wrong key or altered cookie")
            : QCoreApplication::translate(
                  "sessionlens::Error",
                  "none of the %1 AES keys opens this cookie (or it was altered)")
                  .arg(aesKeys),
        {}, int(EncryptedSessionCodec::Field::Tag));
    return opened;
}

} // namespace sessionlens
