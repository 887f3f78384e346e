#pragma once

class QFile;

namespace sessionlens {

/**
 * Standard input as the batch paths read it (`decode --lines -`, `audit -`, the other
 * commands' `-`): one place for what both the command line and the audit need of it.
 */
class StandardInput
{
public:
    /// Opens `file` on descriptor 0, unbuffered: the callers read large blocks themselves, and
    /// a QFile on stdio's FILE asked the stream's position (an lseek) for every read. A pipe is
    /// widened (PipeCapacity). False, with the reason in file.errorString(), when it cannot.
    [[nodiscard]] static bool open(QFile &file);
};

} // namespace sessionlens
