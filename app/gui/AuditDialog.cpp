#include "AuditDialog.h"

#include "formats/FormatRegistry.h"

#include "AuditHistogram.h"
#include "ErrorText.h"
#include "SizeChart.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace sessionlens::gui {

namespace {

// "3 EncryptedSession, 2 Flask signed session": every format the registry knows, by name.
QString formatCounts(const SizeAudit::Report &report)
{
    const QLocale locale;
    QStringList counts;
    for (const CookieFormat *format : FormatRegistry::builtIn().formats())
        counts.append(
            QCoreApplication::translate("sessionlens::gui::AuditDialog", "%1 %2")
                .arg(locale.toString(report.formats.value(format->id())), format->displayName()));
    return counts.join(QStringLiteral(", "));
}

} // namespace

namespace {

// The report names steps by their ids ("json", "io"); people read the step's own name.
QString stepName(const QString &id)
{
    for (int c = int(ErrorCategory::Format); c <= int(ErrorCategory::Network); ++c) {
        if (Error::categoryName(ErrorCategory(c)) == id)
            return Error::stepName(ErrorCategory(c));
    }
    return id;
}

} // namespace

AuditDialog::AuditDialog(SizeAudit::Options options, QWidget *parent)
    : QDialog(parent), m_options(std::move(options))
{
    setWindowTitle(tr("Audit Cookie Sizes"));
    setAcceptDrops(true);
    resize(760, 640);
    m_files =
        new QLabel(tr("Drop capture files here, or choose them with File ▸ Audit Files."), this);
    m_files->setObjectName(QStringLiteral("auditHeading"));
    m_files->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setEnabled(false);
    connect(m_cancel, &QPushButton::clicked, &m_controller, &AuditController::cancel);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_histogram = new AuditHistogram(this);
    m_histogram->setToolTip(tr("Click a bar to open a cookie of that size"));
    m_keys = new SizeChart(this);
    m_keys->setObjectName(QStringLiteral("auditKeys"));
    m_keys->setToolTip(tr("Click a bar to open a cookie with that key"));
    m_failures = new QLabel(this);
    m_failures->setWordWrap(true);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_summary);
    auto *sizesTitle = new QLabel(tr("<b>Cookie sizes</b>"), this);
    contentLayout->addWidget(sizesTitle);
    contentLayout->addWidget(m_histogram);
    auto *keysTitle =
        new QLabel(tr("<b>Costliest top-level keys</b> (bytes of JSON across all cookies)"), this);
    keysTitle->setWordWrap(true);
    contentLayout->addWidget(keysTitle);
    contentLayout->addWidget(m_keys);
    contentLayout->addWidget(m_failures);
    contentLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_files);
    layout->addLayout(progressRow);
    layout->addWidget(scroll, 1);

    connect(&m_controller, &AuditController::progress, this,
            [this](qint64 done, qint64 total, quint64 cookies) {
                if (total > 0)
                    m_progress->setValue(int(1000.0 * double(done) / double(total)));
                m_progress->setFormat(tr("%1 cookies").arg(QLocale().toString(cookies)));
            });
    connect(&m_controller, &AuditController::finished, this, &AuditDialog::showOutcome);
    connect(m_histogram, &AuditHistogram::bucketClicked, this, [this](int bucket) {
        openExample(m_controller.outcome().bucketExamples.value(bucket));
    });
    connect(m_keys, &SizeChart::barClicked, this, [this](int index) {
        if (index >= 0 && index < m_shownKeys.size())
            openExample(m_controller.outcome().keyExamples.value(m_shownKeys.at(index)));
    });
}

void AuditDialog::showWaiting(const QString &text)
{
    m_files->setText(text);
}

void AuditDialog::start(const QStringList &paths)
{
    if (paths.isEmpty() || m_controller.isRunning())
        return;
    QStringList names;
    for (const QString &path : paths)
        names.append(QFileInfo(path).fileName());
    m_names = names.join(QStringLiteral(", "));
    m_files->setText(tr("Auditing %1").arg(m_names));
    // Several audits may be open at once: each window says which files it holds.
    setWindowTitle(tr("Audit of %1").arg(m_names));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%1 cookies").arg(0));
    m_cancel->setEnabled(true);
    m_summary->clear();
    m_failures->clear();
    m_controller.start(paths, m_options);
}

QString AuditDialog::summaryText() const
{
    return m_summary->text();
}

QString AuditDialog::headingText() const
{
    return m_files->text();
}

QString AuditDialog::failuresText() const
{
    return m_failures->text();
}

void AuditDialog::showOutcome()
{
    m_cancel->setEnabled(false);
    const AuditController::Outcome &outcome = m_controller.outcome();
    m_files->setText(outcome.cancelled ? tr("Audit of %1, cancelled").arg(m_names)
                                       : tr("Audited %1").arg(m_names));
    const SizeAudit::Report &r = outcome.report;
    m_progress->setValue(outcome.cancelled ? m_progress->value() : m_progress->maximum());
    const QLocale locale;
    QString summary =
        (outcome.cancelled ? tr("Cancelled. ") : QString()) +
        tr("%1 cookies, %2 opened (%3, %4 of no known shape, %5 compressed).")
            .arg(locale.toString(r.cookies), locale.toString(r.opened), formatCounts(r),
                 locale.toString(r.unknownShape), locale.toString(r.compressed));
    if (r.cookieBytes.total > 0)
        summary += u'\n' + tr("Cookie bytes: median %1, p95 %2, p99 %3, largest %4. Over 4093 "
                              "(Werkzeug): %5; over 4096 (browsers): %6.")
                               .arg(locale.toString(r.cookieBytes.percentile(50)),
                                    locale.toString(r.cookieBytes.percentile(95)),
                                    locale.toString(r.cookieBytes.percentile(99)),
                                    locale.toString(r.cookieBytes.max()),
                                    locale.toString(r.over4093), locale.toString(r.over4096));
    for (const QString &error : m_controller.failureTexts())
        summary += u'\n' + error;
    m_summary->setText(summary);

    m_histogram->setData(r.cookieBytes.buckets(SizeAudit::kHistogramBucket),
                         SizeAudit::kHistogramBucket);

    QList<SizeChart::Bar> bars;
    m_shownKeys.clear();
    for (const auto &[key, cost] : r.keysByCost().mid(0, kShownKeys)) {
        bars.append({key, qint64(cost.jsonBytes), QColor(0x2e, 0x7d, 0x32)});
        m_shownKeys.append(key);
    }
    m_keys->setData(bars, {});

    QStringList steps = r.failed.keys();
    std::sort(steps.begin(), steps.end());
    QStringList lines;
    for (const QString &step : steps)
        lines.append(tr("%1: %2").arg(stepName(step), locale.toString(r.failed.value(step))));
    m_failures->setText(
        lines.isEmpty() ? tr("<b>Failures by step:</b> none")
                        : tr("<b>Failures by step:</b> %1").arg(lines.join(QStringLiteral(", "))));
}

void AuditDialog::openExample(const AuditController::Place &place)
{
    auto text = m_controller.exampleText(place);
    if (!text) {
        m_summary->setText(ErrorText::describe(text.error()));
        return;
    }
    Q_EMIT openCookie(text.value());
}

void AuditDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void AuditDialog::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    start(paths);
}

} // namespace sessionlens::gui
