// The stored key ring from the command line: the file store where no keychain answers, where
// it lies beside a settings file of the user's choice, and what `key list` says when the
// store cannot be used.
#include "KeychainKeyStore.h"
#include "TestData.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <qt6keychain/keychain.h>

#include <sys/stat.h>

using namespace sessionlens;

namespace {

const QString kKey =
    QStringLiteral("7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd");
const QString kOtherKey = QString(64, u'1');

using Run = test::CliRun;

Run cli(const QStringList &arguments, const QByteArray &input,
        const QProcessEnvironment &environment)
{
    return test::runCli(arguments, input, environment);
}

/// No D-Bus session: the keychain cannot answer, so the ring lives in the file store.
QProcessEnvironment fileStoreEnvironment(const QString &settings)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    environment.insert(QStringLiteral("SESSIONLENS_SETTINGS"), settings);
    return environment;
}

int mode(const QString &path)
{
    struct stat status
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &status) == 0 ? int(status.st_mode & 0777)
                                                                      : -1;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestCliKeyRing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storedRingWithTheFileStore();
    void keysKeptForSomeFormats();
    void settingsFolderIsLeftAsItWas();
    void keyListSaysWhyTheStoreIsRefused();
    void keychainProblemsAlwaysHaveAReason_data();
    void keychainProblemsAlwaysHaveAReason();
};

