#include "audit/SizeAudit.h"

#include "document/CookieOpener.h"
#include "formats/CookieText.h"
#include "keys/KeyRing.h"
#include "report/SizeReport.h"
#include "json/Utf8Validator.h"

#include <QIODevice>
#include <QJsonArray>

#include <QCoreApplication>
#include <algorithm>
#include <barrier>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace sessionlens {

namespace {

qsizetype skipSpace(QByteArrayView s, qsizetype i)
{
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        ++i;
    return i;
}

// End of the JSON string starting at the quote at i (index after the closing quote), or -1.
qsizetype skipString(QByteArrayView s, qsizetype i)
{
    const char *begin = s.data();
    const char *end = begin + s.size();
    const char *p = begin + i + 1;
    while (p < end) {
        const auto *quote = static_cast<const char *>(std::memchr(p, '"', std::size_t(end - p)));
        if (!quote)
            return -1;
        // Escaped when an odd run of backslashes stands before it.
        const char *back = quote;
        while (back > p && back[-1] == '\\')
            --back;
        if ((quote - back) % 2 == 0)
            return quote - begin + 1;
        p = quote + 1;
    }
    return -1;
}

// End of the JSON value at i, for valid JSON (the reader checked it), or -1.
qsizetype skipValue(QByteArrayView s, qsizetype i)
{
    int depth = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '"') {
            i = skipString(s, i);
            if (i < 0)
                return -1;
            if (depth == 0)
                return i;
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return i;
            if (--depth == 0)
                return i + 1;
        } else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
            return i;
        }
        ++i;
    }
    return depth == 0 ? i : -1;
}

// Calls visit(key as written between its quotes, member bytes) for each top-level member of a
// JSON object text that the reader (or its validator) has accepted.
template <typename Visit> void visitMembers(QByteArrayView json, Visit visit)
{
    qsizetype i = skipSpace(json, 0);
    if (i >= json.size() || json[i] != '{')
        return;
    i = skipSpace(json, i + 1);
    while (i < json.size() && json[i] == '"') {
        const qsizetype keyStart = i;
        const qsizetype keyEnd = skipString(json, i);
        if (keyEnd < 0)
            break;
        i = skipSpace(json, keyEnd);
        if (i >= json.size() || json[i] != ':')
            break;
        i = skipSpace(json, i + 1);
        const qsizetype valueEnd = skipValue(json, i);
        if (valueEnd < 0)
            break;
        visit(json.sliced(keyStart + 1, keyEnd - keyStart - 2), valueEnd - keyStart);
        i = skipSpace(json, valueEnd);
        if (i < json.size() && json[i] == ',')
            i = skipSpace(json, i + 1);
        else
            break;
    }
}

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

class Worker
{
public:
    explicit Worker(const SizeAudit::Options &options) : m_options(options)
    {
        // Sizes only: the JSON is checked as decode checks it, but no tree is built.
        m_options.signer.buildSession = false;
        for (const SessionKey &key : options.keys)
            (void)m_ring.add(key);
    }

