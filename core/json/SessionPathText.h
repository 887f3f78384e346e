#pragma once

#include "Result.h"
#include "json/PythonJsonReader.h"
#include "json/SessionValue.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace sessionlens {

/**
 * A node's address as text, both ways: the Python subscripts the window copies
 * (`session['cart'][0]['qty']`, PythonRepr::path writes them through here) and a dotted short
 * form for the command line (`cart.0.qty`).
 *
 * Python form: `session` and subscripts; a key is a Python string literal (either quote, the
 * escapes repr() writes and Python's others), an index an integer (negative counts from the
 * end). An integer subscript on a dict is no key, as in Python (`['0']` is the key "0").
 *
 * Dotted form: segments joined by `.`; a backslash takes the next character as it is, so a key
 * with a dot is `a\.b` and one with a backslash `a\\b`. A segment of digits (with an optional
 * leading minus, counting from the end) is an index in a list and a key in a dict. The empty text
 * is the session itself. A text that begins with `session[` (or is `session`) is read in the Python
 * form; `\session` is the key "session".
 */
class SessionPathText
{
public:
    /// Longer paths are a `limit` error (the deepest session is far shorter).
    static constexpr qsizetype kMaxChars = 16 * 1024;
    /// More steps than a session can nest is a `limit` error.
    static constexpr int kMaxSteps = PythonJsonReader::kDefaultMaxDepth;

    struct Step
    {
        enum class Kind
        {
            Key,        ///< a dict key
            Index,      ///< a list or tuple position; negative counts from the end
            KeyOrIndex, ///< a dotted segment: an index in a sequence, else a key
        };
        Kind kind = Kind::Key;
        QString key;      ///< Key and KeyOrIndex: the text
        qint64 index = 0; ///< Index, and KeyOrIndex whose text is an index

        [[nodiscard]] bool operator==(const Step &other) const = default;
    };
    using Steps = QList<Step>;

    struct Parsed
    {
        Steps steps;
        /// Characters read: parsing stops before a `=` outside brackets and quotes, so that
        /// `PATH=VALUE` splits where the path ends.
        qsizetype end = 0;
    };

    /// Parses a path at the start of `text`; a `format` error names the character offset.
    [[nodiscard]] static Result<Parsed> parsePrefix(QStringView text);
    /// Parses a whole text as a path.
    [[nodiscard]] static Result<Steps> parse(QStringView text);

    /// `session['cart'][0]`: what the window copies (a KeyOrIndex step is written as a key).
    [[nodiscard]] static QString python(const Steps &steps);
    /// `cart.0`, with `.` and `\` escaped; a path the dotted form cannot hold (a top-level empty
    /// key) in the Python form, which parse() also reads.
    [[nodiscard]] static QString dotted(const Steps &steps);
    /// The steps that lead from the root to `node`.
    [[nodiscard]] static Steps stepsOf(const SessionValue *node);

    /// The child a step names in `container`, or a `json` error that says why there is none
    /// (`where` is the container's path, for the message).
    [[nodiscard]] static Result<qsizetype> childIndex(const SessionValue &container,
                                                      const Step &step, const QString &where);
    /// The node `steps` lead to from `root`, as child positions; a `json` error names the first
    /// step that leads nowhere.
    [[nodiscard]] static Result<QList<qsizetype>> resolve(const SessionValue &root,
                                                          const Steps &steps);
};

} // namespace sessionlens
