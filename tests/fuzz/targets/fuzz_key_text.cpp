// Key text as users paste it: Python bytes literals, hex, base64, and anything else.
#include "FuzzSupport.h"
#include "keys/KeyTextParser.h"

using namespace sessionlens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    auto aes = KeyTextParser::parseAesKeyUtf8(text);
    if (aes) {
        const std::size_t n = aes->bytes.size();
        FUZZ_CHECK(n == 16 || n == 24 || n == 32);
    } else {
        FUZZ_CHECK(aes.error().category == ErrorCategory::Key);
    }
    auto any = KeyTextParser::parseBytesUtf8(text);
    if (any)
        FUZZ_CHECK(!any->bytes.isEmpty());
    (void)KeyTextParser::decodePythonBytesBody(text);
    (void)KeyTextParser::parseAesKey(QString::fromUtf8(text));
    return 0;
}
