#pragma once

#include "capture/CapturedCookie.h"
#include "document/CookieOpener.h"
#include "keys/KeyRing.h"
#include "json/SessionDiff.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

namespace sessionlens {

/**
 * Every captured or imported session cookie, in order, opened with the key ring, with
 * what changed since the previous session of the same origin. The CLI streams entries
 * as they come (one JSON line each); the window lists them.
 */
class Timeline
{
public:
    /// Entries kept; older ones are dropped and counted (droppedEntries()).
    static constexpr qsizetype kMaxEntries = 10'000;

    /// What a pinned request's answer says about the pin (the front ends phrase it).
    enum class PinVerdict
    {
        NotPinned,
        Carried,    ///< the request carried the pin; nothing says the app refused it
        Refused,    ///< answered 401 or 403: the app may not have opened the pinned cookie
        NewSession, ///< the app set a session that does not continue the pinned one: sealed
                    ///< with another key or secret, or keeping nothing of it
    };

    struct Entry
    {
        CapturedCookie cookie;
        CookieOpener::Opened opened;
        QString openedWith;          ///< name of the key or secret, empty when none
        bool hasPrevious = false;    ///< an earlier session of the same origin exists
        SessionDiff::Result changes; ///< against it
        PinVerdict pin = PinVerdict::NotPinned;
        /// Flask-Login's `_id` checked against the cookie's client; none without an `_id`.
        std::optional<RequestClient::IdentifierNote> identifier;
        [[nodiscard]] bool pinRejected() const
        {
            return pin == PinVerdict::Refused || pin == PinVerdict::NewSession;
        }
        [[nodiscard]] bool
        readable() const; ///< a session came out (a signed one may be unverified)
    };

    /// `formats` (which must outlive the timeline) detects and opens each cookie; `ring` too
    /// must outlive it, and may change in between.
    Timeline(const KeyRing &ring, FlaskSignedCodec::Options options,
             const FormatRegistry &formats = FormatRegistry::builtIn());

    /// Opens and adds a cookie; returns the new entry.
    const Entry &add(const CapturedCookie &cookie);
    [[nodiscard]] const QList<Entry> &entries() const { return m_entries; }
    [[nodiscard]] qsizetype droppedEntries() const { return m_dropped; }
    void clear();

    /// The entry as one JSON object (the CLI's `--format jsonl` line), see README.
    [[nodiscard]] static QJsonObject toJson(const Entry &entry);

private:
    [[nodiscard]] PinVerdict judgePin(const Entry &entry);

    CookieOpener m_opener;
    FlaskSignedCodec::Options m_options;
    QList<Entry> m_entries;
    QHash<QString, SessionValue> m_lastByOrigin;
    qsizetype m_dropped = 0;
};

} // namespace sessionlens
