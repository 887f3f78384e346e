#pragma once

#include "Error.h"
#include "json/SessionValue.h"

#include <QList>
#include <QString>

#include <optional>

namespace sessionlens {

/**
 * Moves a session into a cookie format and says what the format cannot carry,
 * instead of changing values silently. Each format's convertFrom() uses the
 * conversion here that fits its JSON dialect.
 *
 * EncryptedSession's encoder has no tuple, Markup, UUID or datetime: tuples
 * become lists and Markup plain strings (as json.dumps would write them);
 * UUID and datetime values, which it cannot write at all, become their text.
 * Flask's tagged JSON carries everything EncryptedSession has, but writes
 * keys in sorted order.
 *
 * The converted tree is what the target's server reads back: a dict shaped
 * like EncryptedSession's bytes marker becomes the bytes the seed loads, and a
 * non-bytes "__type__" key moves to the end as the seed's hook moves it, each
 * with a note. A marker the seed cannot load at all (its hook raises, and the
 * server drops the whole session) is an `error`.
 */
class SessionConverter
{
public:
    struct Note
    {
        QString path;    ///< e.g. session['when']
        QString message; ///< what happened to the value
    };

    struct Converted
    {
        SessionValue session;
        QList<Note> notes;
        /// The target's server could not load the session at all; `session` is not to be sealed.
        std::optional<Error> error;
    };

    /// What EncryptedSession's server reads back (EncryptedSessionFormat::convertFrom).
    [[nodiscard]] static Converted toEncryptedSession(const SessionValue &session);
    /// What a server that writes plain `json.dumps` (no tags: Django's JSONSerializer, Starlette)
    /// reads back: tuples become lists, Markup strings, UUID, datetime and bytes their text.
    [[nodiscard]] static Converted toPlainJson(const SessionValue &session);
    /// The first value (depth first) that plain `json.dumps` cannot write at all (bytes, UUID,
    /// datetime: it raises TypeError), nullptr when there is none.
    [[nodiscard]] static const SessionValue *firstNotPlainJson(const SessionValue &node);
    /// What Flask reads back from its signed cookie (FlaskSignedFormat::convertFrom).
    [[nodiscard]] static Converted toFlaskSigned(const SessionValue &session);
};

} // namespace sessionlens
