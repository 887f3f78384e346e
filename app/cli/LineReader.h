#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

class QIODevice;

namespace sessionlens::cli {

/**
 * The lines of a file or of standard input, read in large blocks.
 *
 * A line is handed out where it lies in the block, so a batch makes one read() a block rather
 * than a system call or two a line (QIODevice::readLine on standard input asked the position
 * of the stream for every line, and a pipe answered each time with ESPIPE). Memory stays at
 * one block plus one line, whatever the input holds.
 */
class LineReader
{
public:
    /// Bytes asked of the device at a time.
    static constexpr qsizetype kBlockBytes = 1024 * 1024;

    enum class Status
    {
        Line,    ///< `line` holds the next line, without its line end
        TooLong, ///< a line longer than the limit was skipped to its end
        End,
        Error, ///< the device failed: errorString()
    };

    struct Next
    {
        Status status = Status::End;
        /// Valid until the next call.
        QByteArrayView line;
    };

    /// `maxLineBytes`: the longest line handed out, not counting its "\n".
    LineReader(QIODevice &device, qsizetype maxLineBytes);

    [[nodiscard]] Next next();
    [[nodiscard]] QString errorString() const { return m_errorString; }
    /// read() calls made so far, for the tests that prove there is none per line.
    [[nodiscard]] qint64 reads() const { return m_reads; }

private:
    /// Moves the unread rest to the front and reads more after it; false at the end or on error.
    bool fill();

    QIODevice &m_device;
    qsizetype m_maxLineBytes;
    QByteArray m_buffer;
    qsizetype m_start = 0; ///< first unread byte
    qsizetype m_end = 0;   ///< end of the bytes read
    bool m_atEnd = false;
    bool m_skipping = false; ///< inside an over-long line, dropping bytes up to its end
    QString m_errorString;
    qint64 m_reads = 0;
};

} // namespace sessionlens::cli
