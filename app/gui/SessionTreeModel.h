#pragma once

#include "document/SessionDocument.h"
#include "formats/FlaskLoginSession.h"
#include "text/ValueText.h"
#include "json/PythonJsonWriter.h"

#include <QAbstractItemModel>
#include <QHash>

class QUndoStack;

namespace sessionlens::gui {

/**
 * Item model over the document's SessionValue tree: key, type, value and
 * serialized bytes per node. Edits made through setData() become undo
 * commands; the commands call the raw mutators below, which keep the view
 * informed with precise row signals.
 */
class SessionTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        KeyColumn,
        TypeColumn,
        ValueColumn,
        BytesColumn,
        ColumnCount
    };
    enum Role
    {
        PathRole = Qt::UserRole + 1,
        TypeRole,
        DisplayPathRole,
        ListIndexRole,
        /// 2 for a node edited since the cookie was opened (changed or added), 1 for a container
        /// holding such an edit, 0 otherwise.
        EditedRole
    };

    SessionTreeModel(SessionDocument &document, QUndoStack &undoStack, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Key and value edits become undoable commands; invalid text is refused with editRejected().
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    [[nodiscard]] SessionDocument &document() { return m_document; }
    [[nodiscard]] const SessionValue *node(const QModelIndex &index) const;
    [[nodiscard]] QModelIndex indexForPath(const SessionPath &path, int column = 0) const;
    [[nodiscard]] SessionPath pathForIndex(const QModelIndex &index) const;

    void setBytesForm(ValueText::BytesForm form);
    /// The dialect the Bytes column measures in (the cookie format's).
    void setJsonStyle(PythonJsonWriter::Style style);
    [[nodiscard]] ValueText::BytesForm bytesForm() const { return m_bytesForm; }
    /// The client Flask-Login's `_id` is checked against in the tooltips (nullopt: none known).
    void setFlaskLoginClient(std::optional<FlaskLoginSession::Client> client);

    /// The whole document changed (new cookie, JSON applied): views start over.
    void resetFromDocument();

    // Raw mutators for undo commands: no undo of their own.
    void replaceNode(const SessionPath &path, SessionValue value);
    void insertNode(const SessionPath &parentPath, qsizetype row, const QString &key,
                    SessionValue value);
    SessionValue removeNode(const SessionPath &parentPath, qsizetype row);
    void renameNode(const SessionPath &path, const QString &key);
    void moveNode(const SessionPath &parentPath, qsizetype from, qsizetype to);

Q_SIGNALS:
    /// After every change of the session (edits, undo, redo, reset).
    void sessionChanged();
    void editRejected(const QString &reason);

private:
    SessionValue *mutableNode(const QModelIndex &index) const;
    QModelIndex indexForNode(const SessionValue *node, int column = 0) const;
    qsizetype serializedSize(const SessionValue *node) const;
    void touchAncestors(const SessionValue *node);
    void changed();

    SessionDocument &m_document;
    std::optional<FlaskLoginSession::Client> m_flaskLoginClient;
    QUndoStack &m_undoStack;
    ValueText::BytesForm m_bytesForm = ValueText::BytesForm::Hex;
    PythonJsonWriter::Style m_jsonStyle = PythonJsonWriter::Style::EncryptedSession;
    mutable QHash<const SessionValue *, qsizetype> m_sizeCache;
    // Which nodes differ from the opened session; found in one walk, again after each change.
    void invalidateCaches();
    void findEdits() const;
    [[nodiscard]] int editState(const SessionValue *node) const;
    mutable QHash<const SessionValue *, int> m_edits;
    mutable bool m_editsStale = true;
};

} // namespace sessionlens::gui
