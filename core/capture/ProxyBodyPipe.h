#pragma once

#include <QByteArray>
#include <QIODevice>

namespace sessionlens {

/**
 * A request body on its way through the proxy: the connection writes what the browser
 * sends, the upstream request reads it as it comes, so an upload is streamed, not held.
 */
class ProxyBodyPipe : public QIODevice
{
    Q_OBJECT

public:
    explicit ProxyBodyPipe(QObject *parent = nullptr);

    void append(QByteArrayView data);
    /// No more data will come.
    void finish();

    [[nodiscard]] bool isSequential() const override { return true; }
    [[nodiscard]] qint64 bytesAvailable() const override;
    [[nodiscard]] bool atEnd() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QByteArray m_buffer;
    bool m_finished = false;
};

} // namespace sessionlens
