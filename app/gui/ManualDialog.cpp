#include "ManualDialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sessionlens::gui {

ManualDialog::ManualDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("SessionLens Manual"));
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("manual"));
    m_browser->setOpenExternalLinks(true);
    QFile readme(QStringLiteral(":/doc/README.md"));
    QString text = readme.open(QIODevice::ReadOnly) ? QString::fromUtf8(readme.readAll())
                                                    : tr("The manual is missing.");
    // Screenshots live beside the README in the source tree, not in the program.
    text.remove(QRegularExpression(QStringLiteral("^!\\[[^\\]]*\\]\\([^)]*\\)\\s*$"),
                                   QRegularExpression::MultilineOption));
    m_browser->setMarkdown(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(900, 700);
}

bool ManualDialog::showSection(const QString &heading)
{
    for (QTextBlock block = m_browser->document()->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() > 0 && block.text().trimmed() == heading) {
            QTextCursor cursor(block);
            m_browser->setTextCursor(cursor);
            // Put the heading at the top: scroll to the end first, then back to it.
            m_browser->moveCursor(QTextCursor::End);
            m_browser->setTextCursor(cursor);
            m_browser->ensureCursorVisible();
            return true;
        }
    }
    return false;
}

} // namespace sessionlens::gui
