#pragma once

// Shared by the libFuzzer targets: a finding must stop the run, so checks abort.
#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", #condition, __FILE__,          \
                         __LINE__);                                                                \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace sessionlens::fuzz {

/// Output budget for the rendering stages: small enough to keep each run fast, large
/// enough that real sessions render whole.
inline constexpr long long kRenderBudget = 1 << 20;

} // namespace sessionlens::fuzz
