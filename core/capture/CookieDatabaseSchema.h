#pragma once

#include "Result.h"

#include <QSqlDatabase>
#include <QString>

namespace sessionlens {

/**
 * Which browser's cookie database a SQLite file is, and whether it may be read at all. The
 * file comes from anywhere (a profile folder someone sent, a download), and SQLite computes
 * some values while it reads them: a generated column, a view or a virtual table could turn
 * a 12 KB file into gigabytes or an endless query. Only plain tables without computed
 * columns are read, and a database with triggers (which a browser's never has) is refused.
 */
class CookieDatabaseSchema
{
public:
    enum class Browser
    {
        Firefox,
        Chromium
    };

    /// The browser whose tables `db` holds, after checking every table that will be read;
    /// a `format` error names what was refused.
    [[nodiscard]] static Result<Browser> inspect(QSqlDatabase &db);
    /// Whether `db` has a table (or a view: refused by inspect()) of this name.
    [[nodiscard]] static bool has(QSqlDatabase &db, const QString &table);

private:
    static Result<Done> checkReadable(QSqlDatabase &db, const QString &table);
};

} // namespace sessionlens
