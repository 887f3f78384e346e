#include "audit/LineBlockReader.h"

#include <QIODevice>

#include <openssl/crypto.h>

#include <cstring>

namespace sessionlens {

namespace {

void wipeAll(QByteArray &bytes)
{
    // The whole allocation, not only the current size.
    bytes.resize(bytes.capacity());
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), std::size_t(bytes.size()));
}

} // namespace

LineBlockReader::LineBlockReader(QIODevice &input, qsizetype blockBytes, Wipe wipe)
    : m_input(input), m_blockBytes(blockBytes), m_wipe(wipe)
{
}

LineBlockReader::~LineBlockReader()
{
    if (m_wipe == Wipe::Yes)
        wipeAll(m_carry);
}

void LineBlockReader::reserve(QByteArray &bytes, qsizetype size) const
{
    if (bytes.capacity() >= size)
        return;
    if (m_wipe == Wipe::No) {
        bytes.reserve(size);
        return;
    }
    // Grown by hand, so that the old allocation is wiped before it is freed.
    QByteArray larger;
    larger.reserve(size);
    larger.append(bytes);
    wipeAll(bytes);
    bytes.swap(larger);
}

void LineBlockReader::setCarry(QByteArrayView bytes)
{
    // The carry never overlaps its own storage here: it comes from a block or a read buffer.
    reserve(m_carry, bytes.size());
    m_carry.resize(bytes.size());
    if (!bytes.isEmpty())
        std::memcpy(m_carry.data(), bytes.data(), std::size_t(bytes.size()));
}

qint64 LineBlockReader::readFully(char *into, qint64 want)
{
    qint64 got = 0;
    while (got < want) {
        const qint64 n = m_input.read(into + got, want - got);
        if (n < 0)
            return -1;
        if (n == 0) {
            if (m_input.atEnd() || !m_input.isSequential() || !m_input.waitForReadyRead(-1))
                break;
            continue;
        }
        got += n;
    }
    m_bytesRead += got;
    return got;
}

Result<LineBlockReader::Block> LineBlockReader::next(QByteArray &block)
{
    Block info;
    const qsizetype have = m_carry.size();
    reserve(block, have + m_blockBytes);
    block.resize(have + m_blockBytes);
    if (have > 0)
        std::memcpy(block.data(), m_carry.constData(), std::size_t(have));
    const qint64 got = readFully(block.data() + have, m_blockBytes);
    if (got < 0)
        return Error::make(ErrorCategory::Io, m_input.errorString());
    block.resize(have + qsizetype(got));
    // Only a short read ends the input: a block that ends exactly at the end of a file is cut
    // like any other, and its last line comes in one more (short) block.
    m_atEnd = got < m_blockBytes;
    if (m_atEnd) {
        setCarry({});
        return info;
    }
    const qsizetype cut = block.lastIndexOf('\n');
    if (cut >= 0) {
        setCarry(QByteArrayView(block).sliced(cut + 1));
        block.resize(cut + 1);
        return info;
    }
    // A whole block without a line end: skipped to its end, never kept in memory.
    info.overlongLine = true;
    block.resize(0);
    while (true) {
        reserve(m_carry, m_blockBytes);
        m_carry.resize(m_blockBytes);
        const qint64 n = readFully(m_carry.data(), m_blockBytes);
        if (n < 0)
            return Error::make(ErrorCategory::Io, m_input.errorString());
        const qsizetype newline = QByteArrayView(m_carry.constData(), qsizetype(n)).indexOf('\n');
        if (newline >= 0) {
            // What follows the line end starts the next block (moved within the carry).
            const qsizetype rest = qsizetype(n) - newline - 1;
            std::memmove(m_carry.data(), m_carry.constData() + newline + 1, std::size_t(rest));
            m_carry.resize(rest);
            m_atEnd = n < m_blockBytes && rest == 0;
            return info;
        }
        if (n < m_blockBytes) {
            m_carry.resize(0);
            m_atEnd = true;
            return info;
        }
    }
}

} // namespace sessionlens
