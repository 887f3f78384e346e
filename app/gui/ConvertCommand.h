#pragma once

#include "InspectorController.h"
#include "SessionEditCommand.h"

namespace sessionlens::gui {

/**
 * Edit > Convert as one undo step. The format, the key that makes new cookies and the
 * values change together, and Undo puts all three back: a session left in a format that
 * cannot write its values, or values in a format they were not converted for, is what the
 * window must never show.
 */
class ConvertCommand : public SessionEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(ConvertCommand)

public:
    ConvertCommand(InspectorController &controller, InspectorController::FormatState before,
                   InspectorController::FormatState after);

    void redo() override;
    void undo() override;

private:
    InspectorController &m_controller;
    InspectorController::FormatState m_beforeState;
    InspectorController::FormatState m_afterState;
};

} // namespace sessionlens::gui
