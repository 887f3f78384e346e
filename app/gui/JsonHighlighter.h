#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace sessionlens::gui {

/// Colours JSON text (and Python reprs): keys, strings, numbers, literals.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit JsonHighlighter(QTextDocument *document);
    /// Colours only while `view` is enabled: a greyed-out session is grey all over, its
    /// keys and strings too.
    void followEnabledState(QWidget *view);
    [[nodiscard]] bool isMuted() const { return m_muted; }

protected:
    void highlightBlock(const QString &text) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QWidget *m_view = nullptr;
    bool m_muted = false;
};

} // namespace sessionlens::gui
