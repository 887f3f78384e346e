#include "CompressionBox.h"

#include <algorithm>

namespace sessionlens::gui {

CompressionBox::CompressionBox(const QString &mode, QWidget *parent) : QComboBox(parent)
{
    addItem(tr("Server rule (over 1024 bytes)"), QStringLiteral("auto"));
    addItem(tr("Always compress"), QStringLiteral("always"));
    addItem(tr("Never compress"), QStringLiteral("never"));
    setCurrentIndex(std::max(0, findData(mode)));
}

QString CompressionBox::mode() const
{
    return currentData().toString();
}

} // namespace sessionlens::gui
