#pragma once

#include "CliIo.h"

#include <QStringList>

namespace sessionlens::cli {

/// `crack`: weak-secret audit of a Flask signed cookie against a wordlist and a built-in list.
class CrackCommand
{
    Q_DECLARE_TR_FUNCTIONS(CrackCommand)

public:
    explicit CrackCommand(CliIo &io) : m_io(io) {}
    int run(const QStringList &arguments);

private:
    CliIo &m_io;
};

} // namespace sessionlens::cli
