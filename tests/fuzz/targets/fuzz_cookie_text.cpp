// Cookie text as users paste it: a bare value, Cookie: and Set-Cookie: lines, anything.
#include "FuzzSupport.h"
#include "formats/CookieText.h"

using namespace sessionlens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    auto extracted = CookieText::extract(text);
    if (extracted)
        FUZZ_CHECK(extracted->value.size() <= CookieText::kMaxInputSize);
    (void)CookieText::extract(text, QStringLiteral("other"));
    return 0;
}
