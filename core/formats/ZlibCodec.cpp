#include "formats/ZlibCodec.h"

#include <libdeflate.h>
#include <zlib.h>

#include <QCoreApplication>
#include <algorithm>
#include <memory>
#include <optional>

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

// One decompressor and one output buffer per thread. libdeflate needs room for the whole
// output up front; the buffer grows fourfold up to the caller's limit when a stream needs more,
// and a buffer grown past kKeptScratchBytes is given back after the call, so a bomb never pins
// its limit's worth of memory in a thread.
struct WholeBufferInflater
{
    static constexpr qsizetype kFirstScratchBytes = 64 * 1024;
    static constexpr qsizetype kKeptScratchBytes = 1024 * 1024;

    struct FreeDecompressor
    {
        void operator()(libdeflate_decompressor *d) const { libdeflate_free_decompressor(d); }
    };
    std::unique_ptr<libdeflate_decompressor, FreeDecompressor> decompressor{
        libdeflate_alloc_decompressor()};
    std::unique_ptr<char[]> scratch;
    qsizetype scratchSize = 0;

    /// The inflated stream, or nothing when libdeflate refuses it or it needs more than
    /// `maxOutput` bytes: then zlib gives the verdict.
    std::optional<ZlibCodec::Inflated> inflate(QByteArrayView compressed, qsizetype maxOutput)
    {
        if (!decompressor)
            return std::nullopt;
        std::optional<ZlibCodec::Inflated> result;
        qsizetype room = std::min(maxOutput, std::max(scratchSize, kFirstScratchBytes));
        while (true) {
            if (scratchSize < room) {
                scratch = std::make_unique_for_overwrite<char[]>(std::size_t(room));
                scratchSize = room;
            }
            std::size_t in = 0;
            std::size_t out = 0;
            const libdeflate_result code = libdeflate_zlib_decompress_ex(
                decompressor.get(), compressed.data(), std::size_t(compressed.size()),
                scratch.get(), std::size_t(room), &in, &out);
            if (code == LIBDEFLATE_SUCCESS) {
                result.emplace();
                result->data = QByteArray(scratch.get(), qsizetype(out));
                result->trailingBytes = compressed.size() - qsizetype(in);
                break;
            }
            if (code != LIBDEFLATE_INSUFFICIENT_SPACE || room >= maxOutput)
                break;
            room = std::min(maxOutput, room * 4);
        }
        if (scratchSize > kKeptScratchBytes) {
            scratch.reset();
            scratchSize = 0;
        }
        return result;
    }
};

} // namespace

Result<ZlibCodec::Inflated> ZlibCodec::inflate(QByteArrayView compressed, qsizetype maxOutput)
{
    thread_local WholeBufferInflater inflater;
    if (maxOutput > 0) {
        if (auto inflated = inflater.inflate(compressed, maxOutput))
            return std::move(*inflated);
    }
    return inflateWithZlib(compressed, maxOutput);
}

Result<ZlibCodec::Inflated> ZlibCodec::inflateWithZlib(QByteArrayView compressed,
                                                       qsizetype maxOutput)
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

const char *ZlibCodec::libdeflateVersion()
{
    return LIBDEFLATE_VERSION_STRING;
}

} // namespace sessionlens
