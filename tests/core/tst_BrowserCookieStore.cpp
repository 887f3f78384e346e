// Browser cookie databases from anywhere: what SQLite would compute while reading them
// (generated columns, views, virtual tables, triggers) is refused from the schema, and rows
// and values are counted against named limits, never read whole.
#include "CookieDatabases.h"
#include "capture/BrowserCookieStore.h"
#include "crypto/ChromiumCookieCipher.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace sessionlens;
using namespace sessionlens::test;

class TestBrowserCookieStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void computingDatabasesAreRefused_data();
    void computingDatabasesAreRefused();
    void storeRowsAreCounted();
    void overlongStoreValuesAreNotRead();
    void chromiumWarningsAreCapped();
};

void TestBrowserCookieStore::computingDatabasesAreRefused_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QString>("reason");
    const QString chromium = QLatin1String(kChromiumSchema);
    const QString generatedColumns =
        QStringLiteral("creation_utc INTEGER, host_key TEXT, name TEXT, value TEXT GENERATED "
                       "ALWAYS AS (printf('%.*c', 100000000, 'x')), encrypted_value BLOB, path "
                       "TEXT, is_secure INTEGER");
    // 40 rows of 100 MB each, once computed: 4 GB out of a file of a few KB.
    const QString fortyRows =
        QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                       "40) INSERT INTO %1 (creation_utc, host_key, name, encrypted_value, path, "
                       "is_secure) SELECT i, 'app.test', 'session', x'', '/', 0 FROM n");
    QTest::newRow("Chromium value is a generated column")
        << QStringList{QStringLiteral("CREATE TABLE cookies(%1)").arg(generatedColumns),
                       fortyRows.arg(QStringLiteral("cookies"))}
        << QStringLiteral("generated");
    QTest::newRow("Firefox value is a generated column")
        << QStringList{QStringLiteral("CREATE TABLE moz_cookies(lastAccessed INTEGER, host TEXT, "
                                      "name TEXT, value TEXT GENERATED ALWAYS AS (printf('%.*c', "
                                      "100000000, 'x')), path TEXT, isSecure INTEGER)"),
                       QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                      "FROM n WHERE i < 40) INSERT INTO moz_cookies (lastAccessed, "
                                      "host, name, path, isSecure) SELECT i, 'app.test', "
                                      "'session', '/', 0 FROM n")}
        << QStringLiteral("generated");
    QTest::newRow("a stored generated column")
        << QStringList{QStringLiteral("CREATE TABLE moz_cookies(lastAccessed INTEGER, host TEXT, "
                                      "name TEXT, value TEXT GENERATED ALWAYS AS (host) STORED, "
                                      "path TEXT, isSecure INTEGER)")}
        << QStringLiteral("generated");
    QTest::newRow("cookies is a view without end")
        << QStringList{QStringLiteral(
               "CREATE VIEW cookies AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
               "FROM n) SELECT i AS creation_utc, 'app.test' AS host_key, 'session' AS name, "
               "printf('%.*c', 1000000, 'x') AS value, x'' AS encrypted_value, '/' AS path, 0 AS "
               "is_secure FROM n")}
        << QStringLiteral("view");
    QTest::newRow("meta is a view that never ends")
        << QStringList{chromium, chromiumRows(1),
                       QStringLiteral("CREATE VIEW meta AS WITH RECURSIVE n(i) AS (SELECT 1 UNION "
                                      "ALL SELECT i + 1 FROM n) SELECT 'version' AS key, max(i) "
                                      "AS value FROM n")}
        << QStringLiteral("view");
    QTest::newRow("cookies is a virtual table")
        << QStringList{QStringLiteral("CREATE VIRTUAL TABLE cookies USING fts5(creation_utc, "
                                      "host_key, name, value, encrypted_value, path, is_secure)"),
                       QStringLiteral("INSERT INTO cookies VALUES (1, 'app.test', 'session', "
                                      "'v', '', '/', 0)")}
        << QStringLiteral("virtual");
    QTest::newRow("a trigger") << QStringList{chromium, chromiumRows(1),
                                              QStringLiteral("CREATE TRIGGER t AFTER INSERT ON "
                                                             "cookies BEGIN SELECT 1; END")}
                               << QStringLiteral("trigger");
}

