#include "KeyLabel.h"

#include <QFileInfo>

namespace sessionlens::gui {

QString KeyLabel::shortName(const QString &keyName)
{
    // The names RunKeyLoader gives keys read from files: "<option> <path>".
    for (const QLatin1String option :
         {QLatin1String("--key-file "), QLatin1String("--secret-file ")}) {
        if (keyName.startsWith(option) && keyName.size() > option.size())
            return option + QFileInfo(keyName.mid(option.size())).fileName();
    }
    return keyName;
}

} // namespace sessionlens::gui
