#include "crypto/SecureBytes.h"

#include <openssl/crypto.h>

#include <cstring>

namespace sessionlens {

namespace {

std::uint8_t *allocate(std::size_t size)
{
    if (!size)
        return nullptr;
    void *bytes = CRYPTO_secure_malloc_initialized() ? OPENSSL_secure_zalloc(size) : nullptr;
    if (!bytes)
        bytes = OPENSSL_zalloc(size);
    if (!bytes)
        throw std::bad_alloc();
    return static_cast<std::uint8_t *>(bytes);
}

} // namespace

void SecureBytesRelease::operator()(std::uint8_t *bytes) const noexcept
{
    if (!bytes)
        return;
    if (CRYPTO_secure_allocated(bytes))
        OPENSSL_secure_clear_free(bytes, size);
    else
        OPENSSL_clear_free(bytes, size);
}

bool SecureBytes::onSecureHeap() const
{
    return m_data && CRYPTO_secure_allocated(m_data.get());
}

bool SecureBytes::useSecureHeap(std::size_t heapBytes)
{
    return CRYPTO_secure_malloc_initialized() || CRYPTO_secure_malloc_init(heapBytes, 16) != 0;
}

SecureBytes::SecureBytes(std::size_t size)
    : m_data(allocate(size), SecureBytesRelease{size}), m_size(size)
{
}

SecureBytes::SecureBytes(const void *data, std::size_t size) : SecureBytes(size)
{
    if (size)
        std::memcpy(m_data.get(), data, size);
}

SecureBytes::~SecureBytes()
{
    wipe();
}

SecureBytes::SecureBytes(const SecureBytes &other) : SecureBytes(other.data(), other.size()) {}

SecureBytes &SecureBytes::operator=(const SecureBytes &other)
{
    if (this != &other) {
        SecureBytes copy(other);
        *this = std::move(copy);
    }
    return *this;
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_data(std::move(other.m_data)), m_size(other.m_size)
{
    other.m_size = 0;
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_data = std::move(other.m_data);
        m_size = other.m_size;
        other.m_size = 0;
    }
    return *this;
}

SecureBytes SecureBytes::fromByteArray(QByteArray &source, bool wipeSource)
{
    SecureBytes bytes(source.constData(), static_cast<std::size_t>(source.size()));
    if (wipeSource)
        wipeByteArray(source);
    return bytes;
}

bool SecureBytes::equals(const SecureBytes &other) const
{
    return constantTimeEquals(data(), size(), other.data(), other.size());
}

QByteArray SecureBytes::exposeCopy() const
{
    return QByteArray(reinterpret_cast<const char *>(m_data.get()), static_cast<qsizetype>(m_size));
}

void SecureBytes::clear()
{
    wipe();
}

void SecureBytes::wipe() noexcept
{
    if (m_data && m_size)
        OPENSSL_cleanse(m_data.get(), m_size);
    m_data.reset();
    m_size = 0;
}

bool constantTimeEquals(const void *a, std::size_t aSize, const void *b, std::size_t bSize)
{
    if (aSize != bSize)
        return false;
    if (aSize == 0)
        return true;
    return CRYPTO_memcmp(a, b, aSize) == 0;
}

void wipeByteArray(QByteArray &bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached())
        bytes.detach(); // never write into a buffer another QByteArray shares
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), static_cast<std::size_t>(bytes.size()));
    bytes.clear();
}

void wipeMemory(void *bytes, std::size_t size)
{
    if (bytes && size)
        OPENSSL_cleanse(bytes, size);
}

} // namespace sessionlens
