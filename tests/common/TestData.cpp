#include "TestData.h"

#include "AppSettings.h"
#include "FileKeyStore.h"
#include "StoredKeyRing.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <QFile>
#include <QJsonDocument>
#include <QTest>

namespace sessionlens::test {

QString dataPath(const QString &name)
{
    return QStringLiteral(SESSIONLENS_TEST_DATA_DIR "/") + name;
}

QString testSourcePath(const QString &relative)
{
    return QStringLiteral(SESSIONLENS_TEST_SOURCE_DIR "/") + relative;
}

QJsonObject loadJsonObject(const QString &name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(QStringLiteral("cannot open %1").arg(file.fileName())), __FILE__,
                     __LINE__);
        return {};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        QTest::qFail(qPrintable(error.errorString()), __FILE__, __LINE__);
    return document.object();
}

int declaredCookieVectors(const QString &section)
{
    if (section == QLatin1String("encrypted_session"))
        return kEncryptedSessionVectors;
    if (section == QLatin1String("encrypted_session_invalid"))
        return kEncryptedSessionInvalidVectors;
    if (section == QLatin1String("flask_default"))
        return kFlaskDefaultVectors;
    return -1;
}

QJsonArray cookieVectors(const QString &section)
{
    const QJsonArray rows =
        loadJsonObject(QStringLiteral("session_cookies.json")).value(section).toArray();
    const int declared = declaredCookieVectors(section);
    if (declared < 0)
        QTest::qFail(qPrintable(QStringLiteral("session_cookies.json: no count is declared for "
                                               "the section \"%1\" (tests/common/TestData.h)")
                                    .arg(section)),
                     __FILE__, __LINE__);
    else
        (void)QTest::qCompare(int(rows.size()), declared, "rows in session_cookies.json",
                              qPrintable(QStringLiteral("declared rows of \"%1\"").arg(section)),
                              __FILE__, __LINE__);
    return rows;
}

QJsonObject cookieVector(const QString &section, const QString &name)
{
    for (const QJsonValue v : cookieVectors(section))
        if (v[QStringLiteral("name")].toString() == name)
            return v.toObject();
    QTest::qFail(
        qPrintable(
            QStringLiteral("session_cookies.json: no vector \"%1\" in \"%2\"").arg(name, section)),
        __FILE__, __LINE__);
    return {};
}

QString pythonInterpreter()
{
    return QStringLiteral(SESSIONLENS_PYTHON);
}

QString cliPath()
{
    return QStringLiteral(SESSIONLENS_CLI_PATH);
}

QString isolatedSettingsFile()
{
    static QTemporaryDir folder;
    static const QString settings = [] {
        const QString file = folder.filePath(QStringLiteral("settings.ini"));
        AppSettings written(file);
        written.setValue(AppSettings::Key::KeyStoreBackend, QStringLiteral("file"));
        written.sync();
        // An empty, existing file store: a ring with no keys, and no warning about a missing one.
        FileKeyStore store(StoredKeyRing::location(file).dataFolder);
        (void)store.remove(QStringLiteral("nothing"));
        return file;
    }();
    return settings;
}

QProcessEnvironment isolatedCliEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SESSIONLENS_SETTINGS"), isolatedSettingsFile());
    return environment;
}

CliRun runCli(const QStringList &arguments, const QByteArray &input,
              const QProcessEnvironment &environment, int timeoutMs)
{
    QProcess cli;
    cli.setProcessEnvironment(environment);
    QSignalSpy finished(&cli, &QProcess::finished);
    cli.start(cliPath(), arguments);
    if (!cli.waitForStarted())
        return {};
    cli.write(input);
    cli.closeWriteChannel();
    if (!finished.wait(timeoutMs)) {
        cli.kill();
        cli.waitForFinished(30'000);
        return {-1, cli.readAllStandardOutput(), cli.readAllStandardError()};
    }
    return {cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1,
            cli.readAllStandardOutput(), cli.readAllStandardError()};
}

} // namespace sessionlens::test
