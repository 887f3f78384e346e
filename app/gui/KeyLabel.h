#pragma once

#include <QString>

namespace sessionlens::gui {

/// How the window shows a key's name. Keys given for one run are named after their option and
/// file ("--key-file /home/me/work/app/instance/demo.key"); the window shows the file's name
/// alone, and the whole name where there is room for it (a tooltip).
class KeyLabel
{
public:
    [[nodiscard]] static QString shortName(const QString &keyName);
};

} // namespace sessionlens::gui
