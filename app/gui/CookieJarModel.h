#pragma once

#include "capture/CookieJar.h"

#include <QAbstractTableModel>

namespace sessionlens::gui {

/// The capture's cookie jar as a table: name, where it goes (domain and path), and the start
/// of its value, enough to tell cookies apart without showing a whole credential.
class CookieJarModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        WhereColumn,
        ValueColumn,
        ColumnCount
    };
    /// Characters of a value shown; the rest is counted.
    static constexpr qsizetype kShownValueChars = 16;

    explicit CookieJarModel(const CookieJar &jar, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

    /// Shows the jar as it is now (after a response, a replay or Clear).
    void refresh();

private:
    const CookieJar &m_jar;
};

} // namespace sessionlens::gui
