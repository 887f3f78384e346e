#pragma once

#include "Result.h"
#include "SessionDefaults.h"

#include <QByteArray>
#include <QByteArrayView>

namespace sessionlens {

/// zlib container compression as Python's zlib module does it, with bounded inflation.
///
/// Whole cookies inflate through libdeflate, which decompresses a whole buffer two to three
/// times faster than zlib's streaming inflate; a stream libdeflate refuses is inflated again by
/// zlib, so that every verdict (limit, truncated, zlib's own message) stays zlib's. Deflate is
/// zlib's alone: sealed cookies stay byte-identical with the server's.
class ZlibCodec
{
public:
    /// Default ceiling for inflated plaintext: far above any real cookie, far below harm.
    static constexpr qsizetype kDefaultMaxInflatedSize = defaults::kMaxInflatedBytes;

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
    /// The same with zlib's streaming inflate alone: the reference `inflate` answers as for
    /// any stream libdeflate refuses (and that the tests compare it with).
    [[nodiscard]] static Result<Inflated>
    inflateWithZlib(QByteArrayView compressed, qsizetype maxOutput = kDefaultMaxInflatedSize);

    /// The zlib version in use (for About boxes and bug reports).
    [[nodiscard]] static const char *version();
    /// The libdeflate version the inflate path was built with.
    [[nodiscard]] static const char *libdeflateVersion();
    /// `zlib.compress(data, level)`: byte-identical with the same zlib version.
    [[nodiscard]] static QByteArray deflate(QByteArrayView data, int level = 6);
};

} // namespace sessionlens
