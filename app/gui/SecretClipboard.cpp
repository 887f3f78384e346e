#include "SecretClipboard.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QTimer>

namespace sessionlens::gui {

void SecretClipboard::copy(const QString &text, int clearAfterSeconds)
{
    auto *mime = new QMimeData;
    mime->setText(text);
    mime->setData(hintMimeType(), QByteArrayLiteral("secret"));
    QApplication::clipboard()->setMimeData(mime); // the clipboard takes ownership
    if (clearAfterSeconds <= 0)
        return;
    QTimer::singleShot(clearAfterSeconds * 1000, qApp, [text] {
        if (QApplication::clipboard()->text() == text)
            QApplication::clipboard()->clear();
    });
}

} // namespace sessionlens::gui
