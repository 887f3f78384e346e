#include "audit/SizeAudit.h"

#include "audit/LineBlockReader.h"
#include "audit/WorkerPool.h"
#include "document/CookieOpener.h"
#include "formats/CookieText.h"
#include "keys/KeyRing.h"
#include "report/SizeReport.h"
#include "json/JsonMemberList.h"
#include "json/JsonMemberSpans.h"
#include "json/Utf8Validator.h"

#include <QIODevice>
#include <QJsonArray>

#include <QCoreApplication>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace sessionlens {

namespace {

// The worker's own key table: looked up by the bytes in the plaintext, with no string made
// per member (a QString a member was a tenth of the audit's time).
struct KeyBytesHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const noexcept
    {
        return std::hash<std::string_view>{}(key);
    }
};
using KeyTable = std::unordered_map<std::string, SizeAudit::KeyCost, KeyBytesHash, std::equal_to<>>;

/// The rows a block's slot keeps room for between blocks (about 1.3 MB): a block of cookies
/// has a few thousand; one of tiny lines, up to half a million.
constexpr qsizetype kKeptRows = 16 * 1024;

/// The whole lines of a block and what its worker found in them: the results wait (line
/// numbers relative to the block) until the blocks before it are merged.
struct AuditedBlock
{
    QByteArrayView lines;
    bool overlongLine = false; ///< a line longer than a block comes before the block's lines
    SizeAudit::Report report;
    QList<SizeAudit::Row> rows;
    qint64 lineCount = 0;
};

/// Empties a report but keeps the room of its two size arrays (each up to a few hundred KiB
/// as a block's sizes grow them): each block's report starts in a slot's emptied one instead
/// of growing fresh arrays, which a merge on another thread then gave back.
void clearKeepingRoom(SizeAudit::Report &report)
{
    std::vector<quint64> cookieCounts = std::move(report.cookieBytes.counts);
    std::vector<quint64> plaintextCounts = std::move(report.plaintextBytes.counts);
    report = SizeAudit::Report{};
    cookieCounts.clear();
    plaintextCounts.clear();
    report.cookieBytes.counts = std::move(cookieCounts);
    report.plaintextBytes.counts = std::move(plaintextCounts);
}

/// Adds `firstLine` to every line number a block's results kept.
void moveLines(AuditedBlock &block, qint64 firstLine)
{
    for (SizeAudit::KeyCost &cost : block.report.keys)
        cost.firstLine += firstLine;
    for (qint64 &first : block.report.bucketFirstLine)
        first += firstLine;
    for (SizeAudit::Row &row : block.rows)
        row.line += firstLine;
}

/// A ring of the worker's own: the opener copies the name of the key that opened each cookie,
/// and a name shared by all workers had its reference count bounce between the cores on every
/// cookie (QString::operator= went from 0.9% of two threads' samples to 0.1%).
KeyRing ringOf(const QList<SessionKey> &keys)
{
    KeyRing ring;
    for (SessionKey key : keys) {
        key.setName(QString(key.name().constData(), key.name().size())); // deep copy
        (void)ring.add(std::move(key)); // a duplicate name or a bad key: skipped as before
    }
    return ring;
}

class Worker
{
public:
    explicit Worker(const SizeAudit::Options &options)
        : m_options(options), m_ring(ringOf(options.keys)),
          m_opener(m_ring, options.formats ? *options.formats : FormatRegistry::builtIn())
    {
        // Sizes only: the JSON is checked as decode checks it, but no tree is built; the
        // check lists the top-level members, so the key costs need no second pass.
        m_options.signer.buildSession = false;
        m_options.signer.topMembers = &m_topMembers;
        m_options.signer.keepDetails = false;
        // Starlette and Flask-WTF copy these options for every cookie: data of their own, so
        // that the copies' reference counts stay on this worker's core (see ringOf).
        const QByteArray &salt = m_options.signer.signer.salt;
        m_options.signer.signer.salt = QByteArray(salt.constData(), salt.size());
        m_options.signer.ageLimits.detach();
    }
    Worker(const Worker &) = delete; // the options point at the worker's own member list
    Worker &operator=(const Worker &) = delete;

