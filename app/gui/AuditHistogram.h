#pragma once

#include <QWidget>

#include <vector>

class QMouseEvent;

namespace sessionlens::gui {

/// Cookie sizes of an audit as a histogram, with the 4093 (Werkzeug) and 4096 (browsers)
/// lines; a click on a bar asks for an example cookie of that size. Sizes past kShownBytes
/// share one last bar, so that a few huge cookies do not squeeze the limits into a sliver.
class AuditHistogram : public QWidget
{
    Q_OBJECT

public:
    static constexpr qint64 kShownBytes = 16 * 1024;

    explicit AuditHistogram(QWidget *parent = nullptr);

    /// counts[i]: cookies of i * bucketBytes to (i + 1) * bucketBytes - 1 bytes.
    void setData(std::vector<quint64> counts, qsizetype bucketBytes);
    /// The bucket of the bar at `point` (for the last, shared bar: its first bucket with a
    /// cookie), or -1.
    [[nodiscard]] int bucketAt(const QPoint &point) const;
    /// Where the bar of `bucket` is drawn (the shared bar for buckets past kShownBytes).
    [[nodiscard]] QRect barRect(int bucket) const;
    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

Q_SIGNALS:
    void bucketClicked(int bucket);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    [[nodiscard]] qint64 scaleBytes() const;
    [[nodiscard]] int xFor(qint64 bytes) const;
    /// Index of the shared bar: the first bucket past kShownBytes, or -1 when none is needed.
    [[nodiscard]] int sharedBar() const;

    std::vector<quint64> m_counts; ///< as drawn: the shared bar holds the sum of the rest
    std::vector<quint64> m_original;
    qsizetype m_bucketBytes = 256;
};

} // namespace sessionlens::gui
