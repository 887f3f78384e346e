#pragma once

#include <QString>

namespace sessionlens::gui {

/**
 * Copies bearer credentials (cookies) and keys: marked with the
 * `x-kde-passwordManagerHint: secret` type so that clipboard managers do not keep
 * them, and cleared after a delay unless something else was copied since.
 */
class SecretClipboard
{
public:
    /// The mime type clipboard managers (Klipper, GPaste, CopyQ) read as "do not record".
    static QString hintMimeType() { return QStringLiteral("x-kde-passwordManagerHint"); }

    /// `clearAfterSeconds` <= 0 leaves the text on the clipboard.
    static void copy(const QString &text, int clearAfterSeconds);
};

} // namespace sessionlens::gui
