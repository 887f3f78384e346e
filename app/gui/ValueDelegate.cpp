#include "ValueDelegate.h"

#include "SessionTreeModel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace sessionlens::gui {

namespace {

SessionValue::Type typeOf(const QModelIndex &index)
{
    return static_cast<SessionValue::Type>(index.data(SessionTreeModel::TypeRole).toInt());
}

} // namespace

QWidget *ValueDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    if (index.column() != SessionTreeModel::ValueColumn)
        return QStyledItemDelegate::createEditor(parent, option, index);
    switch (typeOf(index)) {
    case SessionValue::Type::Bool: {
        auto *combo = new QComboBox(parent);
        combo->addItem(QStringLiteral("True"));
        combo->addItem(QStringLiteral("False"));
        return combo;
    }
    case SessionValue::Type::Integer: {
        auto *edit = new QLineEdit(parent);
        edit->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("-?[0-9]{0,4300}")), edit));
        edit->setPlaceholderText(tr("integer of any size"));
        return edit;
    }
    case SessionValue::Type::Float: {
        auto *edit = new QLineEdit(parent);
        edit->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("[-+]?(([0-9]*\\.?[0-9]*([eE][-+]?[0-9]*)?)|[nN][aA]["
                                              "nN]|[iI][nN][fF]([iI][nN][iI][tT][yY])?)")),
            edit));
        edit->setPlaceholderText(tr("e.g. 3.25, 1e-05, nan, inf"));
        return edit;
    }
    case SessionValue::Type::Bytes: {
        auto *edit = new QLineEdit(parent);
        edit->setPlaceholderText(tr("bytes as hex or base64 (see Preferences)"));
        return edit;
    }
    default:
        return new QLineEdit(parent);
    }
}

void ValueDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == SessionTreeModel::KeyColumn) {
        const QVariant position = index.data(SessionTreeModel::ListIndexRole);
        if (position.isValid())
            option->text = QStringLiteral("[%1]").arg(position.toInt());
    }
}

void ValueDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(index.data(Qt::EditRole).toString() == QLatin1String("True") ? 0
                                                                                            : 1);
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ValueDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                 const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentText(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace sessionlens::gui
