#pragma once

#include "json/SessionValue.h"

#include <QList>
#include <QString>

namespace sessionlens {

/// Structural differences between two sessions: dict entries matched by key, lists by index.
class SessionDiff
{
public:
    enum class Kind { Added, Removed, Changed, Moved };

    struct Change
    {
        Kind kind = Kind::Changed;
        QString path;     ///< e.g. session['cart'][0]['qty']
        QString before;   ///< repr of the old value (empty when added)
        QString after;    ///< repr of the new value (empty when removed)
    };

    [[nodiscard]] static QList<Change> compare(const SessionValue &before, const SessionValue &after);
};

} // namespace sessionlens
