#pragma once

#include <QCoreApplication>
#include <QString>

namespace sessionlens::gui {

/// Help > About: the version, what the program opens, and the libraries with their licenses.
class AboutText
{
    Q_DECLARE_TR_FUNCTIONS(AboutText)

public:
    [[nodiscard]] static QString html();
};

} // namespace sessionlens::gui
