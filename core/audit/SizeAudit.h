#pragma once

#include "Limits.h"
#include "Result.h"
#include "audit/SizeDistribution.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/FormatRegistry.h"
#include "keys/SessionKey.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <atomic>
#include <functional>
#include <vector>

class QIODevice;

namespace sessionlens {

/**
 * What session cookies cost across real traffic: many cookies in, one report out.
 *
 * Streams input in large blocks (no per-cookie system call), opens each cookie with the
 * key ring (both formats) on all cores, and keeps no per-cookie storage: sizes go into
 * counting histograms (exact nearest-rank percentiles), keys into a map of at most
 * kMaxTrackedKeys names. Reports from one thread and from many are identical.
 */
class SizeAudit
{
public:
    /// Input is read in blocks of this size, cut at a line end, each audited by the worker that
    /// read it while it is still in the cache (4 MiB had left it). It holds the longest line
    /// the audit opens.
    static constexpr qsizetype kBlockBytes = limits::kMaxCookieBytes + 4096;
    /// Distinct top-level keys counted exactly; past this, new names are counted together.
    static constexpr qsizetype kMaxTrackedKeys = 100'000;
    /// Width of a bucket of the cookie-size histogram.
    static constexpr qsizetype kHistogramBucket = 256;

    struct Options
    {
        QList<SessionKey> keys; ///< AES keys and Flask secrets, in order
        FlaskSignedCodec::Options signer;
        QByteArray cookieName = "session";
        int threads = 0; ///< 0: one per core
        /// The formats to detect and open; nullptr: FormatRegistry::builtIn(). Must outlive run().
        const FormatRegistry *formats = nullptr;
    };

    /// Exact nearest-rank statistics of cookie and plaintext sizes.
    using Distribution = SizeDistribution;

    struct KeyCost
    {
        quint64 cookies = 0;
        quint64 jsonBytes = 0;
        qint64 firstLine = -1; ///< the first input line with a cookie that has the key
    };

    struct Report
    {
        quint64 cookies = 0; ///< lines with a cookie
        quint64 opened = 0;
        QHash<QString, quint64> failed; ///< by step name
        /// Cookies by the format whose shape they have (CookieFormat::id()).
        QMap<QString, quint64> formats;
        quint64 unknownShape = 0; ///< lines of no known format's shape
        quint64 compressed = 0;
        Distribution cookieBytes;
        Distribution plaintextBytes;
        quint64 over4093 = 0;
        quint64 over4096 = 0;
        QHash<QString, KeyCost> keys;
        quint64 untrackedKeyMembers = 0; ///< members of keys past kMaxTrackedKeys
        qsizetype largestSetCookie = 0;  ///< longest Set-Cookie value of an opened cookie
        /// For each histogram bucket (cookie bytes / kHistogramBucket), the first input line of a
        /// cookie in it: an example to open without keeping any cookie (at most one entry a
        /// bucket, and buckets end at the input limit).
        QHash<qsizetype, qint64> bucketFirstLine;

        void merge(const Report &other);
        /// Keys by JSON bytes, largest first (ties by name): the report's top_keys order.
        [[nodiscard]] QList<std::pair<QString, KeyCost>> keysByCost() const;
        /// Its `formats` object names every format of `registry`, those without a cookie too.
        [[nodiscard]] QJsonObject
        toJson(int topKeys = 50, const FormatRegistry &registry = FormatRegistry::builtIn()) const;
    };

    /// One cookie's line, for streamed CSV output (in input order).
    struct Row
    {
        qint64 line = 0;
        QString format; ///< the format's id ("encrypted", "signed", ...), "" when of no known shape
        QString step;   ///< "ok" or the failing step
        qsizetype cookieBytes = 0;
        qsizetype plaintextBytes = 0;
        bool compressed = false;
    };

    struct Progress
    {
        qint64 bytesDone = 0;
        qint64 bytesTotal = -1; ///< -1 for a stream
        quint64 cookies = 0;
    };

    using RowSink = std::function<void(const QList<Row> &rows)>;
    using ProgressSink = std::function<void(const Progress &)>;

    /// Audits one input (a file or standard input), adding to `report`. `rows` (optional)
    /// receives the rows of each block in order; `cancel` stops between blocks.
    [[nodiscard]] static Result<Done> run(QIODevice &input, qint64 totalBytes,
                                          const Options &options, Report &report,
                                          const RowSink &rows = {},
                                          const ProgressSink &progress = {},
                                          const std::atomic<bool> *cancel = nullptr);
    /// Audits cookies already in memory (importers' results), one per entry.
    static void addValues(const QList<QByteArray> &values, const Options &options, Report &report);
    /// The spans of the top-level members of a JSON object text: (key token, member bytes).
    [[nodiscard]] static QList<std::pair<QString, qsizetype>> memberSizes(QByteArrayView json);
};

} // namespace sessionlens
