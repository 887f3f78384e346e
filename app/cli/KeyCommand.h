#pragma once

#include "CliIo.h"

#include <QStringList>

namespace sessionlens::cli {

/// `key inspect` and `key generate`.
class KeyCommand
{
    Q_DECLARE_TR_FUNCTIONS(KeyCommand)

public:
    explicit KeyCommand(CliIo &io) : m_io(io) {}
    int run(const QStringList &arguments);

private:
    int inspect(const QStringList &arguments);
    int generate(const QStringList &arguments);
    int list(const QStringList &arguments);
    int add(const QStringList &arguments);
    int remove(const QStringList &arguments);
    int rename(const QStringList &arguments);
    int exportKey(const QStringList &arguments);

    CliIo &m_io;
};

} // namespace sessionlens::cli
