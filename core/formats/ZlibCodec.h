#pragma once

#include "Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace sessionlens {

/// zlib container compression as Python's zlib module does it, with bounded inflation.
class ZlibCodec
{
public:
    /// Default ceiling for inflated plaintext: far above any real cookie, far below harm.
    static constexpr qsizetype kDefaultMaxInflatedSize = 8 * 1024 * 1024;

    struct Inflated
    {
        QByteArray data;
        /// Bytes after the end of the zlib stream; Python ignores them silently.
        qsizetype trailingBytes = 0;
    };

    /**
     * Inflates a zlib stream. Output beyond `maxOutput` bytes is a `limit`
     * error, and no buffer larger than `maxOutput` is ever allocated. A broken
     * or truncated stream is a `decompression` error.
     */
    [[nodiscard]] static Result<Inflated> inflate(QByteArrayView compressed,
                                                  qsizetype maxOutput = kDefaultMaxInflatedSize);

    /// The zlib version in use (for About boxes and bug reports).
    [[nodiscard]] static const char *version();
    /// `zlib.compress(data, level)`: byte-identical with the same zlib version.
    [[nodiscard]] static QByteArray deflate(QByteArrayView data, int level = 6);
};

} // namespace sessionlens
