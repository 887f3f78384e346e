#include "AuditHistogram.h"

#include "report/SizeReport.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace sessionlens::gui {

namespace {
constexpr int kMargin = 8;
constexpr int kTop = 34; // room for the two limit labels
constexpr int kAxis = 18;
} // namespace

AuditHistogram::AuditHistogram(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("auditHistogram"));
    setMouseTracking(true);
}

void AuditHistogram::setData(std::vector<quint64> counts, qsizetype bucketBytes)
{
    m_original = std::move(counts);
    m_bucketBytes = std::max<qsizetype>(1, bucketBytes);
    m_counts = m_original;
    const auto cut = std::size_t(kShownBytes / m_bucketBytes);
    if (m_counts.size() > cut + 1) {
        quint64 rest = 0;
        for (std::size_t i = cut; i < m_counts.size(); ++i)
            rest += m_counts[i];
        m_counts.resize(cut + 1);
        m_counts[cut] = rest;
    }
    update();
}

int AuditHistogram::sharedBar() const
{
    const auto cut = std::size_t(kShownBytes / m_bucketBytes);
    return m_original.size() > cut + 1 ? int(cut) : -1;
}

QSize AuditHistogram::sizeHint() const
{
    return {560, 220};
}

QSize AuditHistogram::minimumSizeHint() const
{
    return {240, 160};
}

qint64 AuditHistogram::scaleBytes() const
{
    // Up to the largest cookie, and always past 4096 so that both lines are in sight.
    const qint64 largest = qint64(m_counts.size()) * m_bucketBytes;
    return std::max<qint64>(largest, SizeReport::kBrowserMaxCookieSize + 512);
}

int AuditHistogram::xFor(qint64 bytes) const
{
    const int width = std::max(1, this->width() - 2 * kMargin);
    return kMargin + int(double(bytes) / double(scaleBytes()) * width);
}

QRect AuditHistogram::barRect(int bucket) const
{
    if (const int shared = sharedBar(); shared >= 0 && bucket > shared)
        bucket = shared;
    if (bucket < 0 || std::size_t(bucket) >= m_counts.size() || m_counts[std::size_t(bucket)] == 0)
        return {};
    const quint64 peak = *std::max_element(m_counts.begin(), m_counts.end());
    const int height = std::max(1, this->height() - kTop - kAxis);
    const int barHeight =
        std::max(2, int(double(m_counts[std::size_t(bucket)]) / double(peak) * height));
    const int left = xFor(qint64(bucket) * m_bucketBytes);
    const int right = std::max(left + 2, xFor(qint64(bucket + 1) * m_bucketBytes) - 1);
    return QRect(left, kTop + height - barHeight, right - left, barHeight);
}

int AuditHistogram::bucketAt(const QPoint &point) const
{
    for (int i = 0; std::size_t(i) < m_counts.size(); ++i) {
        const QRect bar = barRect(i);
        if (!bar.isValid() || point.x() < bar.left() || point.x() > bar.right() ||
            point.y() < kTop || point.y() > bar.bottom())
            continue;
        if (i == sharedBar()) // the shared bar stands for its first bucket with a cookie
            for (std::size_t b = std::size_t(i); b < m_original.size(); ++b)
                if (m_original[b])
                    return int(b);
        return i;
    }
    return -1;
}

void AuditHistogram::mousePressEvent(QMouseEvent *event)
{
    if (const int bucket = bucketAt(event->position().toPoint()); bucket >= 0)
        Q_EMIT bucketClicked(bucket);
    QWidget::mousePressEvent(event);
}

void AuditHistogram::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QFontMetrics metrics(font());
    for (int i = 0; std::size_t(i) < m_counts.size(); ++i) {
        const QRect bar = barRect(i);
        if (bar.isValid())
            painter.fillRect(bar, QColor(0x42, 0x85, 0xf4));
    }
    const int bottom = height() - kAxis;
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawLine(kMargin, bottom, width() - kMargin, bottom);
    painter.drawText(QRect(kMargin, bottom + 2, width() / 2, kAxis - 2), Qt::AlignLeft, tr("0 B"));
    const QString scale = QLocale().toString(sharedBar() >= 0 ? kShownBytes : scaleBytes());
    painter.drawText(
        QRect(width() / 2, bottom + 2, width() / 2 - kMargin, kAxis - 2), Qt::AlignRight,
        sharedBar() >= 0 ? tr("%1 B, then all larger").arg(scale) : tr("%1 B").arg(scale));
    // The two limits, labelled on their own rows so that they never overlap.
    const struct
    {
        QString label;
        qint64 bytes;
        QColor color;
        int row;
    } limits[] = {
        {tr("4093 Werkzeug"), SizeReport::kWerkzeugMaxCookieSize, QColor(0xef, 0x6c, 0x00), 0},
        {tr("4096 browsers"), SizeReport::kBrowserMaxCookieSize, QColor(0xc6, 0x28, 0x28), 1}};
    for (const auto &limit : limits) {
        const int x = xFor(limit.bytes);
        painter.setPen(QPen(limit.color, 1, Qt::DashLine));
        painter.drawLine(x, 4 + limit.row * 14, x, bottom);
        const int textWidth = metrics.horizontalAdvance(limit.label);
        const int textX = limit.row == 0 ? x - textWidth - 3 : x + 3;
        painter.drawText(
            QPoint(std::clamp(textX, 0, std::max(0, width() - textWidth)), 14 + limit.row * 14),
            limit.label);
    }
}

} // namespace sessionlens::gui
