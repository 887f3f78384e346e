#pragma once

#include <QDialog>

class QTextBrowser;

namespace sessionlens::gui {

/// Help ▸ Manual: the README, shipped inside the program, opened at a section.
class ManualDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ManualDialog(QWidget *parent = nullptr);
    /// Scrolls to the first heading that reads `heading`; false when there is none.
    bool showSection(const QString &heading);
    [[nodiscard]] QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser = nullptr;
};

} // namespace sessionlens::gui
