#pragma once

#include "Limits.h"
#include "json/SessionValue.h"

#include <QList>
#include <QString>

namespace sessionlens {

/// Structural differences between two sessions: dict entries matched by key, lists by index.
class SessionDiff
{
public:
    enum class Kind
    {
        Added,
        Removed,
        Changed,
        Moved
    };

    struct Change
    {
        Kind kind = Kind::Changed;
        QString path;   ///< e.g. session['cart'][0]['qty']
        QString before; ///< repr of the old value (empty when added)
        QString after;  ///< repr of the new value (empty when removed)
    };

    struct Options
    {
        /// Changes listed; the rest are only counted (Result::omitted).
        qsizetype maxChanges = limits::kMaxDiffChanges;
        /// Characters of one before/after text; longer ones end in "… (N more characters)".
        qsizetype maxValueChars = limits::kMaxDiffValueChars;
    };

    struct Result
    {
        QList<Change> changes;
        qsizetype omitted = 0; ///< changes found beyond Options::maxChanges
    };

    /// Linear in the size of both trees: dict keys are matched through a hash, and
    /// path and value texts are built only for the changes that are listed.
    [[nodiscard]] static Result compare(const SessionValue &before, const SessionValue &after,
                                        const Options &options);
    [[nodiscard]] static Result compare(const SessionValue &before, const SessionValue &after);
};

} // namespace sessionlens
