#pragma once

#include "Result.h"
#include "crypto/SecureBytes.h"

#include <QString>

#include <optional>

namespace sessionlens {

/**
 * Turns pasted key text into key bytes. Accepted forms:
 * - a Python bytes literal exactly as `print(get_random_bytes(32))` shows it,
 *   with single or double quotes, optionally behind an assignment such as
 *   `app.config['SESSION_CRYPTO_KEY'] = `;
 * - hex, with or without `0x`, spaces or colons;
 * - standard or URL-safe base64, padded or not.
 */
class KeyTextParser
{
public:
    enum class Form
    {
        PythonLiteral,
        Hex,
        Base64
    };

    struct Parsed
    {
        SecureBytes bytes;
        Form form = Form::Hex;
    };

    /// AES key: the result must be 16, 24 or 32 bytes; other lengths are a `key` error naming it.
    [[nodiscard]] static Result<Parsed> parseAesKey(const QString &text);
    /// The same on UTF-8 text (a key file's content), without a copy of it.
    [[nodiscard]] static Result<Parsed> parseAesKeyUtf8(QByteArrayView utf8);
    /// Any non-empty byte string in one of the forms above.
    [[nodiscard]] static Result<Parsed> parseBytes(const QString &text);
    [[nodiscard]] static Result<Parsed> parseBytesUtf8(QByteArrayView utf8);
    /// Decodes the body of a Python bytes literal (between the quotes).
    [[nodiscard]] static Result<SecureBytes> decodePythonBytesBody(QByteArrayView body);
    [[nodiscard]] static QString formName(Form form);

    struct Literal
    {
        SecureBytes bytes;    ///< a str's value as UTF-8, as itsdangerous encodes a str key
        bool isBytes = false; ///< b'...' rather than '...'
    };
    /// What ast.literal_eval makes of text holding Python string or bytes literals, as
    /// flask-unsign's wordlists are written: any quotes (triple too), the prefixes r, u, b, br
    /// and rb in any case, every escape, adjacent literals joined, white space and a comment
    /// around them. nullopt when the text is no such literal (flask-unsign then takes the line
    /// itself), and for the rare literal this reader does not decode: \N{name} escapes, and a
    /// str holding a lone surrogate, which has no UTF-8.
    [[nodiscard]] static std::optional<Literal> decodePythonLiteral(QByteArrayView text);
};

} // namespace sessionlens
