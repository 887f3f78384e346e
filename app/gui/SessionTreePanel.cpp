#include "SessionTreePanel.h"

#include "ErrorText.h"
#include "SessionEditCommand.h"
#include "SessionTreeModel.h"
#include "ShortcutsDialog.h"
#include "ValueDelegate.h"
#include "text/TypeLabel.h"
#include "text/ValueText.h"
#include "json/PythonRepr.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace sessionlens::gui {

SessionTreePanel::SessionTreePanel(SessionTreeModel &model, QUndoStack &undoStack, QWidget *parent)
    : QWidget(parent), m_model(model), m_undoStack(undoStack)
{
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter keys and values (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(&m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        // What is left are the matches and the containers on the way to them: open them all, so
        // every match is in sight. Without a filter, the tree goes back to its first level.
        if (text.isEmpty())
            m_view->expandToDepth(0);
        else
            m_view->expandAll();
    });

    m_view = new QTreeView(this);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new ValueDelegate(m_view));
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(SessionTreeModel::ValueColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(SessionTreeModel::KeyColumn, kMaxKeyWidth);
    m_autoKeyWidth = kMaxKeyWidth;
    m_view->setColumnWidth(SessionTreeModel::TypeColumn, 70);
    m_view->setColumnWidth(SessionTreeModel::BytesColumn, 60);
    connect(m_view, &QTreeView::customContextMenuRequested, this,
            &SessionTreePanel::showContextMenu);
    // Qt's item views do not open an editor on Enter, and with whole rows selected the arrow
    // keys never reach the Value column: without this, a value cannot be edited from the
    // keyboard alone.
    m_view->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);

    auto makeAction = [this](const QString &text, const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_editActions.append(action);
        return action;
    };
    // These are in the Edit menu (after Undo and Redo) and the context menu (with Change
    // Type): each letter belongs to one item in both, in German too.
    m_addAction =
        makeAction(tr("&Add Key or Item"), QKeySequence(Qt::Key_Insert), [this] { addEntry(); });
    m_deleteAction = makeAction(tr("&Delete"), QKeySequence::Delete, [this] { deleteCurrent(); });
    m_renameAction =
        makeAction(tr("Re&name Key"), QKeySequence(Qt::Key_F2), [this] { renameCurrent(); });
    m_upAction = makeAction(tr("&Move Up"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up),
                            [this] { moveCurrent(-1); });
    m_downAction = makeAction(tr("Move Do&wn"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down),
                              [this] { moveCurrent(1); });
    m_copyPathAction = makeAction(tr("&Copy Path"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                                  [this] { copyPath(); });
    m_copyValueAction = makeAction(tr("Copy &Value"), QKeySequence::Copy, [this] { copyValue(); });

    m_typeMenu = new QMenu(tr("Change &Type"), this);
    using Type = SessionValue::Type;
    // The last four exist only in Flask's tagged JSON: the menu says so.
    const std::pair<Type, bool> types[] = {
        {Type::String, false}, {Type::Integer, false}, {Type::Float, false}, {Type::Bool, false},
        {Type::Null, false},   {Type::Bytes, false},   {Type::List, false},  {Type::Dict, false},
        {Type::Tuple, true},   {Type::Markup, true},   {Type::Uuid, true},   {Type::DateTime, true},
    };
    for (const auto &[type, flaskOnly] : types) {
        const QString label = TypeLabel::of(type);
        QAction *action = m_typeMenu->addAction(flaskOnly ? tr("%1 (Flask)").arg(label) : label);
        connect(action, &QAction::triggered, this,
                [this, type = type] { changeCurrentType(type); });
    }

    auto *filterAction = new QAction(tr("Filter Keys and Values"), this);
    filterAction->setShortcut(QKeySequence::Find);
    ShortcutsDialog::listIn(filterAction, tr("Tree"));
    connect(filterAction, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    addAction(filterAction);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SessionTreePanel::updateActions);
    // A moved row stays the current one, so no currentChanged says that Move Up / Down now
    // apply differently (after Ctrl+Shift+Up from the last row, Down stayed disabled).
    connect(&m_model, &QAbstractItemModel::rowsMoved, this, &SessionTreePanel::updateActions);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &SessionTreePanel::updateActions);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &SessionTreePanel::updateActions);
    // An edit changes the marks of the containers above it too.
    connect(&m_model, &SessionTreeModel::sessionChanged, m_view->viewport(),
            qOverload<>(&QWidget::update));
    connect(&m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandToDepth(0);
        fitKeyColumn();
        updateActions();
    });
    updateActions();
}

