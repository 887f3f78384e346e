#pragma once

#include <QObject>

class QSocketNotifier;

namespace sessionlens::cli {

/// Turns SIGINT and SIGTERM into a Qt signal, so that long-running commands (proxy, watch)
/// end their event loop cleanly and exit 0.
class SignalWaiter : public QObject
{
    Q_OBJECT

public:
    explicit SignalWaiter(QObject *parent = nullptr);
    ~SignalWaiter() override;

Q_SIGNALS:
    void interrupted();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace sessionlens::cli
