#pragma once

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
};

} // namespace sessionlens
