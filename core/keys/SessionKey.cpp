#include "keys/SessionKey.h"

#include "crypto/SecureRandom.h"
#include "json/PythonRepr.h"

#include <openssl/evp.h>

namespace sessionlens {

SessionKey::SessionKey(QString name, SecureBytes bytes, Kind kind)
    : m_name(std::move(name)), m_bytes(std::move(bytes)), m_kind(kind)
{
}

QString SessionKey::aesVariant() const
{
    switch (m_bytes.size()) {
    case 16:
        return QStringLiteral("AES-128");
    case 24:
        return QStringLiteral("AES-192");
    case 32:
        return QStringLiteral("AES-256");
    default:
        return {};
    }
}

QString SessionKey::fingerprint() const
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(m_bytes.data(), m_bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        return QStringLiteral("????");
    QString out;
    for (int i = 0; i < 8; ++i) {
        if (i && i % 2 == 0)
            out.append(u':');
        out.append(QStringLiteral("%1").arg(digest[i], 2, 16, QChar(u'0')));
    }
    return out;
}

QString SessionKey::toHex() const
{
    QByteArray raw = m_bytes.exposeCopy();
    const QString text = QString::fromLatin1(raw.toHex());
    wipeByteArray(raw);
    return text;
}

QString SessionKey::toBase64() const
{
    QByteArray raw = m_bytes.exposeCopy();
    const QString text = QString::fromLatin1(raw.toBase64());
    wipeByteArray(raw);
    return text;
}

QString SessionKey::toPythonLiteral() const
{
    QByteArray raw = m_bytes.exposeCopy();
    const QString text = PythonRepr::bytesRepr(raw);
    wipeByteArray(raw);
    return text;
}

Result<SessionKey> SessionKey::generate(QString name, std::size_t size)
{
    auto random = SecureRandom::bytes(static_cast<qsizetype>(size));
    if (!random)
        return random.error();
    return SessionKey(std::move(name), SecureBytes::fromByteArray(random.value(), true));
}

void SessionKey::setFormats(QStringList formatIds)
{
    formatIds.removeDuplicates();
    m_formats = std::move(formatIds);
}

} // namespace sessionlens