void SessionTreePanel::fitKeyColumn()
{
    // As wide as the keys shown (within bounds), so the values keep the rest; a width the
    // user chose is left alone.
    if (m_view->columnWidth(SessionTreeModel::KeyColumn) != m_autoKeyWidth)
        return;
    m_autoKeyWidth = std::clamp(static_cast<const QAbstractItemView *>(m_view)->sizeHintForColumn(
                                    SessionTreeModel::KeyColumn) +
                                    kKeyPadding,
                                kMinKeyWidth, kMaxKeyWidth);
    m_view->setColumnWidth(SessionTreeModel::KeyColumn, m_autoKeyWidth);
}

QModelIndex SessionTreePanel::editableValueIndex() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return {};
    const QModelIndex value = current.siblingAtColumn(SessionTreeModel::ValueColumn);
    return value.flags().testFlag(Qt::ItemIsEditable) ? value : QModelIndex();
}

bool SessionTreePanel::eventFilter(QObject *watched, QEvent *event)
{
    // Only keys meant for the view itself: while an editor is open it has the focus, and the
    // keys it passes on (its own Enter) must not open another.
    if (watched != m_view || !m_view->hasFocus() ||
        (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride))
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const QModelIndex value = editableValueIndex();
    if (!value.isValid())
        return QWidget::eventFilter(watched, event);
    const bool onKey = m_view->currentIndex().column() == SessionTreeModel::KeyColumn;
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    const bool f2 = key->key() == Qt::Key_F2 && modifiers == Qt::NoModifier;
    if (event->type() == QEvent::ShortcutOverride) {
        // F2 renames the key on the Key column; on the Value column it edits the value, as in
        // any item view, so the Rename action must not take it there.
        if (f2 && !onKey) {
            event->accept();
            return true;
        }
        return QWidget::eventFilter(watched, event);
    }
    const bool enter = (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
                       modifiers == Qt::NoModifier;
    if (enter || (f2 && !onKey)) {
        m_view->selectionModel()->setCurrentIndex(value, QItemSelectionModel::NoUpdate);
        m_view->edit(value);
        return true;
    }
    // Typing on a selected row starts the value's editor with that text (the view does that for
    // its current cell, so the current cell becomes the Value cell first).
    const QString text = key->text();
    if (!text.isEmpty() && text.at(0).isPrint() &&
        !(modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) &&
        m_view->currentIndex().column() != SessionTreeModel::ValueColumn)
        m_view->selectionModel()->setCurrentIndex(value, QItemSelectionModel::NoUpdate);
    return QWidget::eventFilter(watched, event);
}

QModelIndex SessionTreePanel::currentSourceIndex() const
{
    return m_proxy->mapToSource(m_view->currentIndex());
}

void SessionTreePanel::setCurrentSourceIndex(const QModelIndex &source)
{
    const QModelIndex proxyIndex = m_proxy->mapFromSource(source);
    m_view->setCurrentIndex(proxyIndex);
    m_view->scrollTo(proxyIndex);
}

void SessionTreePanel::updateActions()
{
    const QModelIndex current = currentSourceIndex();
    const SessionValue *node = current.isValid() ? m_model.node(current) : nullptr;
    const bool inDict =
        node && node->parent() && node->parent()->type() == SessionValue::Type::Dict;
    m_deleteAction->setEnabled(node != nullptr);
    m_renameAction->setEnabled(inDict);
    m_upAction->setEnabled(node && current.row() > 0);
    m_downAction->setEnabled(node && node->parent() && current.row() + 1 < node->parent()->size());
    m_copyPathAction->setEnabled(node != nullptr);
    m_copyValueAction->setEnabled(node != nullptr);
    m_typeMenu->setEnabled(node != nullptr);
}

void SessionTreePanel::showContextMenu(const QPoint &position)
{
    updateActions();
    QMenu menu(this);
    menu.addAction(m_addAction);
    menu.addAction(m_renameAction);
    menu.addMenu(m_typeMenu);
    menu.addSeparator();
    menu.addAction(m_upAction);
    menu.addAction(m_downAction);
    menu.addSeparator();
    menu.addAction(m_copyPathAction);
    menu.addAction(m_copyValueAction);
    menu.addSeparator();
    menu.addAction(m_deleteAction);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void SessionTreePanel::addEntry()
{
    const QModelIndex current = currentSourceIndex();
    const SessionValue *node = m_model.node(current);
    // Into the selected container, or next to the selected scalar.
    const SessionValue *container = node->isContainer() ? node : node->parent();
    qsizetype row = node->isContainer() ? container->size() : current.row() + 1;
    if (!container)
        return;
    QString key;
    if (container->type() == SessionValue::Type::Dict) {
        key = QStringLiteral("new_key");
        for (int n = 2; container->indexOfKey(key) >= 0; ++n)
            key = QStringLiteral("new_key_%1").arg(n);
    }
    const SessionPath parentPath = SessionDocument::pathOf(container);
    m_undoStack.push(SessionEditCommand::insert(m_model, parentPath, row, key,
                                                SessionValue::makeString(QString())));
    SessionPath childPath = parentPath;
    childPath.append(row);
    const QModelIndex added = m_model.indexForPath(
        childPath, key.isEmpty() ? SessionTreeModel::ValueColumn : SessionTreeModel::KeyColumn);
    if (m_proxy->mapFromSource(m_model.indexForPath(parentPath)).isValid())
        m_view->expand(m_proxy->mapFromSource(m_model.indexForPath(parentPath)));
    setCurrentSourceIndex(added);
    m_view->edit(m_proxy->mapFromSource(added));
}

void SessionTreePanel::deleteCurrent()
{
    const QModelIndex current = currentSourceIndex();
    if (!current.isValid())
        return;
    const SessionValue *node = m_model.node(current);
    m_undoStack.push(SessionEditCommand::remove(m_model, SessionDocument::pathOf(node->parent()),
                                                current.row()));
}

void SessionTreePanel::renameCurrent()
{
    const QModelIndex current = currentSourceIndex();
    if (!current.isValid())
        return;
    m_view->edit(m_proxy->mapFromSource(current.siblingAtColumn(SessionTreeModel::KeyColumn)));
}

void SessionTreePanel::moveCurrent(int delta)
{
    const QModelIndex current = currentSourceIndex();
    if (!current.isValid())
        return;
    const SessionValue *node = m_model.node(current);
    const qsizetype to = current.row() + delta;
    if (to < 0 || to >= node->parent()->size())
        return;
    const SessionPath parentPath = SessionDocument::pathOf(node->parent());
    m_undoStack.push(SessionEditCommand::move(m_model, parentPath, current.row(), to));
    SessionPath moved = parentPath;
    moved.append(to);
    setCurrentSourceIndex(m_model.indexForPath(moved));
}

void SessionTreePanel::changeCurrentType(SessionValue::Type newType)
{
    const QModelIndex current = currentSourceIndex();
    if (!current.isValid())
        return;
    const SessionValue *node = m_model.node(current);
    if (node->type() == newType)
        return;
    const SessionPath path = SessionDocument::pathOf(node);
    SessionValue converted = ValueText::convert(*node, newType);
    if (auto placed = SessionDocument::checkPlacement(path, converted); !placed) {
        Q_EMIT m_model.editRejected(tr("Not changed: %1").arg(ErrorText::describe(placed.error())));
        return;
    }
    m_undoStack.push(SessionEditCommand::replace(m_model, path, *node, std::move(converted)));
}

void SessionTreePanel::copyPath()
{
    const QModelIndex current = currentSourceIndex();
    if (!current.isValid())
        return;
    const QString path = PythonRepr::path(m_model.node(current));
    QApplication::clipboard()->setText(path);
    Q_EMIT statusMessage(tr("Copied %1").arg(path));
}

void SessionTreePanel::copyValue()
{
    const QModelIndex current = currentSourceIndex();
    if (!current.isValid())
        return;
    const SessionValue *node = m_model.node(current);
    QApplication::clipboard()->setText(
        node->type() == SessionValue::Type::String ? node->stringValue() : PythonRepr::repr(*node));
    Q_EMIT statusMessage(tr("Copied the value of %1").arg(PythonRepr::path(node)));
}

} // namespace sessionlens::gui
