#include "crypto/SecureRandom.h"

#include <QCoreApplication>
#include <openssl/rand.h>

namespace sessionlens {

Result<QByteArray> SecureRandom::bytes(qsizetype count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (count > 0 &&
        RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), static_cast<int>(count)) != 1)
        return Error::make(
            ErrorCategory::Key,
            QCoreApplication::translate("sessionlens::Error",
                                        "the random generator failed to produce %1 bytes")
                .arg(count));
    return out;
}

} // namespace sessionlens
