// Raw bytes as a client sends them to the reverse proxy, through the same reader and the same
// forwarding decisions the proxy makes, up to the request that would go upstream (no sockets).
// The first byte chooses how the bytes are cut into reads, as TCP may cut them.
#include "FuzzSupport.h"
#include "capture/HttpFieldRules.h"
#include "capture/ProxyForwardRules.h"
#include "capture/ProxyRequestReader.h"
#include "capture/SetCookieParser.h"

using namespace sessionlens;

namespace {

const ProxyForwardRules::Policy &policy()
{
    static const ProxyForwardRules::Policy p = [] {
        ProxyForwardRules::Policy made;
        made.upstream = QUrl(QStringLiteral("http://127.0.0.1:5000/base/"));
        made.authorities = {"127.0.0.1:8001", "localhost:8001", "[::1]:8001"};
        made.cookieName = "session";
        made.pin = "PINNED.value";
        return made;
    }();
    return p;
}

void checkOutgoing(const ProxyForwardRules::Outgoing &out)
{
    int framing = 0;
    QList<QByteArray> names;
    for (const auto &[name, value] : out.headers) {
        FUZZ_CHECK(HttpFieldRules::isToken(name));
        FUZZ_CHECK(HttpFieldRules::isFieldValue(value)); // no CR, LF or NUL
        const QByteArray lower = name.toLower();
        FUZZ_CHECK(!names.contains(lower)); // one line per name
        names.append(lower);
        // The network manager adds its own Host and Content-Length: none may come from here.
        framing +=
            (lower == "host" || lower == "content-length" || lower == "transfer-encoding") ? 1 : 0;
        if (lower == "cookie" && !out.crossSite) {
            const auto pairs = SetCookieParser::parseCookieHeader(value);
            FUZZ_CHECK(pairs.ok());
            bool sawSession = false;
            for (const auto &[cookieName, cookieValue] : pairs.value()) {
                if (cookieName == policy().cookieName) {
                    FUZZ_CHECK(cookieValue == policy().pin); // the pin always replaces it
                    sawSession = true;
                }
            }
            FUZZ_CHECK(sawSession);
        }
    }
    FUZZ_CHECK(framing == 0);
    FUZZ_CHECK(out.crossSite || out.pinned);
    FUZZ_CHECK(out.crossSite || names.contains("cookie"));
    FUZZ_CHECK(out.target.startsWith("/base/"));
    for (const char c : out.target)
        FUZZ_CHECK(c > 0x20 && c < 0x7f);
    FUZZ_CHECK(ProxyForwardRules::upstreamUrl(policy(), out).isValid());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype step = 1 + data[0] % 64;
    QByteArrayView rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    ProxyRequestReader reader;
    for (int messages = 0; messages < 16;) {
        const qsizetype used = reader.feed(rest.first(std::min(step, rest.size())));
        FUZZ_CHECK(used >= 0 && used <= rest.size());
        rest = rest.sliced(used);
        if (reader.takeHeadReady()) {
            const auto decision = ProxyForwardRules::decide(reader.head(), policy());
            if (decision.refusal)
                FUZZ_CHECK(decision.refusal->status >= 400 && decision.refusal->status < 600);
            else
                checkOutgoing(decision.outgoing);
        }
        FUZZ_CHECK(reader.takeBody().size() <= ProxyRequestReader::kBodyStep);
        if (reader.stage() == ProxyRequestReader::Stage::Refused)
            break;
        if (reader.stage() == ProxyRequestReader::Stage::Complete) {
            reader.next();
            ++messages;
            continue;
        }
        if (rest.isEmpty() || used == 0)
            break;
    }
    return 0;
}
