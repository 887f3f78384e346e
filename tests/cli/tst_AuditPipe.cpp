// A stream of cookie lines through a pipe: the audit must read it as it comes, never hold it.
// The plain build sends 2 GB and checks the peak resident size; under the sanitizers the
// stream is smaller (SESSIONLENS_PIPE_BYTES), since ASan's shadow memory and quarantine make
// resident size meaningless there and its instrumented code is several times slower. The
// wait below and the ctest timeout come from one CMake value (SESSIONLENS_PIPE_TIMEOUT_S).
#include "TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <sys/resource.h>

using namespace sessionlens;

class TestAuditPipe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamThroughAPipe();
};

void TestAuditPipe::streamThroughAPipe()
{
    constexpr qint64 kBytes = SESSIONLENS_PIPE_BYTES;
    constexpr qint64 kLineBytes = 1000; // 999 characters and a newline
    static_assert(kBytes % kLineBytes == 0);
    const QString command =
        QStringLiteral("yes \"$(printf %0999d 0 | tr 0 A)\" | head -c %1 | \"").arg(kBytes) +
        test::cliPath() + QStringLiteral("\" audit --no-ring --format json -");
    QProcess shell;
    shell.setProcessEnvironment(test::isolatedCliEnvironment());
    shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    // Finish well before ctest's timeout, so that a slow run fails here with its own words.
    QVERIFY2(shell.waitForFinished(int(SESSIONLENS_PIPE_TIMEOUT_S - 30) * 1000),
             "the audit of the stream did not finish in time");
    QCOMPARE(shell.exitCode(), 0);
    const QJsonObject report = QJsonDocument::fromJson(shell.readAllStandardOutput()).object();
    QCOMPARE(report[QStringLiteral("cookies")].toInteger(), kBytes / kLineBytes);
    QCOMPARE(report[QStringLiteral("failed")][QStringLiteral("format")].toInteger(),
             kBytes / kLineBytes);
#if defined(__SANITIZE_ADDRESS__)
    return; // resident size is no bound under AddressSanitizer: the plain build checks it
#endif
    // The largest resident set of any finished child of this test (the CLI among them).
    rusage usage{};
    QCOMPARE(::getrusage(RUSAGE_CHILDREN, &usage), 0);
    QVERIFY2(usage.ru_maxrss < 256 * 1024,
             qPrintable(QStringLiteral("peak RSS %1 KiB").arg(usage.ru_maxrss)));
}

QTEST_GUILESS_MAIN(TestAuditPipe)
#include "tst_AuditPipe.moc"