    // Line numbers start at 0 in the block; moveLines() moves them to the input's, once the
    // lines of the blocks before are known (counting them first was a second pass over the input).
    void process(AuditedBlock &audited, bool wantRows)
    {
        const QByteArrayView block = audited.lines;
        // The slot's last results, merged by now, are emptied here and not by worker 0's merge
        // of every block: memory the other workers allocated, given back on worker 0's thread,
        // went to that thread's cache of free chunks, and its next allocations then lay beside
        // the other worker's live data, on cache lines both cores wrote for every cookie.
        m_report = std::move(audited.report);
        clearKeepingRoom(m_report);
        m_rows = std::move(audited.rows);
        if (m_rows.capacity() > kKeptRows)
            m_rows = {}; // a block of tiny lines: its room is not held for the whole run
        else
            m_rows.clear();
        qint64 line = 0;
        qsizetype start = 0;
        while (start < block.size()) {
            qsizetype end = block.indexOf('\n', start);
            if (end < 0)
                end = block.size();
            QByteArrayView text = block.sliced(start, end - start);
            if (text.endsWith('\r'))
                text.chop(1);
            one(text, line, wantRows);
            start = end + 1;
            ++line;
        }
        finishKeys();
        audited.report = std::move(m_report);
        audited.rows = std::move(m_rows);
        audited.lineCount = line;
    }

    void one(QByteArrayView text, qint64 line, bool wantRows)
    {
        text = text.trimmed();
        if (text.isEmpty())
            return;
        SizeAudit::Row row;
        row.line = line;
        ++m_report.cookies;
        const auto fail = [&](const QString &step) {
            m_report.failed[step] += 1;
            row.step = step;
            if (wantRows)
                m_rows.append(row);
        };
        if (text.size() > CookieText::kMaxInputSize)
            return fail(QStringLiteral("limit"));
        // A bare value is read where it lies in the block; any other line (a header, a
        // name=value pair, ...) is found as the window and decode find it, in a copy.
        QByteArrayView value = text;
        QByteArray headerValue;
        qsizetype nameSize = m_options.cookieName.size();
        // The scan that tells a bare value serves detection too: one scan of each line.
        FormatDetector::Characters scanned;
        if (!CookieText::bareValue(text, scanned)) {
            auto extracted = CookieText::extract(QString::fromLatin1(text),
                                                 QString::fromLatin1(m_options.cookieName));
            if (!extracted)
                return fail(Error::categoryName(extracted.error().category));
            headerValue = extracted->value;
            value = headerValue;
            scanned = FormatDetector::characters(value);
            if (!extracted->name.isEmpty())
                nameSize = extracted->name.toLatin1().size();
        }
        row.cookieBytes = value.size();
        m_report.cookieBytes.add(value.size());
        // Lines only grow within a block: the first seen is the example.
        const qsizetype bucket = value.size() / SizeAudit::kHistogramBucket;
        if (!m_report.bucketFirstLine.contains(bucket))
            m_report.bucketFirstLine.insert(bucket, line);
        // The figure `stats` prints: one rule, SizeReport's.
        const qsizetype setCookie = SizeReport::setCookieValueSize(nameSize, value.size());
        if (setCookie > SizeReport::kWerkzeugMaxCookieSize)
            ++m_report.over4093;
        if (nameSize + value.size() > SizeReport::kBrowserMaxCookieSize)
            ++m_report.over4096;

        const CookieOpener::Opened opened = m_opener.open(value, m_options.signer, scanned);
        if (opened.detected) {
            row.format = opened.detected->id();
            ++m_report.formats[row.format];
        } else {
            ++m_report.unknownShape;
        }
        if (opened.error)
            return fail(Error::categoryName(opened.error->category));
        ++m_report.opened;
        m_report.largestSetCookie = std::max(m_report.largestSetCookie, setCookie);
        const QByteArray &json = opened.json();
        row.plaintextBytes = json.size();
        row.compressed = opened.compressed;
        m_report.plaintextBytes.add(json.size());
        if (row.compressed)
            ++m_report.compressed;
        const auto addKeyCost = [&](QByteArrayView key, qsizetype bytes) {
            const std::string_view keyBytes(key.data(), std::size_t(key.size()));
            auto it = m_keys.find(keyBytes);
            if (it == m_keys.end()) {
                // Bounded here too: one block of compressed cookies can name millions of keys.
                if (qsizetype(m_keys.size()) >= SizeAudit::kMaxTrackedKeys) {
                    ++m_report.untrackedKeyMembers;
                    return;
                }
                it = m_keys.emplace(std::string(keyBytes), SizeAudit::KeyCost{0, 0, line}).first;
            }
            it->second.cookies += 1;
            it->second.jsonBytes += quint64(bytes);
        };
        // The JSON check listed the members when it vouched for this very text; a text the
        // reader had to judge (a tag object, an escaped key, a remember cookie's) is walked.
        if (m_topMembers.describes(json))
            m_topMembers.forEach(addKeyCost);
        else
            JsonMemberSpans::forEach(json, addKeyCost);
        m_topMembers.clear(); // no plaintext (up to the inflate limit) kept past its cookie
        row.step = QStringLiteral("ok");
        if (wantRows)
            m_rows.append(row);
    }

