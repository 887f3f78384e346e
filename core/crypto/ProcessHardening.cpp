#include "crypto/ProcessHardening.h"

#include "crypto/SecureBytes.h"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

namespace sessionlens {

namespace {
// Keys and secrets are tens of bytes; a wordlist hit or a key file's content fits too.
constexpr std::size_t kSecureHeapBytes = 1024 * 1024;
} // namespace

ProcessHardening::Outcome ProcessHardening::apply()
{
    Outcome outcome;
    ::umask(077);
    const rlimit noCore{0, 0};
    const bool noCoreFiles = ::setrlimit(RLIMIT_CORE, &noCore) == 0;
    // Not dumpable: no core file even where a pipe handler ignores RLIMIT_CORE, and no
    // ptrace attach by other processes of the same user.
    const bool notDumpable = ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
    outcome.dumpsDisabled = noCoreFiles && notDumpable;
    outcome.secureHeap = SecureBytes::useSecureHeap(kSecureHeapBytes);
    return outcome;
}

} // namespace sessionlens
