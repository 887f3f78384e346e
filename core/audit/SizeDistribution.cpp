#include "audit/SizeDistribution.h"

#include <algorithm>
#include <cmath>

namespace sessionlens {

void SizeDistribution::add(qsizetype size, quint64 times)
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

void SizeDistribution::merge(const SizeDistribution &other)
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

std::vector<quint64> SizeDistribution::buckets(qsizetype width) const
{
    const std::size_t top = large.empty() ? counts.size() : std::size_t(large.rbegin()->first) + 1;
    std::vector<quint64> out((top + std::size_t(width) - 1) / std::size_t(width), 0);
    for (std::size_t size = 0; size < counts.size(); ++size)
        out[size / std::size_t(width)] += counts[size];
    for (const auto &[value, count] : large)
        out[std::size_t(value) / std::size_t(width)] += count;
    return out;
}

qsizetype SizeDistribution::min() const
{
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i])
            return qsizetype(i);
    return large.empty() ? 0 : large.begin()->first;
}

qsizetype SizeDistribution::max() const
{
    if (!large.empty())
        return large.rbegin()->first;
    for (std::size_t i = counts.size(); i > 0; --i)
        if (counts[i - 1])
            return qsizetype(i - 1);
    return 0;
}

qsizetype SizeDistribution::percentile(double p) const
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

double SizeDistribution::mean() const
{
    return total ? double(sum) / double(total) : 0.0;
}

QJsonObject SizeDistribution::toJson() const
{
    return QJsonObject{{QStringLiteral("min"), min()},
                       {QStringLiteral("p50"), percentile(50)},
                       {QStringLiteral("p95"), percentile(95)},
                       {QStringLiteral("p99"), percentile(99)},
                       {QStringLiteral("max"), max()},
                       {QStringLiteral("mean"), std::round(mean() * 100.0) / 100.0}};
}

} // namespace sessionlens