void TestBrowserCookieStore::computingDatabasesAreRefused()
{
    // A cookie database is a file from anywhere: what SQLite would compute while reading it is
    // refused from the schema, at once and in little memory.
    QFETCH(QStringList, statements);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Cookies"));
    QVERIFY(makeDatabase(path, statements));
    QVERIFY(QFileInfo(path).size() < 64 * 1024);
    const ChildRun run = ChildRun::run(
        [&] {
            return refusedWith(BrowserCookieStore::read(path, {}, test::noSecretService),
                               ErrorCategory::Format, reason);
        },
        60, 2048);
    QVERIFY2(run.exited && run.code == 0, qPrintable(describe(run)));
    if (ChildRun::measuresMemory())
        QVERIFY2(run.growthKiB < 64 * 1024, qPrintable(describe(run)));
    // The same through the importer, which tells databases by content.
    auto imported = CookieImporter::importFile(path, {});
    QVERIFY(!imported.ok());
    QCOMPARE(imported.error().category, ErrorCategory::Format);
}

void TestBrowserCookieStore::storeRowsAreCounted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Cookies"));
    const int tooMany = int(BrowserCookieStore::kMaxCookies) + 1;
    QVERIFY(makeDatabase(path, {QLatin1String(kChromiumSchema), chromiumRows(tooMany)}));
    auto imported = BrowserCookieStore::read(path, {}, test::noSecretService);
    QVERIFY2(!imported.ok(), "a database of more rows than the limit is refused");
    QCOMPARE(imported.error().category, ErrorCategory::Limit);
    QVERIFY2(imported.error().message.contains(QString::number(BrowserCookieStore::kMaxCookies)),
             qPrintable(imported.error().message));
}

void TestBrowserCookieStore::overlongStoreValuesAreNotRead()
{
    // A stored value over the limit is reported for its row; the other rows are read.
    QTemporaryDir dir;
    const QString chromium = dir.filePath(QStringLiteral("Cookies"));
    const QString overlong =
        QStringLiteral("printf('%.*c', %1, 'x')").arg(BrowserCookieStore::kMaxValueBytes + 1);
    QVERIFY(makeDatabase(chromium, {QLatin1String(kChromiumSchema), chromiumRows(1, overlong),
                                    chromiumRows(1, QStringLiteral("'short'"))}));
    auto imported = BrowserCookieStore::read(chromium, {}, test::noSecretService);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    QCOMPARE(imported->cookies.size(), 1);
    QCOMPARE(imported->cookies[0].value, QByteArray("short"));
    QCOMPARE(imported->warnings.size(), 1);
    QVERIFY2(imported->warnings[0].contains(QStringLiteral("more than")),
             qPrintable(imported->warnings[0]));
    // Alone, it is the import's limit error.
    const QString firefox = dir.filePath(QStringLiteral("cookies.sqlite"));
    QVERIFY(makeDatabase(
        firefox, {QLatin1String(kFirefoxSchema),
                  QStringLiteral("INSERT INTO moz_cookies (name, value, host, path, lastAccessed, "
                                 "isSecure) VALUES ('session', %1, 'app.test', '/', 1, 0)")
                      .arg(overlong)}));
    auto alone = BrowserCookieStore::read(firefox, {}, test::noSecretService);
    QVERIFY(!alone.ok());
    QCOMPARE(alone.error().category, ErrorCategory::Limit);
}

void TestBrowserCookieStore::chromiumWarningsAreCapped()
{
    // 150 values that cannot be decrypted and one that can: the warnings stop at the limit and
    // one more line counts the rest.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Cookies"));
    {
        TestDatabase db(path);
        QVERIFY(db.exec(QLatin1String(kChromiumSchema)));
        for (int i = 0; i < 150; ++i)
            QVERIFY(addChromiumCookie(db, QStringLiteral("host%1.test").arg(i), "session",
                                      QByteArray("v99") + QByteArray(32, 'x'),
                                      13380000000000000 + i));
        auto good = ChromiumCookieCipher::encrypt("good", ChromiumCookieCipher::v10Password(),
                                                  "v10", false, "app.test");
        QVERIFY(good.ok());
        QVERIFY(addChromiumCookie(db, QStringLiteral("app.test"), "session", good.value(),
                                  13390000000000000));
    }
    auto imported = BrowserCookieStore::read(path, {}, test::noSecretService);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    QCOMPARE(imported->cookies.size(), 1);
    QCOMPARE(imported->warnings.size(), CookieImporter::kMaxWarnings + 1);
    QVERIFY2(imported->warnings[0].startsWith(QStringLiteral("host0.test: ")),
             qPrintable(imported->warnings[0]));
    QCOMPARE(imported->warnings.last(), QStringLiteral("50 more warnings not shown"));
}

QTEST_GUILESS_MAIN(TestBrowserCookieStore)
#include "tst_BrowserCookieStore.moc"
