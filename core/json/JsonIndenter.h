#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace sessionlens {

/**
 * Lays JSON text out on indented lines for reading, token for token: strings,
 * numbers and key order stay exactly as they are, only the white space between
 * tokens changes, so the reader gets the same session back from either form.
 */
class JsonIndenter
{
public:
    /// `json` must be well-formed (the reader's output or what it accepted); other text comes
    /// back laid out as far as its brackets allow, never with a token changed.
    [[nodiscard]] static QByteArray indent(QByteArrayView json, int width = 2);
};

} // namespace sessionlens
