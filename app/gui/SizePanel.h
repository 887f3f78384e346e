#pragma once

#include "InspectorController.h"

#include <QWidget>

class QLabel;

namespace sessionlens::gui {

class SizeChart;

/// What the cookie costs: the pipeline against the limits, each key's share, warnings.
class SizePanel : public QWidget
{
    Q_OBJECT

public:
    explicit SizePanel(InspectorController &controller, QWidget *parent = nullptr);

    [[nodiscard]] SizeChart *pipelineChart() const { return m_pipeline; }
    [[nodiscard]] SizeChart *keyChart() const { return m_keys; }
    [[nodiscard]] QString warningText() const;
    [[nodiscard]] QString summaryText() const;
    /// Headroom as people read it: "1,234 bytes left" or "89,797 bytes over".
    [[nodiscard]] static QString headroomText(qsizetype headroom);

private:
    void showResult();

    InspectorController &m_controller;
    SizeChart *m_pipeline = nullptr;
    SizeChart *m_keys = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_warning = nullptr;
};

} // namespace sessionlens::gui
