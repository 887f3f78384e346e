// The batch audit: figures of generated mixed inputs checked against figures computed
// here independently, percentiles at small N and thread counts that agree. The CLI's side of
// the audit is tests/cli/tst_AuditCli.cpp.
#include "AuditInput.h"
#include "PipeLikeDevice.h"
#include "TestData.h"
#include "audit/SizeAudit.h"
#include "document/SessionSealer.h"
#include "formats/FlaskSignedCodec.h"
#include "json/PythonJsonWriter.h"

#include <cstring>
#include <numeric>

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>

using namespace sessionlens;

namespace {

using test::auditAesKey;
using test::AuditInput;
using test::kAuditSecret;

qsizetype nearestRank(QList<qsizetype> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(p * double(values.size()) / 100.0));
    return values[std::max<qsizetype>(1, rank) - 1];
}

SizeAudit::Options options(int threads)
{
    SizeAudit::Options o;
    o.keys = {auditAesKey(),
              SessionKey(QStringLiteral("secret"),
                         SecureBytes(kAuditSecret.constData(), std::size_t(kAuditSecret.size())),
                         SessionKey::Kind::SigningSecret)};
    o.threads = threads;
    return o;
}

QJsonObject audit(const QByteArray &text, int threads)
{
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    SizeAudit::Report report;
    if (!SizeAudit::run(buffer, text.size(), options(threads), report).ok())
        return {};
    return report.toJson();
}

} // namespace

class TestSizeAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesIndependentFigures();
    void threadsAgree();
    void lineNumbersAcrossBlocks();
    void emptyInput();
    void stopsMidRun();
    void readErrorMidRun();
    void keyTableStaysBounded();
    void distributionKeepsLargeSizesSmall();
    void smallPercentiles_data();
    void smallPercentiles();
    void memberSizes();
};

void TestSizeAudit::matchesIndependentFigures()
{
    const AuditInput g = test::generateAuditInput(600, 7);
    const QJsonObject r = audit(g.text, 2);
    QCOMPARE(r[QStringLiteral("cookies")].toInteger(), g.cookies);
    QCOMPARE(r[QStringLiteral("opened")].toInteger(), g.opened);
    const QJsonObject failed = r[QStringLiteral("failed")].toObject();
    QCOMPARE(failed.size(), g.failed.size());
    for (auto it = g.failed.cbegin(); it != g.failed.cend(); ++it)
        QCOMPARE(failed[it.key()].toInteger(), it.value());
    QCOMPARE(r[QStringLiteral("formats")][QStringLiteral("encrypted")].toInteger(), g.encrypted);
    QCOMPARE(r[QStringLiteral("formats")][QStringLiteral("signed")].toInteger(), g.signedCount);
    QCOMPARE(r[QStringLiteral("formats")][QStringLiteral("unknown")].toInteger(), g.unknown);
    QVERIFY(g.unknown > 0);
    QCOMPARE(r[QStringLiteral("compressed")].toInteger(), g.compressed);
    QCOMPARE(r[QStringLiteral("over_4093")].toInteger(), g.over4093);
    QCOMPARE(r[QStringLiteral("over_4096")].toInteger(), g.over4096);
    for (const auto &[field, values] : {std::pair{"cookie_bytes", g.cookieBytes},
                                        std::pair{"plaintext_bytes", g.plaintextBytes}}) {
        const QJsonObject d = r[QLatin1String(field)].toObject();
        QCOMPARE(d[QStringLiteral("min")].toInteger(),
                 *std::min_element(values.begin(), values.end()));
        QCOMPARE(d[QStringLiteral("max")].toInteger(),
                 *std::max_element(values.begin(), values.end()));
        for (const double p : {50.0, 95.0, 99.0})
            QCOMPARE(d[QStringLiteral("p%1").arg(int(p))].toInteger(), nearestRank(values, p));
        const double mean = double(std::accumulate(values.begin(), values.end(), qint64(0))) /
                            double(values.size());
        QVERIFY(std::abs(d[QStringLiteral("mean")].toDouble() - mean) < 0.01);
    }
    const QJsonArray top = r[QStringLiteral("top_keys")].toArray();
    QCOMPARE(top.size(), g.keyBytes.size());
    for (const QJsonValue k : top)
        QCOMPARE(k[QStringLiteral("json_bytes")].toInteger(),
                 g.keyBytes.value(k[QStringLiteral("key")].toString()));
    QCOMPARE(top[0][QStringLiteral("key")].toString(),
             QStringLiteral("pad")); // sorted, largest first
    qint64 histogram = 0;
    for (const QJsonValue bucket : r[QStringLiteral("histogram")].toArray())
        histogram += bucket[QStringLiteral("count")].toInteger();
    QCOMPARE(histogram, g.cookies);
}

