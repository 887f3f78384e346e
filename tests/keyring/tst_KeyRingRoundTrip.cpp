// The stored key ring shared by the CLI and the window, against a real Secret Service
// (gnome-keyring in its own D-Bus session, see run-with-keyring.sh).
#include "InspectorController.h"
#include "KeychainKeyStore.h"
#include "StoredKeyRing.h"
#include "TestData.h"

#include <QApplication>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace sessionlens;

namespace {

const QByteArray kKeyHex = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QString &settings, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SESSIONLENS_SETTINGS"), settings);
    process.setProcessEnvironment(environment);
    process.start(test::cliPath(), arguments);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QJsonObject vector(const QString &section)
{
    return test::cookieVectors(section).first().toObject();
}

} // namespace

class TestKeyRingRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cliAndWindowShareTheRing();
};

void TestKeyRingRoundTrip::cliAndWindowShareTheRing()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run inside dbus-run-session");
    QTemporaryDir dir;
    const QString settings = dir.filePath(QStringLiteral("settings.ini"));
    const QString keyFile = dir.filePath(QStringLiteral("app.key"));
    QFile file(keyFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kKeyHex + '\n');
    file.close();

    // The CLI adds a key: it goes to the desktop keychain, not to a file.
    const Run added =
        cli(settings, {QStringLiteral("key"), QStringLiteral("add"), QStringLiteral("--name"),
                       QStringLiteral("from-cli"), QStringLiteral("--key-file"), keyFile});
    QCOMPARE(added.exitCode, 0);
    QVERIFY2(added.err.contains("Desktop keychain"), added.err.constData());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("keyring.dat"))));

    // The window's side opens the same ring without waiting: the keys arrive through its event
    // loop (no nested loop, no timeout), and the key opens a cookie in its controller.
    StoredKeyRing::Opened window = StoredKeyRing::openForWindow(StoredKeyRing::location(settings));
    QVERIFY(window.keys);
    QVERIFY(window.keys->store().label().contains(QStringLiteral("keychain")));
    QSignalSpy loaded(window.keys.get(), &KeyRingStore::loadFinished);
    window.keys->loadLater();
    QVERIFY(window.keys->isLoading());
    QVERIFY(loaded.wait(30'000));
    QVERIFY(!window.keys->isLoading());
    QCOMPARE(loaded.first().first().toStringList(), QStringList());
    gui::InspectorController controller(*window.settings, *window.keys);
    const auto &opened = controller.openText(
        vector(QStringLiteral("encrypted_session"))[QStringLiteral("cookie")].toString());
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error->toString()));
    QCOMPARE(opened.keyName, QStringLiteral("from-cli"));

    // The window adds a Flask secret; the CLI verifies a cookie with it.
    const QJsonObject signedVector = vector(QStringLiteral("flask_default"));
    const QByteArray secret = signedVector[QStringLiteral("secret")].toString().toUtf8();
    std::optional<Result<Done>> stored;
    window.keys->addLater(SessionKey(QStringLiteral("from-window"),
                                     SecureBytes(secret.constData(), std::size_t(secret.size())),
                                     SessionKey::Kind::SigningSecret),
                          window.keys.get(), [&](Result<Done> outcome) { stored = outcome; });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 30'000);
    QVERIFY(stored->ok());
    QVERIFY(window.keys->ring().find(QStringLiteral("from-window")));
    const Run verified = cli(
        settings, {QStringLiteral("decode"), signedVector[QStringLiteral("cookie")].toString()});
    QCOMPARE(verified.exitCode, 0);
    QVERIFY2(verified.err.contains("signature valid: stored key \"from-window\""),
             verified.err.constData());

    // key list names them and never shows a secret.
    const Run list = cli(settings, {QStringLiteral("key"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains("from-cli\tAES key"));
    QVERIFY(list.out.contains("from-window\tFlask secret"));
    for (const QByteArray &form : {kKeyHex, QByteArray::fromHex(kKeyHex).toBase64(), secret})
        QVERIFY2(!list.out.contains(form) && !list.err.contains(form), form.constData());

    // A key given for one run stays out of the keychain.
    const Run runOnly =
        cli(settings,
            {QStringLiteral("decode"), QStringLiteral("--key"), QString(64, u'2'),
             vector(QStringLiteral("encrypted_session"))[QStringLiteral("cookie")].toString()});
    QCOMPARE(runOnly.exitCode, 0);
    StoredKeyRing::Opened again = StoredKeyRing::open(StoredKeyRing::location(settings),
                                                      KeychainKeyStore::kDefaultTimeoutMs, false);
    QCOMPARE(again.keys->ring().size(), 2);
    QCOMPARE(again.keys->ring().indexOf(QStringLiteral("--key #1")), qsizetype(-1));
}

QTEST_MAIN(TestKeyRingRoundTrip)
#include "tst_KeyRingRoundTrip.moc"
