#pragma once

#include "json/SessionValue.h"

#include <QString>

namespace sessionlens {

/**
 * Readable, typed text renderings of a session: an indented tree (one node a
 * line, `key (type): value`) and a one-line form for batch output.
 */
class TreeText
{
public:
    [[nodiscard]] static QString indented(const SessionValue &value);
    [[nodiscard]] static QString oneLine(const SessionValue &value);
    /// A scalar's value as shown in a tree cell (strings and bytes in repr form).
    [[nodiscard]] static QString scalarText(const SessionValue &value);
};

} // namespace sessionlens
