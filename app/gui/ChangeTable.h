#pragma once

#include "json/SessionDiff.h"

#include <QTreeWidget>

namespace sessionlens::gui {

/// The changes between two sessions as rows (kind, path, before, after), coloured by kind, in
/// columns that share the width and elide in the middle, each value whole in its tooltip.
/// Compare and the history's comparison both show theirs here.
class ChangeTable : public QTreeWidget
{
    Q_OBJECT

public:
    ChangeTable(const QString &beforeTitle, const QString &afterTitle, QWidget *parent = nullptr);

    void showChanges(const QList<SessionDiff::Change> &changes);
    [[nodiscard]] static QString kindText(SessionDiff::Kind kind);
};

} // namespace sessionlens::gui
