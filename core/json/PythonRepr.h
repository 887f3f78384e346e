#pragma once

#include "Limits.h"
#include "Result.h"
#include "json/SessionValue.h"

#include <QString>

namespace sessionlens {

/// Python's `repr()` of a session value, as the Flask app would print `session`.
class PythonRepr
{
public:
    [[nodiscard]] static QString repr(const SessionValue &value);
    /// repr() that stops with a `limit` error once the text would pass `maxChars`.
    [[nodiscard]] static Result<QString> reprBounded(const SessionValue &value,
                                                     qsizetype maxChars = limits::kMaxOutputChars);
    static void append(const SessionValue &value, QString &out);
    [[nodiscard]] static QString stringRepr(const QString &text);
    /// Where a node stands, as Python would index it: `session['cart'][2]`. For messages and
    /// "copy path".
    [[nodiscard]] static QString path(const SessionValue *node);
    [[nodiscard]] static QString bytesRepr(const QByteArray &bytes);
    /// Printable UTF-8 as it is, anything else as a bytes literal (found or exported secrets).
    [[nodiscard]] static QString textOrBytesLiteral(const QByteArray &bytes);
    /// Python's str.isprintable() for one code point.
    [[nodiscard]] static bool isPrintable(char32_t codePoint);

private:
    static bool appendBounded(const SessionValue &value, QString &out, qsizetype maxChars);
};

} // namespace sessionlens
