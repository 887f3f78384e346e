#include "SessionTreeModel.h"

#include "SessionEditCommand.h"
#include "text/TreeText.h"
#include "text/TypeLabel.h"
#include "json/PythonJsonWriter.h"
#include "json/PythonRepr.h"

#include <QColor>
#include <QFont>
#include <QFontDatabase>
#include <QUndoStack>

namespace sessionlens::gui {

namespace {

// One line for the value column: control characters shown as escapes.
QString singleLine(const QString &text)
{
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), 512));
    for (const QChar c : text) {
        if (out.size() > 500) {
            out.append(QChar(0x2026));
            break;
        }
        if (c == u'\n')
            out.append(QLatin1String("\\n"));
        else if (c == u'\t')
            out.append(QLatin1String("\\t"));
        else if (c == u'\r')
            out.append(QLatin1String("\\r"));
        else if (c.unicode() < 0x20)
            out.append(QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QChar(u'0')));
        else
            out.append(c);
    }
    return out;
}

} // namespace

SessionTreeModel::SessionTreeModel(SessionDocument &document, QUndoStack &undoStack,
                                   QObject *parent)
    : QAbstractItemModel(parent), m_document(document), m_undoStack(undoStack)
{
}

const SessionValue *SessionTreeModel::node(const QModelIndex &index) const
{
    if (!index.isValid())
        return &m_document.root();
    return static_cast<const SessionValue *>(index.internalPointer());
}

SessionValue *SessionTreeModel::mutableNode(const QModelIndex &index) const
{
    return const_cast<SessionValue *>(node(index));
}

QModelIndex SessionTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const SessionValue *container = node(parent);
    if (!container || row < 0 || row >= container->size())
        return {};
    return createIndex(row, column, const_cast<SessionValue *>(container->child(row)));
}

QModelIndex SessionTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const SessionValue *container = node(child)->parent();
    if (!container || container == &m_document.root())
        return {};
    return createIndex(int(container->indexInParent()), 0, const_cast<SessionValue *>(container));
}

int SessionTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const SessionValue *container = node(parent);
    return container && container->isContainer() ? int(container->size()) : 0;
}

int SessionTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

qsizetype SessionTreeModel::serializedSize(const SessionValue *n) const
{
    auto it = m_sizeCache.constFind(n);
    if (it != m_sizeCache.constEnd())
        return it.value();
    QByteArray out;
    PythonJsonWriter::append(*n, out, m_jsonStyle);
    m_sizeCache.insert(n, out.size());
    return out.size();
}

void SessionTreeModel::invalidateCaches()
{
    m_sizeCache.clear();
    m_edits.clear();
    m_editsStale = true;
}

namespace {

// Marks `node` 2 when it differs from `original` (or has none), and every container on the way
// down 1 when something inside it does. Returns whether anything in `node` differs.
bool markEdits(const SessionValue &node, const SessionValue *original,
               QHash<const SessionValue *, int> &edits)
{
    if (!original || original->type() != node.type()) {
        edits.insert(&node, 2);
        return true;
    }
    if (!node.isContainer()) {
        if (node == *original)
            return false;
        edits.insert(&node, 2);
        return true;
    }
    bool inside = false;
    if (node.isSequence()) {
        for (qsizetype i = 0; i < node.size(); ++i)
            inside |= markEdits(*node.child(i), i < original->size() ? original->child(i) : nullptr,
                                edits);
    } else {
        QHash<QString, const SessionValue *> byKey;
        byKey.reserve(original->size());
        for (qsizetype i = 0; i < original->size(); ++i)
            byKey.insert(original->child(i)->key(), original->child(i));
        for (qsizetype i = 0; i < node.size(); ++i)
            inside |= markEdits(*node.child(i), byKey.value(node.child(i)->key()), edits);
    }
    // A removed entry leaves no node to mark: its container says it changed.
    if (!inside && node.size() != original->size())
        inside = true;
    if (inside)
        edits.insert(&node, 1);
    return inside;
}

} // namespace

void SessionTreeModel::findEdits() const
{
    m_edits.clear();
    markEdits(m_document.root(), &m_document.original(), m_edits);
    m_editsStale = false;
}

int SessionTreeModel::editState(const SessionValue *node) const
{
    if (m_editsStale)
        findEdits();
    return m_edits.value(node, 0);
}

void SessionTreeModel::setFlaskLoginClient(std::optional<FlaskLoginSession::Client> client)
{
    m_flaskLoginClient = std::move(client);
}

