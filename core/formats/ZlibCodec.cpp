#include "formats/ZlibCodec.h"

#include <zlib.h>

#include <QCoreApplication>
#include <algorithm>
#include <memory>

namespace sessionlens {

namespace {

// One inflate state per thread, reset between streams: inflateInit allocates
// about 40 KiB, which would otherwise dominate decoding small cookies.
struct InflateStream
{
    z_stream stream{};
    bool initialised = false;
    bool busy = false;
    ~InflateStream()
    {
        if (initialised)
            inflateEnd(&stream);
    }
};

class StreamLease
{
public:
    StreamLease()
    {
        thread_local InflateStream shared;
        m_stream = shared.busy ? &m_own : &shared;
        m_stream->busy = true;
        if (!m_stream->initialised) {
            m_stream->stream = z_stream{};
            m_stream->initialised = inflateInit(&m_stream->stream) == Z_OK;
        } else if (inflateReset(&m_stream->stream) != Z_OK) {
            inflateEnd(&m_stream->stream);
            m_stream->stream = z_stream{};
            m_stream->initialised = inflateInit(&m_stream->stream) == Z_OK;
        }
    }
    ~StreamLease() { m_stream->busy = false; }
    StreamLease(const StreamLease &) = delete;
    StreamLease &operator=(const StreamLease &) = delete;

    [[nodiscard]] bool ok() const { return m_stream->initialised; }
    z_stream &stream() { return m_stream->stream; }

private:
    InflateStream m_own;
    InflateStream *m_stream = nullptr;
};

Error zlibError(int code, const z_stream &stream)
{
    const QString reason =
        stream.msg ? QString::fromLatin1(stream.msg)
                   : QCoreApplication::translate("sessionlens::Error", "zlib error %1").arg(code);
    return Error::make(ErrorCategory::Decompression, reason, {}, -1,
                       static_cast<qsizetype>(stream.total_in));
}

} // namespace

Result<ZlibCodec::Inflated> ZlibCodec::inflate(QByteArrayView compressed, qsizetype maxOutput)
{
    StreamLease lease;
    if (!lease.ok())
        return Error::make(ErrorCategory::Decompression,
                           QCoreApplication::translate("sessionlens::Error", "cannot start zlib"));
    z_stream &zs = lease.stream();

    // Inputs are small; the whole stream is handed over at once (uInt is ample for cookies).
    if (compressed.size() > static_cast<qsizetype>(UINT_MAX / 2))
        return Error::make(
            ErrorCategory::Limit,
            QCoreApplication::translate("sessionlens::Error", "compressed input too large"));
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
    zs.avail_in = static_cast<uInt>(compressed.size());

    QByteArray out;
    qsizetype capacity =
        std::min<qsizetype>(maxOutput, std::max<qsizetype>(4096, compressed.size() * 4));
    out.resize(capacity);
    qsizetype produced = 0;
    while (true) {
        if (produced == out.size()) {
            if (out.size() >= maxOutput) {
                // Full at the limit: one more byte of output means the limit is exceeded.
                Bytef probe = 0;
                zs.next_out = &probe;
                zs.avail_out = 1;
                const int code = ::inflate(&zs, Z_NO_FLUSH);
                if (zs.avail_out == 0)
                    return Error::make(ErrorCategory::Limit,
                                       QCoreApplication::translate("sessionlens::Error",
                                                                   "inflates to more than %1 bytes")
                                           .arg(maxOutput));
                if (code == Z_STREAM_END)
                    break;
                return zs.avail_in == 0 ? Error::make(ErrorCategory::Decompression,
                                                      QCoreApplication::translate(
                                                          "sessionlens::Error",
                                                          "incomplete or truncated stream"),
                                                      {}, -1, compressed.size())
                                        : zlibError(code, zs);
            }
            out.resize(std::min<qsizetype>(maxOutput, out.size() * 2));
        }
        zs.next_out = reinterpret_cast<Bytef *>(out.data() + produced);
        zs.avail_out = static_cast<uInt>(out.size() - produced);
        const int code = ::inflate(&zs, Z_NO_FLUSH);
        produced = out.size() - zs.avail_out;
        if (code == Z_STREAM_END)
            break;
        if (code == Z_OK)
            continue;
        if (code == Z_BUF_ERROR && zs.avail_out == 0)
            continue; // needs more room, not more input
        if (code == Z_BUF_ERROR || (code == Z_OK && zs.avail_in == 0))
            return Error::make(
                ErrorCategory::Decompression,
                QCoreApplication::translate("sessionlens::Error", "incomplete or truncated stream"),
                {}, -1, compressed.size());
        return zlibError(code, zs);
    }
    out.resize(static_cast<qsizetype>(zs.total_out));
    Inflated result;
    result.data = std::move(out);
    result.trailingBytes = static_cast<qsizetype>(zs.avail_in);
    return result;
}

QByteArray ZlibCodec::deflate(QByteArrayView data, int level)
{
    uLongf size = compressBound(static_cast<uLong>(data.size()));
    QByteArray out(static_cast<qsizetype>(size), Qt::Uninitialized);
    const int code = compress2(reinterpret_cast<Bytef *>(out.data()), &size,
                               reinterpret_cast<const Bytef *>(data.data()),
                               static_cast<uLong>(data.size()), level);
    if (code != Z_OK)
        return {}; // only on allocation failure; callers treat empty as failure
    out.resize(static_cast<qsizetype>(size));
    return out;
}

const char *ZlibCodec::version()
{
    return zlibVersion();
}

} // namespace sessionlens
