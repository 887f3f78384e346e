#include "UndoActions.h"

#include "SessionEditCommand.h"

#include <QAction>
#include <QUndoStack>

namespace sessionlens::gui {

UndoActions::UndoActions(QUndoStack &stack, QObject *parent) : QObject(parent), m_stack(stack)
{
    m_undo = new QAction(this);
    m_undo->setObjectName(QStringLiteral("undoAction"));
    m_undo->setShortcuts(QKeySequence::Undo);
    connect(m_undo, &QAction::triggered, &stack, &QUndoStack::undo);
    m_redo = new QAction(this);
    m_redo->setObjectName(QStringLiteral("redoAction"));
    m_redo->setShortcuts(QKeySequence::Redo);
    connect(m_redo, &QAction::triggered, &stack, &QUndoStack::redo);
    connect(&stack, &QUndoStack::indexChanged, this, &UndoActions::update);
    update();
}

void UndoActions::update()
{
    m_undo->setText(SessionEditCommand::undoActionText(m_stack));
    m_undo->setEnabled(m_stack.canUndo());
    m_redo->setText(SessionEditCommand::redoActionText(m_stack));
    m_redo->setEnabled(m_stack.canRedo());
}

} // namespace sessionlens::gui
