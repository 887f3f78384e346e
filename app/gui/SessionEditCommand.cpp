#include "SessionEditCommand.h"

#include "SessionTreeModel.h"
#include "json/PythonRepr.h"

#include <QUndoStack>

namespace sessionlens::gui {

SessionEditCommand::SessionEditCommand(SessionTreeModel &model, Kind kind, SessionPath path)
    : m_model(model), m_kind(kind), m_path(std::move(path))
{
}

void SessionEditCommand::setTexts(QString text, QString undoText, QString redoText)
{
    setText(text);
    m_undoText = std::move(undoText);
    m_redoText = std::move(redoText);
}

SessionEditCommand *SessionEditCommand::replace(SessionTreeModel &model, SessionPath path,
                                                SessionValue before, SessionValue after,
                                                Origin origin)
{
    auto *command = new SessionEditCommand(model, Kind::Replace, std::move(path));
    const QString where = PythonRepr::path(model.document().nodeAt(command->m_path));
    if (origin == Origin::JsonText)
        command->setTexts(tr("Apply the JSON text"), tr("&Undo Applying the JSON Text"),
                          tr("&Redo Applying the JSON Text"));
    else if (origin == Origin::Recovery)
        command->setTexts(tr("Restore autosaved edits"), tr("&Undo Restoring Autosaved Edits"),
                          tr("&Redo Restoring Autosaved Edits"));
    else if (before.type() == after.type())
        command->setTexts(tr("Edit %1").arg(where), tr("&Undo Edit of %1").arg(where),
                          tr("&Redo Edit of %1").arg(where));
    else
        command->setTexts(tr("Change type of %1").arg(where),
                          tr("&Undo Type Change of %1").arg(where),
                          tr("&Redo Type Change of %1").arg(where));
    command->m_before = std::move(before);
    command->m_after = std::move(after);
    command->m_origin = origin;
    return command;
}

SessionEditCommand *SessionEditCommand::insert(SessionTreeModel &model, SessionPath parentPath,
                                               qsizetype row, QString key, SessionValue value)
{
    auto *command = new SessionEditCommand(model, Kind::Insert, std::move(parentPath));
    if (key.isEmpty())
        command->setTexts(tr("Add item"), tr("&Undo Adding an Item"), tr("&Redo Adding an Item"));
    else
        command->setTexts(tr("Add key \"%1\"").arg(key), tr("&Undo Adding Key \"%1\"").arg(key),
                          tr("&Redo Adding Key \"%1\"").arg(key));
    command->m_row = row;
    command->m_keyAfter = std::move(key);
    command->m_after = std::move(value);
    return command;
}

SessionEditCommand *SessionEditCommand::remove(SessionTreeModel &model, SessionPath parentPath,
                                               qsizetype row)
{
    auto *command = new SessionEditCommand(model, Kind::Remove, std::move(parentPath));
    const SessionValue *container = model.document().nodeAt(command->m_path);
    const QString where = PythonRepr::path(container ? container->child(row) : nullptr);
    command->setTexts(tr("Delete %1").arg(where), tr("&Undo Deleting %1").arg(where),
                      tr("&Redo Deleting %1").arg(where));
    command->m_row = row;
    return command;
}

SessionEditCommand *SessionEditCommand::rename(SessionTreeModel &model, SessionPath path,
                                               QString before, QString after)
{
    auto *command = new SessionEditCommand(model, Kind::Rename, std::move(path));
    command->setTexts(tr("Rename \"%1\" to \"%2\"").arg(before, after),
                      tr("&Undo Renaming \"%1\" to \"%2\"").arg(before, after),
                      tr("&Redo Renaming \"%1\" to \"%2\"").arg(before, after));
    command->m_keyBefore = std::move(before);
    command->m_keyAfter = std::move(after);
    return command;
}

SessionEditCommand *SessionEditCommand::move(SessionTreeModel &model, SessionPath parentPath,
                                             qsizetype from, qsizetype to)
{
    auto *command = new SessionEditCommand(model, Kind::Move, std::move(parentPath));
    command->setTexts(tr("Move item"), tr("&Undo Moving an Item"), tr("&Redo Moving an Item"));
    command->m_row = from;
    command->m_to = to;
    return command;
}

int SessionEditCommand::id() const
{
    // Distinct ids per origin: typing in a cell never merges with an applied JSON text.
    if (m_kind != Kind::Replace)
        return -1;
    switch (m_origin) {
    case Origin::CellTyping:
        return 1;
    case Origin::JsonText:
        return 2;
    case Origin::Other:
    case Origin::Recovery:
        break;
    }
    return -1;
}

bool SessionEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const SessionEditCommand *>(other);
    if (!next || next->m_kind != Kind::Replace || next->m_origin != m_origin ||
        next->m_path != m_path || next->m_before.type() != m_after.type())
        return false;
    m_after = next->m_after;
    // Typed back to where it started: the step undoes nothing, so the stack drops it.
    setObsolete(m_after == m_before && m_after.type() != SessionValue::Type::Float);
    return true;
}

QString SessionEditCommand::undoActionText(const QUndoStack &stack)
{
    const auto *command =
        stack.canUndo() ? dynamic_cast<const SessionEditCommand *>(stack.command(stack.index() - 1))
                        : nullptr;
    return command ? command->m_undoText : tr("&Undo");
}

QString SessionEditCommand::redoActionText(const QUndoStack &stack)
{
    const auto *command =
        stack.canRedo() ? dynamic_cast<const SessionEditCommand *>(stack.command(stack.index()))
                        : nullptr;
    return command ? command->m_redoText : tr("&Redo");
}

void SessionEditCommand::redo()
{
    switch (m_kind) {
    case Kind::Replace:
        m_model.replaceNode(m_path, m_after);
        break;
    case Kind::Insert:
        m_model.insertNode(m_path, m_row, m_keyAfter, m_after);
        break;
    case Kind::Remove: {
        const SessionValue *container = m_model.document().nodeAt(m_path);
        if (container && m_row < container->size())
            m_keyBefore = container->child(m_row)->key();
        m_before = m_model.removeNode(m_path, m_row);
        break;
    }
    case Kind::Rename:
        m_model.renameNode(m_path, m_keyAfter);
        break;
    case Kind::Move:
        m_model.moveNode(m_path, m_row, m_to);
        break;
    case Kind::Convert:
        break; // ConvertCommand's own
    }
}

void SessionEditCommand::undo()
{
    switch (m_kind) {
    case Kind::Replace:
        m_model.replaceNode(m_path, m_before);
        break;
    case Kind::Insert:
        m_model.removeNode(m_path, m_row);
        break;
    case Kind::Remove:
        m_model.insertNode(m_path, m_row, m_keyBefore, m_before);
        break;
    case Kind::Rename:
        m_model.renameNode(m_path, m_keyBefore);
        break;
    case Kind::Move:
        m_model.moveNode(m_path, m_to, m_row);
        break;
    case Kind::Convert:
        break; // ConvertCommand's own
    }
}

} // namespace sessionlens::gui
