#pragma once

#include "Limits.h"
#include "Result.h"
#include "json/SessionValue.h"

#include <QString>

#include <functional>

namespace sessionlens {

/**
 * Readable, typed text renderings of a session: an indented tree (one node a
 * line, `key (type): value`) and a one-line form for batch output.
 *
 * Both are bounded: indentation stops growing after `maxIndentLevels` (deeper
 * lines show their depth instead), and output past `maxOutputChars` is a `limit`
 * error rather than memory that grows with the attacker's nesting.
 */
class TreeText
{
public:
    struct Options
    {
        qsizetype maxOutputChars = limits::kMaxOutputChars;
        int maxIndentLevels = limits::kMaxIndentLevels;
    };
    /// Receives the text in pieces of about 64 KiB, so a caller can stream it out.
    using Sink = std::function<void(const QString &chunk)>;

    [[nodiscard]] static Result<Done> writeIndented(const SessionValue &value, const Sink &sink,
                                                    const Options &options);
    [[nodiscard]] static Result<Done> writeIndented(const SessionValue &value, const Sink &sink);
    [[nodiscard]] static Result<QString> indented(const SessionValue &value,
                                                  const Options &options);
    [[nodiscard]] static Result<QString> indented(const SessionValue &value);
    [[nodiscard]] static Result<QString> oneLine(const SessionValue &value, const Options &options);
    [[nodiscard]] static Result<QString> oneLine(const SessionValue &value);
    /// A scalar's value as shown in a tree cell (strings and bytes in repr form).
    [[nodiscard]] static QString scalarText(const SessionValue &value);
};

} // namespace sessionlens
