// The batch paths read their input in blocks, whatever it is: a file argument, a redirect
// (`< file`) or a pipe (`cat file | ...`). Each run is traced by strace, which counts the
// read() and lseek() calls of the CLI and its threads; the count must stay far below the
// number of cookies, and the output must still hold every cookie. Over-long lines on a pipe
// get their error line and the batch goes on.
#include "Limits.h"
#include "TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sessionlens;

namespace {

const QString kKey =
    QStringLiteral("7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd");
constexpr int kCookies = 20'000;

enum class Input
{
    FileArgument,
    Redirect,
    Pipe
};

struct Traced
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 calls = -1; ///< read-like and lseek calls, all threads
    QString summary;
};

// Runs `sessionlens-cli arguments...` under strace with the input given the chosen way.
Traced traced(const QString &strace, const QString &folder, const QString &cookies, Input input,
              QStringList arguments)
{
    const QString summaryPath = folder + QStringLiteral("/strace.txt");
    QFile::remove(summaryPath);
    arguments.append(input == Input::FileArgument ? cookies : QStringLiteral("-"));
    QStringList command = {strace,
                           QStringLiteral("-f"),
                           QStringLiteral("-c"),
                           QStringLiteral("-o"),
                           summaryPath,
                           QStringLiteral("-e"),
                           QStringLiteral("trace=read,readv,pread64,preadv,lseek"),
                           test::cliPath()};
    command += arguments;
    QProcess process;
    QProcessEnvironment environment = test::isolatedCliEnvironment();
    // LeakSanitizer cannot run under ptrace; the sanitizer build's other tests check leaks.
    environment.insert(QStringLiteral("ASAN_OPTIONS"),
                       environment.value(QStringLiteral("ASAN_OPTIONS")) +
                           QStringLiteral(":detect_leaks=0"));
    process.setProcessEnvironment(environment);
    if (input == Input::Pipe) {
        // A real pipe as a user's shell makes it: cat writes, the CLI reads.
        QStringList quoted;
        for (const QString &word : std::as_const(command))
            quoted.append(QLatin1Char('\'') + word + QLatin1Char('\''));
        process.start(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"),
             QStringLiteral("cat '%1' | %2").arg(cookies, quoted.join(QLatin1Char(' ')))});
    } else {
        if (input == Input::Redirect)
            process.setStandardInputFile(cookies);
        process.start(command.takeFirst(), command);
    }
    Traced result;
    if (!process.waitForStarted() || !process.waitForFinished(240000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    QFile summary(summaryPath);
    if (!summary.open(QIODevice::ReadOnly))
        return result;
    result.summary = QString::fromUtf8(summary.readAll());
    // "% time  seconds  usecs/call  calls  [errors]  syscall": one row per system call.
    qint64 calls = 0;
    const QStringList rows = result.summary.split(QLatin1Char('\n'));
    for (const QString &row : rows) {
        const QStringList cells = row.simplified().split(QLatin1Char(' '));
        if (cells.size() >= 5 && cells.last() != QLatin1String("total") &&
            cells.last() != QLatin1String("syscall") && !cells.last().startsWith(u'-'))
            calls += cells[3].toLongLong();
    }
    result.calls = calls;
    return result;
}

} // namespace

class TestCliBatchInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noSystemCallPerCookie_data();
    void noSystemCallPerCookie();
    void overLongLinesFromAPipe();

private:
    QString m_strace;
    QTemporaryDir m_folder;
    QString m_cookies;
};

void TestCliBatchInput::initTestCase()
{
    m_strace = QStandardPaths::findExecutable(QStringLiteral("strace"));
    QVERIFY(m_folder.isValid());
    QByteArray text;
    const QJsonArray vectors = test::cookieVectors(QStringLiteral("encrypted_session"));
    QVERIFY(!vectors.isEmpty());
    for (int i = 0; i < kCookies; ++i)
        text += vectors[i % vectors.size()][QStringLiteral("cookie")].toString().toLatin1() + '\n';
    m_cookies = m_folder.filePath(QStringLiteral("cookies.txt"));
    QFile file(m_cookies);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(text), text.size());
}