    /// Moves the key table into the report: names as text, once per key and block.
    void finishKeys()
    {
        for (const auto &[name, cost] : m_keys)
            m_report.keys.insert(
                Utf8Validator::decode(QByteArrayView(name.data(), qsizetype(name.size()))), cost);
        m_keys.clear();
    }

    SizeAudit::Report m_report;
    QList<SizeAudit::Row> m_rows;

private:
    SizeAudit::Options m_options;
    KeyRing m_ring;        // before the opener, which keeps a reference to it
    CookieOpener m_opener; // the worker's own key schedules over its own ring
    KeyTable m_keys;
    JsonMemberList m_topMembers;
};

} // namespace

QList<std::pair<QString, SizeAudit::KeyCost>> SizeAudit::Report::keysByCost() const
{
    QList<std::pair<QString, KeyCost>> sorted;
    for (auto it = keys.cbegin(); it != keys.cend(); ++it)
        sorted.append({it.key(), it.value()});
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return a.second.jsonBytes != b.second.jsonBytes ? a.second.jsonBytes > b.second.jsonBytes
                                                        : a.first < b.first;
    });
    return sorted;
}

void SizeAudit::Report::merge(const Report &other)
{
    cookies += other.cookies;
    opened += other.opened;
    for (auto it = other.failed.cbegin(); it != other.failed.cend(); ++it)
        failed[it.key()] += it.value();
    for (auto it = other.formats.cbegin(); it != other.formats.cend(); ++it)
        formats[it.key()] += it.value();
    unknownShape += other.unknownShape;
    compressed += other.compressed;
    cookieBytes.merge(other.cookieBytes);
    plaintextBytes.merge(other.plaintextBytes);
    over4093 += other.over4093;
    over4096 += other.over4096;
    untrackedKeyMembers += other.untrackedKeyMembers;
    largestSetCookie = std::max(largestSetCookie, other.largestSetCookie);
    for (auto it = other.bucketFirstLine.cbegin(); it != other.bucketFirstLine.cend(); ++it) {
        auto mine = bucketFirstLine.find(it.key());
        if (mine == bucketFirstLine.end())
            bucketFirstLine.insert(it.key(), it.value());
        else
            *mine = std::min(*mine, it.value());
    }
    // Keys merge in the order they come, so one thread and many give the same map.
    for (auto it = other.keys.cbegin(); it != other.keys.cend(); ++it) {
        auto mine = keys.find(it.key());
        if (mine == keys.end()) {
            if (keys.size() >= kMaxTrackedKeys) {
                untrackedKeyMembers += it->cookies;
                continue;
            }
            mine = keys.insert(it.key(), {});
        }
        mine->cookies += it->cookies;
        mine->jsonBytes += it->jsonBytes;
        if (it->firstLine >= 0 && (mine->firstLine < 0 || it->firstLine < mine->firstLine))
            mine->firstLine = it->firstLine;
    }
}