void TestSizeAudit::threadsAgree()
{
    // Large enough for several blocks per thread, and for two threads' four result slots to be
    // taken twice over while earlier blocks wait to be merged.
    const AuditInput g = test::generateAuditInput(9000, 11);
    QByteArray big;
    while (big.size() < 9 * SizeAudit::kBlockBytes)
        big.append(g.text).append('\n');
    const QJsonObject one = audit(big, 1);
    QVERIFY(!one.isEmpty());
    QCOMPARE(audit(big, 2), one);
    QCOMPARE(audit(big, 5), one);
    // A block's report starts in its slot's last one, emptied: the same sums as one worker
    // that adds every line with no blocks or slots at all.
    SizeAudit::Report whole;
    SizeAudit::addValues(big.split('\n'), options(1), whole);
    QCOMPARE(whole.toJson(), one);
}

void TestSizeAudit::lineNumbersAcrossBlocks()
{
    // Rows and examples carry input line numbers: blocks are audited in any order and numbered
    // after, so this spans several blocks, empty lines and one line longer than a block.
    const SessionKey key = auditAesKey();
    SessionValue small = SessionValue::makeDict();
    small.setValue(QStringLiteral("a"), SessionValue::makeString(QStringLiteral("x")));
    SessionValue large = SessionValue::makeDict();
    large.setValue(QStringLiteral("b"), SessionValue::makeString(QString(600, u'y')));
    SessionSealer::Options sealing;
    sealing.compression = EncryptedSessionCodec::Compression::Never;
    const QByteArray smallCookie = SessionSealer::seal(small, key.bytes(), sealing).cookie;
    const QByteArray largeCookie = SessionSealer::seal(large, key.bytes(), sealing).cookie;
    QVERIFY(!smallCookie.isEmpty() && !largeCookie.isEmpty());

    QByteArray text;
    QList<qint64> expectedLines;
    QList<QString> expectedSteps;
    qint64 firstLarge = -1, firstSmall = -1;
    const qint64 lines = 3 * SizeAudit::kBlockBytes / smallCookie.size();
    for (qint64 line = 1; line <= lines; ++line) {
        if (line % 97 == 0) { // not a cookie
            text.append('\n');
            continue;
        }
        if (line == lines / 3) { // longer than a block, without a line end in it
            text.append(QByteArray(2 * SizeAudit::kBlockBytes + 5, 'x')).append('\n');
            expectedLines.append(line);
            expectedSteps.append(QStringLiteral("limit"));
            continue;
        }
        const bool isLarge = line % 1009 == 0 && line > lines / 2;
        text.append(isLarge ? largeCookie : smallCookie).append('\n');
        expectedLines.append(line);
        expectedSteps.append(QStringLiteral("ok"));
        if (isLarge && firstLarge < 0)
            firstLarge = line;
        if (!isLarge && firstSmall < 0)
            firstSmall = line;
    }
    QVERIFY(firstLarge > 0);
    for (const int threads : {1, 3}) {
        QBuffer buffer(&text);
        buffer.open(QIODevice::ReadOnly);
        SizeAudit::Options o = options(threads);
        SizeAudit::Report report;
        QList<qint64> gotLines;
        QList<QString> gotSteps;
        // Rows go out on the caller's thread only, whichever worker audited them.
        const QThread *caller = QThread::currentThread();
        bool rowsElsewhere = false;
        const auto collect = [&](const QList<SizeAudit::Row> &rows) {
            rowsElsewhere = rowsElsewhere || QThread::currentThread() != caller;
            for (const SizeAudit::Row &row : rows) {
                gotLines.append(row.line);
                gotSteps.append(row.step);
            }
        };
        QVERIFY(SizeAudit::run(buffer, text.size(), o, report, collect).ok());
        QVERIFY(!rowsElsewhere);
        QCOMPARE(gotLines, expectedLines);
        QCOMPARE(gotSteps, expectedSteps);
        QCOMPARE(report.keys.value(QStringLiteral("a")).firstLine, firstSmall);
        QCOMPARE(report.keys.value(QStringLiteral("b")).firstLine, firstLarge);
        QCOMPARE(report.bucketFirstLine.value(largeCookie.size() / SizeAudit::kHistogramBucket),
                 firstLarge);
        QCOMPARE(report.bucketFirstLine.value(smallCookie.size() / SizeAudit::kHistogramBucket),
                 firstSmall);

        // Cancelled before the first round: no cookie is audited, and the run says why.
        QBuffer again(&text);
        again.open(QIODevice::ReadOnly);
        const std::atomic<bool> cancel = true;
        SizeAudit::Report none;
        const auto cancelled = SizeAudit::run(again, text.size(), o, none, {}, {}, &cancel);
        QVERIFY(!cancelled.ok());
        QCOMPARE(none.cookies, quint64(0));
    }
}

