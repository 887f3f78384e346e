#pragma once

#include <QString>

namespace sessionlens {

/// The pipeline step (or subsystem) that an error belongs to.
enum class ErrorCategory
{
    Format,         ///< the cookie's outer shape: field count, flag, separators
    Base64,         ///< a field is not valid base64 of the expected alphabet
    Authentication, ///< tag or signature mismatch, or no key opens the cookie
    Decompression,  ///< zlib stream invalid or truncated
    Encoding,       ///< plaintext is not valid UTF-8
    Json,           ///< plaintext is not JSON the server would accept
    Limit,          ///< a named safety limit was reached
    Key,            ///< key text could not be parsed or has a wrong length
    Io,             ///< file or stream access
    Network,        ///< HTTP capture or replay
};

/**
 * An error as a value: what failed, in which step, and where.
 *
 * `message` is already in the user's language: the core translates it (context
 * "sessionlens::Error"), so that the window and the command line say the same thing
 * in the same words. `categoryName()` is the stable English identifier for machine-read
 * output (JSON, CSV); `stepName()` is the translated name people read.
 */
struct Error
{
    ErrorCategory category = ErrorCategory::Format;
    QString message;
    /// Extra context (a field name, an offending fragment); never secret material.
    QString detail;
    /// Index of the cookie field the error belongs to, -1 when not field specific.
    int field = -1;
    /// Byte offset inside the step's input, -1 when unknown.
    qsizetype position = -1;

    [[nodiscard]] static Error make(ErrorCategory category, QString message, QString detail = {},
                                    int field = -1, qsizetype position = -1);
    /// Stable lower-case identifier of a category ("format", "base64", ...).
    [[nodiscard]] static QString categoryName(ErrorCategory category);
    /// The step's name in the user's language ("format", "Authentifizierung", ...): one table
    /// for the command line and the window.
    [[nodiscard]] static QString stepName(ErrorCategory category);
    /// `<category>: <message>[ (<detail>)]` (stable category, translated message), for logs.
    [[nodiscard]] QString toString() const;
};

} // namespace sessionlens
