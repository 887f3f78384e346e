#pragma once

#include "formats/FlaskLoginSession.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>
#include <utility>

namespace sessionlens {

/**
 * What a capture knows of the client of the request that carried or received a cookie: its
 * User-Agent and the address the app saw, which Flask-Login's `_id` is computed from. Each part
 * is known only when the source says it (the proxy, our own requests, a HAR's headers); a
 * browser's cookie store knows neither. Nothing is guessed: an unknown part stays unknown.
 *
 * Bytes are kept as they went over the wire. The app reads them as Latin-1 (WSGI decodes
 * every header that way) and Flask-Login encodes that text as UTF-8 before hashing it, so the
 * check hashes the Latin-1 reading of these bytes.
 */
class RequestClient
{
public:
    /// A User-Agent kept; a longer one is refused whole (a cut one could not be checked) and
    /// its size kept, so that the check says why it was not made. Servers refuse header
    /// lines far shorter (gunicorn 8190 bytes, nginx's 8 KiB buffers); a HAR may hold any.
    static constexpr qsizetype kMaxUserAgentBytes = 8 * 1024;
    /// What Qt's network stack sends when a request names no User-Agent or an empty one
    /// (QHttpNetworkConnection): the proxy's upstream requests and HttpCapture's carry it.
    static constexpr char kQtDefaultUserAgent[] = "Mozilla/5.0";

    /// A check of a session's `_id` against this client, with its words.
    struct IdentifierNote
    {
        FlaskLoginSession::IdentifierCheck check = FlaskLoginSession::IdentifierCheck::NoClient;
        QString text; ///< what `_id` was computed from, or why it was not checked; translated
    };

    /// Keeps `value` as the request's User-Agent (nullopt: the request had none). Over
    /// kMaxUserAgentBytes it is refused: the user agent stays unknown, and false is returned.
    bool setUserAgent(std::optional<QByteArray> value);
    void setRemoteAddress(std::optional<QByteArray> address)
    {
        m_remoteAddress = std::move(address);
    }

    /// The source knows the request's headers: a User-Agent, or that it had none.
    [[nodiscard]] bool userAgentKnown() const { return m_userAgentKnown; }
    /// The User-Agent's bytes; nullopt when the request had none or it is not known.
    [[nodiscard]] const std::optional<QByteArray> &userAgent() const { return m_userAgent; }
    /// The size of a User-Agent refused for its length, 0 when none was.
    [[nodiscard]] qsizetype refusedUserAgentBytes() const { return m_refusedBytes; }
    /// The address the app saw (X-Forwarded-For's first entry when the request had one).
    [[nodiscard]] const std::optional<QByteArray> &remoteAddress() const { return m_remoteAddress; }

    /// The client of a request Qt's network manager sends to `url` with `headers` as given:
    /// the last User-Agent, or Qt's own when none or an empty one is given; the first entry of
    /// the last X-Forwarded-For, or the loopback address for a host 127.0.0.1 or ::1.
    [[nodiscard]] static RequestClient
    sentByQt(const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &headers);
    /// Flask-Login's `_remote_addr` rule: the first comma-separated entry, stripped.
    [[nodiscard]] static QByteArray firstForwardedFor(const QByteArray &value);

    /// What Flask-Login hashes for this request; nullopt when the user agent is not known.
    [[nodiscard]] std::optional<FlaskLoginSession::Client> flaskLoginClient() const;
    /// The check of `session`'s `_id`; nullopt for a session that is not Flask-Login's or has
    /// no `_id`.
    [[nodiscard]] std::optional<IdentifierNote> checkIdentifier(const SessionValue &session) const;
    /// That a User-Agent was refused for its length, translated; empty when none was.
    [[nodiscard]] QString refusalNote() const;
    /// The check's name in records: "matches", "does_not_match", "not_checked", "not_a_hash".
    [[nodiscard]] static QString checkName(FlaskLoginSession::IdentifierCheck check);

    /// For JSON records: each byte one character (as the app reads it), null when unknown.
    [[nodiscard]] static QJsonValue jsonText(const std::optional<QByteArray> &bytes);

private:
    bool m_userAgentKnown = false;
    std::optional<QByteArray> m_userAgent;
    qsizetype m_refusedBytes = 0;
    std::optional<QByteArray> m_remoteAddress;
};

} // namespace sessionlens
