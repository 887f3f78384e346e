#include "CaptureDock.h"

#include "CapturePanel.h"

#include <QScrollArea>
#include <QStyle>

#include <algorithm>

namespace sessionlens::gui {

namespace {
/// The strip's least height, whatever the form needs.
constexpr int kMinimumStripHeight = 260;
} // namespace

CaptureDock::CaptureDock(CapturePanel *panel, QWidget *parent)
    : QDockWidget(tr("Capture"), parent), m_panel(panel)
{
    setObjectName(QStringLiteral("captureDock"));
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // A click on a dock button (which takes no click focus) would give the focus to the
    // scroll area, out of the field the user was typing in.
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setWidget(panel);
    setWidget(scroll);
}

int CaptureDock::stripHeight() const
{
    const int titleBar =
        fontMetrics().height() + 2 * style()->pixelMetric(QStyle::PM_DockWidgetTitleMargin) + 4;
    return std::max(kMinimumStripHeight, m_panel->requestHeight() + titleBar);
}

} // namespace sessionlens::gui
