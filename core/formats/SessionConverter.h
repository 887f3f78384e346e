#pragma once

#include "json/SessionValue.h"

#include <QList>
#include <QString>

namespace sessionlens {

/**
 * Moves a session between the two cookie formats and says what each format
 * can and cannot carry, instead of changing values silently.
 *
 * EncryptedSession's encoder has no tuple, Markup, UUID or datetime: tuples
 * become lists and Markup plain strings (as json.dumps would write them);
 * UUID and datetime values, which it cannot write at all, become their text.
 * Flask's tagged JSON carries everything EncryptedSession has, but writes
 * keys in sorted order.
 */
class SessionConverter
{
public:
    enum class Target
    {
        EncryptedSession,
        FlaskSigned
    };

    struct Note
    {
        QString path;    ///< e.g. session['when']
        QString message; ///< what happened to the value
    };

    struct Converted
    {
        SessionValue session;
        QList<Note> notes;
    };

    [[nodiscard]] static Converted convert(const SessionValue &session, Target target);
};

} // namespace sessionlens
