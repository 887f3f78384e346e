// The batch commands widen a pipe they read to a megabyte, so that its writer and the reader
// take turns a sixteenth as often; anything that is not a pipe is left alone.
#include "os/PipeCapacity.h"
#include "os/StandardInput.h"

#include <QFile>

#include <QTemporaryFile>
#include <QTest>

#include <algorithm>

#include <fcntl.h>
#include <unistd.h>

using namespace sessionlens;

class TestPipeCapacity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void widensAPipe();
    void neverShrinksAPipe();
    void leavesOtherDescriptorsAlone();
    void standardInputIsReadUnbufferedFromAWidePipe();
};

void TestPipeCapacity::widensAPipe()
{
    int ends[2] = {-1, -1};
    QCOMPARE(::pipe(ends), 0);
    const int before = ::fcntl(ends[0], F_GETPIPE_SZ);
    QVERIFY(before > 0);
    PipeCapacity::widen(ends[0]);
    const int after = ::fcntl(ends[0], F_GETPIPE_SZ);
    QVERIFY(after >= before);
    // Still a working pipe: what goes in comes out.
    QCOMPARE(::write(ends[1], "cookie\n", 7), ssize_t(7));
    char back[8] = {};
    QCOMPARE(::read(ends[0], back, sizeof back), ssize_t(7));
    QCOMPARE(QByteArray(back), QByteArray("cookie\n"));
    ::close(ends[0]);
    ::close(ends[1]);
    // A machine may allow less (pipe-max-size) or have spent its user's pipe quota; the
    // kernel then refuses, and the pipe keeps its size.
    if (after == before && before < PipeCapacity::kBytes)
        QSKIP("the kernel refused a pipe of 1 MiB here: the widening cannot be seen");
    QCOMPARE(after, std::max(before, PipeCapacity::kBytes));
}

void TestPipeCapacity::neverShrinksAPipe()
{
    int ends[2] = {-1, -1};
    QCOMPARE(::pipe(ends), 0);
    const int larger = 2 * PipeCapacity::kBytes;
    const bool grown = ::fcntl(ends[0], F_SETPIPE_SZ, larger) >= larger;
    PipeCapacity::widen(ends[0]);
    const int after = ::fcntl(ends[0], F_GETPIPE_SZ);
    ::close(ends[0]);
    ::close(ends[1]);
    if (!grown)
        QSKIP("this process may not make a pipe of 2 MiB (pipe-max-size): nothing to shrink");
    QCOMPARE(after, larger);
}

void TestPipeCapacity::leavesOtherDescriptorsAlone()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    QCOMPARE(file.write("cookie\n"), qint64(7));
    QVERIFY(file.flush());
    PipeCapacity::widen(file.handle());
    QVERIFY(file.seek(0));
    QCOMPARE(file.readAll(), QByteArray("cookie\n"));
    // No descriptor, or one already closed: nothing happens, nothing crashes.
    PipeCapacity::widen(-1);
    int ends[2] = {-1, -1};
    QCOMPARE(::pipe(ends), 0);
    ::close(ends[0]);
    ::close(ends[1]);
    PipeCapacity::widen(ends[0]);
}

void TestPipeCapacity::standardInputIsReadUnbufferedFromAWidePipe()
{
    // A pipe as this process's standard input, as `cat cookies | sessionlens-cli ... -` gives.
    int ends[2] = {-1, -1};
    QCOMPARE(::pipe(ends), 0);
    const int saved = ::dup(STDIN_FILENO);
    QVERIFY(saved >= 0);
    QVERIFY(::dup2(ends[0], STDIN_FILENO) == STDIN_FILENO);
    ::close(ends[0]);
    const int before = ::fcntl(STDIN_FILENO, F_GETPIPE_SZ);
    QCOMPARE(::write(ends[1], "one\ntwo\n", 8), ssize_t(8));
    ::close(ends[1]);

    QFile file;
    const bool opened = StandardInput::open(file);
    const QIODevice::OpenMode mode = file.openMode();
    const int after = ::fcntl(STDIN_FILENO, F_GETPIPE_SZ);
    const QByteArray read = opened ? file.readAll() : QByteArray();
    file.close();
    const bool stillOpen = ::fcntl(STDIN_FILENO, F_GETFD) != -1; // DontCloseHandle
    QVERIFY(::dup2(saved, STDIN_FILENO) == STDIN_FILENO);
    ::close(saved);

    QVERIFY(opened);
    QVERIFY(mode.testFlag(QIODevice::Unbuffered));
    QCOMPARE(read, QByteArray("one\ntwo\n"));
    QVERIFY(stillOpen);
    if (after == before && before < PipeCapacity::kBytes)
        QSKIP("the kernel refused a pipe of 1 MiB here: the widening cannot be seen");
    QVERIFY(after >= PipeCapacity::kBytes);
}

QTEST_GUILESS_MAIN(TestPipeCapacity)
#include "tst_PipeCapacity.moc"
