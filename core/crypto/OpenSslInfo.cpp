#include "crypto/OpenSslInfo.h"

#include <openssl/crypto.h>

namespace sessionlens {

const char *OpenSslInfo::version()
{
    return OpenSSL_version(OPENSSL_VERSION_STRING);
}

} // namespace sessionlens
