#pragma once

#include "CliIo.h"

#include <QStringList>

namespace sessionlens::cli {

/// `sign`: read Flask's tagged JSON payload and print a signed cookie Flask accepts.
class SignCommand
{
    Q_DECLARE_TR_FUNCTIONS(SignCommand)

public:
    explicit SignCommand(CliIo &io) : m_io(io) {}
    int run(const QStringList &arguments);

private:
    CliIo &m_io;
};

} // namespace sessionlens::cli
