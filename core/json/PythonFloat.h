#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace sessionlens {

/// Python's float text conventions: `repr(float)` and `float(str)` for JSON numbers.
class PythonFloat
{
public:
    enum class Specials
    {
        Json, ///< NaN, Infinity, -Infinity (json.dumps)
        Repr, ///< nan, inf, -inf (repr)
    };

    /// Shortest round-trip digits, `1.0` not `1`, exponent form below 1e-4 and from 1e16.
    [[nodiscard]] static QByteArray repr(double value, Specials specials = Specials::Json);

    /**
     * Value of a JSON number lexeme (`-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`),
     * correctly rounded like CPython's float(); overflow gives +-inf and
     * underflow +-0.0 as in Python. nullopt if the text is not such a lexeme.
     */
    [[nodiscard]] static std::optional<double> parse(QByteArrayView lexeme);
};

} // namespace sessionlens
