#pragma once

#include "Result.h"

#include <QByteArray>
#include <QByteArrayView>

class QIODevice;

namespace sessionlens {

/**
 * Reads an input in large blocks of whole lines: no system call per line, and no line split
 * between two blocks. The size audit and the secret audit both read through it.
 *
 * A block is the unfinished line carried from the block before, then up to `blockBytes` read
 * after it, cut after its last line end (the rest waits for the next block). At the end of
 * the input the block ends with the input, so its last line may lack a line end. A line
 * longer than a whole block is not kept in memory: it is skipped to its end and reported.
 *
 * With Wipe::Yes (a wordlist: every line is a secret) the carried bytes are wiped before
 * their memory is given back or reused, and so is a block the reader grows.
 */
class LineBlockReader
{
public:
    enum class Wipe
    {
        No,
        Yes
    };
    struct Block
    {
        /// A line longer than a block came here: it was skipped and `block` left empty.
        bool overlongLine = false;
    };

    LineBlockReader(QIODevice &input, qsizetype blockBytes, Wipe wipe = Wipe::No);
    ~LineBlockReader();
    LineBlockReader(const LineBlockReader &) = delete;
    LineBlockReader &operator=(const LineBlockReader &) = delete;

    /// Fills `block` (its allocation reused) with the next block. Call only while !atEnd().
    [[nodiscard]] Result<Block> next(QByteArray &block);
    /// True once the input's last bytes are in a block.
    [[nodiscard]] bool atEnd() const { return m_atEnd; }
    /// Bytes taken from the input so far, skipped lines included.
    [[nodiscard]] qint64 bytesRead() const { return m_bytesRead; }
    /// The start of the unfinished line that the next block begins with.
    [[nodiscard]] QByteArrayView carried() const { return m_carry; }

private:
    /// Reads until `want` bytes are in or the input ends; the count, or -1 on an error.
    qint64 readFully(char *into, qint64 want);
    void setCarry(QByteArrayView bytes);
    void reserve(QByteArray &bytes, qsizetype size) const;

    QIODevice &m_input;
    qsizetype m_blockBytes;
    Wipe m_wipe;
    QByteArray m_carry;
    qint64 m_bytesRead = 0;
    bool m_atEnd = false;
};

} // namespace sessionlens
