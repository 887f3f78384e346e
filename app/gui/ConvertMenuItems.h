#pragma once

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QMenu;

namespace sessionlens {
class CookieFormat;
}

namespace sessionlens::gui {

class InspectorController;

/**
 * The Edit menu's "Convert to <format>" items, one a format as the registry lists them, each
 * enabled while a session of another format is open. Their names share first letters (three
 * begin with "Flask", in German too), so each item's Alt letter is the first letter of its
 * name that no other item of the menu has taken.
 */
class ConvertMenuItems : public QObject
{
    Q_OBJECT

public:
    using Convert = std::function<void(const CookieFormat *)>;

    /// Appends the items to `menu`; choosing one calls `convert` with its format.
    ConvertMenuItems(QMenu &menu, const InspectorController &controller, Convert convert,
                     QObject *parent);

    /// Names the items with their letters. Called once the menu holds all its other items,
    /// whose letters stay theirs.
    void assignLetters();

    [[nodiscard]] const QList<QAction *> &actions() const { return m_actions; }

    /// `name` with '&' before its first letter or digit not in `taken` (lower case), which is
    /// then added to `taken`; a '&' of the name itself is doubled so it shows as one.
    [[nodiscard]] static QString markFirstFree(const QString &name, QString &taken);
    /// The lower-case Alt letters of `actions`' texts.
    [[nodiscard]] static QString lettersOf(const QList<QAction *> &actions);

private:
    QMenu &m_menu;
    QList<QAction *> m_actions;
    QList<const CookieFormat *> m_formats;
};

} // namespace sessionlens::gui
