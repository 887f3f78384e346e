#include "ConvertCommand.h"

namespace sessionlens::gui {

ConvertCommand::ConvertCommand(InspectorController &controller,
                               InspectorController::FormatState before,
                               InspectorController::FormatState after)
    : SessionEditCommand(controller.model(), Kind::Convert, {}), m_controller(controller),
      m_beforeState(std::move(before)), m_afterState(std::move(after))
{
    if (m_afterState.format == FormatDetector::Format::FlaskSigned)
        setTexts(tr("Convert to a Flask signed cookie"),
                 tr("&Undo Converting to a Flask Signed Cookie"),
                 tr("&Redo Converting to a Flask Signed Cookie"));
    else
        setTexts(tr("Convert to an EncryptedSession cookie"),
                 tr("&Undo Converting to an EncryptedSession Cookie"),
                 tr("&Redo Converting to an EncryptedSession Cookie"));
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
