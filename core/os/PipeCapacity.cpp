#include "os/PipeCapacity.h"

#include <fcntl.h>
#include <sys/stat.h>

namespace sessionlens {

void PipeCapacity::widen(int descriptor)
{
    struct stat status = {};
    if (descriptor < 0 || ::fstat(descriptor, &status) != 0 || !S_ISFIFO(status.st_mode))
        return;
#if defined(F_SETPIPE_SZ) && defined(F_GETPIPE_SZ)
    // Never shrunk: a writer (or root) may have made it larger already. Refused (a smaller
    // pipe-max-size, a per-user pipe quota), the pipe works as before.
    if (::fcntl(descriptor, F_GETPIPE_SZ) < kBytes)
        (void)::fcntl(descriptor, F_SETPIPE_SZ, kBytes);
#endif
}

} // namespace sessionlens