void TestCliBatchInput::noSystemCallPerCookie_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<Input>("input");
    for (const QString &command : {QStringLiteral("decode"), QStringLiteral("audit")}) {
        QTest::addRow("%s, file argument", qPrintable(command)) << command << Input::FileArgument;
        QTest::addRow("%s, redirect", qPrintable(command)) << command << Input::Redirect;
        QTest::addRow("%s, pipe", qPrintable(command)) << command << Input::Pipe;
    }
}

void TestCliBatchInput::noSystemCallPerCookie()
{
    if (m_strace.isEmpty())
        QSKIP("strace is not installed (Debian package strace): the system calls cannot be "
              "counted");
    QFETCH(QString, command);
    QFETCH(Input, input);
    const bool decode = command == QLatin1String("decode");
    const QStringList arguments =
        decode ? QStringList{QStringLiteral("decode"),  QStringLiteral("--no-ring"),
                             QStringLiteral("--key"),   kKey,
                             QStringLiteral("--lines"), QStringLiteral("--format"),
                             QStringLiteral("json")}
               : QStringList{QStringLiteral("audit"),    QStringLiteral("--no-ring"),
                             QStringLiteral("--key"),    kKey,
                             QStringLiteral("--format"), QStringLiteral("json")};
    const Traced run = traced(m_strace, m_folder.path(), m_cookies, input, arguments);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.calls > 0, qPrintable(run.summary));
    // Every cookie came through.
    if (decode) {
        QCOMPARE(run.out.count('\n'), kCookies);
        QVERIFY(!run.out.startsWith("error ") && !run.out.contains("\nerror "));
    } else {
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(report[QStringLiteral("cookies")].toInteger(), kCookies);
        QCOMPARE(report[QStringLiteral("opened")].toInteger(), kCookies);
    }
    qInfo("%s: %lld read/lseek calls for %d cookies", QTest::currentDataTag(),
          static_cast<long long>(run.calls), kCookies);
    // Start-up reads libraries and settings; the input itself is read in blocks of at least
    // the pipe's 64 KiB. A call per cookie (or two, as before) would be 20,000 or more.
    QVERIFY2(run.calls < kCookies / 50, qPrintable(run.summary));
}

void TestCliBatchInput::overLongLinesFromAPipe()
{
    const QByteArray cookie = test::cookieVectors(QStringLiteral("encrypted_session"))
                                  .first()[QStringLiteral("cookie")]
                                  .toString()
                                  .toLatin1();
    // Longer than the input limit, at the limit (read, then refused by the codec for its
    // shape), several blocks long, and one more at the very end without a line end.
    const QByteArray over(limits::kMaxCookieBytes + 1, 'A');
    const QByteArray atLimit(limits::kMaxCookieBytes, 'A');
    const QByteArray huge(5 * 1024 * 1024, 'A');
    const QByteArray input = cookie + '\n' + over + '\n' + cookie + "\r\n" + atLimit + '\n' + huge +
                             '\n' + cookie + '\n' + over;
    QProcess process;
    process.setProcessEnvironment(test::isolatedCliEnvironment());
    process.start(test::cliPath(),
                  {QStringLiteral("decode"), QStringLiteral("--no-ring"), QStringLiteral("--key"),
                   kKey, QStringLiteral("--lines"), QStringLiteral("--format"),
                   QStringLiteral("json"), QStringLiteral("-")});
    QVERIFY(process.waitForStarted());
    process.write(input);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(120000));
    QCOMPARE(process.exitCode(), 8); // the first failing line was the over-long one
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    const QByteArray tooLong = "error limit: line longer than the input limit";
    QCOMPARE(lines.size(), 8);
    QCOMPARE(lines[0], QByteArray("{\"a\": 1}"));
    QCOMPARE(lines[1], tooLong);
    QCOMPARE(lines[2], QByteArray("{\"a\": 1}"));
    QVERIFY2(lines[3].startsWith("error ") && lines[3] != tooLong, lines[3].constData());
    QCOMPARE(lines[4], tooLong);
    QCOMPARE(lines[5], QByteArray("{\"a\": 1}"));
    QCOMPARE(lines[6], tooLong);
    QCOMPARE(lines[7], QByteArray());
}

QTEST_GUILESS_MAIN(TestCliBatchInput)
#include "tst_CliBatchInput.moc"
