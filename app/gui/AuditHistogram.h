#pragma once

#include <QWidget>

#include <vector>

class QMouseEvent;

namespace sessionlens::gui {

/// Cookie sizes of an audit as a histogram, with the 4093 (Werkzeug) and 4096 (browsers)
/// lines; a click on a bar asks for an example cookie of that size.
class AuditHistogram : public QWidget
{
    Q_OBJECT

public:
    explicit AuditHistogram(QWidget *parent = nullptr);

    /// counts[i]: cookies of i * bucketBytes to (i + 1) * bucketBytes - 1 bytes.
    void setData(std::vector<quint64> counts, qsizetype bucketBytes);
    [[nodiscard]] int bucketAt(const QPoint &point) const;
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

    std::vector<quint64> m_counts;
    qsizetype m_bucketBytes = 256;
};

} // namespace sessionlens::gui
