#pragma once

#include "CliIo.h"

namespace sessionlens::cli {

/// `proxy`: a reverse proxy in front of the app; prints each session cookie it sees.
class ProxyCommand
{
    Q_DECLARE_TR_FUNCTIONS(ProxyCommand)

public:
    explicit ProxyCommand(CliIo &io) : m_io(io) {}
    int run(const QStringList &arguments);

private:
    CliIo &m_io;
};

} // namespace sessionlens::cli
