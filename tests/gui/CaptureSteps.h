#pragma once

#include "CaptureController.h"
#include "CapturePanel.h"
#include "TypedInput.h"

#include <QComboBox>
#include <QPushButton>
#include <QTest>

namespace sessionlens::test {

/// Types a whole request into the dock: method, URL, headers and body.
inline void typeRequest(gui::CapturePanel *panel, const QString &method, const QString &url,
                        const QString &headers, const QString &body)
{
    retype(panel->methodBox()->lineEdit(), method);
    retype(panel->urlEdit(), url);
    retype(panel->headersEdit(), headers);
    retype(panel->bodyEdit(), body);
}

/// Clicks `pushButton` and waits (bounded) until the capture is idle again; false when the
/// button is missing or disabled, or the capture never finished.
inline bool clickAndWait(QPushButton *pushButton, gui::CaptureController &capture)
{
    if (!pushButton || !pushButton->isEnabled())
        return false;
    QTest::mouseClick(pushButton, Qt::LeftButton);
    return QTest::qWaitFor([&capture] { return !capture.isBusy(); }, 60000);
}

} // namespace sessionlens::test
