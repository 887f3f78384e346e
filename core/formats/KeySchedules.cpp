#include "formats/KeySchedules.h"

#include "formats/CookieFormat.h"

namespace sessionlens {

KeySchedules::KeySchedules(const KeyRing &ring) : m_ring(&ring), m_generation(ring.generation()) {}

void KeySchedules::forgetIfRingChanged()
{
    if (m_ring->generation() == m_generation)
        return;
    // Indices may point at other keys now: nothing learnt about the old ring holds.
    m_codecs.clear();
    m_signingKeys.clear();
    m_lastServed.clear();
    m_formatSecrets.clear();
    m_generation = m_ring->generation();
}

const QList<qsizetype> &KeySchedules::candidates(const CookieFormat &format, SessionKey::Kind kind)
{
    forgetIfRingChanged();
    m_candidates.clear();
    const qsizetype hint = lastServed(format);
    if (hint >= 0 && m_ring->at(hint).kind() == kind)
        m_candidates.append(hint);
    const QString id = format.id();
    for (qsizetype i = 0; i < m_ring->size(); ++i) {
        const SessionKey &key = m_ring->at(i);
        if (i != hint && key.kind() == kind && key.serves(id))
            m_candidates.append(i);
    }
    return m_candidates;
}

void KeySchedules::served(const CookieFormat &format, qsizetype index)
{
    forgetIfRingChanged();
    if (index < 0 || index >= m_ring->size())
        return;
    for (auto &[served, last] : m_lastServed) {
        if (served == &format) {
            last = index;
            return;
        }
    }
    m_lastServed.emplace_back(&format, index);
}

qsizetype KeySchedules::lastServed(const CookieFormat &format) const
{
    if (m_ring->generation() != m_generation)
        return -1;
    for (const auto &[served, last] : m_lastServed) {
        if (served == &format)
            return last;
    }
    return -1;
}

EncryptedSessionCodec *KeySchedules::codec(qsizetype index)
{
    forgetIfRingChanged();
    if (index < 0 || index >= m_ring->size())
        return nullptr;
    const SessionKey &key = m_ring->at(index);
    if (key.kind() != SessionKey::Kind::AesKey)
        return nullptr;
    if (m_codecs.size() <= std::size_t(index))
        m_codecs.resize(std::size_t(m_ring->size()));
    std::optional<EncryptedSessionCodec> &slot = m_codecs[std::size_t(index)];
    if (!slot) {
        auto made = EncryptedSessionCodec::create(key.bytes());
        if (!made)
            return nullptr;
        slot.emplace(std::move(made).value());
    }
    return &*slot;
}

SigningKeyCache &KeySchedules::signingKeys()
{
    forgetIfRingChanged();
    return m_signingKeys;
}

KeySchedules::SigningSecrets KeySchedules::signingSecrets(const CookieFormat &format)
{
    forgetIfRingChanged();
    FormatSecrets *entry = nullptr;
    for (const auto &known : m_formatSecrets) {
        if (known->format == &format)
            entry = known.get();
    }
    if (!entry) {
        m_formatSecrets.push_back(std::make_unique<FormatSecrets>());
        entry = m_formatSecrets.back().get();
        entry->format = &format;
    } else if (entry->firstTried == lastServed(format)) {
        return {entry->indices, entry->secrets, m_signingKeys};
    }
    // The candidates' order depends on the ring and the last key that served the format only.
    entry->firstTried = lastServed(format);
    entry->indices = candidates(format, SessionKey::Kind::SigningSecret);
    entry->secrets.clear();
    entry->secrets.reserve(entry->indices.size());
    for (const qsizetype i : std::as_const(entry->indices))
        entry->secrets.append(m_ring->at(i).bytes());
    return {entry->indices, entry->secrets, m_signingKeys};
}

} // namespace sessionlens
