#pragma once

#include "capture/ProxyRequestReader.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

#include <optional>
#include <utility>

namespace sessionlens {

/**
 * What the reverse proxy does with a request head, decided without a socket: whether it
 * answers itself (and how), and otherwise the request that goes upstream.
 *
 * - Only the proxy's own authority is served (421 otherwise), so a page that rebinds its
 *   name to 127.0.0.1 never reaches the app through the proxy, let alone with the pin.
 * - The pin goes only to requests from the proxy's own origin: an Origin of another site, or
 *   Sec-Fetch-Site cross-site / same-site, is forwarded without it.
 * - CONNECT and TRACE are refused (405), `OPTIONS *` too (501): the proxy forwards to one
 *   app and never echoes the pinned cookie back.
 * - Hop-by-hop headers, those that Connection names, Host and the framing headers are not
 *   forwarded (the network manager frames the upstream request itself); repeated fields are
 *   joined into one line, Cookie with "; " and the others with ", " (RFC 9110 5.3).
 * - The target stays under the upstream's base path: dot segments, plain or %2e-encoded, are
 *   resolved before the base is prefixed, and every byte outside the URI syntax is
 *   percent-encoded as it is, never read as text.
 * - Accept-Encoding is always set, so the body goes back exactly as the app labelled it.
 */
class ProxyForwardRules
{
public:
    struct Policy
    {
        QUrl upstream; ///< scheme://host:port[/base]
        /// "host:port" forms the proxy answers to, lower case ("127.0.0.1:8001", "[::1]:8001").
        QList<QByteArray> authorities;
        QByteArray cookieName = "session";
        QByteArray pin; ///< replaces the session cookie of own-origin requests when set
    };

    struct Outgoing
    {
        QByteArray method;
        QByteArray target; ///< path and query, percent-encoded ASCII, under the base path
        /// One line per name; never Host, Content-Length, Transfer-Encoding or hop-by-hop.
        QList<std::pair<QByteArray, QByteArray>> headers;
        bool pinned = false;                  ///< the pin replaced or added the session cookie
        bool crossSite = false;               ///< the request came from another site: no pin
        QList<QByteArray> sessionCookiesSeen; ///< the client's own session cookie values
    };

    struct Decision
    {
        std::optional<ProxyRefusal> refusal; ///< set: answer this, forward nothing
        Outgoing outgoing;
    };

    /// RFC 9110 7.6.1 hop-by-hop fields (and Proxy-Connection): for one connection only,
    /// never passed on in either direction.
    [[nodiscard]] static bool isHopByHop(QByteArrayView name);

    [[nodiscard]] static Decision decide(const ProxyRequestHead &head, const Policy &policy);

    /// The origin-form target under `basePath` (percent-encoded, without a trailing slash),
    /// or nothing when `target` is not an origin-form target.
    [[nodiscard]] static std::optional<QByteArray> buildTarget(QByteArrayView basePath,
                                                               QByteArrayView target);
    /// The URL the network manager is given for `outgoing` (bytes kept as they are).
    [[nodiscard]] static QUrl upstreamUrl(const Policy &policy, const Outgoing &outgoing);
};

} // namespace sessionlens
