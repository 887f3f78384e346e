#include "SizeChart.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace sessionlens::gui {

namespace {
constexpr int kRowHeight = 22;
// Room for two rows of limit labels when there are limits.
int topMargin(bool hasLimits)
{
    return hasLimits ? 36 : 6;
}
} // namespace

SizeChart::SizeChart(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void SizeChart::setData(QList<Bar> bars, QList<Limit> limits)
{
    m_bars = std::move(bars);
    m_limits = std::move(limits);
    updateGeometry();
    update();
}

int SizeChart::barAt(const QPoint &point) const
{
    const int row = (point.y() - topMargin(!m_limits.isEmpty())) / kRowHeight;
    return point.y() >= topMargin(!m_limits.isEmpty()) && row < m_bars.size() ? row : -1;
}

void SizeChart::mousePressEvent(QMouseEvent *event)
{
    if (const int bar = barAt(event->position().toPoint()); bar >= 0)
        Q_EMIT barClicked(bar);
    QWidget::mousePressEvent(event);
}

QSize SizeChart::sizeHint() const
{
    // Wide enough for long labels and bars, narrow enough that the dock leaves the tree room
    // in a 1024-pixel window.
    return {kPreferredWidth, topMargin(!m_limits.isEmpty()) + int(m_bars.size()) * kRowHeight + 6};
}

QSize SizeChart::minimumSizeHint() const
{
    return {240, sizeHint().height()};
}

int SizeChart::valueColumnWidth() const
{
    // Values in the reader's number format (an audit's key bars reach eight digits); the
    // widest one decides how much room the bars leave.
    const QFontMetrics metrics(font());
    const QLocale locale;
    int valueWidth = metrics.horizontalAdvance(tr("%1 B").arg(locale.toString(999999)));
    for (const Bar &bar : m_bars)
        valueWidth = std::max(
            valueWidth, metrics.horizontalAdvance(tr("%1 B").arg(locale.toString(bar.value))));
    return valueWidth + 8;
}

int SizeChart::labelColumnWidth() const
{
    const QFontMetrics metrics(font());
    int labelWidth = 0;
    for (const Bar &bar : m_bars)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(bar.label));
    // Labels whole as long as the bars keep some room ("Nutzlast (unverschlüsselt)" is long);
    // only then are they elided.
    return std::max(0, std::min(labelWidth + 12, width() - valueColumnWidth() - kMinBarWidth));
}

bool SizeChart::labelsFit() const
{
    const QFontMetrics metrics(font());
    const int room = labelColumnWidth() - 6;
    return std::all_of(m_bars.cbegin(), m_bars.cend(), [&](const Bar &bar) {
        return metrics.horizontalAdvance(bar.label) <= room;
    });
}

void SizeChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const int kTop = topMargin(!m_limits.isEmpty());
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics(font());
    const int labelWidth = labelColumnWidth();
    const QLocale locale;
    const auto valueText = [this, &locale](qint64 value) {
        return tr("%1 B").arg(locale.toString(value));
    };
    const int valueWidth = valueColumnWidth();
    const int chartLeft = labelWidth;
    const int chartWidth = std::max(10, width() - chartLeft - valueWidth);

    qint64 scale = 1;
    for (const Bar &bar : m_bars)
        scale = std::max(scale, bar.value);
    for (const Limit &limit : m_limits)
        scale = std::max(scale, limit.value);
    scale = scale + scale / 20;
    auto xFor = [&](qint64 value) {
        return chartLeft + int(double(value) / double(scale) * chartWidth);
    };

    for (int i = 0; i < m_bars.size(); ++i) {
        const Bar &bar = m_bars[i];
        const int y = kTop + i * kRowHeight;
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(0, y, labelWidth - 6, kRowHeight), Qt::AlignRight | Qt::AlignVCenter,
                         metrics.elidedText(bar.label, Qt::ElideMiddle, labelWidth - 6));
        const QRect rect(chartLeft, y + 4, std::max(1, xFor(bar.value) - chartLeft),
                         kRowHeight - 8);
        painter.fillRect(rect, bar.color);
        painter.drawText(QRect(rect.right() + 4, y, valueWidth + chartWidth, kRowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, valueText(bar.value));
    }
    // Limits close together (4093 and 4096) get their labels on separate rows, right-aligned
    // to the line for the first, left-aligned for the second.
    for (int i = 0; i < m_limits.size(); ++i) {
        const Limit &limit = m_limits[i];
        const int x = xFor(limit.value);
        painter.setPen(QPen(limit.color, 1, Qt::DashLine));
        const int labelY = 12 + (i % 2) * 15;
        painter.drawLine(x, labelY + 2, x, kTop + int(m_bars.size()) * kRowHeight);
        const int textWidth = metrics.horizontalAdvance(limit.label);
        const int textX = (i % 2 == 0) ? x - textWidth - 3 : x + 3;
        painter.drawText(QPoint(std::clamp(textX, 0, std::max(0, width() - textWidth)), labelY),
                         limit.label);
    }
}

} // namespace sessionlens::gui
