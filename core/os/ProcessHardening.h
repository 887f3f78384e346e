#pragma once

#include <initializer_list>
#include <string_view>
#include <vector>

namespace sessionlens {

/**
 * What both programs do first, before any secret is read: no core dumps (a crash
 * must not write keys to disk), files created readable by the owner alone, and
 * secrets on a locked, non-dumpable heap where the system allows it.
 */
class ProcessHardening
{
public:
    struct Outcome
    {
        bool dumpsDisabled = false;
        bool secureHeap = false;
    };

    /// Safe to call more than once.
    static Outcome apply();

    /**
     * Overwrites, in the process's own argument strings, the values of the options named in
     * `secretOptions` ("--key", "-k"; as `--key VALUE`, `--key=VALUE`, `-k VALUE` or
     * `-kVALUE`, as QCommandLineParser reads them, up to a `--`), so that other users no
     * longer see them in ps or /proc/PID/cmdline. The bytes become NULs; their count stays.
     * QCoreApplication::arguments() reads these strings again on every call: take the
     * arguments first. Returns how many values were wiped.
     */
    static int scrubArguments(int argc, char **argv,
                              std::initializer_list<std::string_view> secretOptions);
    /// The same, for option names known only at run time (a program's table of options).
    static int scrubArguments(int argc, char **argv,
                              const std::vector<std::string_view> &secretOptions);
};

} // namespace sessionlens