QVariant SessionTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const SessionValue *n = node(index);
    const bool inList = n->parent() && n->parent()->isSequence();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            // List positions are painted by the delegate (ListIndexRole): display data
            // stays tied to the item, not to its row.
            return inList ? QString() : singleLine(n->key());
        case TypeColumn:
            return TypeLabel::of(n->type());
        case ValueColumn:
            if (n->isContainer())
                return tr("%n item(s)", nullptr, int(n->size()));
            if (n->type() == SessionValue::Type::String || n->type() == SessionValue::Type::Markup)
                return singleLine(n->stringValue());
            if (n->type() == SessionValue::Type::Uuid || n->type() == SessionValue::Type::DateTime)
                return ValueText::editText(*n, m_bytesForm);
            if (n->type() == SessionValue::Type::Bytes)
                return singleLine(ValueText::editText(*n, m_bytesForm));
            return TreeText::scalarText(*n);
        case BytesColumn:
            return serializedSize(n);
        }
        break;
    case Qt::EditRole:
        if (index.column() == KeyColumn)
            return n->key();
        if (index.column() == ValueColumn)
            return ValueText::editText(*n, m_bytesForm);
        break;
    case Qt::ToolTipRole: {
        // Flask-Login's keys say what they hold, from the core's table.
        const QString note =
            n->parent() == &m_document.root()
                ? FlaskLoginSession::noteFor(m_document.root(), n->key(), m_flaskLoginClient)
                : QString();
        return note.isEmpty() ? PythonRepr::path(n) : PythonRepr::path(n) + u'\n' + note;
    }
    case Qt::TextAlignmentRole:
        if (index.column() == BytesColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::FontRole:
        if (index.column() == ValueColumn || index.column() == KeyColumn) {
            QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
            // The way down to an edit is bold; the edit itself is also shaded.
            font.setBold(editState(n) > 0);
            return font;
        }
        break;
    case Qt::BackgroundRole:
        if (editState(n) == 2)
            return QColor(0xff, 0xf3, 0xc4);
        break;
    case EditedRole:
        return editState(n);
    case PathRole:
        return QVariant::fromValue(SessionDocument::pathOf(n));
    case TypeRole:
        return int(n->type());
    case ListIndexRole:
        return inList ? QVariant(index.row()) : QVariant();
    case DisplayPathRole:
        return PythonRepr::path(n);
    }
    return {};
}

QVariant SessionTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case TypeColumn:
        return tr("Type");
    case ValueColumn:
        return tr("Value");
    case BytesColumn:
        return tr("Bytes");
    }
    return {};
}

Qt::ItemFlags SessionTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const SessionValue *n = node(index);
    if (index.column() == KeyColumn && n->parent() &&
        n->parent()->type() == SessionValue::Type::Dict)
        flags |= Qt::ItemIsEditable;
    if (index.column() == ValueColumn && !n->isContainer() && n->type() != SessionValue::Type::Null)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool SessionTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const SessionValue *n = node(index);
    const SessionPath path = SessionDocument::pathOf(n);
    if (index.column() == KeyColumn) {
        const QString key = value.toString();
        if (key == n->key())
            return true;
        if (n->parent()->indexOfKey(key) >= 0) {
            Q_EMIT editRejected(tr("The key \"%1\" exists already in this dict.").arg(key));
            return false;
        }
        m_undoStack.push(SessionEditCommand::rename(*this, path, n->key(), key));
        return true;
    }
    auto parsed = ValueText::parse(n->type(), value.toString(), m_bytesForm);
    if (!parsed) {
        Q_EMIT editRejected(
            tr("Not a valid %1: %2").arg(TypeLabel::of(n->type()), parsed.error().message));
        return false;
    }
    if (parsed.value() == *n && parsed->type() != SessionValue::Type::Float)
        return true;
    m_undoStack.push(SessionEditCommand::replace(*this, path, *n, std::move(parsed).value(),
                                                 SessionEditCommand::Origin::CellTyping));
    return true;
}

QModelIndex SessionTreeModel::indexForNode(const SessionValue *n, int column) const
{
    if (!n || n == &m_document.root())
        return {};
    return createIndex(int(n->indexInParent()), column, const_cast<SessionValue *>(n));
}

QModelIndex SessionTreeModel::indexForPath(const SessionPath &path, int column) const
{
    return indexForNode(m_document.nodeAt(path), column);
}

SessionPath SessionTreeModel::pathForIndex(const QModelIndex &index) const
{
    return SessionDocument::pathOf(node(index));
}