void TestSizeAudit::emptyInput()
{
    for (const int threads : {1, 3}) {
        QByteArray nothing;
        QBuffer buffer(&nothing);
        buffer.open(QIODevice::ReadOnly);
        SizeAudit::Report report;
        int rowCalls = 0;
        const auto count = [&](const QList<SizeAudit::Row> &) { ++rowCalls; };
        QVERIFY(SizeAudit::run(buffer, 0, options(threads), report, count).ok());
        QCOMPARE(report.cookies, quint64(0));
        QCOMPARE(rowCalls, 0);
    }
}

namespace {

/// The cookies of `blocks` blocks and more, one a line.
QByteArray blocksOfCookies(int blocks)
{
    const AuditInput g = test::generateAuditInput(9000, 13);
    QByteArray text;
    while (text.size() < blocks * SizeAudit::kBlockBytes)
        text.append(g.text).append('\n');
    return text;
}

QList<qint64> rowLines(const QByteArray &text, int threads, const std::atomic<bool> *cancel,
                       std::atomic<bool> *cancelAfterFirstRows, bool &ok)
{
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    QList<qint64> lines;
    const auto collect = [&](const QList<SizeAudit::Row> &rows) {
        for (const SizeAudit::Row &row : rows)
            lines.append(row.line);
        if (cancelAfterFirstRows)
            cancelAfterFirstRows->store(true);
    };
    SizeAudit::Report report;
    ok = SizeAudit::run(buffer, text.size(), options(threads), report, collect, {}, cancel).ok();
    return lines;
}

} // namespace

void TestSizeAudit::stopsMidRun()
{
    // Cancelled once the first rows are out, with blocks read and being audited on other
    // workers: the run says so, and the rows that did go out are the first ones, in order.
    const QByteArray text = blocksOfCookies(8);
    bool ok = false;
    const QList<qint64> all = rowLines(text, 1, nullptr, nullptr, ok);
    QVERIFY(ok);
    for (const int threads : {1, 2, 3}) {
        std::atomic<bool> cancel = false;
        const QList<qint64> some = rowLines(text, threads, &cancel, &cancel, ok);
        QVERIFY(!ok);
        QVERIFY(!some.isEmpty());
        QVERIFY2(some.size() < all.size(), qPrintable(QString::number(threads)));
        QCOMPARE(some, all.first(some.size()));
    }
}

