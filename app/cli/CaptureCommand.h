#pragma once

#include "CliIo.h"

namespace sessionlens::cli {

/// `capture`: send one request and print each session cookie the responses set, decoded.
class CaptureCommand
{
    Q_DECLARE_TR_FUNCTIONS(CaptureCommand)

public:
    explicit CaptureCommand(CliIo &io) : m_io(io) {}
    int run(const QStringList &arguments);

private:
    CliIo &m_io;
};

} // namespace sessionlens::cli
