#pragma once

#include <QDialog>

class QMenuBar;
class QTableWidget;

namespace sessionlens::gui {

/// Help ▸ Keyboard Shortcuts: every menu command that has a shortcut, read from the menus
/// themselves so the list cannot fall behind them, and the panels' own shortcuts: every
/// action of the window that names its place (listIn()).
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QMenuBar &menus, QWidget *parent = nullptr);
    /// Lists a panel's action (not in any menu) under `place`, as "place ▸ text".
    static void listIn(QAction *action, const QString &place);
    static constexpr const char *kPlaceProperty = "sessionlensShortcutPlace";
    [[nodiscard]] QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table = nullptr;
};

} // namespace sessionlens::gui
