#include "capture/CookieDatabaseSchema.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace sessionlens {

namespace {

Error refused(const QString &message)
{
    return Error::make(ErrorCategory::Format, message);
}

Error cannotCheck(const QSqlQuery &query)
{
    return Error::make(
        ErrorCategory::Io,
        QCoreApplication::translate("sessionlens::Error", "cannot read the database's schema: %1")
            .arg(query.lastError().text()));
}

// The type SQLite itself gives the object ("table", "view", "virtual", "shadow"); names are
// compared as SQLite compares them, without case.
Result<QString> typeOf(QSqlDatabase &db, const QString &name)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT type FROM pragma_table_list WHERE schema = 'main' AND "
                                 "name = ? COLLATE NOCASE"));
    query.addBindValue(name);
    if (!query.exec())
        return cannotCheck(query);
    return query.next() ? query.value(0).toString() : QString();
}

} // namespace

bool CookieDatabaseSchema::has(QSqlDatabase &db, const QString &table)
{
    auto type = typeOf(db, table);
    return type && !type->isEmpty();
}

Result<Done> CookieDatabaseSchema::checkReadable(QSqlDatabase &db, const QString &table)
{
    auto type = typeOf(db, table);
    if (!type)
        return type.error();
    if (*type == QLatin1String("view"))
        return refused(QCoreApplication::translate(
                           "sessionlens::Error",
                           "%1 is a view, which SQLite computes while reading; a browser's "
                           "cookie database has a table there")
                           .arg(table));
    if (*type != QLatin1String("table"))
        return refused(QCoreApplication::translate(
                           "sessionlens::Error",
                           "%1 is a virtual table, whose values a module computes while reading; "
                           "a browser's cookie database has a plain table there")
                           .arg(table));
    QSqlQuery columns(db);
    columns.prepare(
        QStringLiteral("SELECT name FROM pragma_table_xinfo(?) WHERE hidden <> 0 LIMIT 1"));
    columns.addBindValue(table);
    if (!columns.exec())
        return cannotCheck(columns);
    if (columns.next())
        return refused(QCoreApplication::translate(
                           "sessionlens::Error",
                           "the column %1 of %2 is generated or hidden: SQLite would compute its "
                           "values while reading, so the database is not read")
                           .arg(columns.value(0).toString().left(64), table));
    return Done{};
}

Result<CookieDatabaseSchema::Browser> CookieDatabaseSchema::inspect(QSqlDatabase &db)
{
    QSqlQuery triggers(db);
    if (!triggers.exec(
            QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'trigger' LIMIT 1")))
        return cannotCheck(triggers);
    if (triggers.next())
        return refused(QCoreApplication::translate(
                           "sessionlens::Error",
                           "the database has a trigger (%1); a browser's cookie database has none")
                           .arg(triggers.value(0).toString().left(64)));
    const QString firefox = QStringLiteral("moz_cookies");
    const QString chromium = QStringLiteral("cookies");
    const QString chromiumMeta = QStringLiteral("meta");
    if (has(db, firefox)) {
        if (auto checked = checkReadable(db, firefox); !checked)
            return checked.error();
        return Browser::Firefox;
    }
    if (!has(db, chromium))
        return refused(QCoreApplication::translate("sessionlens::Error",
                                                   "not a Firefox or Chromium cookie database"));
    for (const QString &table : {chromium, chromiumMeta}) {
        if (table == chromiumMeta && !has(db, chromiumMeta))
            continue;
        if (auto checked = checkReadable(db, table); !checked)
            return checked.error();
    }
    return Browser::Chromium;
}

} // namespace sessionlens
