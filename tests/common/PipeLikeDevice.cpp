#include "PipeLikeDevice.h"

#include <algorithm>
#include <cstring>

namespace sessionlens::test {

PipeLikeDevice::PipeLikeDevice(QByteArray data, qint64 chunk, qint64 failAt)
    : m_data(std::move(data)), m_chunk(chunk), m_failAt(failAt)
{
    // Unbuffered: each read() of the code under test is one readData() here.
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

qint64 PipeLikeDevice::readData(char *data, qint64 maxSize)
{
    ++m_reads;
    if (m_at >= m_failAt) {
        setErrorString(QStringLiteral("the disk went away"));
        return -1;
    }
    const qint64 n = std::min({maxSize, m_chunk, m_failAt - m_at, qint64(m_data.size()) - m_at});
    std::memcpy(data, m_data.constData() + m_at, std::size_t(n));
    m_at += n;
    return n;
}

} // namespace sessionlens::test
