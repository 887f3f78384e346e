// The audit of a list of files that the window and the command line share: a file that
// cannot be read or imported is reported and skipped, and the others are still audited.
#include "AuditInput.h"
#include "TestData.h"
#include "audit/FileListAudit.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sessionlens;

class TestFileListAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failedFilesDoNotStopTheOthers();
    void examplesPointIntoTheirFile();
    void cancelledBeforeTheFirstFile();
};

namespace {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

SizeAudit::Options auditOptions()
{
    SizeAudit::Options options;
    options.keys.append(test::auditAesKey());
    options.keys.append(SessionKey(
        QStringLiteral("secret"),
        SecureBytes(test::kAuditSecret.constData(), std::size_t(test::kAuditSecret.size())),
        SessionKey::Kind::SigningSecret));
    options.threads = 2;
    return options;
}

} // namespace

void TestFileListAudit::failedFilesDoNotStopTheOthers()
{
    QTemporaryDir dir;
    const test::AuditInput first = test::generateAuditInput(50, 11);
    const test::AuditInput second = test::generateAuditInput(35, 12);
    const QString a = write(dir, QStringLiteral("a.txt"), first.text);
    const QString b = write(dir, QStringLiteral("b.txt"), second.text);
    const QString broken = write(dir, QStringLiteral("broken.har"), R"({"log": {"entries": 7}})");
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !broken.isEmpty());
    const QString missing = dir.filePath(QStringLiteral("missing.txt"));

    QList<int> rowFiles;
    qint64 lastDone = 0;
    const FileListAudit::Outcome outcome = FileListAudit::run(
        {a, missing, broken, b}, auditOptions(),
        [&](int file, const QList<SizeAudit::Row> &rows) {
            if (!rows.isEmpty() && !rowFiles.contains(file))
                rowFiles.append(file);
        },
        [&](const SizeAudit::Progress &p) { lastDone = p.bytesDone; });

    QCOMPARE(outcome.failures.size(), 2);
    QCOMPARE(outcome.failures[0].file, 1);
    QCOMPARE(outcome.failures[0].error.category, ErrorCategory::Io);
    QCOMPARE(outcome.failures[0].error.detail, missing);
    QCOMPARE(outcome.failures[1].file, 2);
    QCOMPARE(outcome.failures[1].error.category, ErrorCategory::Format);
    QVERIFY(!outcome.cancelled);
    // The report covers exactly the files that were read.
    QCOMPARE(qint64(outcome.report.cookies), first.cookies + second.cookies);
    QCOMPARE(qint64(outcome.report.opened), first.opened + second.opened);
    QCOMPARE(qint64(outcome.report.formats.value(QStringLiteral("encrypted"))),
             first.encrypted + second.encrypted);
    QCOMPARE(qint64(outcome.report.formats.value(QStringLiteral("signed"))),
             first.signedCount + second.signedCount);
    QCOMPARE(rowFiles, QList<int>({0, 3}));
    // Progress counts the bytes of the whole list, not of one file.
    QCOMPARE(lastDone, qint64(first.text.size() + second.text.size()) + QFile(broken).size());
}

void TestFileListAudit::examplesPointIntoTheirFile()
{
    QTemporaryDir dir;
    const test::AuditInput input = test::generateAuditInput(40, 21);
    const QString empty = write(dir, QStringLiteral("empty.txt"), "\n\n");
    const QString cookies = write(dir, QStringLiteral("cookies.txt"), input.text);
    const FileListAudit::Outcome outcome = FileListAudit::run({empty, cookies}, auditOptions());
    QVERIFY(outcome.failures.isEmpty());
    QVERIFY(!outcome.keyExamples.isEmpty());
    QVERIFY(!outcome.bucketExamples.isEmpty());
    const QList<QByteArray> lines = input.text.split('\n');
    for (const FileListAudit::Place &place : outcome.bucketExamples) {
        QCOMPARE(place.file, 1);
        QVERIFY(place.line >= 1 && place.line <= lines.size());
        QVERIFY(!lines[place.line - 1].trimmed().isEmpty());
    }
}

void TestFileListAudit::cancelledBeforeTheFirstFile()
{
    QTemporaryDir dir;
    const QString cookies =
        write(dir, QStringLiteral("cookies.txt"), test::generateAuditInput(10, 3).text);
    const std::atomic<bool> cancel = true;
    const FileListAudit::Outcome outcome =
        FileListAudit::run({cookies}, auditOptions(), {}, {}, &cancel);
    QVERIFY(outcome.cancelled);
    QVERIFY(outcome.failures.isEmpty());
    QCOMPARE(outcome.report.cookies, quint64(0));
}

QTEST_GUILESS_MAIN(TestFileListAudit)
#include "tst_FileListAudit.moc"
