#pragma once

#include "json/SessionValue.h"

#include <QString>

namespace sessionlens {

/// Python's `repr()` of a session value, as the Flask app would print `session`.
class PythonRepr
{
public:
    [[nodiscard]] static QString repr(const SessionValue &value);
    static void append(const SessionValue &value, QString &out);
    [[nodiscard]] static QString stringRepr(const QString &text);
    [[nodiscard]] static QString bytesRepr(const QByteArray &bytes);
    /// Python's str.isprintable() for one code point.
    [[nodiscard]] static bool isPrintable(char32_t codePoint);
};

} // namespace sessionlens
