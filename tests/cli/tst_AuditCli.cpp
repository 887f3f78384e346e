// The audit as a user runs it: sessionlens-cli audit on a file (--fail-over at its exact
// boundary, --baseline, CSV) and on a stream through a pipe in bounded memory.
#include "AuditInput.h"
#include "TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace sessionlens;

class TestAuditCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failOverAndBaseline();
    void unreadableFilesAreNamedAndSkipped();
};

void TestAuditCli::failOverAndBaseline()
{
    QTemporaryDir dir;
    const test::AuditInput small = test::generateAuditInput(200, 3);
    const QString input = dir.filePath(QStringLiteral("cookies.txt"));
    QFile file(input);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(small.text);
    file.close();
    const auto run = [&](const QStringList &extra, QByteArray *out = nullptr) {
        QProcess cli;
        cli.setProcessEnvironment(test::isolatedCliEnvironment());
        cli.start(test::cliPath(),
                  QStringList{QStringLiteral("audit"), QStringLiteral("--key"),
                              QString::fromLatin1(test::kAuditKeyHex), QStringLiteral("--secret"),
                              QString::fromLatin1(test::kAuditSecret)} +
                      extra + QStringList{input});
        cli.waitForFinished(120000);
        if (out)
            *out = cli.readAllStandardOutput();
        return cli.exitCode();
    };
    QByteArray json;
    QCOMPARE(run({QStringLiteral("--format"), QStringLiteral("json")}, &json), 0);
    const QJsonObject report = QJsonDocument::fromJson(json).object();
    QCOMPARE(report[QStringLiteral("cookies")].toInteger(), small.cookies);
    const QString baseline = dir.filePath(QStringLiteral("baseline.json"));
    QFile b(baseline);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write(json);
    b.close();

    // Gate on size: the largest Set-Cookie value of an opened cookie decides, and the boundary
    // is exact (computed by the generator, not read back from the report).
    const qsizetype largest = small.largestSetCookie;
    QVERIFY(largest > 1000);
    QCOMPARE(run({QStringLiteral("--fail-over"), QString::number(largest)}), 0);
    QCOMPARE(run({QStringLiteral("--fail-over"), QString::number(largest - 1)}), 1);
    QCOMPARE(run({QStringLiteral("--fail-over"), QStringLiteral("50")}), 1);

    // Against itself: every change is zero.
    QByteArray compared;
    QCOMPARE(run({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--baseline"),
                  baseline},
                 &compared),
             0);
    const QJsonObject changes =
        QJsonDocument::fromJson(compared).object()[QStringLiteral("baseline_changes")].toObject();
    QCOMPARE(changes[QStringLiteral("cookie_bytes")][QStringLiteral("p95")].toInteger(), 0);
    QCOMPARE(changes[QStringLiteral("top_keys")][QStringLiteral("pad")].toInteger(), 0);
    // Against a baseline where "pad" was smaller, it grew by the difference.
    QJsonObject older = report;
    QJsonArray top = older[QStringLiteral("top_keys")].toArray();
    QJsonObject pad = top[0].toObject();
    pad[QStringLiteral("json_bytes")] = pad[QStringLiteral("json_bytes")].toInteger() - 1000;
    top[0] = pad;
    older[QStringLiteral("top_keys")] = top;
    QVERIFY(b.open(QIODevice::WriteOnly | QIODevice::Truncate));
    b.write(QJsonDocument(older).toJson());
    b.close();
    QByteArray text;
    QCOMPARE(run({QStringLiteral("--baseline"), baseline}, &text), 0);
    QVERIFY2(text.contains("key pad:") && text.contains("(+1000)"), text.constData());

    QByteArray csv;
    QCOMPARE(run({QStringLiteral("--format"), QStringLiteral("csv")}, &csv), 0);
    QCOMPARE(csv.count('\n'), small.cookies + 1);
    QVERIFY(csv.startsWith("line,format,step,cookie_bytes,plaintext_bytes,compressed\n"));
}

void TestAuditCli::unreadableFilesAreNamedAndSkipped()
{
    // The window and the command line audit a list alike (FileListAudit): a file that cannot
    // be read is named with its error, the others are still audited, and the exit code says
    // that one failed.
    QTemporaryDir dir;
    const test::AuditInput first = test::generateAuditInput(40, 5);
    const test::AuditInput second = test::generateAuditInput(30, 6);
    const auto write = [&](const QString &name, const QByteArray &text) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(text);
        return path;
    };
    const QString a = write(QStringLiteral("a.txt"), first.text);
    const QString b = write(QStringLiteral("b.txt"), second.text);
    const QString missing = dir.filePath(QStringLiteral("missing.txt"));
    // A HAR that is not one: its importer refuses it.
    const QString broken = write(QStringLiteral("broken.har"), "{\"log\": {\"entries\": 7}}");
    QProcess cli;
    cli.setProcessEnvironment(test::isolatedCliEnvironment());
    cli.start(test::cliPath(), {QStringLiteral("audit"), QStringLiteral("--format"),
                                QStringLiteral("json"), QStringLiteral("--key"),
                                QString::fromLatin1(test::kAuditKeyHex), QStringLiteral("--secret"),
                                QString::fromLatin1(test::kAuditSecret), a, missing, broken, b});
    QVERIFY(cli.waitForFinished(120000));
    const QByteArray err = cli.readAllStandardError();
    QCOMPARE(cli.exitCode(), 10); // the first failure's step: I/O
    QVERIFY2(err.contains(missing.toUtf8()), err.constData());
    QVERIFY2(err.contains(broken.toUtf8()), err.constData());
    QCOMPARE(err.count("sessionlens-cli: "), 2);
    const QJsonObject report = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(report[QStringLiteral("cookies")].toInteger(), first.cookies + second.cookies);
    QCOMPARE(report[QStringLiteral("opened")].toInteger(), first.opened + second.opened);
}

QTEST_GUILESS_MAIN(TestAuditCli)
#include "tst_AuditCli.moc"
