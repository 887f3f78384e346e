#pragma once

#include "Result.h"
#include "crypto/SecureBytes.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace sessionlens {

/**
 * A named secret: an AES key for EncryptedSession (16/24/32 bytes) or, for
 * signed cookies, a SECRET_KEY. The bytes never leave except through the
 * explicit export functions.
 */
class SessionKey
{
public:
    enum class Kind
    {
        AesKey,
        SigningSecret
    };

    SessionKey() = default;
    SessionKey(QString name, SecureBytes bytes, Kind kind = Kind::AesKey);

    [[nodiscard]] const QString &name() const { return m_name; }
    void setName(QString name) { m_name = std::move(name); }
    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] const SecureBytes &bytes() const { return m_bytes; }
    [[nodiscard]] std::size_t size() const { return m_bytes.size(); }

    /// "AES-128", "AES-192", "AES-256", or empty when the length fits no AES key.
    [[nodiscard]] QString aesVariant() const;
    /// First 8 bytes of SHA-256 of the key as 4 hex groups: safe to show and log.
    [[nodiscard]] QString fingerprint() const;

    // Deliberate exports for "reveal" / "copy" / `key inspect`.
    [[nodiscard]] QString toHex() const;
    [[nodiscard]] QString toBase64() const;
    /// The form `print(key_bytes)` shows in Python, e.g. b'\x8e;\xa9=...'.
    [[nodiscard]] QString toPythonLiteral() const;

    /// Format ids (CookieFormat::id()) the user keeps this key for; empty: every format of its
    /// kind. A secret shared by a Django and a Starlette app need not be tried on Flask's cookies.
    [[nodiscard]] const QStringList &formats() const { return m_formats; }
    void setFormats(QStringList formatIds);
    /// Whether the key may be tried on a cookie of the format `formatId`.
    [[nodiscard]] bool serves(QStringView formatId) const
    {
        return m_formats.isEmpty() || m_formats.contains(formatId);
    }

    /// 32 random bytes (AES-256) from OpenSSL's generator.
    [[nodiscard]] static Result<SessionKey> generate(QString name, std::size_t size = 32);

private:
    QString m_name;
    SecureBytes m_bytes;
    Kind m_kind = Kind::AesKey;
    QStringList m_formats;
};

} // namespace sessionlens
