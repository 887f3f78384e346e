#include "ChildRun.h"

#include <QFile>
#include <QList>

#include <cerrno>
#include <cstdio>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SESSIONLENS_TEST_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SESSIONLENS_TEST_ASAN 1
#endif

namespace sessionlens::test {

namespace {

// This process's resident size now, from /proc/self/statm (pages).
long residentKiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLong() * (::sysconf(_SC_PAGESIZE) / 1024) : 0;
}

} // namespace

bool ChildRun::measuresMemory()
{
#if defined(SESSIONLENS_TEST_ASAN)
    return false;
#else
    return true;
#endif
}

ChildRun ChildRun::run(const std::function<int()> &work, unsigned deadlineSeconds,
                       long addressSpaceMiB)
{
    std::fflush(nullptr);
    // The child's resident size when it starts: fork() counts only part of what the parent
    // had, so the parent's own size is no baseline. The child sends its own through a pipe.
    int channel[2];
    if (::pipe(channel) != 0)
        return {};
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(channel[0]);
        ::close(channel[1]);
        return {};
    }
    if (pid == 0) {
        ::close(channel[0]);
        const long start = residentKiB();
        if (::write(channel[1], &start, sizeof start) != ssize_t(sizeof start))
            ::_exit(125);
        ::close(channel[1]);
        ::alarm(deadlineSeconds);
        if (measuresMemory()) {
            const rlim_t bytes = rlim_t(addressSpaceMiB) * 1024 * 1024;
            const rlimit cap{bytes, bytes};
            ::setrlimit(RLIMIT_AS, &cap);
        }
        const int code = work();
        std::fflush(nullptr);
        ::_exit(code); // no destructors or exit handlers of the parent's objects run twice
    }
    ::close(channel[1]);
    long start = 0;
    const bool started = ::read(channel[0], &start, sizeof start) == ssize_t(sizeof start);
    ::close(channel[0]);
    int status = 0;
    rusage usage{};
    pid_t waited = -1;
    do {
        waited = ::wait4(pid, &status, 0, &usage);
    } while (waited < 0 && errno == EINTR);
    ChildRun result;
    if (waited != pid)
        return result;
    result.exited = WIFEXITED(status);
    result.code = result.exited ? WEXITSTATUS(status) : -1;
    result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    result.growthKiB = started ? usage.ru_maxrss - start : usage.ru_maxrss;
    return result;
}

} // namespace sessionlens::test
