#pragma once

#include "Result.h"

#include <QFile>
#include <QString>

namespace sessionlens {

/**
 * Files an import reads, opened only when they are regular files. A FIFO blocks `open()`
 * until a writer comes (forever, when nobody writes), and a device or a folder has no end
 * or no content. The type is checked on the opened descriptor, so the name cannot turn
 * into a FIFO between the check and the read.
 */
class RegularFile
{
public:
    /// Opens `path` read-only into `file` (which must be closed): an `io` error when it
    /// cannot be opened or is not a regular file, a `limit` error when it holds more than
    /// `maxBytes`.
    [[nodiscard]] static Result<Done> open(QFile &file, const QString &path, qint64 maxBytes);
    /// Copies the regular file `path` of at most `maxBytes` to the new file `target`, which
    /// is readable only by this user.
    [[nodiscard]] static Result<Done> copy(const QString &path, const QString &target,
                                           qint64 maxBytes);
};

} // namespace sessionlens
