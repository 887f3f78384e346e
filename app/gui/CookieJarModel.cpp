#include "CookieJarModel.h"

namespace sessionlens::gui {

CookieJarModel::CookieJarModel(const CookieJar &jar, QObject *parent)
    : QAbstractTableModel(parent), m_jar(jar)
{
}

int CookieJarModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jar.cookies().size());
}

int CookieJarModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CookieJarModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        role != Qt::DisplayRole)
        return {};
    const CookieJar::Cookie &cookie = m_jar.cookies().at(index.row());
    switch (index.column()) {
    case NameColumn:
        return QString::fromLatin1(cookie.name);
    case WhereColumn:
        // A leading dot says what the file format says: subdomains get it too.
        return (cookie.hostOnly ? QString() : QStringLiteral(".")) + cookie.domain + cookie.path;
    case ValueColumn: {
        const QString start = QString::fromLatin1(cookie.value.left(kShownValueChars));
        if (cookie.value.size() <= kShownValueChars)
            return start;
        return tr("%1… (%n bytes)", nullptr, int(cookie.value.size())).arg(start);
    }
    default:
        return {};
    }
}

QVariant CookieJarModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case WhereColumn:
        return tr("Domain and path");
    case ValueColumn:
        return tr("Value");
    default:
        return {};
    }
}

void CookieJarModel::refresh()
{
    beginResetModel();
    endResetModel();
}

} // namespace sessionlens::gui
