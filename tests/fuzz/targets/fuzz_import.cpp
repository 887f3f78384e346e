// The file importers (HAR, cookies.txt, list) on hostile files: a result or an error,
// never a crash, and every cookie they hand out is of the wanted name.
//
// An input that starts with 0x01 is not a file but the recipe for a HAR, so that the fuzzer
// reaches entries of tens of thousands of cookies, more than -max_len lets it write out:
// bytes 1-2 give the number of cookies (up to kMaxRecipeCookies), byte 3 how many times each
// value repeats, and the rest the values' stems, one per line. A path that is quadratic in the
// cookies of one entry then runs past libFuzzer's -timeout. The cap keeps recipes from taking
// the whole run: at 65,535 cookies the target managed 4 inputs a second under ASan.
#include "FuzzSupport.h"
#include "capture/CookieImporter.h"

#include <QSet>

using namespace sessionlens;

namespace {

constexpr qsizetype kMaxStems = 64;
constexpr int kMaxRecipeCookies = 20000;

struct Recipe
{
    QByteArray har;
    qsizetype distinct = 0; ///< distinct values of the session cookie in the one entry
};

// A JSON string of the bytes as Latin-1, which the importer turns back into the same bytes.
void appendJsonString(QByteArray &out, QByteArrayView bytes)
{
    out += '"';
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f || c == '"' || c == '\\')
            out += "\\u00" + QByteArray::number(u, 16).rightJustified(2, '0');
        else
            out += c;
    }
    out += '"';
}

Recipe harFrom(const QByteArray &bytes)
{
    const int count = (bytes.size() > 2)
                          ? (quint8(bytes[1]) << 8 | quint8(bytes[2])) % (kMaxRecipeCookies + 1)
                          : 0;
    const int repeats = 1 + (bytes.size() > 3 ? quint8(bytes[3]) : 0);
    QList<QByteArray> stems = bytes.size() > 4 ? bytes.sliced(4).split('\n') : QList<QByteArray>();
    stems = stems.mid(0, kMaxStems);
    if (stems.isEmpty())
        stems.append("v");
    Recipe recipe;
    recipe.har = R"({"log": {"entries": [{"request": {"url": "http://app.test/", "cookies": [)";
    QSet<QByteArray> values;
    for (int i = 0; i < count; ++i) {
        // A suffix of digits after the last '-' keeps values of different indexes apart.
        const int index = i / repeats;
        const QByteArray value = stems[index % stems.size()] + '-' + QByteArray::number(index);
        // Every third value belongs to another cookie, which is not taken.
        const bool session = index % 3 != 2;
        if (session)
            values.insert(value);
        recipe.har += i ? R"(,{"name": ")" : R"({"name": ")";
        recipe.har += session ? "session" : "other";
        recipe.har += R"(", "value": )";
        appendJsonString(recipe.har, value);
        recipe.har += '}';
    }
    recipe.har += "]}}]}}";
    recipe.distinct = values.size();
    return recipe;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    CookieImporter::Options options;
    const bool recipe = !bytes.isEmpty() && bytes[0] == '\x01';
    const Recipe built = recipe ? harFrom(bytes) : Recipe{bytes, 0};
    auto imported = CookieImporter::importData(built.har, options);
    if (recipe) {
        // A HAR this target wrote is read: each distinct session value once.
        FUZZ_CHECK(imported.ok());
        FUZZ_CHECK(imported->kind == CookieImporter::Kind::Har);
        FUZZ_CHECK(imported->cookies.size() == built.distinct);
        QSet<QByteArray> seen;
        for (const CapturedCookie &cookie : imported->cookies) {
            FUZZ_CHECK(!seen.contains(cookie.value));
            seen.insert(cookie.value);
        }
    }
    if (!imported)
        return 0;
    FUZZ_CHECK(imported->warnings.size() <= CookieImporter::kMaxWarnings + 1);
    for (const CapturedCookie &cookie : imported->cookies) {
        FUZZ_CHECK(cookie.name == options.cookieName && !cookie.value.isEmpty());
        // A User-Agent is kept within its bound, or refused with its size, never cut.
        const RequestClient &client = cookie.client;
        FUZZ_CHECK(!client.userAgent() ||
                   client.userAgent()->size() <= RequestClient::kMaxUserAgentBytes);
        FUZZ_CHECK(client.refusedUserAgentBytes() == 0 ||
                   (!client.userAgentKnown() &&
                    client.refusedUserAgentBytes() > RequestClient::kMaxUserAgentBytes));
        FUZZ_CHECK(!client.remoteAddress()); // a HAR does not say it
    }
    return 0;
}