void TestSizeAudit::readErrorMidRun()
{
    // The input fails after three blocks: the error is the run's, with the device's words, and
    // the rows before it are the input's first, in order.
    const QByteArray text = blocksOfCookies(6);
    bool ok = false;
    const QList<qint64> all = rowLines(text, 1, nullptr, nullptr, ok);
    QVERIFY(ok);
    for (const int threads : {1, 2}) {
        test::PipeLikeDevice device(text, test::PipeLikeDevice::kNever,
                                    3 * SizeAudit::kBlockBytes + 100);
        QList<qint64> lines;
        const auto collect = [&](const QList<SizeAudit::Row> &rows) {
            for (const SizeAudit::Row &row : rows)
                lines.append(row.line);
        };
        SizeAudit::Report report;
        const auto result =
            SizeAudit::run(device, -1, options(threads), report, collect, {}, nullptr);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category, ErrorCategory::Io);
        QVERIFY2(result.error().message.contains(QStringLiteral("the disk went away")),
                 qPrintable(result.error().message));
        QVERIFY(!lines.isEmpty() && lines.size() < all.size());
        QCOMPARE(lines, all.first(lines.size()));
    }
}

void TestSizeAudit::keyTableStaysBounded()
{
    // Compressed cookies can each name hundreds of keys: 250 of 500 distinct keys in one
    // block pass the bound of tracked keys, and the rest are counted, not kept. (Fewer, wider
    // sessions took most of a minute under ASan just to build: a dict's setValue is linear.)
    QByteArray text;
    SessionSealer::Options sealing;
    sealing.compression = EncryptedSessionCodec::Compression::Always;
    for (int c = 0; c < 250; ++c) {
        SessionValue session = SessionValue::makeDict();
        for (int k = 0; k < 500; ++k)
            session.setValue(QStringLiteral("k%1_%2").arg(c).arg(k), SessionValue::makeInteger(1));
        const QByteArray cookie =
            SessionSealer::seal(session, auditAesKey().bytes(), sealing).cookie;
        QVERIFY(!cookie.isEmpty());
        text.append(cookie).append('\n');
    }
    QVERIFY(text.size() < SizeAudit::kBlockBytes); // one block: the worker's own table is bounded
    QJsonObject first;
    for (const int threads : {1, 2}) {
        QBuffer buffer(&text);
        buffer.open(QIODevice::ReadOnly);
        SizeAudit::Report report;
        QVERIFY(SizeAudit::run(buffer, text.size(), options(threads), report).ok());
        QCOMPARE(report.opened, quint64(250));
        QCOMPARE(report.keys.size(), SizeAudit::kMaxTrackedKeys);
        QCOMPARE(report.untrackedKeyMembers, quint64(250 * 500 - SizeAudit::kMaxTrackedKeys));
        const QJsonObject json = report.toJson();
        QCOMPARE(json[QStringLiteral("top_keys_exact")].toBool(), false);
        if (first.isEmpty())
            first = json;
        else
            QCOMPARE(json, first);
    }
}

