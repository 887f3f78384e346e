#pragma once

#include <QJsonObject>
#include <QtGlobal>

#include <map>
#include <vector>

namespace sessionlens {

/// Exact nearest-rank statistics of a counting histogram of sizes (bytes): what the audit
/// keeps of every cookie instead of the cookie. Memory stays bounded whatever the sizes.
struct SizeDistribution
{
    /// Sizes below this are counted in a dense array (512 KiB at most).
    static constexpr qsizetype kDenseSizes = 64 * 1024;
    /// Larger sizes, rare but up to the inflate limit, are counted by value while there
    /// are at most this many distinct ones; past that they fold into the array, which then
    /// reaches their largest (so one hostile 8 MiB plaintext costs an entry, not 64 MiB).
    static constexpr std::size_t kMaxSparseSizes = 64 * 1024;

    std::vector<quint64> counts;        ///< counts[size]
    std::map<qsizetype, quint64> large; ///< size -> count; every key >= counts.size()
    quint64 total = 0;
    quint64 sum = 0;
    void add(qsizetype size, quint64 times = 1);
    void merge(const SizeDistribution &other);
    /// Counts gathered into buckets of `width` bytes: [i] counts sizes i*width to
    /// (i+1)*width - 1 (the report's histogram and the window's plot).
    [[nodiscard]] std::vector<quint64> buckets(qsizetype width) const;
    [[nodiscard]] qsizetype min() const;
    [[nodiscard]] qsizetype max() const;
    /// The ceil(p * N / 100)-th smallest value (p in 0..100); 0 when empty.
    [[nodiscard]] qsizetype percentile(double p) const;
    [[nodiscard]] double mean() const;
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace sessionlens
