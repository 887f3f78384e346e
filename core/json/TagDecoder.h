#pragma once

#include "json/PythonJsonReader.h"
#include "json/SessionValue.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace sessionlens {

/**
 * The object hooks of the two servers, applied to each JSON object as it
 * closes (innermost first, as Python's object_hook runs):
 * EncryptedSession turns {"__type__": "bytes", "b": ...} into bytes; Flask's
 * TaggedJSONSerializer turns one-key objects whose key is a tag into tuple,
 * bytes, Markup, UUID, datetime, or (" di") a dict whose key is a tag name.
 *
 * Both convert as loosely as Debian's Flask 2.2 and the seed do (tuple() of
 * any iterable, Markup() of anything, non-validating base64, werkzeug's
 * parse_date); what they refuse with an exception is refused here. A tag
 * object neither server would ever write, yet reads, gives a warning that
 * names the node and what it becomes.
 */
class TagDecoder
{
public:
    /// Rewrites `object` in place; returns what is wrong when a tag's content is malformed.
    /// `moveTypeKey`: see PythonJsonReader::Options.
    [[nodiscard]] static std::optional<QString> apply(SessionValue &object,
                                                      PythonJsonReader::Dialect dialect,
                                                      QStringList *warnings,
                                                      bool moveTypeKey = true);
    /// The note for a dict whose "__type__" key EncryptedSession's server moves to the end.
    [[nodiscard]] static QString typeKeyMovedNote();

    /// Python's str() of a value, as Markup() takes it.
    [[nodiscard]] static QString pythonStr(const SessionValue &value);

private:
    static std::optional<QString> applyBytesTag(SessionValue &object, QStringList *warnings,
                                                bool moveTypeKey);
    static std::optional<QString> applyFlaskTag(SessionValue &object, QStringList *warnings);
};

} // namespace sessionlens
