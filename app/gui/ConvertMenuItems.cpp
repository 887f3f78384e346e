#include "ConvertMenuItems.h"

#include "InspectorController.h"

#include <QAction>
#include <QMenu>

namespace sessionlens::gui {

ConvertMenuItems::ConvertMenuItems(QMenu &menu, const InspectorController &controller,
                                   Convert convert, QObject *parent)
    : QObject(parent), m_menu(menu)
{
    for (const CookieFormat *format : controller.formats().formats()) {
        QAction *action =
            menu.addAction(format->displayName(), this, [convert, format] { convert(format); });
        action->setObjectName(QStringLiteral("convertTo-") + format->id());
        m_actions.append(action);
        m_formats.append(format);
        connect(&menu, &QMenu::aboutToShow, action, [&controller, action, format] {
            action->setEnabled(controller.hasDocument() && controller.format() != format);
        });
    }
}

void ConvertMenuItems::assignLetters()
{
    QList<QAction *> others = m_menu.actions();
    for (QAction *action : std::as_const(m_actions))
        others.removeOne(action);
    QString taken = lettersOf(others);
    for (qsizetype i = 0; i < m_actions.size(); ++i)
        m_actions.at(i)->setText(
            tr("Convert to %1").arg(markFirstFree(m_formats.at(i)->displayName(), taken)));
}

QString ConvertMenuItems::markFirstFree(const QString &name, QString &taken)
{
    QString marked = name;
    marked.replace(QLatin1Char('&'), QStringLiteral("&&"));
    for (qsizetype i = 0; i < marked.size(); ++i) {
        if (marked.at(i) == QLatin1Char('&')) {
            ++i; // the doubled '&' shows as one and marks nothing
            continue;
        }
        const QChar letter = marked.at(i).toLower();
        if (letter.isLetterOrNumber() && !taken.contains(letter)) {
            taken.append(letter);
            marked.insert(i, QLatin1Char('&'));
            break;
        }
    }
    return marked;
}

QString ConvertMenuItems::lettersOf(const QList<QAction *> &actions)
{
    QString letters;
    for (const QAction *action : actions) {
        const QString text = action->text();
        const qsizetype amp = text.indexOf(QLatin1Char('&'));
        if (amp >= 0 && amp + 1 < text.size() && text.at(amp + 1) != QLatin1Char('&'))
            letters.append(text.at(amp + 1).toLower());
    }
    return letters;
}

} // namespace sessionlens::gui
