#pragma once

#include <QByteArray>
#include <QIODevice>

#include <limits>

namespace sessionlens::test {

/**
 * Bytes handed over as a pipe hands them: sequential, at most `chunk` bytes a read, every read
 * counted; and, when `failAt` is given, a read error once that many bytes are out, as a disk
 * or a peer that goes away gives one.
 */
class PipeLikeDevice : public QIODevice
{
public:
    static constexpr qint64 kNever = std::numeric_limits<qint64>::max();

    explicit PipeLikeDevice(QByteArray data, qint64 chunk = kNever, qint64 failAt = kNever);

    bool isSequential() const override { return true; }
    bool atEnd() const override { return m_at >= m_data.size(); }
    /// readData calls so far.
    [[nodiscard]] qint64 reads() const { return m_reads; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_chunk;
    qint64 m_failAt;
    qint64 m_at = 0;
    qint64 m_reads = 0;
};

} // namespace sessionlens::test
