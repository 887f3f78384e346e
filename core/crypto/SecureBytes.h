#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace sessionlens {

/// Frees a SecureBytes allocation from whichever heap it came from, wiping it first.
struct SecureBytesRelease
{
    std::size_t size = 0;
    void operator()(std::uint8_t *bytes) const noexcept;
};

/**
 * A fixed-size buffer for secret material (keys, secrets). The bytes are wiped
 * with OPENSSL_cleanse when the buffer is destroyed or overwritten, copies are
 * deep, and there is no implicit conversion to QString or QByteArray so that a
 * secret cannot drift into logs or settings by accident.
 */
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size);
    SecureBytes(const void *data, std::size_t size);
    ~SecureBytes();

    SecureBytes(const SecureBytes &other);
    SecureBytes &operator=(const SecureBytes &other);
    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;

    /// Copies a QByteArray and wipes the source buffer when `wipeSource` is set.
    [[nodiscard]] static SecureBytes fromByteArray(QByteArray &source, bool wipeSource);

    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] bool isEmpty() const { return m_size == 0; }
    [[nodiscard]] const std::uint8_t *data() const { return m_data.get(); }
    [[nodiscard]] std::uint8_t *data() { return m_data.get(); }

    /// Puts later secrets on OpenSSL's secure heap: locked in memory (never swapped),
    /// left out of core dumps, with guard pages. Called once at program start; when the
    /// system refuses, or the heap is full, secrets fall back to the ordinary heap.
    static bool useSecureHeap(std::size_t heapBytes);
    /// Whether these bytes live on the secure heap (locked, not dumped).
    [[nodiscard]] bool onSecureHeap() const;

    /// Constant-time equality (length is not secret).
    [[nodiscard]] bool equals(const SecureBytes &other) const;

    /// A deliberate, visible export of the secret, for "reveal" and "copy" actions.
    [[nodiscard]] QByteArray exposeCopy() const;

    void clear();

private:
    void wipe() noexcept;

    std::unique_ptr<std::uint8_t[], SecureBytesRelease> m_data;
    std::size_t m_size = 0;
};

/// Constant-time comparison of two equally long byte ranges; false when lengths differ.
[[nodiscard]] bool constantTimeEquals(const void *a, std::size_t aSize, const void *b,
                                      std::size_t bSize);

/// Wipes a QByteArray's buffer in place (for temporaries that held secrets).
void wipeByteArray(QByteArray &bytes);

/// Overwrites memory in a way the compiler does not optimise away.
void wipeMemory(void *bytes, std::size_t size);

} // namespace sessionlens
