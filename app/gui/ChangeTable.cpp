#include "ChangeTable.h"

#include <QHeaderView>

namespace sessionlens::gui {

namespace {
// Tooltips show long values whole, up to this many characters.
constexpr qsizetype kTooltipChars = 1000;

QColor kindColor(SessionDiff::Kind kind)
{
    switch (kind) {
    case SessionDiff::Kind::Added:
        return {0xd7, 0xf5, 0xd7};
    case SessionDiff::Kind::Removed:
        return {0xf8, 0xd0, 0xd0};
    case SessionDiff::Kind::Changed:
        return {0xff, 0xf3, 0xc4};
    case SessionDiff::Kind::Moved:
        break;
    }
    return {0xdd, 0xe6, 0xf8};
}
} // namespace

ChangeTable::ChangeTable(const QString &beforeTitle, const QString &afterTitle, QWidget *parent)
    : QTreeWidget(parent)
{
    setRootIsDecorated(false);
    setHeaderLabels({tr("Change"), tr("Path"), beforeTitle, afterTitle});
    // The columns share the width; long paths and values elide in the middle.
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    for (int column = 1; column < 4; ++column)
        header()->setSectionResizeMode(column, QHeaderView::Stretch);
    setTextElideMode(Qt::ElideMiddle);
}

QString ChangeTable::kindText(SessionDiff::Kind kind)
{
    switch (kind) {
    case SessionDiff::Kind::Added:
        return tr("added");
    case SessionDiff::Kind::Removed:
        return tr("removed");
    case SessionDiff::Kind::Changed:
        return tr("changed");
    case SessionDiff::Kind::Moved:
        break;
    }
    return tr("moved");
}

void ChangeTable::showChanges(const QList<SessionDiff::Change> &changes)
{
    clear();
    for (const SessionDiff::Change &change : changes) {
        auto *item = new QTreeWidgetItem(
            this, {kindText(change.kind), change.path, change.before, change.after});
        for (int column = 1; column < 4; ++column)
            item->setToolTip(column, item->text(column).left(kTooltipChars));
        for (int column = 0; column < 4; ++column)
            item->setBackground(column, kindColor(change.kind));
    }
}

} // namespace sessionlens::gui