    // Line numbers start at 0 in the block; finishBlock() moves them to the input's, once the
    // lines of the blocks before are known (counting them first was a second pass over the input).
    void process(QByteArrayView block, bool wantRows)
    {
        m_report = SizeAudit::Report{};
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
        m_lines = line;
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
        if (!CookieText::bareValue(text)) {
            auto extracted = CookieText::extract(QString::fromLatin1(text),
                                                 QString::fromLatin1(m_options.cookieName));
            if (!extracted)
                return fail(Error::categoryName(extracted.error().category));
            headerValue = extracted->value;
            value = headerValue;
            if (!extracted->name.isEmpty())
                nameSize = extracted->name.toLatin1().size();
        }
        row.cookieBytes = value.size();
        m_report.cookieBytes.add(value.size());
        const qsizetype bucket = value.size() / SizeAudit::kHistogramBucket;
        if (auto first = m_report.bucketFirstLine.find(bucket);
            first == m_report.bucketFirstLine.end())
            m_report.bucketFirstLine.insert(bucket, line);
        else
            *first = std::min(*first, line);
        // The figure `stats` prints: one rule, SizeReport's.
        const qsizetype setCookie = SizeReport::setCookieValueSize(nameSize, value.size());
        if (setCookie > SizeReport::kWerkzeugMaxCookieSize)
            ++m_report.over4093;
        if (nameSize + value.size() > SizeReport::kBrowserMaxCookieSize)
            ++m_report.over4096;

        const CookieOpener::Opened opened = CookieOpener::open(value, m_ring, m_options.signer);
        const bool isSigned = opened.format == FormatDetector::Format::FlaskSigned;
        switch (opened.detected) {
        case FormatDetector::Format::FlaskSigned:
            row.format = QStringLiteral("signed");
            ++m_report.signedCookies;
            break;
        case FormatDetector::Format::EncryptedSession:
            row.format = QStringLiteral("encrypted");
            ++m_report.encrypted;
            break;
        case FormatDetector::Format::Unknown:
            ++m_report.unknownShape;
            break;
        }
        if (opened.error)
            return fail(Error::categoryName(opened.error->category));
        ++m_report.opened;
        m_report.largestSetCookie = std::max(m_report.largestSetCookie, setCookie);
        const QByteArray &json = opened.json();
        row.plaintextBytes = json.size();
        row.compressed =
            isSigned ? opened.signedCookie.parts.compressed : opened.encrypted.fields.compressed;
        m_report.plaintextBytes.add(json.size());
        if (row.compressed)
            ++m_report.compressed;
        visitMembers(json, [&](QByteArrayView key, qsizetype bytes) {
            const std::string_view keyBytes(key.data(), std::size_t(key.size()));
            auto it = m_keys.find(keyBytes);
            if (it == m_keys.end()) {
                // Bounded here too: one block of compressed cookies can name millions of keys.
                if (qsizetype(m_keys.size()) >= SizeAudit::kMaxTrackedKeys) {
                    ++m_report.untrackedKeyMembers;
                    return;
                }
                it = m_keys.emplace(std::string(keyBytes), SizeAudit::KeyCost{}).first;
            }
            it->second.cookies += 1;
            it->second.jsonBytes += quint64(bytes);
            if (it->second.firstLine < 0 || line < it->second.firstLine)
                it->second.firstLine = line;
        });
        row.step = QStringLiteral("ok");
        if (wantRows)
            m_rows.append(row);
    }

    /// Moves the key table into the report (names as text, once per key and block) and adds
    /// `firstLine` to every line number kept.
    void finishBlock(qint64 firstLine)
    {
        for (auto &[name, cost] : m_keys) {
            if (cost.firstLine >= 0)
                cost.firstLine += firstLine;
            m_report.keys.insert(
                Utf8Validator::decode(QByteArrayView(name.data(), qsizetype(name.size()))), cost);
        }
        m_keys.clear();
        for (qint64 &first : m_report.bucketFirstLine)
            first += firstLine;
        for (SizeAudit::Row &row : m_rows)
            row.line += firstLine;
    }

    SizeAudit::Report m_report;
    QList<SizeAudit::Row> m_rows;
    qint64 m_lines = 0; ///< lines of the last block

private:
    SizeAudit::Options m_options;
    KeyRing m_ring;
    KeyTable m_keys;
};

// Threads that live for one run and take a block each per round; the caller's thread takes
// block 0. Stops (and joins) when it goes out of scope, whichever way the run ends.
class WorkerPool
{
public:
    WorkerPool(int threads, std::function<void(int)> work)
        : m_work(std::move(work)), m_start(threads), m_done(threads)
    {
        for (int t = 1; t < threads; ++t)
            m_threads.emplace_back([this, t] {
                while (true) {
                    m_start.arrive_and_wait();
                    if (m_stop)
                        return;
                    m_work(t);
                    m_done.arrive_and_wait();
                }
            });
    }
    ~WorkerPool()
    {
        m_stop = true;
        m_start.arrive_and_wait();
        for (std::thread &thread : m_threads)
            thread.join();
    }
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    void runRound()
    {
        m_start.arrive_and_wait();
        m_work(0);
        m_done.arrive_and_wait();
    }

private:
    std::function<void(int)> m_work;
    std::barrier<> m_start, m_done;
    std::atomic<bool> m_stop = false;
    std::vector<std::thread> m_threads;
};

} // namespace

