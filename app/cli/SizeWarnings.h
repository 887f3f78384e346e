#pragma once

#include "CliIo.h"
#include "report/SizeReport.h"

namespace sessionlens::cli {

/// The stderr line a command prints when the cookie it made is past a size limit or near one
/// (SizeVerdict, as the window judges it).
class SizeWarnings
{
    Q_DECLARE_TR_FUNCTIONS(SizeWarnings)

public:
    static void print(CliIo &io, const SizeReport &report);
};

} // namespace sessionlens::cli
