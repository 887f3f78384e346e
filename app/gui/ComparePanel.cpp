#include "ComparePanel.h"

#include "json/SessionDiff.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sessionlens::gui {

ComparePanel::ComparePanel(InspectorController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    m_table = new QTreeWidget(this);
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setRootIsDecorated(false);
    m_table->setHeaderLabels({tr("Change"), tr("Path"), tr("Original"), tr("Edited")});
    // The columns share the panel's width; long paths and values elide in the middle and show
    // whole in their tooltips.
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    for (int column = 1; column < 4; ++column)
        m_table->header()->setSectionResizeMode(column, QHeaderView::Stretch);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_summary = new QLabel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);
    connect(&m_controller.model(), &SessionTreeModel::sessionChanged, this, [this] {
        m_stale = true;
        if (isVisible())
            refresh();
    });
}

void ComparePanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void ComparePanel::refresh()
{
    m_stale = false;
    m_table->clear();
    const SessionDiff::Result diff =
        SessionDiff::compare(m_controller.document().original(), m_controller.document().root());
    const QList<SessionDiff::Change> &changes = diff.changes;
    for (const SessionDiff::Change &change : changes) {
        QString kind;
        QColor color;
        switch (change.kind) {
        case SessionDiff::Kind::Added:
            kind = tr("added");
            color = QColor(0xd7, 0xf5, 0xd7);
            break;
        case SessionDiff::Kind::Removed:
            kind = tr("removed");
            color = QColor(0xf8, 0xd0, 0xd0);
            break;
        case SessionDiff::Kind::Changed:
            kind = tr("changed");
            color = QColor(0xff, 0xf3, 0xc4);
            break;
        case SessionDiff::Kind::Moved:
            kind = tr("moved");
            color = QColor(0xdd, 0xe6, 0xf8);
            break;
        }
        auto *item = new QTreeWidgetItem(m_table, {kind, change.path, change.before, change.after});
        item->setToolTip(1, change.path);
        item->setToolTip(2, change.before.left(1000));
        item->setToolTip(3, change.after.left(1000));
        for (int column = 0; column < 4; ++column)
            item->setBackground(column, color);
    }
    QString summary = changes.isEmpty() ? tr("No changes since the cookie was opened.")
                                        : tr("%n change(s) since the cookie was opened.", nullptr,
                                             int(changes.size() + diff.omitted));
    if (diff.omitted > 0)
        summary += u' ' + tr("Only the first %n are listed.", nullptr, int(changes.size()));
    m_summary->setText(summary);
}

} // namespace sessionlens::gui
