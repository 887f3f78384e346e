// The window as other users of the machine see it in ps: a key or secret given on its
// command line leaves the process's arguments once the window has read it.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray procCmdline(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

class TestWindowArguments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysLeaveTheCommandLine();
};

void TestWindowArguments::keysLeaveTheCommandLine()
{
    const QByteArray key = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";
    const QByteArray secret = "a-flask-secret-for-the-window";
    QTemporaryDir dir;
    QProcess window;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    window.setProcessEnvironment(environment);
    window.start(QStringLiteral(SESSIONLENS_GUI_PATH),
                 {QStringLiteral("--settings"), dir.filePath(QStringLiteral("settings.ini")),
                  QStringLiteral("--key"), QString::fromLatin1(key), QStringLiteral("--secret"),
                  QString::fromLatin1(secret)});
    QVERIFY(window.waitForStarted());
    // The window says on stderr that it was given a key on its command line, after reading it.
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += window.readAllStandardError()).contains("--key-file") ||
                                 window.state() == QProcess::NotRunning,
                             60'000);
    QVERIFY2(window.state() == QProcess::Running, err.constData());
    const QByteArray cmdline = procCmdline(window.processId());
    QVERIFY2(cmdline.contains("--settings"), cmdline.constData());
    QVERIFY(!cmdline.contains(key));
    QVERIFY(!cmdline.contains(secret));
    window.kill();
    QVERIFY(window.waitForFinished(30'000));
}

QTEST_GUILESS_MAIN(TestWindowArguments)
#include "tst_WindowArguments.moc"
