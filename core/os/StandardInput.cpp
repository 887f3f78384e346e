#include "os/StandardInput.h"

#include "os/PipeCapacity.h"

#include <QFile>

#include <cstdio>

namespace sessionlens {

bool StandardInput::open(QFile &file)
{
    if (!file.open(fileno(stdin), QIODevice::ReadOnly | QIODevice::Unbuffered,
                   QFileDevice::DontCloseHandle))
        return false;
    PipeCapacity::widen(file.handle());
    return true;
}

} // namespace sessionlens