void SessionTreeModel::setBytesForm(ValueText::BytesForm form)
{
    if (form == m_bytesForm)
        return;
    beginResetModel();
    m_bytesForm = form;
    endResetModel();
}

void SessionTreeModel::setJsonStyle(PythonJsonWriter::Style style)
{
    if (style == m_jsonStyle)
        return;
    m_jsonStyle = style;
    invalidateCaches();
    // Every node's serialized size is in the new dialect: the Bytes column says so at once.
    // (A range over the top level repaints the whole view; deeper rows are read afresh.)
    if (const int rows = rowCount(); rows > 0)
        Q_EMIT dataChanged(index(0, BytesColumn), index(rows - 1, BytesColumn), {Qt::DisplayRole});
}

void SessionTreeModel::resetFromDocument()
{
    beginResetModel();
    invalidateCaches();
    endResetModel();
    Q_EMIT sessionChanged();
}

void SessionTreeModel::touchAncestors(const SessionValue *n)
{
    for (const SessionValue *p = n; p && p != &m_document.root(); p = p->parent()) {
        const QModelIndex first = indexForNode(p, 0);
        Q_EMIT dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
    }
}

void SessionTreeModel::changed()
{
    invalidateCaches();
    Q_EMIT sessionChanged();
}

void SessionTreeModel::replaceNode(const SessionPath &path, SessionValue value)
{
    SessionValue *n = m_document.nodeAt(path);
    if (!n)
        return;
    const QModelIndex index = indexForNode(n);
    if (n->size() > 0) {
        beginRemoveRows(index, 0, int(n->size() - 1));
        n->assign(n->type() == SessionValue::Type::Dict ? SessionValue::makeDict()
                                                        : SessionValue::makeList());
        endRemoveRows();
    }
    const qsizetype incoming = value.size();
    if (incoming > 0)
        beginInsertRows(index, 0, int(incoming - 1));
    n->assign(std::move(value));
    if (incoming > 0)
        endInsertRows();
    invalidateCaches();
    touchAncestors(n);
    changed();
}

void SessionTreeModel::insertNode(const SessionPath &parentPath, qsizetype row, const QString &key,
                                  SessionValue value)
{
    SessionValue *container = m_document.nodeAt(parentPath);
    if (!container || !container->isContainer())
        return;
    beginInsertRows(indexForNode(container), int(row), int(row));
    if (container->type() == SessionValue::Type::Dict)
        container->insertEntry(row, key, std::move(value));
    else
        container->insert(row, std::move(value));
    endInsertRows();
    invalidateCaches();
    touchAncestors(container);
    // List rows after the insertion show new indices.
    if (container->isSequence() && row + 1 < container->size())
        Q_EMIT dataChanged(indexForNode(container->child(row + 1)),
                           indexForNode(container->child(container->size() - 1)));
    changed();
}

SessionValue SessionTreeModel::removeNode(const SessionPath &parentPath, qsizetype row)
{
    SessionValue *container = m_document.nodeAt(parentPath);
    if (!container || row < 0 || row >= container->size())
        return {};
    beginRemoveRows(indexForNode(container), int(row), int(row));
    SessionValue removed = container->take(row);
    endRemoveRows();
    invalidateCaches();
    touchAncestors(container);
    if (container->isSequence() && row < container->size())
        Q_EMIT dataChanged(indexForNode(container->child(row)),
                           indexForNode(container->child(container->size() - 1)));
    changed();
    return removed;
}

void SessionTreeModel::renameNode(const SessionPath &path, const QString &key)
{
    SessionValue *n = m_document.nodeAt(path);
    if (!n || !n->parent())
        return;
    if (!n->parent()->renameChild(n->indexInParent(), key))
        return;
    invalidateCaches();
    touchAncestors(n);
    changed();
}

void SessionTreeModel::moveNode(const SessionPath &parentPath, qsizetype from, qsizetype to)
{
    SessionValue *container = m_document.nodeAt(parentPath);
    if (!container || from == to || from < 0 || to < 0 || from >= container->size() ||
        to >= container->size())
        return;
    const QModelIndex parentIndex = indexForNode(container);
    // Qt's destination row counts positions before the move.
    const int destination = int(to > from ? to + 1 : to);
    if (!beginMoveRows(parentIndex, int(from), int(from), parentIndex, destination))
        return;
    container->move(from, to);
    endMoveRows();
    invalidateCaches();
    touchAncestors(container);
    if (container->isSequence())
        Q_EMIT dataChanged(indexForNode(container->child(std::min(from, to))),
                           indexForNode(container->child(std::max(from, to))));
    changed();
}

} // namespace sessionlens::gui
