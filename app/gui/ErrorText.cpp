#include "ErrorText.h"

namespace sessionlens::gui {

QString ErrorText::describe(const Error &error)
{
    // A network message names what happened and where: it is the sentence itself ("The
    // network request failed" before it said nothing, and even when nothing was requested).
    if (error.category == ErrorCategory::Network && !error.message.isEmpty()) {
        QString text = error.message;
        text[0] = text[0].toUpper();
        if (!error.detail.isEmpty())
            text += QStringLiteral(" (") + error.detail + u')';
        return text + u'.';
    }
    QString sentence;
    switch (error.category) {
    case ErrorCategory::Format:
        sentence = tr("The cookie does not have the expected shape.");
        break;
    case ErrorCategory::Base64:
        sentence = tr("A field is not valid base64.");
        break;
    case ErrorCategory::Authentication:
        sentence = tr("The tag does not match: wrong key, or the cookie was altered.");
        break;
    case ErrorCategory::Decompression:
        sentence = tr("The decrypted data is not a valid zlib stream.");
        break;
    case ErrorCategory::Encoding:
        sentence = tr("The plaintext is not valid UTF-8.");
        break;
    case ErrorCategory::Json:
        sentence = tr("The plaintext is not JSON the server accepts.");
        break;
    case ErrorCategory::Limit:
        sentence = tr("A safety limit was reached.");
        break;
    case ErrorCategory::Key:
        sentence = tr("The key cannot be used.");
        break;
    case ErrorCategory::Io:
        sentence = tr("The file could not be read or written.");
        break;
    case ErrorCategory::Network:
        sentence = tr("The network request failed.");
        break;
    }
    QString text = tr("The %1 step failed. %2").arg(Error::stepName(error.category), sentence);
    if (!error.message.isEmpty())
        text += QStringLiteral(" (") + error.message +
                (error.detail.isEmpty() ? QString() : QStringLiteral("; ") + error.detail) + u')';
    return text;
}

} // namespace sessionlens::gui
