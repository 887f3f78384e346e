#include "capture/ProxyForwardRules.h"

#include "capture/HttpFieldRules.h"
#include "capture/SetCookieParser.h"

namespace sessionlens {

namespace {

/// Never from the client: the network manager sets Host and frames the body itself, and the
/// proxy reads the whole request before it forwards, so a 100-continue has nothing to wait for.
bool isSetByProxy(QByteArrayView name)
{
    for (const char *header : {"host", "content-length", "transfer-encoding", "expect"}) {
        if (name.compare(header, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

QByteArray percentDecoded(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && isHex(text[i + 1]) && isHex(text[i + 2])) {
            out.append(char(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2])));
            i += 2;
        } else {
            out.append(text[i]);
        }
    }
    return out;
}

/// RFC 3986 pchar (and '/' '?' in a query): kept; a valid %XX: kept as it is; any other byte,
/// ASCII or not, percent-encoded, so no byte is read as text on the way.
void appendEncoded(QByteArray &out, QByteArrayView text, bool query)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                                c == '~';
        const bool subDelim = c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' ||
                              c == ')' || c == '*' || c == '+' || c == ',' || c == ';' || c == '=';
        const bool escape =
            c == '%' && i + 2 < text.size() && isHex(text[i + 1]) && isHex(text[i + 2]);
        if (unreserved || subDelim || escape || c == ':' || c == '@' ||
            (query && (c == '/' || c == '?'))) {
            out.append(char(c));
        } else {
            out.append('%');
            out.append(kHex[c >> 4]);
            out.append(kHex[c & 0xf]);
        }
    }
}

enum class Segment
{
    Name,
    Dot,
    DotDot,
    Hidden ///< a dot segment behind an encoded slash or backslash
};

Segment kindOf(QByteArrayView segment)
{
    const QByteArray decoded = percentDecoded(segment);
    if (decoded == ".")
        return Segment::Dot;
    if (decoded == "..")
        return Segment::DotDot;
    // An app that decodes %2F or %5C before it routes would see a dot segment here.
    if (decoded.contains('/') || decoded.contains('\\')) {
        QByteArray parts = decoded;
        parts.replace('\\', '/');
        for (const QByteArray &part : parts.split('/'))
            if (part == "." || part == "..")
                return Segment::Hidden;
    }
    return Segment::Name;
}

QByteArray lowerTrimmed(QByteArrayView value)
{
    return value.trimmed().toByteArray().toLower();
}

} // namespace

