#pragma once

#include "Result.h"
#include "json/SessionValue.h"

#include <QString>

namespace sessionlens {

/**
 * Scalar values as a person types them in an editor, and conversions between
 * types. Parsing is strict and returns `json` errors that say what was expected.
 */
class ValueText
{
public:
    enum class BytesForm
    {
        Hex,
        Base64
    };

    /// The text an editor starts from: raw string, digits, Python float repr, True/False, hex.
    [[nodiscard]] static QString editText(const SessionValue &value, BytesForm bytesForm);
    /// Reads `text` as a value of `type` (scalars only).
    [[nodiscard]] static Result<SessionValue> parse(SessionValue::Type type, const QString &text,
                                                    BytesForm bytesForm);
    /// Best-effort conversion for "change type": keeps what can be kept (42 <-> "42",
    /// a scalar into a one-item list), otherwise the new type's empty value.
    [[nodiscard]] static SessionValue convert(const SessionValue &value, SessionValue::Type type);
};

} // namespace sessionlens
