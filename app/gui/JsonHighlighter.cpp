#include "JsonHighlighter.h"

#include <QEvent>
#include <QWidget>

namespace sessionlens::gui {

JsonHighlighter::JsonHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    m_key.setForeground(QColor(0x6a, 0x1b, 0x9a));
    m_string.setForeground(QColor(0x2e, 0x7d, 0x32));
    m_number.setForeground(QColor(0x15, 0x65, 0xc0));
    m_literal.setForeground(QColor(0xc6, 0x28, 0x28));
    m_literal.setFontWeight(QFont::Bold);
}

void JsonHighlighter::followEnabledState(QWidget *view)
{
    m_view = view;
    view->installEventFilter(this);
    m_muted = !view->isEnabled();
}

bool JsonHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::EnabledChange &&
        m_muted != !m_view->isEnabled()) {
        m_muted = !m_view->isEnabled();
        if (document())
            rehighlight();
    }
    return QSyntaxHighlighter::eventFilter(watched, event);
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    if (m_muted)
        return;
    // A hand-written scan: regular expressions are too slow for 200 KB single-line sessions.
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'"' || c == u'\'') {
            const QChar quote = c;
            qsizetype j = i + 1;
            while (j < n && text.at(j) != quote) {
                if (text.at(j) == u'\\')
                    ++j;
                ++j;
            }
            const qsizetype end = std::min(j + 1, n);
            qsizetype k = end;
            while (k < n && text.at(k) == u' ')
                ++k;
            const bool isKey = k < n && text.at(k) == u':';
            setFormat(int(i), int(end - i), isKey ? m_key : m_string);
            i = end;
        } else if (c.isDigit() || (c == u'-' && i + 1 < n && text.at(i + 1).isDigit())) {
            qsizetype j = i + 1;
            while (j < n && (text.at(j).isDigit() || text.at(j) == u'.' || text.at(j) == u'e' ||
                             text.at(j) == u'E' || text.at(j) == u'+' || text.at(j) == u'-'))
                ++j;
            setFormat(int(i), int(j - i), m_number);
            i = j;
        } else if (c.isLetter()) {
            qsizetype j = i + 1;
            while (j < n && text.at(j).isLetter())
                ++j;
            setFormat(int(i), int(j - i), m_literal);
            i = j;
        } else {
            ++i;
        }
    }
}

} // namespace sessionlens::gui