QJsonObject SizeAudit::Report::toJson(int topKeys, const FormatRegistry &registry) const
{
    QJsonObject byFormat;
    for (const QString &id : registry.ids())
        byFormat.insert(id, 0);
    for (auto it = formats.cbegin(); it != formats.cend(); ++it)
        byFormat.insert(it.key(), qint64(it.value()));
    byFormat.insert(QStringLiteral("unknown"), qint64(unknownShape));
    QJsonObject failures;
    QStringList steps = failed.keys();
    steps.sort();
    for (const QString &step : steps)
        failures.insert(step, qint64(failed.value(step)));
    const QList<std::pair<QString, KeyCost>> sorted = keysByCost();
    QJsonArray top;
    for (qsizetype i = 0; i < std::min<qsizetype>(topKeys, sorted.size()); ++i)
        top.append(QJsonObject{{QStringLiteral("key"), sorted[i].first},
                               {QStringLiteral("cookies"), qint64(sorted[i].second.cookies)},
                               {QStringLiteral("json_bytes"), qint64(sorted[i].second.jsonBytes)}});
    QJsonArray histogram;
    const std::vector<quint64> buckets = cookieBytes.buckets(kHistogramBucket);
    for (std::size_t b = 0; b < buckets.size(); ++b) {
        const qint64 from = qint64(b) * kHistogramBucket;
        if (buckets[b])
            histogram.append(QJsonObject{{QStringLiteral("from"), from},
                                         {QStringLiteral("to"), from + kHistogramBucket - 1},
                                         {QStringLiteral("count"), qint64(buckets[b])}});
    }
    return QJsonObject{
        {QStringLiteral("cookies"), qint64(cookies)},
        {QStringLiteral("opened"), qint64(opened)},
        {QStringLiteral("failed"), failures},
        {QStringLiteral("formats"), byFormat},
        {QStringLiteral("compressed"), qint64(compressed)},
        {QStringLiteral("cookie_bytes"), cookieBytes.toJson()},
        {QStringLiteral("plaintext_bytes"), plaintextBytes.toJson()},
        {QStringLiteral("over_4093"), qint64(over4093)},
        {QStringLiteral("over_4096"), qint64(over4096)},
        {QStringLiteral("top_keys"), top},
        {QStringLiteral("top_keys_exact"), untrackedKeyMembers == 0},
        {QStringLiteral("histogram"), histogram},
    };
}

QList<std::pair<QString, qsizetype>> SizeAudit::memberSizes(QByteArrayView json)
{
    QList<std::pair<QString, qsizetype>> members;
    JsonMemberSpans::forEach(json, [&](QByteArrayView key, qsizetype bytes) {
        members.append({Utf8Validator::decode(key), bytes});
    });
    return members;
}

