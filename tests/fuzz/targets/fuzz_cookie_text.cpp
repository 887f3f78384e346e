// Cookie text as users paste it (a bare value, Cookie: and Set-Cookie: lines, anything),
// and the header values the capture code reads from servers and HAR files.
#include "FuzzSupport.h"
#include "capture/SetCookieParser.h"
#include "formats/CookieText.h"

using namespace sessionlens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    auto extracted = CookieText::extract(text);
    if (extracted)
        FUZZ_CHECK(extracted->value.size() <= CookieText::kMaxInputSize);
    (void)CookieText::extract(text, QStringLiteral("other"));
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (auto cookie = SetCookieParser::parseSetCookie(bytes)) {
        FUZZ_CHECK(!cookie->name.isEmpty());
        (void)cookie->deletes(QDateTime::currentDateTimeUtc());
    }
    if (auto pairs = SetCookieParser::parseCookieHeader(bytes))
        FUZZ_CHECK(pairs->size() <= SetCookieParser::kMaxCookiesPerHeader);
    (void)SetCookieParser::parseCookieDate(bytes);
    return 0;
}