void SizeAudit::Distribution::add(qsizetype size, quint64 times)
{
    total += times;
    sum += quint64(size) * times;
    if (size < kDenseSizes || size < qsizetype(counts.size())) {
        if (qsizetype(counts.size()) <= size)
            counts.resize(std::size_t(size) + 1, 0);
        counts[std::size_t(size)] += times;
        return;
    }
    large[size] += times;
    if (large.size() <= kMaxSparseSizes)
        return;
    counts.resize(std::size_t(large.rbegin()->first) + 1, 0);
    for (const auto &[value, count] : large)
        counts[std::size_t(value)] += count;
    large.clear();
}

void SizeAudit::Distribution::merge(const Distribution &other)
{
    const std::size_t dense = std::min(counts.size(), other.counts.size());
    for (std::size_t i = 0; i < dense; ++i)
        counts[i] += other.counts[i];
    // The rest of the other's array and its large sizes go through add(), which keeps both
    // forms bounded; total and sum are added there, so they are taken back out first.
    const quint64 total0 = total + other.total, sum0 = sum + other.sum;
    for (std::size_t i = dense; i < other.counts.size(); ++i)
        if (other.counts[i])
            add(qsizetype(i), other.counts[i]);
    for (const auto &[value, count] : other.large)
        add(value, count);
    total = total0;
    sum = sum0;
}

std::vector<quint64> SizeAudit::Distribution::buckets(qsizetype width) const
{
    const std::size_t top = large.empty() ? counts.size() : std::size_t(large.rbegin()->first) + 1;
    std::vector<quint64> out((top + std::size_t(width) - 1) / std::size_t(width), 0);
    for (std::size_t size = 0; size < counts.size(); ++size)
        out[size / std::size_t(width)] += counts[size];
    for (const auto &[value, count] : large)
        out[std::size_t(value) / std::size_t(width)] += count;
    return out;
}

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

qsizetype SizeAudit::Distribution::min() const
{
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i])
            return qsizetype(i);
    return large.empty() ? 0 : large.begin()->first;
}

qsizetype SizeAudit::Distribution::max() const
{
    if (!large.empty())
        return large.rbegin()->first;
    for (std::size_t i = counts.size(); i > 0; --i)
        if (counts[i - 1])
            return qsizetype(i - 1);
    return 0;
}

qsizetype SizeAudit::Distribution::percentile(double p) const
{
    if (total == 0)
        return 0;
    // Nearest rank: the ceil(p * N / 100)-th smallest, at least the first.
    const quint64 rank = std::max<quint64>(1, quint64(std::ceil(p * double(total) / 100.0 - 1e-9)));
    quint64 seen = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        seen += counts[i];
        if (seen >= rank)
            return qsizetype(i);
    }
    for (const auto &[value, count] : large) {
        seen += count;
        if (seen >= rank)
            return value;
    }
    return max();
}

double SizeAudit::Distribution::mean() const
{
    return total ? double(sum) / double(total) : 0.0;
}

QJsonObject SizeAudit::Distribution::toJson() const
{
    return QJsonObject{{QStringLiteral("min"), min()},
                       {QStringLiteral("p50"), percentile(50)},
                       {QStringLiteral("p95"), percentile(95)},
                       {QStringLiteral("p99"), percentile(99)},
                       {QStringLiteral("max"), max()},
                       {QStringLiteral("mean"), std::round(mean() * 100.0) / 100.0}};
}