bool ProxyForwardRules::isHopByHop(QByteArrayView name)
{
    for (const char *header :
         {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
          "transfer-encoding", "upgrade", "proxy-connection"}) {
        if (name.compare(header, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

std::optional<QByteArray> ProxyForwardRules::buildTarget(QByteArrayView basePath,
                                                         QByteArrayView target)
{
    if (target.isEmpty() || target.front() != '/')
        return std::nullopt;
    const qsizetype hash = target.indexOf('#');
    if (hash >= 0)
        target = target.first(hash);
    const qsizetype question = target.indexOf('?');
    const QByteArrayView path = question < 0 ? target : target.first(question);
    QList<QByteArrayView> kept;
    bool endsInDirectory = false;
    const QList<QByteArrayView> segments = [&] {
        QList<QByteArrayView> list;
        QByteArrayView rest = path.sliced(1);
        for (;;) {
            const qsizetype slash = rest.indexOf('/');
            list.append(slash < 0 ? rest : rest.first(slash));
            if (slash < 0)
                return list;
            rest = rest.sliced(slash + 1);
        }
    }();
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const Segment kind = kindOf(segments[i]);
        if (kind == Segment::Hidden)
            return std::nullopt;
        endsInDirectory = kind != Segment::Name && i == segments.size() - 1;
        if (kind == Segment::DotDot && !kept.isEmpty())
            kept.removeLast();
        if (kind == Segment::Name)
            kept.append(segments[i]);
    }
    QByteArray out = basePath.toByteArray();
    while (out.endsWith('/'))
        out.chop(1);
    for (const QByteArrayView segment : std::as_const(kept)) {
        out.append('/');
        appendEncoded(out, segment, false);
    }
    if (kept.isEmpty() || endsInDirectory)
        out.append('/');
    if (question >= 0) {
        out.append('?');
        appendEncoded(out, target.sliced(question + 1), true);
    }
    return out;
}

QUrl ProxyForwardRules::upstreamUrl(const Policy &policy, const Outgoing &outgoing)
{
    const QByteArray origin =
        policy.upstream.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
            .toEncoded();
    return QUrl::fromEncoded(origin + outgoing.target, QUrl::StrictMode);
}

ProxyForwardRules::Decision ProxyForwardRules::decide(const ProxyRequestHead &head,
                                                      const Policy &policy)
{
    Decision decision;
    auto refuse = [&decision](int status, const char *reason, const char *message) {
        decision.refusal = ProxyRefusal{status, reason, QByteArray(message) + '\n'};
        return decision;
    };
    if (head.method == "CONNECT" || head.method == "TRACE")
        return refuse(405, "Method Not Allowed",
                      "the proxy forwards to one app: no tunnels, "
                      "no TRACE");
    if (head.target == "*")
        return refuse(501, "Not Implemented", "OPTIONS * is not forwarded");

    QByteArray host;
    QByteArray origin;
    QByteArray fetchSite;
    QList<QByteArray> connectionNamed;
    int hosts = 0;
    for (const auto &[name, value] : head.headers) {
        if (name.compare("host", Qt::CaseInsensitive) == 0) {
            ++hosts;
            host = lowerTrimmed(value);
        } else if (name.compare("origin", Qt::CaseInsensitive) == 0) {
            origin = lowerTrimmed(value);
        } else if (name.compare("sec-fetch-site", Qt::CaseInsensitive) == 0) {
            fetchSite = lowerTrimmed(value);
        } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
            for (const QByteArray &option : value.split(','))
                connectionNamed.append(lowerTrimmed(option));
        }
    }
    if (hosts != 1)
        return refuse(400, "Bad Request", "a request needs exactly one Host header");

    // Absolute-form targets name their authority; it has to be the proxy's as well.
    QByteArrayView target = head.target;
    for (const char *scheme : {"http://", "https://"}) {
        if (!target.startsWith(scheme))
            continue;
        target = target.sliced(qsizetype(qstrlen(scheme)));
        qsizetype end = 0;
        while (end < target.size() && target[end] != '/' && target[end] != '?')
            ++end;
        if (!policy.authorities.contains(lowerTrimmed(target.first(end))))
            return refuse(421, "Misdirected Request", "this proxy answers only to its own address");
        target = target.sliced(end);
        if (target.isEmpty())
            target = "/";
        break;
    }
    if (!policy.authorities.contains(host))
        return refuse(421, "Misdirected Request",
                      "this proxy answers only to its own address (127.0.0.1, localhost, [::1] "
                      "or the one it listens on)");

    Outgoing &out = decision.outgoing;
    out.method = head.method;
    const QByteArray basePath = policy.upstream.path(QUrl::FullyEncoded).toUtf8();
    QByteArrayView originForm = target;
    QByteArray rooted;
    if (originForm.startsWith('?')) {
        rooted = '/' + originForm.toByteArray();
        originForm = rooted;
    }
    auto built = buildTarget(basePath, originForm);
    if (!built)
        return refuse(400, "Bad Request",
                      "the request target is not a path, or hides a dot segment behind an "
                      "encoded slash");
    out.target = *built;

    // A page of another site may send requests here (a form, an image, a rebound name that
    // passed as a Host above on a shared address): those are forwarded, never with the pin.
    out.crossSite = (!origin.isEmpty() && origin != "http://" + host) ||
                    (!fetchSite.isEmpty() && fetchSite != "same-origin" && fetchSite != "none");

    QByteArray cookies;
    bool acceptEncoding = false;
    for (const auto &[name, value] : head.headers) {
        if (isHopByHop(name) || isSetByProxy(name) || connectionNamed.contains(name.toLower()))
            continue;
        if (name.compare("cookie", Qt::CaseInsensitive) == 0) {
            if (!value.isEmpty())
                cookies += (cookies.isEmpty() ? "" : "; ") + value;
            continue;
        }
        acceptEncoding =
            acceptEncoding || name.compare("accept-encoding", Qt::CaseInsensitive) == 0;
        const QByteArray &field = name; // a structured binding cannot be captured in C++20
        auto same =
            std::find_if(out.headers.begin(), out.headers.end(), [&field](const auto &kept) {
                return kept.first.compare(field, Qt::CaseInsensitive) == 0;
            });
        if (same == out.headers.end())
            out.headers.append({name, value});
        else
            same->second += ", " + value;
    }
    // The manager would otherwise ask for gzip itself and decode what comes back, and the
    // browser would get a decoded body still labelled as encoded.
    if (!acceptEncoding)
        out.headers.append({QByteArray("Accept-Encoding"), QByteArray("identity")});

    const bool pinning = !policy.pin.isEmpty() && !out.crossSite;
    if (pinning && (!HttpFieldRules::isCookieName(policy.cookieName) ||
                    !HttpFieldRules::isCookieValue(policy.pin)))
        return refuse(500, "Internal Server Error",
                      "the pinned cookie cannot be sent: not a valid cookie name or value");
    const auto pairs = SetCookieParser::parseCookieHeader(cookies);
    if (!pairs)
        return refuse(431, "Request Header Fields Too Large",
                      "the Cookie header holds more cookies than the proxy reads");
    QByteArray rewritten;
    auto add = [&rewritten](const QByteArray &name, const QByteArray &value) {
        if (!rewritten.isEmpty())
            rewritten += "; ";
        rewritten += name.isEmpty() ? value : name + '=' + value;
    };
    for (const auto &[name, value] : pairs.value()) {
        // "=session=x" is a nameless cookie here, but an app may read it as session=x: it
        // would pass beside the pin.
        if (name.isEmpty() && value.contains('='))
            return refuse(400, "Bad Request", "a nameless cookie holds '='");
        if (name == policy.cookieName) {
            out.sessionCookiesSeen.append(value);
            if (pinning) {
                add(name, policy.pin);
                out.pinned = true;
                continue;
            }
        }
        add(name, value);
    }
    if (pinning && !out.pinned) {
        // One cookie more than the browser sent: still within what the proxy itself reads.
        if (pairs->size() >= SetCookieParser::kMaxCookiesPerHeader)
            return refuse(431, "Request Header Fields Too Large",
                          "the Cookie header holds more cookies than the proxy reads");
        add(policy.cookieName, policy.pin);
        out.pinned = true;
    }
    // The pin may be longer than the value it replaces.
    if (rewritten.size() > SetCookieParser::kMaxHeaderBytes)
        return refuse(431, "Request Header Fields Too Large",
                      "the Cookie header with the pinned cookie is longer than the proxy reads");
    if (!rewritten.isEmpty())
        out.headers.append({QByteArray("Cookie"), rewritten});
    return decision;
}

} // namespace sessionlens
