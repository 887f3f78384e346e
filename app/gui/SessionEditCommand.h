#pragma once

#include "document/SessionDocument.h"

#include <QUndoCommand>

namespace sessionlens::gui {

class SessionTreeModel;

/**
 * One undoable edit of the session, addressed by path so that it replays
 * correctly after other edits were undone and redone.
 */
class SessionEditCommand : public QUndoCommand
{
public:
    enum class Kind
    {
        Replace,
        Insert,
        Remove,
        Rename,
        Move
    };

    static SessionEditCommand *replace(SessionTreeModel &model, SessionPath path,
                                       SessionValue before, SessionValue after);
    static SessionEditCommand *insert(SessionTreeModel &model, SessionPath parentPath,
                                      qsizetype row, QString key, SessionValue value);
    static SessionEditCommand *remove(SessionTreeModel &model, SessionPath parentPath,
                                      qsizetype row);
    static SessionEditCommand *rename(SessionTreeModel &model, SessionPath path, QString before,
                                      QString after);
    static SessionEditCommand *move(SessionTreeModel &model, SessionPath parentPath, qsizetype from,
                                    qsizetype to);

    void redo() override;
    void undo() override;

    [[nodiscard]] Kind kind() const { return m_kind; }

private:
    SessionEditCommand(SessionTreeModel &model, Kind kind, SessionPath path);

    SessionTreeModel &m_model;
    Kind m_kind;
    SessionPath m_path; // the node, or for Insert/Remove/Move the container
    qsizetype m_row = 0;
    qsizetype m_to = 0;
    QString m_keyBefore;
    QString m_keyAfter;
    SessionValue m_before;
    SessionValue m_after;
};

} // namespace sessionlens::gui
