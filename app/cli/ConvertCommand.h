#pragma once

#include "CliIo.h"

#include <QStringList>

namespace sessionlens::cli {

/// `convert`: a cookie of one format re-made in the other, with what could not be carried reported.
class ConvertCommand
{
    Q_DECLARE_TR_FUNCTIONS(ConvertCommand)

public:
    explicit ConvertCommand(CliIo &io) : m_io(io) {}
    int run(const QStringList &arguments);

private:
    CliIo &m_io;
};

} // namespace sessionlens::cli
