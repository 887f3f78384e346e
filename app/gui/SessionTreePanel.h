#pragma once

#include "json/SessionValue.h"

#include <QWidget>

class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QTreeView;
class QUndoStack;

namespace sessionlens::gui {

class SessionTreeModel;

/// The session tree with its filter and its editing actions (add, delete, rename, reorder, change
/// type, copy).
class SessionTreePanel : public QWidget
{
    Q_OBJECT

public:
    SessionTreePanel(SessionTreeModel &model, QUndoStack &undoStack, QWidget *parent = nullptr);

    [[nodiscard]] QTreeView *view() const { return m_view; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    /// Source-model index of the current row (invalid when nothing is selected).
    [[nodiscard]] QModelIndex currentSourceIndex() const;
    void setCurrentSourceIndex(const QModelIndex &source);
    [[nodiscard]] QList<QAction *> editActions() const { return m_editActions; }

    void addEntry();
    void deleteCurrent();
    void renameCurrent();
    void moveCurrent(int delta);
    void changeCurrentType(SessionValue::Type newType);
    void copyPath();
    void copyValue();

Q_SIGNALS:
    void statusMessage(const QString &message);

protected:
    /// Keyboard-only editing: Enter, F2 (on the Value column) and typing open the Value editor.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static constexpr int kMinKeyWidth = 100;
    static constexpr int kMaxKeyWidth = 200;
    static constexpr int kKeyPadding = 16;
    void fitKeyColumn();
    /// The current row's Value cell (proxy index) when it can be edited, else invalid.
    [[nodiscard]] QModelIndex editableValueIndex() const;
    void showContextMenu(const QPoint &position);
    void updateActions();

    SessionTreeModel &m_model;
    QUndoStack &m_undoStack;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTreeView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QMenu *m_typeMenu = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_upAction = nullptr;
    QAction *m_downAction = nullptr;
    QAction *m_copyPathAction = nullptr;
    QAction *m_copyValueAction = nullptr;
    QList<QAction *> m_editActions;
    int m_autoKeyWidth = 0; // the Key column's width as last fitted
};

} // namespace sessionlens::gui
