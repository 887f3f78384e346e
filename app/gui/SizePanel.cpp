#include "SizePanel.h"

#include <QLocale>

#include "SizeChart.h"
#include "report/SizeVerdict.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace sessionlens::gui {

namespace {
constexpr int kMaxKeyBars = 12;
} // namespace

SizePanel::SizePanel(InspectorController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    m_pipeline = new SizeChart(this);
    m_pipeline->setObjectName(QStringLiteral("pipelineChart"));
    m_keys = new SizeChart(this);
    m_keys->setObjectName(QStringLiteral("keyChart"));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("sizeWarning"));
    m_warning->setWordWrap(true);

    // Every text wraps and the charts elide: the dock fits its width in any language, never
    // scrolling sideways.
    auto *keysTitle = new QLabel(
        tr("<b>Cost of each top-level key</b> (bytes the cookie would shrink without it)"), this);
    keysTitle->setWordWrap(true);
    auto *pipelineTitle = new QLabel(tr("<b>Pipeline</b>"), this);
    pipelineTitle->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pipelineTitle);
    layout->addWidget(m_pipeline);
    layout->addWidget(m_warning);
    layout->addWidget(m_summary);
    layout->addWidget(keysTitle);
    layout->addWidget(m_keys);
    layout->addStretch(1);
    connect(&m_controller, &InspectorController::refreshed, this, &SizePanel::showResult);
}

QString SizePanel::warningText() const
{
    return m_warning->text();
}

QString SizePanel::headroomText(qsizetype headroom)
{
    // "89,797 bytes over", never "-89797 bytes", with the locale's digit grouping.
    return headroom < 0 ? tr("%1 bytes over").arg(QLocale().toString(-headroom))
                        : tr("%1 bytes left").arg(QLocale().toString(headroom));
}

QString SizePanel::summaryText() const
{
    return m_summary->text();
}

void SizePanel::showResult()
{
    if (m_controller.isRefreshing()) {
        // The figures on screen belong to the session before: they go, never to be read as
        // this one's while it is measured.
        m_pipeline->setData({}, {});
        m_keys->setData({}, {});
        m_warning->setStyleSheet(QString());
        m_warning->clear();
        m_summary->setText(tr("Measuring a large session in the background…"));
        return;
    }
    const SizeReport &r = m_controller.sizeReport();
    const QColor stage(0x42, 0x85, 0xf4);
    QList<SizeChart::Bar> bars{
        {tr("JSON"), r.jsonBytes, stage},
        {tr("compressed"), r.compressed ? r.compressedBytes : r.jsonBytes,
         r.compressed ? stage : QColor(0xbd, 0xbd, 0xbd)},
    };
    // The format's own stages, those it names for the chart.
    for (const SizeReport::Stage &formatStage : r.stages) {
        if (!formatStage.chartName.isEmpty())
            bars.append({formatStage.chartName, formatStage.bytes, stage});
    }
    bars.append({tr("cookie value"), r.cookieValueBytes, QColor(0x2e, 0x7d, 0x32)});
    bars.append({tr("Set-Cookie header"), r.setCookieBytes, QColor(0x2e, 0x7d, 0x32)});
    m_pipeline->setData(
        bars, {{tr("4093 Werkzeug"), SizeReport::kWerkzeugMaxCookieSize, QColor(0xef, 0x6c, 0x00)},
               {tr("4096 browsers"), SizeReport::kBrowserMaxCookieSize, QColor(0xc6, 0x28, 0x28)}});

    QList<SizeChart::Bar> keyBars;
    QList<SizeReport::KeyShare> shares = r.keys;
    std::stable_sort(shares.begin(), shares.end(),
                     [](const auto &a, const auto &b) { return a.cookieSaving > b.cookieSaving; });
    for (const SizeReport::KeyShare &share : shares.mid(0, kMaxKeyBars))
        keyBars.append({share.key, share.cookieSaving, QColor(0x7e, 0x57, 0xc2)});
    m_keys->setData(keyBars, {});

    const QLocale locale;
    m_summary->setText(
        tr("Every request to the cookie's path carries %1 bytes of it (<i>session=…</i>). "
           "Werkzeug's %2-byte warning: %3. The browsers' %4-byte limit: %5.")
            .arg(locale.toString(r.nameValueBytes),
                 locale.toString(SizeReport::kWerkzeugMaxCookieSize),
                 headroomText(r.werkzeugHeadroom),
                 locale.toString(SizeReport::kBrowserMaxCookieSize),
                 headroomText(r.browserHeadroom)) +
        (m_controller.isMeasuringKeys()
             ? QStringLiteral("<br><i>") +
                   tr("The keys' costs below are estimates from their share of the JSON until "
                      "each is measured…") +
                   QStringLiteral("</i>")
             : QString()));
    switch (SizeVerdict::judge(r)) {
    case SizeVerdict::Kind::OverBrowsers:
        m_warning->setStyleSheet(QStringLiteral("color:#c62828;font-weight:bold"));
        m_warning->setText(
            tr("Too large: browsers drop cookies over %1 bytes, so this session would be lost.")
                .arg(SizeReport::kBrowserMaxCookieSize));
        break;
    case SizeVerdict::Kind::OverWerkzeug:
        m_warning->setStyleSheet(QStringLiteral("color:#c62828;font-weight:bold"));
        m_warning->setText(
            tr("Over Werkzeug's %1-byte limit: Flask will warn when it sets this cookie.")
                .arg(SizeReport::kWerkzeugMaxCookieSize));
        break;
    case SizeVerdict::Kind::NearLimit:
        m_warning->setStyleSheet(QStringLiteral("color:#ef6c00;font-weight:bold"));
        m_warning->setText(tr("Close to the limit: %1.").arg(headroomText(r.werkzeugHeadroom)));
        break;
    case SizeVerdict::Kind::Fine:
        m_warning->setStyleSheet(QString());
        m_warning->setText(tr("Within the limits."));
        break;
    }
}

} // namespace sessionlens::gui
