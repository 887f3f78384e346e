#include "os/PipeCapacity.h"

#include <fcntl.h>
#include <sys/stat.h>

namespace sessionlens {

void PipeCapacity::widen(int descriptor)
{
    struct stat status = {};
    if (descriptor < 0 || ::fstat(descriptor, &status) != 0 || !S_ISFIFO(status.st_mode))
        return;
#ifdef F_SETPIPE_SZ
    // Refused (a smaller pipe-max-size, a per-user pipe quota), the pipe works as before.
    (void)::fcntl(descriptor, F_SETPIPE_SZ, 1024 * 1024);
#endif
}

} // namespace sessionlens
