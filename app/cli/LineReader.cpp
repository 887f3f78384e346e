#include "LineReader.h"

#include <QIODevice>

#include <cstring>

namespace sessionlens::cli {

LineReader::LineReader(QIODevice &device, qsizetype maxLineBytes)
    : m_device(device), m_maxLineBytes(maxLineBytes),
      // Room for a whole line of the limit and a block after it: a line never has to wait
      // for a second buffer.
      m_buffer(maxLineBytes + 1 + kBlockBytes, Qt::Uninitialized)
{
}

bool LineReader::fill()
{
    if (m_atEnd)
        return false;
    if (m_start > 0) {
        std::memmove(m_buffer.data(), m_buffer.constData() + m_start, std::size_t(m_end - m_start));
        m_end -= m_start;
        m_start = 0;
    }
    const qsizetype room = m_buffer.size() - m_end;
    while (true) {
        ++m_reads;
        const qint64 got = m_device.read(m_buffer.data() + m_end, room);
        if (got < 0) {
            m_errorString = m_device.errorString();
            m_atEnd = true;
            return false;
        }
        if (got == 0) {
            // A file says 0 at its end; a socket or process may only have nothing yet.
            if (m_device.isSequential() && !m_device.atEnd() && m_device.waitForReadyRead(-1))
                continue;
            m_atEnd = true;
            return false;
        }
        m_end += got;
        return true;
    }
}

LineReader::Next LineReader::next()
{
    while (true) {
        const char *begin = m_buffer.constData() + m_start;
        const auto *newline =
            static_cast<const char *>(std::memchr(begin, '\n', std::size_t(m_end - m_start)));
        if (m_skipping) {
            if (newline) {
                m_start += newline - begin + 1;
                m_skipping = false;
                return {Status::TooLong, {}};
            }
            m_start = m_end = 0; // dropped: the line goes on
            if (!fill()) {
                m_skipping = false; // the input ended inside the long line
                return {m_errorString.isEmpty() ? Status::TooLong : Status::Error, {}};
            }
            continue;
        }
        if (newline && newline - begin <= m_maxLineBytes) {
            m_start += newline - begin + 1;
            return {Status::Line, QByteArrayView(begin, newline - begin)};
        }
        if (newline || m_end - m_start > m_maxLineBytes) {
            m_skipping = true;
            continue;
        }
        if (!fill()) {
            if (!m_errorString.isEmpty())
                return {Status::Error, {}};
            if (m_start == m_end)
                return {Status::End, {}};
            // The last line, without a line end.
            const QByteArrayView last(m_buffer.constData() + m_start, m_end - m_start);
            m_start = m_end;
            return {Status::Line, last};
        }
    }
}

} // namespace sessionlens::cli
