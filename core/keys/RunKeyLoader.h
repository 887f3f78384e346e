#pragma once

#include "Result.h"
#include "keys/SessionKey.h"

#include <QList>
#include <QStringList>

namespace sessionlens {

/**
 * Keys and secrets given for one run (command-line options of both programs),
 * read into SessionKeys. Files are read into wiped memory with a named size
 * limit; nothing is cut without an error. The GUI and the CLI share it, so a
 * key file means the same in both.
 */
class RunKeyLoader
{
public:
    /// A key or secret file holds text, not data: larger files are a `limit` error.
    static constexpr qsizetype kMaxKeyFileBytes = 64 * 1024;

    struct Sources
    {
        QStringList keyTexts;    ///< --key
        QStringList keyFiles;    ///< --key-file ("-": standard input)
        QStringList secretTexts; ///< --secret
        QStringList secretFiles; ///< --secret-file ("-": standard input)
    };

    /// AES keys first (texts, then files), then the secrets, each named after its option
    /// ("--key #1", "--key-file PATH", "--secret #1", "--secret-file PATH").
    [[nodiscard]] static Result<QList<SessionKey>> load(const Sources &sources);

    /// The whole content of a key or secret file, in wiped memory.
    [[nodiscard]] static Result<SecureBytes> readSecretFile(const QString &path,
                                                            qsizetype maxBytes = kMaxKeyFileBytes);
    /// A secret file's content without its one final line end (`echo secret > file`).
    [[nodiscard]] static SecureBytes withoutFinalNewline(const SecureBytes &content);
};

} // namespace sessionlens