void TestCliKeyRing::storedRingWithTheFileStore()
{
    // No D-Bus session: the keychain cannot answer, so the ring lives in the file store.
    QTemporaryDir dir;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    const QString data = dir.filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(data));
    environment.insert(QStringLiteral("SESSIONLENS_SETTINGS"),
                       data + QStringLiteral("/settings.ini"));
    const QString keyFile = dir.filePath(QStringLiteral("app.key"));
    QFile file(keyFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kKey.toLatin1() + '\n');
    file.close();

    // Nothing stored yet: a warning, and the keys of the run still work.
    const QString cookie = test::cookieVector(QStringLiteral("encrypted_session"),
                                              QStringLiteral("login"))[QStringLiteral("cookie")]
                               .toString();
    const Run before =
        cli({QStringLiteral("decode"), QStringLiteral("--key"), kKey, cookie}, {}, environment);
    QCOMPARE(before.exitCode, 0);
    QVERIFY2(before.err.contains("only keys given for this run are used"), before.err.constData());

    const Run added = cli({QStringLiteral("key"), QStringLiteral("add"), QStringLiteral("--name"),
                           QStringLiteral("production"), QStringLiteral("--key-file"), keyFile},
                          {}, environment);
    QCOMPARE(added.exitCode, 0);
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    // In a folder of its own beside the settings file, made private by SessionLens.
    const QString store = data + QStringLiteral("/settings.sessionlens");
    for (const char *name : {"keyring.dat", "keyring.wrap"}) {
        const QFileDevice::Permissions mode =
            QFile::permissions(store + u'/' + QLatin1String(name));
        QVERIFY(mode & QFileDevice::ReadOwner); // 0600
        QCOMPARE(mode & (others | QFileDevice::ExeOwner), QFileDevice::Permissions());
    }
    QCOMPARE(QFileInfo(store).permissions() & others, QFileDevice::Permissions()); // 0700
    const Run secret =
        cli({QStringLiteral("key"), QStringLiteral("add"), QStringLiteral("--name"),
             QStringLiteral("flask"), QStringLiteral("--secret-file"), QStringLiteral("-")},
            {}, environment);
    QCOMPARE(secret.exitCode, 9); // an empty standard input is no secret
    const Run secretIn =
        cli({QStringLiteral("key"), QStringLiteral("add"), QStringLiteral("--name"),
             QStringLiteral("flask"), QStringLiteral("--secret-file"), QStringLiteral("-")},
            "s3cret\n", environment);
    QCOMPARE(secretIn.exitCode, 0);

    // Listed by name, kind, size and fingerprint: never the secret.
    const Run list = cli({QStringLiteral("key"), QStringLiteral("list")}, {}, environment);
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains("production\tAES key\t32 bytes"));
    QVERIFY(list.out.contains("flask\tFlask secret\t6 bytes"));
    QVERIFY(list.out.contains("File store"));
    for (const QByteArray &form : {kKey.toLatin1(), QByteArray::fromHex(kKey.toLatin1()).toBase64(),
                                   QByteArray("s3cret"), QByteArray("\\x79q\\x08")})
        QVERIFY2(!list.out.contains(form) && !list.err.contains(form), form.constData());

    // Commands use the stored ring by default, and say so as the window does.
    const Run opened = cli({QStringLiteral("decode"), QStringLiteral("--key"), kOtherKey, cookie},
                           {}, environment);
    QCOMPARE(opened.exitCode, 0);
    QVERIFY2(opened.err.contains("opened with stored key \"production\""), opened.err.constData());
    const Run noRing = cli({QStringLiteral("decode"), QStringLiteral("--no-ring"),
                            QStringLiteral("--key"), kOtherKey, cookie},
                           {}, environment);
    QCOMPARE(noRing.exitCode, 4);
    const Run sealed =
        cli({QStringLiteral("seal"), QStringLiteral("--with"), QStringLiteral("production")},
            "{\"a\": 1}", environment);
    QCOMPARE(sealed.exitCode, 0);
    const Run signedCookie =
        cli({QStringLiteral("sign")}, "{\"a\":1}", environment); // the ring's only secret
    QCOMPARE(signedCookie.exitCode, 0);
    const Run verified =
        cli({QStringLiteral("decode"), QString::fromLatin1(signedCookie.out.trimmed())}, {},
            environment);
    QVERIFY2(verified.err.contains("signature valid: stored key \"flask\""),
             verified.err.constData());

    // A key given for one run never reaches the store.
    const Run runOnly = cli({QStringLiteral("decode"), QStringLiteral("--key"), kOtherKey, cookie},
                            {}, environment);
    QCOMPARE(runOnly.exitCode, 0);
    const Run listAgain = cli({QStringLiteral("key"), QStringLiteral("list")}, {}, environment);
    QCOMPARE(listAgain.out.count('\n'), 3); // the store line and two keys
    QVERIFY(!listAgain.out.contains("--key"));

    // Export only into a pipe (this test's stdout is one), then rename and remove.
    const Run exported =
        cli({QStringLiteral("key"), QStringLiteral("export"), QStringLiteral("production")}, {},
            environment);
    QCOMPARE(exported.exitCode, 0);
    QVERIFY(exported.out.startsWith("b'"));
    QVERIFY(exported.err.contains("exporting the secret"));
    QCOMPARE(cli({QStringLiteral("key"), QStringLiteral("rename"), QStringLiteral("production"),
                  QStringLiteral("prod")},
                 {}, environment)
                 .exitCode,
             0);
    QCOMPARE(cli({QStringLiteral("key"), QStringLiteral("remove"), QStringLiteral("flask")}, {},
                 environment)
                 .exitCode,
             0);
    const Run finalList = cli({QStringLiteral("key"), QStringLiteral("list")}, {}, environment);
    QVERIFY(finalList.out.contains("prod\tAES key"));
    QVERIFY(!finalList.out.contains("flask"));
    QCOMPARE(cli({QStringLiteral("key"), QStringLiteral("remove"), QStringLiteral("flask")}, {},
                 environment)
                 .exitCode,
             9);
}

