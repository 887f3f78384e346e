#pragma once

#include "json/SessionValue.h"

#include <QByteArray>
#include <QList>

namespace sessionlens {

/**
 * Writes a SessionValue exactly as the servers' JSON encoders do.
 *
 * EncryptedSession: `json.dumps(value, cls=BinaryAwareJSONEncoder)` with
 * defaults: separators ", " and ": ", insertion order, ensure_ascii with
 * lower-case \\u escapes, repr() floats with NaN / Infinity, bytes as
 * {"__type__": "bytes", "b": "..."}. Tuples are written as lists and Markup as
 * strings, as json.dumps does; UUID and datetime have no form there (the
 * codec refuses them before writing; here they fall back to their text).
 *
 * FlaskTagged: Flask's TaggedJSONSerializer: compact separators, keys sorted by
 * code point, ensure_ascii, and the tags " t", " b", " m", " u", " d", " di".
 *
 * Compact: `json.dumps(value, separators=(',', ':'))`, Django's JSONSerializer: insertion
 * order, ensure_ascii, no tags. Tuples and Markup are written as lists and strings, as
 * json.dumps does; bytes, UUID and datetime have no form there (Django raises TypeError, and
 * its format refuses them before writing; here they fall back as in EncryptedSession style).
 */
class PythonJsonWriter
{
public:
    enum class Style
    {
        EncryptedSession,
        FlaskTagged,
        Compact
    };

    [[nodiscard]] static QByteArray write(const SessionValue &value,
                                          Style style = Style::EncryptedSession);
    /// Appends to `out` (reuses its capacity; the hot path of size reports).
    static void append(const SessionValue &value, QByteArray &out,
                       Style style = Style::EncryptedSession);
    /// EncryptedSession style, also recording the end offset of each entry of a Dict root,
    /// so that a size report can measure and cut out entries without writing them again.
    [[nodiscard]] static QByteArray write(const SessionValue &value, QList<qsizetype> *entryEnds);
    /// Appends one JSON string literal for `text`.
    static void appendString(const QString &text, QByteArray &out);
};

} // namespace sessionlens
