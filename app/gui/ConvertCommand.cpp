#include "ConvertCommand.h"

namespace sessionlens::gui {

ConvertCommand::ConvertCommand(InspectorController &controller,
                               InspectorController::FormatState before,
                               InspectorController::FormatState after)
    : SessionEditCommand(controller.model(), Kind::Convert, {}), m_controller(controller),
      m_beforeState(std::move(before)), m_afterState(std::move(after))
{
    const QString name = m_afterState.format->displayName();
    setTexts(tr("Convert to %1").arg(name), tr("&Undo Converting to %1").arg(name),
             tr("&Redo Converting to %1").arg(name));
}

void ConvertCommand::redo()
{
    m_controller.applyFormatState(m_afterState);
}

void ConvertCommand::undo()
{
    m_controller.applyFormatState(m_beforeState);
}

} // namespace sessionlens::gui
