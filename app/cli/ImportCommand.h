#pragma once

#include "CliIo.h"

namespace sessionlens::cli {

/// `import`: session cookies from HAR, cookies.txt, lists and browser databases;
/// `watch`: each new session cookie a browser stores, as it stores it.
class ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)

public:
    explicit ImportCommand(CliIo &io) : m_io(io) {}
    int runImport(const QStringList &arguments);
    int runWatch(const QStringList &arguments);

private:
    CliIo &m_io;
};

} // namespace sessionlens::cli
