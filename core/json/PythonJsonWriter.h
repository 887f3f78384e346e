#pragma once

#include "json/SessionValue.h"

#include <QByteArray>

namespace sessionlens {

/**
 * Writes a SessionValue exactly as CPython's `json.dumps(value,
 * cls=BinaryAwareJSONEncoder)` does with default arguments: separators ", "
 * and ": ", insertion order, ensure_ascii with lower-case \\u escapes, repr()
 * floats with NaN / Infinity, bytes as {"__type__": "bytes", "b": "..."}.
 */
class PythonJsonWriter
{
public:
    [[nodiscard]] static QByteArray write(const SessionValue &value);
    /// Appends to `out` (reuses its capacity; the hot path of size reports).
    static void append(const SessionValue &value, QByteArray &out);
    /// Appends one JSON string literal for `text`.
    static void appendString(const QString &text, QByteArray &out);
};

} // namespace sessionlens
