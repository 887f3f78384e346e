#pragma once

#include "Result.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QString>

namespace sessionlens {

/**
 * Files that hold secrets or bearer credentials (key store, history, autosave):
 * created 0600 in a 0700 folder, refused when another user owns them or may read
 * or write them, and sealed with AES-EAX so that their content is not plain text
 * on disk. Every permission change is checked; a failure is an `io` error.
 */
class PrivateFiles
{
public:
    /// Creates `folder` (and its parents) 0700 when it is missing; an existing folder must
    /// already be private (checkTrusted), and its mode is never changed.
    [[nodiscard]] static Result<Done> ensureFolder(const QString &folder);
    /// The file (or folder) is owned by this user and gives no access to group or others.
    [[nodiscard]] static Result<Done> checkTrusted(const QString &path);
    /// Writes atomically (QSaveFile); the temporary and the result are 0600 from the start.
    [[nodiscard]] static Result<Done> write(const QString &path, QByteArrayView content);
    /// Reads a whole file of at most `maxBytes`, after checkTrusted().
    [[nodiscard]] static Result<QByteArray> read(const QString &path, qsizetype maxBytes);

    /// `magic | nonce | tag | ciphertext` under `key` (16, 24 or 32 bytes), with `context`
    /// as the EAX header so that one file cannot stand in for another.
    [[nodiscard]] static Result<QByteArray> seal(const SecureBytes &key, QByteArrayView context,
                                                 QByteArrayView plain);
    [[nodiscard]] static Result<SecureBytes> unseal(const SecureBytes &key, QByteArrayView context,
                                                    QByteArrayView sealed);
    /// true when `content` starts with the sealed-file magic.
    [[nodiscard]] static bool isSealed(QByteArrayView content);
};

} // namespace sessionlens
