#pragma once

#include "document/SessionDocument.h"

#include <QCoreApplication>
#include <QUndoCommand>

class QUndoStack;

namespace sessionlens::gui {

class SessionTreeModel;

/**
 * One undoable edit of the session, addressed by path so that it replays
 * correctly after other edits were undone and redone. Every edit of the
 * window is made here, each with whole phrases for its Undo and Redo menu items
 * (a prefix glued to a lower-case fragment reads wrong in German).
 */
class SessionEditCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SessionEditCommand)

public:
    enum class Kind
    {
        Replace,
        Insert,
        Remove,
        Rename,
        Move,
        Convert
    };

    /// Where a replacement comes from: consecutive typing in one cell, or consecutive applies of
    /// the JSON tab, merge into one undo step.
    enum class Origin
    {
        Other,
        CellTyping,
        JsonText,
        Recovery
    };

    static SessionEditCommand *replace(SessionTreeModel &model, SessionPath path,
                                       SessionValue before, SessionValue after,
                                       Origin origin = Origin::Other);
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
    [[nodiscard]] int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] const QString &undoText() const { return m_undoText; }
    [[nodiscard]] const QString &redoText() const { return m_redoText; }

    /// The Edit menu's items for the stack's current position: "&Undo Edit of session['a']".
    [[nodiscard]] static QString undoActionText(const QUndoStack &stack);
    [[nodiscard]] static QString redoActionText(const QUndoStack &stack);

protected:
    SessionEditCommand(SessionTreeModel &model, Kind kind, SessionPath path);
    void setTexts(QString text, QString undoText, QString redoText);

private:
    SessionTreeModel &m_model;
    Kind m_kind;
    SessionPath m_path; // the node, or for Insert/Remove/Move the container
    qsizetype m_row = 0;
    qsizetype m_to = 0;
    QString m_keyBefore;
    QString m_keyAfter;
    SessionValue m_before;
    SessionValue m_after;
    Origin m_origin = Origin::Other;
    QString m_undoText;
    QString m_redoText;
};

} // namespace sessionlens::gui
