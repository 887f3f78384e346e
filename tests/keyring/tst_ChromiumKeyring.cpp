// Chromium's v11 cookie key from a real Secret Service: run by CTest inside
// dbus-run-session with a fresh gnome-keyring (tests/keyring/run-with-keyring.sh).
#include "TestData.h"
#include "capture/BrowserCookieStore.h"
#include "crypto/ChromiumCookieCipher.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sessionlens;

class TestChromiumKeyring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void v11PasswordFromTheSecretService();
};

void TestChromiumKeyring::v11PasswordFromTheSecretService()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run inside dbus-run-session");
    // Nothing stored yet: no password, and no error.
    auto before = BrowserCookieStore::secretServicePassword(QStringLiteral("chromium"));
    QVERIFY2(before.ok(), qPrintable(before.ok() ? QString() : before.error().toString()));
    QVERIFY(!before->has_value());

    // Stored as Chromium stores it: an item with application=chromium.
    const QByteArray password = "Xq3v9kLm2Pz8RtYw";
    QProcess store;
    store.start(QStringLiteral("secret-tool"),
                {QStringLiteral("store"), QStringLiteral("--label=Chromium Safe Storage"),
                 QStringLiteral("application"), QStringLiteral("chromium")});
    QVERIFY(store.waitForStarted());
    store.write(password);
    store.closeWriteChannel();
    QVERIFY(store.waitForFinished(30000));
    QCOMPARE(store.exitCode(), 0);

    auto after = BrowserCookieStore::secretServicePassword(QStringLiteral("chromium"));
    QVERIFY(after.ok());
    QVERIFY(after->has_value());
    QCOMPARE((*after)->exposeCopy(), password);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Cookies"));
    QByteArray cookie;
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session")))
        cookie = v[QStringLiteral("cookie")].toString().toLatin1();
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("writer"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO meta VALUES ('version', '24')")));
        QVERIFY(q.exec(QStringLiteral(
            "CREATE TABLE cookies(creation_utc INTEGER, host_key TEXT, name TEXT, value TEXT, "
            "encrypted_value BLOB, path TEXT, is_secure INTEGER)")));
        auto encrypted = ChromiumCookieCipher::encrypt(
            cookie, SecureBytes(password.constData(), std::size_t(password.size())), "v11", true,
            "app.test");
        QVERIFY(encrypted.ok());
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO cookies VALUES (13380000000000000, "
                                         "'app.test', 'session', '', ?, '/', 0)")));
        q.addBindValue(encrypted.value());
        QVERIFY(q.exec());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("writer"));
    auto imported = BrowserCookieStore::read(path, {}); // the real provider: libsecret
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    QCOMPARE(imported->cookies.size(), 1);
    QCOMPARE(imported->cookies[0].value, cookie);
}

QTEST_GUILESS_MAIN(TestChromiumKeyring)
#include "tst_ChromiumKeyring.moc"
