#pragma once

#include <functional>

namespace sessionlens::test {

/**
 * Runs one piece of work in a forked child and reports how it ended and how much memory it
 * took, so that a test can bound an import's peak resident size whatever the tests before
 * it used, and can survive work that would hang or exhaust memory before a fix.
 */
struct ChildRun
{
    bool exited = false; ///< ended by _exit(), not by a signal
    int code = -1;       ///< its exit code when it exited
    int signal = 0;      ///< the signal that ended it otherwise (SIGALRM: the deadline)
    long growthKiB = 0;  ///< peak resident size minus this process's size at the fork

    /// `work` returns the child's exit code. The child gets `deadlineSeconds` (SIGALRM ends it
    /// after that) and, outside AddressSanitizer, at most `addressSpaceMiB` of address space,
    /// so that work gone wrong fails the test instead of the machine.
    static ChildRun run(const std::function<int()> &work, unsigned deadlineSeconds = 120,
                        long addressSpaceMiB = 4096);
    /// Whether resident sizes mean anything in this build (not under AddressSanitizer, whose
    /// shadow memory and quarantine make them meaningless).
    static bool measuresMemory();
};

} // namespace sessionlens::test
