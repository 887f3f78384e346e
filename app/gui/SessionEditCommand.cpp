#include "SessionEditCommand.h"

#include "SessionTreeModel.h"

namespace sessionlens::gui {

SessionEditCommand::SessionEditCommand(SessionTreeModel &model, Kind kind, SessionPath path)
    : m_model(model), m_kind(kind), m_path(std::move(path))
{
}

SessionEditCommand *SessionEditCommand::replace(SessionTreeModel &model, SessionPath path,
                                                SessionValue before, SessionValue after)
{
    auto *command = new SessionEditCommand(model, Kind::Replace, std::move(path));
    const QString where = SessionDocument::displayPath(model.document().nodeAt(command->m_path));
    command->setText(before.type() == after.type()
                         ? SessionTreeModel::tr("Edit %1").arg(where)
                         : SessionTreeModel::tr("Change type of %1").arg(where));
    command->m_before = std::move(before);
    command->m_after = std::move(after);
    return command;
}

SessionEditCommand *SessionEditCommand::insert(SessionTreeModel &model, SessionPath parentPath,
                                               qsizetype row, QString key, SessionValue value)
{
    auto *command = new SessionEditCommand(model, Kind::Insert, std::move(parentPath));
    command->setText(key.isEmpty() ? SessionTreeModel::tr("Add item")
                                   : SessionTreeModel::tr("Add key \"%1\"").arg(key));
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
    command->setText(
        SessionTreeModel::tr("Delete %1")
            .arg(SessionDocument::displayPath(container ? container->child(row) : nullptr)));
    command->m_row = row;
    return command;
}

SessionEditCommand *SessionEditCommand::rename(SessionTreeModel &model, SessionPath path,
                                               QString before, QString after)
{
    auto *command = new SessionEditCommand(model, Kind::Rename, std::move(path));
    command->setText(SessionTreeModel::tr("Rename \"%1\" to \"%2\"").arg(before, after));
    command->m_keyBefore = std::move(before);
    command->m_keyAfter = std::move(after);
    return command;
}

SessionEditCommand *SessionEditCommand::move(SessionTreeModel &model, SessionPath parentPath,
                                             qsizetype from, qsizetype to)
{
    auto *command = new SessionEditCommand(model, Kind::Move, std::move(parentPath));
    command->setText(SessionTreeModel::tr("Move item"));
    command->m_row = from;
    command->m_to = to;
    return command;
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
    }
}

} // namespace sessionlens::gui
