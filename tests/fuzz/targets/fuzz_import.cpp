// The file importers (HAR, cookies.txt, list) on hostile files: a result or an error,
// never a crash, and every cookie they hand out is of the wanted name.
#include "FuzzSupport.h"
#include "capture/CookieImporter.h"

using namespace sessionlens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    CookieImporter::Options options;
    auto imported = CookieImporter::importData(bytes, options);
    if (!imported)
        return 0;
    FUZZ_CHECK(imported->warnings.size() <= CookieImporter::kMaxWarnings + 1);
    for (const CapturedCookie &cookie : imported->cookies)
        FUZZ_CHECK(cookie.name == options.cookieName && !cookie.value.isEmpty());
    return 0;
}
