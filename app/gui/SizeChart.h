#pragma once

#include <QColor>
#include <QList>
#include <QWidget>

class QMouseEvent;

namespace sessionlens::gui {

/// Horizontal bars with labelled limit lines; used for the pipeline stages and the per-key costs.
class SizeChart : public QWidget
{
    Q_OBJECT

public:
    struct Bar
    {
        QString label;
        qint64 value = 0;
        QColor color;
    };
    struct Limit
    {
        QString label;
        qint64 value = 0;
        QColor color;
    };

    explicit SizeChart(QWidget *parent = nullptr);

    void setData(QList<Bar> bars, QList<Limit> limits);
    /// The bar at a point of the widget, -1 for none.
    [[nodiscard]] int barAt(const QPoint &point) const;

    [[nodiscard]] const QList<Bar> &bars() const { return m_bars; }
    /// Every bar's label is drawn whole at the current width (none elided).
    [[nodiscard]] bool labelsFit() const;
    /// The bars keep at least this much room; labels are elided only beyond it.
    static constexpr int kMinBarWidth = 60;
    static constexpr int kPreferredWidth = 320;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void barClicked(int index);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    [[nodiscard]] int labelColumnWidth() const;
    [[nodiscard]] int valueColumnWidth() const;

    QList<Bar> m_bars;
    QList<Limit> m_limits;
};

} // namespace sessionlens::gui
