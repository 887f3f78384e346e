#include "capture/ProxyBodyPipe.h"

#include <cstring>

namespace sessionlens {

ProxyBodyPipe::ProxyBodyPipe(QObject *parent) : QIODevice(parent)
{
    open(QIODevice::ReadOnly);
}

void ProxyBodyPipe::append(QByteArrayView data)
{
    if (data.isEmpty())
        return;
    m_buffer.append(data);
    Q_EMIT readyRead();
}

void ProxyBodyPipe::finish()
{
    m_finished = true;
    Q_EMIT readChannelFinished();
    Q_EMIT readyRead();
}

qint64 ProxyBodyPipe::bytesAvailable() const
{
    return m_buffer.size() + QIODevice::bytesAvailable();
}

bool ProxyBodyPipe::atEnd() const
{
    return m_finished && m_buffer.isEmpty() && QIODevice::bytesAvailable() == 0;
}

qint64 ProxyBodyPipe::readData(char *data, qint64 maxSize)
{
    const qint64 n = std::min<qint64>(maxSize, m_buffer.size());
    if (n == 0)
        return m_finished ? -1 : 0;
    std::memcpy(data, m_buffer.constData(), std::size_t(n));
    const bool wasFull = m_buffer.size() >= kHighWater / 2;
    m_buffer.remove(0, qsizetype(n));
    if (wasFull && m_buffer.size() < kHighWater / 2)
        Q_EMIT drained();
    return n;
}

qint64 ProxyBodyPipe::writeData(const char *, qint64)
{
    return -1; // written through append(), never through QIODevice::write
}

} // namespace sessionlens
