#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sessionlens::gui {

namespace {

void collect(const QMenu &menu, const QString &path, QList<QPair<QString, QString>> &rows)
{
    for (QAction *action : menu.actions()) {
        const QString name = QString(action->text()).remove(u'&');
        if (action->menu()) {
            collect(*action->menu(), path + QStringLiteral(" ▸ ") + name, rows);
            continue;
        }
        if (action->isSeparator())
            continue;
        for (const QKeySequence &shortcut : action->shortcuts()) {
            if (!shortcut.isEmpty())
                rows.append({path + QStringLiteral(" ▸ ") + name,
                             shortcut.toString(QKeySequence::NativeText)});
        }
    }
}

} // namespace

void ShortcutsDialog::listIn(QAction *action, const QString &place)
{
    action->setProperty(kPlaceProperty, place);
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar &menus, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(560, 480);
    QList<QPair<QString, QString>> rows;
    for (QAction *top : menus.actions()) {
        if (top->menu())
            collect(*top->menu(), QString(top->text()).remove(u'&'), rows);
    }
    if (const QWidget *window = menus.parentWidget()) {
        for (const QAction *action : window->findChildren<QAction *>()) {
            const QString place = action->property(kPlaceProperty).toString();
            if (place.isEmpty())
                continue;
            for (const QKeySequence &shortcut : action->shortcuts())
                if (!shortcut.isEmpty())
                    rows.append(
                        {place + QStringLiteral(" ▸ ") + QString(action->text()).remove(u'&'),
                         shortcut.toString(QKeySequence::NativeText)});
        }
    }
    m_table = new QTableWidget(int(rows.size()), 2, this);
    m_table->setHorizontalHeaderLabels({tr("Command"), tr("Shortcut")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int i = 0; i < rows.size(); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(rows[i].first));
        m_table->setItem(i, 1, new QTableWidgetItem(rows[i].second));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
}

} // namespace sessionlens::gui