void SizeAudit::Report::merge(const Report &other)
{
    cookies += other.cookies;
    opened += other.opened;
    for (auto it = other.failed.cbegin(); it != other.failed.cend(); ++it)
        failed[it.key()] += it.value();
    encrypted += other.encrypted;
    signedCookies += other.signedCookies;
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

QJsonObject SizeAudit::Report::toJson(int topKeys) const
{
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
        {QStringLiteral("formats"), QJsonObject{{QStringLiteral("encrypted"), qint64(encrypted)},
                                                {QStringLiteral("signed"), qint64(signedCookies)},
                                                {QStringLiteral("unknown"), qint64(unknownShape)}}},
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
    visitMembers(json, [&](QByteArrayView key, qsizetype bytes) {
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
    std::vector<std::unique_ptr<Worker>> workers;
    for (int t = 0; t < threads; ++t)
        workers.push_back(std::make_unique<Worker>(options));
    std::vector<QByteArray> blocks{std::size_t(threads)};
    // The same threads for the whole run: a thread a block made glibc hand out arenas anew,
    // and the peak memory crept up with the input.
    WorkerPool pool(threads, [&](int t) {
        workers[std::size_t(t)]->process(blocks[std::size_t(t)], bool(rows));
    });
    // A block that is one line longer than any cookie: counted as a limit failure in its turn.
    std::vector<char> oversized(std::size_t(threads), 0);
    QByteArray carry;
    qint64 line = 1;
    qint64 done = 0;
    bool atEnd = false;
    while (!atEnd) {
        if (cancel && cancel->load())
            return Error::make(ErrorCategory::Io,
                               QCoreApplication::translate("sessionlens::Error", "cancelled"));
        // Fill one block per worker, each cut at a line end; the rest waits for the next round.
        int filled = 0;
        for (; filled < threads && !atEnd; ++filled) {
            QByteArray &block = blocks[std::size_t(filled)];
            oversized[std::size_t(filled)] = 0;
            block = carry;
            carry.clear();
            const qsizetype have = block.size();
            block.resize(have + kBlockBytes);
            qint64 got = 0;
            while (got < kBlockBytes) {
                const qint64 n = input.read(block.data() + have + got, kBlockBytes - got);
                if (n < 0)
                    return Error::make(ErrorCategory::Io, input.errorString());
                if (n == 0) {
                    if (input.atEnd() || !input.isSequential() || !input.waitForReadyRead(-1))
                        break;
                    continue;
                }
                got += n;
            }
            block.resize(have + got);
            done += got;
            atEnd = got < kBlockBytes;
            if (atEnd)
                continue;
            const qsizetype cut = block.lastIndexOf('\n');
            if (cut >= 0) {
                carry = block.mid(cut + 1);
                block.truncate(cut + 1);
                continue;
            }
            // A whole block without a line end: skipped to its end, never kept in memory.
            oversized[std::size_t(filled)] = 1;
            QByteArray rest;
            qsizetype newline = -1;
            while (newline < 0) {
                rest = input.read(kBlockBytes);
                if (rest.isEmpty() &&
                    (input.atEnd() || !input.isSequential() || !input.waitForReadyRead(-1)))
                    break;
                done += rest.size();
                newline = rest.indexOf('\n');
            }
            carry = newline >= 0 ? rest.mid(newline + 1) : QByteArray();
            atEnd = newline < 0;
            block.clear();
        }
        for (int t = filled; t < threads; ++t)
            blocks[std::size_t(t)].clear(); // idle this round
        pool.runRound();
        // In input order: each block's line numbers follow the lines of the blocks before it.
        for (int t = 0; t < filled; ++t) {
            Worker &worker = *workers[std::size_t(t)];
            if (oversized[std::size_t(t)]) {
                ++report.cookies;
                report.failed[QStringLiteral("limit")] += 1;
                if (rows)
                    rows({Row{line, QString(), QStringLiteral("limit"), 0, 0, false}});
                ++line;
            }
            worker.finishBlock(line);
            line += worker.m_lines;
            report.merge(worker.m_report);
            if (rows && !worker.m_rows.isEmpty())
                rows(worker.m_rows);
        }
        if (progress)
            progress({done, totalBytes, report.cookies});
    }
    return Done{};
}

void SizeAudit::addValues(const QList<QByteArray> &values, const Options &options, Report &report)
{
    Worker worker(options);
    worker.m_report = Report{};
    qint64 line = 1;
    for (const QByteArray &value : values)
        worker.one(value, line++, false);
    worker.finishBlock(0);
    report.merge(worker.m_report);
}

} // namespace sessionlens