void TestCliKeyRing::keysKeptForSomeFormats()
{
    QTemporaryDir dir;
    const QProcessEnvironment environment =
        fileStoreEnvironment(dir.filePath(QStringLiteral("settings.ini")));
    const QJsonObject v =
        test::cookieVector(QStringLiteral("flask_default"), QStringLiteral("d-login"));
    const QByteArray secret = v[QStringLiteral("secret")].toString().toUtf8() + '\n';
    const auto add = [&](const QString &name, const QStringList &more, const QByteArray &input) {
        return cli(QStringList{QStringLiteral("key"), QStringLiteral("add"),
                               QStringLiteral("--name"), name, QStringLiteral("--secret-file"),
                               QStringLiteral("-")} +
                       more,
                   input, environment);
    };
    const Run kept = add(QStringLiteral("flask-app"),
                         {QStringLiteral("--for"), QStringLiteral("signed")}, secret);
    QCOMPARE(kept.exitCode, 0);
    QVERIFY2(kept.err.contains("it is tried only on cookies of: signed"), kept.err.constData());
    QCOMPARE(add(QStringLiteral("any"), {}, "other secret\n").exitCode, 0);
    // Unknown ids, and formats a secret does not make, are refused before anything is stored.
    const Run unknown =
        add(QStringLiteral("typo"), {QStringLiteral("--for"), QStringLiteral("sigend")}, secret);
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("no format is called \"sigend\""), unknown.err.constData());
    const Run wrongKind =
        add(QStringLiteral("aes-only"),
            {QStringLiteral("--for"), QStringLiteral("signed,encrypted")}, secret);
    QCOMPARE(wrongKind.exitCode, 2);
    QVERIFY2(wrongKind.err.contains("EncryptedSession cookies are not made with this kind of key"),
             wrongKind.err.constData());

    // Listed with the formats each key is kept for, by a later run (stored with the key).
    const Run list = cli({QStringLiteral("key"), QStringLiteral("list")}, {}, environment);
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains("flask-app\tFlask secret\t") && list.out.contains("\tfor signed\n"),
             list.out.constData());
    QVERIFY(list.out.contains("\tall formats\n"));
    QVERIFY(!list.out.contains("typo") && !list.out.contains("aes-only"));
    QCOMPARE(list.out.count('\n'), 3); // the store line and two keys

    // The stored secret kept for Flask's format verifies its cookie, and is named.
    const Run decoded =
        cli({QStringLiteral("decode"), v[QStringLiteral("cookie")].toString()}, {}, environment);
    QCOMPARE(decoded.exitCode, 0);
    QVERIFY2(decoded.err.contains("flask-app"), decoded.err.constData());
}

void TestCliKeyRing::settingsFolderIsLeftAsItWas()
{
    // A settings file in a folder others may read (a project, a shared folder): the store
    // goes into a private folder of its own, and the settings file's folder keeps its mode.
    QTemporaryDir dir;
    const QString shared = dir.filePath(QStringLiteral("shared"));
    QVERIFY(QDir().mkpath(shared));
    QCOMPARE(::chmod(QFile::encodeName(shared).constData(), 0755), 0);
    const QString settings = shared + QStringLiteral("/team.ini");
    const QString keyFile = dir.filePath(QStringLiteral("app.key"));
    QVERIFY(writeFile(keyFile, kKey.toLatin1() + '\n'));
    const QProcessEnvironment environment = fileStoreEnvironment(settings);

    const Run added = cli({QStringLiteral("key"), QStringLiteral("add"), QStringLiteral("--name"),
                           QStringLiteral("production"), QStringLiteral("--key-file"), keyFile},
                          {}, environment);
    QCOMPARE(added.exitCode, 0);
    QCOMPARE(mode(shared), 0755);
    QVERIFY(!QFile::exists(shared + QStringLiteral("/keyring.dat")));
    QVERIFY(!QFile::exists(shared + QStringLiteral("/keyring.wrap")));
    const QString store = shared + QStringLiteral("/team.sessionlens");
    QCOMPARE(mode(store), 0700);
    QCOMPARE(mode(store + QStringLiteral("/keyring.dat")), 0600);
    const Run list = cli({QStringLiteral("key"), QStringLiteral("list")}, {}, environment);
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains("production\tAES key"), list.out.constData());

    // A folder of that name that is not private is refused, never tightened.
    QTemporaryDir other;
    const QString open = other.filePath(QStringLiteral("app.sessionlens"));
    QVERIFY(QDir().mkpath(open));
    QCOMPARE(::chmod(QFile::encodeName(open).constData(), 0755), 0);
    const Run refused = cli({QStringLiteral("key"), QStringLiteral("add"), QStringLiteral("--name"),
                             QStringLiteral("production"), QStringLiteral("--key-file"), keyFile},
                            {}, fileStoreEnvironment(other.filePath(QStringLiteral("app.ini"))));
    QCOMPARE(refused.exitCode, 10);
    QVERIFY2(refused.err.contains("other users may read or write it"), refused.err.constData());
    QCOMPARE(mode(open), 0755);
}