Result<Done> SizeAudit::run(QIODevice &input, qint64 totalBytes, const Options &options,
                            Report &report, const RowSink &rows, const ProgressSink &progress,
                            const std::atomic<bool> *cancel)
{
    const int threads = std::clamp(
        options.threads > 0 ? options.threads : int(std::thread::hardware_concurrency()), 1, 256);
    // Each worker reads a block and audits it at once, on its own core and still in its cache.
    // Before, one thread read every worker's 4 MiB ahead: the blocks crossed cores and left the
    // cache before they were audited, rounds ended at a barrier, and two threads took 15% more
    // CPU time than one. Blocks are numbered as they are read; block n's results wait in
    // slot n % slots until the blocks before it are merged, so at most `slots` reports wait.
    const std::size_t slots = 2 * std::size_t(threads);
    std::vector<AuditedBlock> results(slots);
    std::vector<qint64> bytesReadAfter(slots, 0);
    LineBlockReader reader(input, kBlockBytes);
    const auto cancelled = [cancel] { return cancel && cancel->load(); };

    // One lock for the reader and the slots. A worker waits for a free slot and reads under
    // it, so blocks are numbered in input order. The wait gives the lock up, so worker 0 can
    // merge while the others wait for room (with a lock of its own for the reader, worker 0
    // once blocked on it while the reader's holder waited for worker 0 to merge). A read holds
    // it: from a slow pipe, the rows of blocks already audited wait for one block's read.
    std::mutex lock;
    std::condition_variable changed; // a block audited or merged, or the run stopped
    std::uint64_t nextBlock = 0;
    bool stop = false;
    std::optional<Error> readError;
    std::vector<char> ready(slots, 0); // a slot's block audited, not yet merged
    std::uint64_t merged = 0;

    // Worker 0, the calling thread, merges the audited blocks in input order, so the rows and
    // the progress go out from the caller's thread only.
    qint64 line = 1;
    const auto mergeFinished = [&] {
        std::uint64_t from = 0, to = 0;
        {
            const std::lock_guard guard(lock);
            from = to = merged;
            while (to < from + slots && ready[to % slots])
                ++to;
        }
        if (from == to)
            return;
        // The slots from..to are no one else's until `merged` passes them.
        for (std::uint64_t n = from; n < to; ++n) {
            AuditedBlock &block = results[n % slots];
            if (block.overlongLine) {
                ++report.cookies;
                report.failed[QStringLiteral("limit")] += 1;
                if (rows)
                    rows({Row{line, QString(), QStringLiteral("limit"), 0, 0, false}});
                ++line;
            }
            // Each block's line numbers follow the lines of the blocks before it.
            moveLines(block, line);
            line += block.lineCount;
            report.merge(block.report); // emptied by the worker that reuses the slot
            if (rows && !block.rows.isEmpty())
                rows(block.rows);
        }
        // Taken before the slots are free: their next blocks may be read at once.
        const qint64 bytesDone = bytesReadAfter[(to - 1) % slots];
        {
            const std::lock_guard guard(lock);
            for (std::uint64_t n = from; n < to; ++n)
                ready[n % slots] = 0;
            merged = to;
        }
        changed.notify_all();
        if (progress)
            progress({bytesDone, totalBytes, report.cookies});
    };

    WorkerPool pool(threads, [&](int t) {
        const bool wantRows = bool(rows);
        // The worker and its block are made, used and freed on its own thread: what they
        // allocate comes from that thread's malloc arena, not interleaved with the other
        // workers' on cache lines both write.
        Worker worker(options);
        QByteArray block;
        while (true) {
            if (t == 0)
                mergeFinished();
            AuditedBlock *mine = nullptr;
            std::size_t slot = 0;
            {
                std::unique_lock guard(lock);
                // Block nextBlock's slot is free once the block `slots` before it is merged.
                // Only a merge frees one, and no one reads meanwhile: the input cannot end then.
                while (!stop && !reader.atEnd() && nextBlock >= merged + slots) {
                    if (t == 0 && ready[merged % slots]) {
                        guard.unlock();
                        mergeFinished();
                        guard.lock();
                        continue;
                    }
                    changed.wait(guard);
                }
                if (stop || reader.atEnd())
                    return;
                if (cancelled()) {
                    stop = true;
                    guard.unlock();
                    changed.notify_all();
                    return;
                }
                slot = std::size_t(nextBlock % slots);
                auto read = reader.next(block);
                if (!read) {
                    readError = read.error();
                    stop = true;
                    guard.unlock();
                    changed.notify_all();
                    return;
                }
                mine = &results[slot];
                mine->lines = block;
                mine->overlongLine = read->overlongLine;
                bytesReadAfter[slot] = reader.bytesRead();
                ++nextBlock;
            }
            worker.process(*mine, wantRows);
            {
                const std::lock_guard guard(lock);
                ready[slot] = 1;
            }
            changed.notify_all();
        }
    });
    pool.runRound();
    mergeFinished(); // every read block is audited once the round is over
    if (readError)
        return *readError;
    if (cancelled())
        return Error::make(ErrorCategory::Io,
                           QCoreApplication::translate("sessionlens::Error", "cancelled"));
    return Done{};
}

void SizeAudit::addValues(const QList<QByteArray> &values, const Options &options, Report &report)
{
    Worker worker(options);
    worker.m_report = Report{};
    qint64 line = 1;
    for (const QByteArray &value : values)
        worker.one(value, line++, false);
    worker.finishKeys();
    report.merge(worker.m_report);
}

} // namespace sessionlens
