#pragma once

namespace sessionlens {

/**
 * The room of a pipe the batch commands read. A pipe holds 64 KiB by default: its writer and
 * its reader then take turns every 64 KiB, with two wake-ups and a system call each.
 */
class PipeCapacity
{
public:
    /// The room asked for: the most an unprivileged process may ask by default
    /// (/proc/sys/fs/pipe-max-size).
    static constexpr int kBytes = 1024 * 1024;

    /// At least kBytes when `descriptor` is a pipe; a larger pipe, anything else, or a
    /// refusal leaves it as it was.
    static void widen(int descriptor);
};

} // namespace sessionlens