void TestCliKeyRing::keyListSaysWhyTheStoreIsRefused()
{
    QTemporaryDir dir;
    const QString settings = dir.filePath(QStringLiteral("settings.ini"));
    const QString keyFile = dir.filePath(QStringLiteral("app.key"));
    QVERIFY(writeFile(keyFile, kKey.toLatin1() + '\n'));
    const QProcessEnvironment environment = fileStoreEnvironment(settings);
    QCOMPARE(cli({QStringLiteral("key"), QStringLiteral("add"), QStringLiteral("--name"),
                  QStringLiteral("production"), QStringLiteral("--key-file"), keyFile},
                 {}, environment)
                 .exitCode,
             0);
    const QString data = dir.filePath(QStringLiteral("settings.sessionlens/keyring.dat"));
    QVERIFY(QFile::exists(data));
    // Another user could now read the store: it is refused, and a script must not take the
    // refusal for an empty ring.
    QCOMPARE(::chmod(QFile::encodeName(data).constData(), 0644), 0);
    const Run list = cli({QStringLiteral("key"), QStringLiteral("list")}, {}, environment);
    QCOMPARE(list.exitCode, 10);
    QVERIFY2(list.err.contains("other users may read or write it"), list.err.constData());
    QVERIFY(!list.out.contains("production"));

    // With no names in the settings the store is still looked at, not taken for empty.
    QVERIFY(writeFile(settings, "[keys]\n"));
    const Run unnamed = cli({QStringLiteral("key"), QStringLiteral("list")}, {}, environment);
    QCOMPARE(unnamed.exitCode, 10);
    QVERIFY2(unnamed.err.contains("other users may read or write it"), unnamed.err.constData());

    // No store at all to read from is said, with a failing exit, too.
    QTemporaryDir empty;
    const Run none = cli({QStringLiteral("key"), QStringLiteral("list")}, {},
                         fileStoreEnvironment(empty.filePath(QStringLiteral("settings.ini"))));
    QCOMPARE(none.exitCode, 10);
    QVERIFY2(none.err.contains("no key store can be reached"), none.err.constData());
}

void TestCliKeyRing::keychainProblemsAlwaysHaveAReason_data()
{
    QTest::addColumn<bool>("answered");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("qtText");
    QTest::addColumn<QString>("reason");
    // `key add` with a keychain that was not ready said `did not store "demo": ` and stopped:
    // QtKeychain has no text for a job that never answered, nor always for one that did.
    QTest::newRow("no answer in time")
        << false << int(QKeychain::NoError) << QString()
        << QStringLiteral(
               "it did not answer within 3 s (locked, starting, or waiting for a prompt)");
    QTest::newRow("an error without text")
        << true << int(QKeychain::OtherError) << QStringLiteral(" ")
        << QStringLiteral("it reported error 7 without a reason");
    QTest::newRow("denied without text")
        << true << int(QKeychain::AccessDenied) << QString() << QStringLiteral("access was denied");
    QTest::newRow("the keychain's own words")
        << true << int(QKeychain::OtherError) << QStringLiteral("Object does not exist")
        << QStringLiteral("Object does not exist");
}

void TestCliKeyRing::keychainProblemsAlwaysHaveAReason()
{
    QFETCH(bool, answered);
    QFETCH(int, code);
    QFETCH(QString, qtText);
    QFETCH(QString, reason);
    QCOMPARE(KeychainKeyStore::problem(answered, code, qtText, 3000), reason);
}

QTEST_GUILESS_MAIN(TestCliKeyRing)
#include "tst_CliKeyRing.moc"
