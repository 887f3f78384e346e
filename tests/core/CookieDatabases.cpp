#include "CookieDatabases.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace sessionlens::test {

TestDatabase::TestDatabase(const QString &path) : m_name(QUuid::createUuid().toString())
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    m_ok = db.open();
}

TestDatabase::~TestDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

bool TestDatabase::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(QSqlDatabase::database(m_name));
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

const char *const kChromiumSchema =
    "CREATE TABLE cookies(creation_utc INTEGER NOT NULL,host_key TEXT NOT NULL,top_frame_site_key "
    "TEXT NOT NULL,"
    "name TEXT NOT NULL,value TEXT NOT NULL,encrypted_value BLOB NOT NULL,path TEXT NOT "
    "NULL,expires_utc INTEGER NOT NULL,"
    "is_secure INTEGER NOT NULL,is_httponly INTEGER NOT NULL,last_access_utc INTEGER NOT "
    "NULL,has_expires INTEGER NOT NULL,"
    "is_persistent INTEGER NOT NULL,priority INTEGER NOT NULL,samesite INTEGER NOT "
    "NULL,source_scheme INTEGER NOT NULL,"
    "source_port INTEGER NOT NULL,last_update_utc INTEGER NOT NULL,source_type INTEGER NOT NULL,"
    "has_cross_site_ancestor INTEGER NOT NULL)";
const char *const kFirefoxSchema =
    "CREATE TABLE moz_cookies (id INTEGER PRIMARY KEY, originAttributes TEXT NOT NULL DEFAULT '', "
    "name TEXT, value TEXT, "
    "host TEXT, path TEXT, expiry INTEGER, lastAccessed INTEGER, creationTime INTEGER, isSecure "
    "INTEGER, isHttpOnly INTEGER, "
    "inBrowserElement INTEGER DEFAULT 0, sameSite INTEGER DEFAULT 0, rawSameSite INTEGER DEFAULT "
    "0, schemeMap INTEGER DEFAULT 0, "
    "CONSTRAINT moz_uniqueid UNIQUE (name, host, path, originAttributes))";

bool makeDatabase(const QString &path, const QStringList &statements)
{
    TestDatabase db(path);
    for (const QString &statement : statements)
        if (!db.exec(statement)) {
            qWarning("cannot run: %s", qPrintable(statement));
            return false;
        }
    return db.ok();
}

QString chromiumRows(int count, const QString &value)
{
    return QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE "
                          "i < %1) INSERT INTO cookies SELECT 13380000000000000 + i, 'app.test', "
                          "'', 'session', %2, x'', '/', 0, 0, 1, i, 0, 0, 1, 1, 1, 80, i, 0, 0 "
                          "FROM n")
        .arg(count)
        .arg(value);
}

int refusedWith(const Result<CookieImporter::Imported> &imported, ErrorCategory category,
                const QString &fragment)
{
    if (imported.ok()) {
        qWarning("imported %lld cookies instead of refusing", qint64(imported->cookies.size()));
        return 1;
    }
    if (imported.error().category != category || !imported.error().message.contains(fragment)) {
        qWarning("refused otherwise: %s", qPrintable(imported.error().toString()));
        return 2;
    }
    return 0;
}

QString describe(const ChildRun &run)
{
    return QStringLiteral("exited %1, code %2, signal %3, grew %4 KiB")
        .arg(run.exited)
        .arg(run.code)
        .arg(run.signal)
        .arg(run.growthKiB);
}

bool addChromiumCookie(TestDatabase &db, const QString &host, const QByteArray &name,
                       const QByteArray &encrypted, qint64 creation)
{
    return db.exec(QStringLiteral("INSERT INTO cookies VALUES (?, ?, '', ?, '', ?, '/', 0, 0, 1, "
                                  "?, 0, 0, 1, 1, 1, 80, ?, 0, 0)"),
                   {creation, host, QString::fromLatin1(name), encrypted, creation, creation});
}

Result<std::optional<SecureBytes>> noSecretService(const QString &)
{
    return std::optional<SecureBytes>();
}

} // namespace sessionlens::test
