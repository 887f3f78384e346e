#pragma once

#include <QObject>

class QAction;
class QUndoStack;

namespace sessionlens::gui {

/**
 * Edit > Undo and Redo over the session's stack. Own actions rather than the stack's, so each
 * item reads as one translated phrase (SessionEditCommand's), and with every key the platform
 * binds: the generic and Windows schemes put Ctrl+Y before Ctrl+Shift+Z, and setShortcut()
 * would keep only the first.
 */
class UndoActions : public QObject
{
    Q_OBJECT

public:
    UndoActions(QUndoStack &stack, QObject *parent);

    [[nodiscard]] QAction *undo() const { return m_undo; }
    [[nodiscard]] QAction *redo() const { return m_redo; }

private:
    void update();

    QUndoStack &m_stack;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
};

} // namespace sessionlens::gui
