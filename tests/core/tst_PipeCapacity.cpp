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
    // Whether this kernel lets this process have a pipe of 1 MiB at all: only then is a pipe
    // left narrow a failure.
    int scratch[2] = {-1, -1};
    QCOMPARE(::pipe(scratch), 0);
    const bool allowed = ::fcntl(scratch[0], F_SETPIPE_SZ, PipeCapacity::kBytes) >= 0;
    ::close(scratch[0]);
    ::close(scratch[1]);

    // A pipe as this process's standard input, as `cat cookies | sessionlens-cli ... -` gives;
    // the test's own standard input comes back whatever fails below.
    int ends[2] = {-1, -1};
    QCOMPARE(::pipe(ends), 0);
    struct StandardInputSwap
    {
        int saved = ::dup(STDIN_FILENO);
        explicit StandardInputSwap(int readEnd) { ::dup2(readEnd, STDIN_FILENO); }
        ~StandardInputSwap()
        {
            ::dup2(saved, STDIN_FILENO);
            ::close(saved);
        }
    } swap(ends[0]);
    QVERIFY(swap.saved >= 0);
    ::close(ends[0]);
    QVERIFY(::fcntl(STDIN_FILENO, F_GETPIPE_SZ) < PipeCapacity::kBytes); // a fresh, narrow pipe
    QCOMPARE(::write(ends[1], "one\ntwo\n", 8), ssize_t(8));
    ::close(ends[1]);

    QFile file;
    QVERIFY(StandardInput::open(file));
    QVERIFY(file.openMode().testFlag(QIODevice::Unbuffered));
    if (allowed)
        QVERIFY(::fcntl(STDIN_FILENO, F_GETPIPE_SZ) >= PipeCapacity::kBytes);
    QCOMPARE(file.readAll(), QByteArray("one\ntwo\n"));
    file.close();
    QVERIFY(::fcntl(STDIN_FILENO, F_GETFD) != -1); // DontCloseHandle: still open
    if (!allowed)
        QSKIP("the kernel refuses a pipe of 1 MiB here: the widening cannot be seen");
}

QTEST_GUILESS_MAIN(TestPipeCapacity)
#include "tst_PipeCapacity.moc"
