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
 */
class TagDecoder
{
public:
    /// Rewrites `object` in place; returns what is wrong when a tag's content is malformed.
    [[nodiscard]] static std::optional<QString>
    apply(SessionValue &object, PythonJsonReader::Dialect dialect, QStringList *warnings);

private:
    static std::optional<QString> applyBytesTag(SessionValue &object, QStringList *warnings);
    static std::optional<QString> applyFlaskTag(SessionValue &object);
};

} // namespace sessionlens
