#pragma once

#include <QByteArray>
#include <QIODevice>

namespace sessionlens {

/**
 * A request body on its way through the proxy: the connection writes what the browser
 * sends, the upstream request reads it as it comes, so an upload is streamed, not held.
 * The writer stops once buffered() reaches kHighWater and goes on at drained().
 */
class ProxyBodyPipe : public QIODevice
{
    Q_OBJECT

public:
    /// Bytes the pipe holds before its writer should wait.
    static constexpr qsizetype kHighWater = 1024 * 1024;

    explicit ProxyBodyPipe(QObject *parent = nullptr);

    void append(QByteArrayView data);
    /// No more data will come.
    void finish();

    [[nodiscard]] bool isSequential() const override { return true; }
    [[nodiscard]] qint64 bytesAvailable() const override;
    [[nodiscard]] bool atEnd() const override;
    [[nodiscard]] qsizetype buffered() const { return m_buffer.size(); }

Q_SIGNALS:
    /// The reader took enough that the writer may go on (below half of kHighWater).
    void drained();

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QByteArray m_buffer;
    bool m_finished = false;
};

} // namespace sessionlens
