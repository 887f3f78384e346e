#pragma once

#include "Error.h"

#include <QCoreApplication>
#include <QString>

namespace sessionlens::gui {

/// Translated sentences for core errors: the step that failed, then the technical detail.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    [[nodiscard]] static QString describe(const Error &error);
};

} // namespace sessionlens::gui
