#pragma once

#include "json/SessionValue.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace sessionlens {

/**
 * What Flask-Login keeps in a Flask session (flask_login.config.SESSION_KEYS): `_user_id`,
 * `_fresh`, `_id`, `_remember`, `_remember_seconds` and `next`, explained once here for the
 * window's tree and `decode`'s output. `_id` is login_manager._session_identifier_generator,
 * by default utils._create_identifier: the SHA-512 hex of
 * `f"{remote_addr}|{user_agent}"`, where both are bytes (so the text holds their Python
 * repr, `b'127.0.0.1'|b'Mozilla/5.0 ...'`), None when absent; the address is the first entry
 * of X-Forwarded-For when the request has one. Strong session protection clears the session
 * when a request's identifier differs; basic protection marks it not fresh.
 */
class FlaskLoginSession
{
public:
    /// The request a session's `_id` is checked against: nullopt members are Python's None.
    struct Client
    {
        std::optional<QByteArray> remoteAddress; ///< unused when !addressKnown
        std::optional<QByteArray> userAgent;
        /// False when only the user agent is known (a HAR, a capture of a named host): the check
        /// then tries the loopback addresses, whose match proves them, and otherwise says that
        /// it could not be made, never that `_id` does not match.
        bool addressKnown = true;
    };

    enum class IdentifierCheck
    {
        NoClient,       ///< no address and user agent to check against
        NotAHash,       ///< `_id` is not 128 hex digits (a custom identifier generator)
        Matches,        ///< computed from the client's address and user agent
        DoesNotMatch,   ///< another address or user agent: strong protection clears the session
        AddressUnknown, ///< the user agent is known, the address not, and no loopback one matches
    };

    /// A check with the client `_id` was found to be computed from (an address tried filled in).
    struct IdentifierMatch
    {
        IdentifierCheck check = IdentifierCheck::NoClient;
        std::optional<Client> client;
    };

    struct KeyNote
    {
        QString key;         ///< the top-level key
        QString explanation; ///< what Flask-Login keeps there, translated
    };

    /// Whether `key` is one of Flask-Login's session keys.
    [[nodiscard]] static bool isFlaskLoginKey(const QString &key);
    /// What Flask-Login keeps under `key`, translated; empty for any other key.
    [[nodiscard]] static QString explain(const QString &key);
    /// The session has Flask-Login's user id (`_user_id`) or its identifier (`_id`).
    [[nodiscard]] static bool isFlaskLoginSession(const SessionValue &session);

    /// _create_identifier for this client: 128 lower-case hex digits.
    [[nodiscard]] static QByteArray identifier(const Client &client);
    /// The text hashed for this client, as Python builds it: `b'127.0.0.1'|None`.
    [[nodiscard]] static QString identifierBase(const Client &client);
    /// How the session's `_id` compares with what `client` would give.
    [[nodiscard]] static IdentifierCheck checkIdentifier(const SessionValue &session,
                                                         const std::optional<Client> &client);
    /// The same, with the client that matched: for a client without a known address, the
    /// loopback address that gives `_id`.
    [[nodiscard]] static IdentifierMatch matchIdentifier(const SessionValue &session,
                                                         const std::optional<Client> &client);
    /// The `_id` check in words: describe() of matchIdentifier().
    [[nodiscard]] static QString describeIdentifier(const SessionValue &session,
                                                    const std::optional<Client> &client);
    /// The check in words, translated: what `_id` was computed from, or that it does not match.
    [[nodiscard]] static QString describe(IdentifierCheck check,
                                          const std::optional<Client> &client);

    /// The note on the top-level `key` of `session` (with the identifier check for `_id`);
    /// empty when the session is no Flask-Login session or the key none of its keys.
    [[nodiscard]] static QString noteFor(const SessionValue &session, const QString &key,
                                         const std::optional<Client> &client = std::nullopt);
    /// A note for each of Flask-Login's keys at the session's top level, in session order;
    /// `_id`'s carries the identifier check.
    [[nodiscard]] static QList<KeyNote> notes(const SessionValue &session,
                                              const std::optional<Client> &client = std::nullopt);
};

} // namespace sessionlens
