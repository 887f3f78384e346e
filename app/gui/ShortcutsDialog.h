#pragma once

#include <QDialog>

class QMenuBar;
class QTableWidget;

namespace sessionlens::gui {

/// Help ▸ Keyboard Shortcuts: every menu command that has a shortcut, read from the menus
/// themselves so the list cannot fall behind them.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QMenuBar &menus, QWidget *parent = nullptr);
    [[nodiscard]] QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table = nullptr;
};

} // namespace sessionlens::gui
