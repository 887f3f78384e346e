#pragma once

#include "json/PythonJsonReader.h"

#include <QByteArrayView>

namespace sessionlens {

/**
 * Answers "would PythonJsonReader read this text as a session (a dict)?" without building
 * the tree, for the batch audit, where the tree is thrown away at once.
 *
 * The answer is one-sided: `true` only when the reader is certain to succeed with the same
 * options and return a dict. Anything the check does not follow to the end (an error, a
 * limit, a tag object or a key that might be one, an escaped key) gives `false`, which
 * means "ask the reader": so a caller never accepts what the reader would refuse, and every
 * error still comes from the reader, worded as ever. The reader's notes (duplicate keys)
 * are not gathered.
 */
class PythonJsonValidator
{
public:
    /// With options.topMembers set, the list holds the top-level members when the answer is
    /// true (and is cleared first, whatever the answer).
    [[nodiscard]] static bool readsAsSession(QByteArrayView utf8,
                                             const PythonJsonReader::Options &options);
};

} // namespace sessionlens
