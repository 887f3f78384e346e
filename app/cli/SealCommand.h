#pragma once

#include "CliIo.h"

#include <QStringList>

namespace sessionlens::cli {

/// `seal`: read session JSON and print a new EncryptedSession cookie.
class SealCommand
{
    Q_DECLARE_TR_FUNCTIONS(SealCommand)

public:
    explicit SealCommand(CliIo &io) : m_io(io) {}
    int run(const QStringList &arguments);

private:
    CliIo &m_io;
};

} // namespace sessionlens::cli
