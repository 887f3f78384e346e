#pragma once

#include <QDockWidget>

namespace sessionlens::gui {

class CapturePanel;

/**
 * The Capture dock: the panel in a scroll area, so that the dock can be a strip under the
 * inspector without squeezing its forms, and the height that strip starts at.
 */
class CaptureDock : public QDockWidget
{
    Q_OBJECT

public:
    CaptureDock(CapturePanel *panel, QWidget *parent);
    /// Tall enough for the request form and its buttons, the dock's title bar on top.
    [[nodiscard]] int stripHeight() const;

private:
    CapturePanel *m_panel;
};

} // namespace sessionlens::gui
