#pragma once

#include "InspectorController.h"

#include <QPlainTextEdit>

namespace sessionlens::gui {

/// Read-only `repr(session)`: what the Flask app sees. Refreshed when shown, not on every edit.
class PythonViewPanel : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit PythonViewPanel(InspectorController &controller, QWidget *parent = nullptr);
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    InspectorController &m_controller;
    bool m_stale = true;
};

} // namespace sessionlens::gui
