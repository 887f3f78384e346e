#pragma once

#include "InspectorController.h"

#include <QWidget>

class QLabel;

namespace sessionlens::gui {

class ChangeTable;

/// The session as opened beside the session as edited, one row per difference.
class ComparePanel : public QWidget
{
    Q_OBJECT

public:
    explicit ComparePanel(InspectorController &controller, QWidget *parent = nullptr);
    [[nodiscard]] ChangeTable *table() const { return m_table; }
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    InspectorController &m_controller;
    ChangeTable *m_table = nullptr;
    QLabel *m_summary = nullptr;
    bool m_stale = true;
};

} // namespace sessionlens::gui
