#pragma once

#include "capture/Timeline.h"

#include <QAbstractTableModel>

namespace sessionlens::gui {

/// The capture timeline as a table: time, source, URL, status, cookie size, what changed.
class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        SourceColumn,
        UrlColumn,
        StatusColumn,
        SizeColumn,
        ChangeColumn,
        ColumnCount
    };

    explicit TimelineModel(Timeline &timeline, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

    /// Adds to the timeline and shows the new row.
    const Timeline::Entry &add(const CapturedCookie &cookie);
    void clear();
    [[nodiscard]] const Timeline::Entry *entry(int row) const;
    /// What the answer to a pinned request says about the pin, empty when nothing to say.
    [[nodiscard]] static QString pinText(const Timeline::Entry &entry);

private:
    [[nodiscard]] static QString changeText(const Timeline::Entry &entry);

    Timeline &m_timeline;
};

} // namespace sessionlens::gui
