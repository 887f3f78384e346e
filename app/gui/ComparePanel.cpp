#include "ComparePanel.h"

#include "ChangeTable.h"
#include "json/SessionDiff.h"

#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sessionlens::gui {

ComparePanel::ComparePanel(InspectorController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    m_table = new ChangeTable(tr("Original"), tr("Edited"), this);
    m_table->setObjectName(QStringLiteral("compareTable"));
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
    const SessionDiff::Result diff =
        SessionDiff::compare(m_controller.document().original(), m_controller.document().root());
    const QList<SessionDiff::Change> &changes = diff.changes;
    m_table->showChanges(changes);
    QString summary = changes.isEmpty() ? tr("No changes since the cookie was opened.")
                                        : tr("%n change(s) since the cookie was opened.", nullptr,
                                             int(changes.size() + diff.omitted));
    if (diff.omitted > 0)
        summary += u' ' + tr("Only the first %n are listed.", nullptr, int(changes.size()));
    m_summary->setText(summary);
}

} // namespace sessionlens::gui
