#include "TimelineModel.h"

#include "ErrorText.h"

#include <QColor>
#include <QLocale>

namespace sessionlens::gui {

TimelineModel::TimelineModel(Timeline &timeline, QObject *parent)
    : QAbstractTableModel(parent), m_timeline(timeline)
{
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_timeline.entries().size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Timeline::Entry *TimelineModel::entry(int row) const
{
    return row >= 0 && row < m_timeline.entries().size() ? &m_timeline.entries()[row] : nullptr;
}

QString TimelineModel::pinText(const Timeline::Entry &entry)
{
    switch (entry.pin) {
    case Timeline::PinVerdict::Refused:
        return tr("The app rejected the pinned cookie: it answered %1, so it may not have "
                  "opened it (sealed with another key?).")
            .arg(entry.cookie.status);
    case Timeline::PinVerdict::NewSession:
        return tr("The app rejected the pinned cookie: it could not open it (sealed with "
                  "another key?) and started a new session.");
    default:
        return {};
    }
}

QString TimelineModel::changeText(const Timeline::Entry &entry)
{
    if (entry.pinRejected())
        return pinText(entry);
    if (!entry.readable())
        return tr("cannot open: %1").arg(ErrorText::describe(*entry.opened.error));
    if (!entry.hasPrevious)
        return tr("first session of this origin");
    const qsizetype count = entry.changes.changes.size() + entry.changes.omitted;
    if (count == 0)
        return tr("no change");
    QStringList paths;
    for (const SessionDiff::Change &change : entry.changes.changes.mid(0, 3))
        paths.append(change.path);
    return tr("%n change(s): %1", nullptr, int(count))
        .arg(paths.join(QStringLiteral(", ")) + (count > 3 ? QStringLiteral(", …") : QString()));
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    const Timeline::Entry *e = entry(index.row());
    if (!e)
        return {};
    const CapturedCookie &c = e->cookie;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TimeColumn:
            return c.time
                       ? QLocale().toString(c.time->toLocalTime(), QStringLiteral("HH:mm:ss.zzz"))
                       : QString();
        case SourceColumn:
            switch (c.source) {
            case CapturedCookie::Source::Request:
                if (c.pinned)
                    return role == Qt::ToolTipRole
                               ? tr("The proxy sent the pinned cookie with this request, in "
                                    "place of the browser's.")
                               : tr("sent (pin)");
                return tr("sent");
            case CapturedCookie::Source::Response:
                return tr("set");
            case CapturedCookie::Source::Store:
                return tr("browser");
            case CapturedCookie::Source::File:
                return tr("file");
            }
            return {};
        case UrlColumn:
            return c.url;
        case StatusColumn:
            return c.status >= 0 ? QVariant(c.status) : QVariant();
        case SizeColumn:
            return QLocale().toString(c.value.size());
        case ChangeColumn:
            return changeText(*e);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && (!e->readable() || e->pinRejected()))
        return QColor(0xa0, 0x00, 0x00);
    if (role == Qt::TextAlignmentRole &&
        (index.column() == StatusColumn || index.column() == SizeColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SourceColumn:
        return tr("Source");
    case UrlColumn:
        return tr("URL");
    case StatusColumn:
        return tr("Status");
    case SizeColumn:
        return tr("Bytes");
    case ChangeColumn:
        return tr("What changed");
    default:
        return {};
    }
}

const Timeline::Entry &TimelineModel::add(const CapturedCookie &cookie)
{
    const qsizetype before = m_timeline.entries().size();
    // The timeline drops its oldest entry when full: the model resets then, rare as it is.
    if (before == Timeline::kMaxEntries) {
        beginResetModel();
        const Timeline::Entry &added = m_timeline.add(cookie);
        endResetModel();
        return added;
    }
    beginInsertRows({}, int(before), int(before));
    const Timeline::Entry &added = m_timeline.add(cookie);
    endInsertRows();
    return added;
}

void TimelineModel::clear()
{
    beginResetModel();
    m_timeline.clear();
    endResetModel();
}

} // namespace sessionlens::gui