void TestSizeAudit::distributionKeepsLargeSizesSmall()
{
    // One inflated 8 MiB plaintext must cost an entry, not a 64 MiB array; and whichever
    // form the counts take (array, sizes by value, or folded), the statistics stay exact.
    QRandomGenerator random(42);
    QList<qsizetype> all;
    SizeAudit::Distribution whole, left, right;
    const auto add = [&](qsizetype size, bool toLeft) {
        all.append(size);
        whole.add(size);
        (toLeft ? left : right).add(size);
    };
    add(10, true);
    add(8 * 1024 * 1024, false);
    add(70'000, true);
    add(10, false);
    QVERIFY(qsizetype(whole.counts.size()) <= SizeAudit::Distribution::kDenseSizes);
    QCOMPARE(whole.large.size(), std::size_t(2));
    QCOMPARE(whole.percentile(75), qsizetype(70'000));
    QCOMPARE(whole.max(), qsizetype(8 * 1024 * 1024));
    // Enough distinct large sizes to fold them into the array, with small ones between.
    for (std::size_t i = 0; i < SizeAudit::Distribution::kMaxSparseSizes + 10; ++i) {
        add(SizeAudit::Distribution::kDenseSizes + qsizetype(i) * 61 + random.bounded(61),
            random.bounded(2));
        add(qsizetype(random.bounded(5000)), random.bounded(2));
    }
    QVERIFY(whole.large.size() <= SizeAudit::Distribution::kMaxSparseSizes);
    QVERIFY(qsizetype(whole.counts.size()) > SizeAudit::Distribution::kDenseSizes); // folded
    SizeAudit::Distribution merged = left;
    merged.merge(right);
    for (const SizeAudit::Distribution *d : {&whole, &merged}) {
        QCOMPARE(d->total, quint64(all.size()));
        QCOMPARE(d->min(), *std::min_element(all.begin(), all.end()));
        QCOMPARE(d->max(), *std::max_element(all.begin(), all.end()));
        for (const double p : {1.0, 50.0, 95.0, 99.0, 100.0})
            QCOMPARE(d->percentile(p), nearestRank(all, p));
    }
    QCOMPARE(merged.toJson(), whole.toJson());
    QCOMPARE(merged.buckets(SizeAudit::kHistogramBucket),
             whole.buckets(SizeAudit::kHistogramBucket));
    quint64 counted = 0;
    for (const quint64 c : whole.buckets(SizeAudit::kHistogramBucket))
        counted += c;
    QCOMPARE(counted, quint64(all.size()));
}

void TestSizeAudit::smallPercentiles_data()
{
    QTest::addColumn<QList<qsizetype>>("sizes");
    QTest::newRow("1") << QList<qsizetype>{40};
    QTest::newRow("2") << QList<qsizetype>{40, 90};
    QList<qsizetype> hundred;
    for (qsizetype i = 1; i <= 100; ++i)
        hundred.append(i * 10);
    QTest::newRow("100") << hundred;
}

void TestSizeAudit::smallPercentiles()
{
    QFETCH(QList<qsizetype>, sizes);
    SizeAudit::Distribution d;
    for (const qsizetype size : sizes)
        d.add(size);
    for (const double p : {0.0, 1.0, 50.0, 95.0, 99.0, 100.0})
        QCOMPARE(d.percentile(p), nearestRank(sizes, p));
    if (sizes.size() == 2) { // ceil(0.5 * 2) = 1: the smaller; ceil(0.95 * 2) = 2: the larger
        QCOMPARE(d.percentile(50), qsizetype(40));
        QCOMPARE(d.percentile(95), qsizetype(90));
    }
    if (sizes.size() == 100) {
        QCOMPARE(d.percentile(95), qsizetype(950));
        QCOMPARE(d.percentile(99), qsizetype(990));
    }
}

void TestSizeAudit::memberSizes()
{
    const auto members =
        SizeAudit::memberSizes(R"({"a": 1, "b": {"x": [1, "]}"]}, "c\"d": "s", "e": [])");
    QCOMPARE(members.size(), 4);
    QCOMPARE(members[0], (std::pair<QString, qsizetype>{QStringLiteral("a"), 6}));
    QCOMPARE(members[1].second, qsizetype(QByteArray(R"("b": {"x": [1, "]}"]})").size()));
    QCOMPARE(members[2].first, QStringLiteral("c\\\"d"));
    QCOMPARE(members[3].second, qsizetype(7));
    const auto compact = SizeAudit::memberSizes(R"({"a":1,"b":[2]})");
    QCOMPARE(compact.size(), 2);
    QCOMPARE(compact[1].second, qsizetype(7));
    // Runs of backslashes before a quote: even runs end the string, odd ones escape it.
    const auto backslashes = SizeAudit::memberSizes(R"({"k\\": "v\\\"\\", "n": 1, "caf)"
                                                    "\xc3\xa9"
                                                    R"(": 2})");
    QCOMPARE(backslashes.size(), 3);
    QCOMPARE(backslashes[0].first, QStringLiteral("k\\\\"));
    QCOMPARE(backslashes[0].second, qsizetype(QByteArray(R"("k\\": "v\\\"\\")").size()));
    QCOMPARE(backslashes[1].first, QStringLiteral("n"));
    QCOMPARE(backslashes[2].first, QStringLiteral("caf\u00e9")); // UTF-8, not Latin-1
}

QTEST_GUILESS_MAIN(TestSizeAudit)
#include "tst_SizeAudit.moc"
