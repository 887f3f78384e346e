#pragma once

#include <QStyledItemDelegate>

namespace sessionlens::gui {

/**
 * Type-aware editors for the value column: True/False choice for bools,
 * validated digits for integers of any size, Python float syntax for floats,
 * hex or base64 for bytes, free text for strings.
 */
class ValueDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace sessionlens::gui
