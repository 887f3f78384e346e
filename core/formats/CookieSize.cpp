#include "formats/CookieSize.h"

#include <algorithm>
#include <numeric>

namespace sessionlens {

qsizetype CookieSize::stageBytes(QStringView id) const
{
    for (const Stage &stage : stages) {
        if (stage.id == id)
            return stage.bytes;
    }
    return -1;
}

QList<bool> CookieSize::largestEntries(const QList<qsizetype> &ends, const QList<qsizetype> &starts,
                                       qsizetype keep)
{
    QList<qsizetype> order(ends.size());
    std::iota(order.begin(), order.end(), 0);
    const qsizetype n = std::clamp(keep, qsizetype(0), order.size());
    // Ties go to the earlier entry, so that which keys are measured does not depend on how the
    // sort happens to order equal sizes.
    std::partial_sort(order.begin(), order.begin() + n, order.end(), [&](qsizetype a, qsizetype b) {
        const qsizetype sizeA = ends[a] - starts[a];
        const qsizetype sizeB = ends[b] - starts[b];
        return sizeA > sizeB || (sizeA == sizeB && a < b);
    });
    QList<bool> marked(ends.size(), false);
    for (qsizetype i = 0; i < n; ++i)
        marked[order[i]] = true;
    return marked;
}

qsizetype CookieSize::scaledPayload(qsizetype payload, qsizetype restSize, qsizetype jsonSize)
{
    return jsonSize > 0 ? qsizetype(double(payload) * double(restSize) / double(jsonSize) + 0.5)
                        : 0;
}

void CookieSize::sortKeys()
{
    std::stable_sort(keys.begin(), keys.end(), [](const KeyShare &a, const KeyShare &b) {
        return a.jsonBytes > b.jsonBytes;
    });
}

} // namespace sessionlens
