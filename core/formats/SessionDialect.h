#pragma once

#include "Result.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonWriter.h"
#include "json/SessionValue.h"

#include <QByteArrayView>

#include <optional>

namespace sessionlens {

class CookieFormat;

/**
 * What counts as a session at all, for the codecs, the sealer, the CLI and the
 * window alike, and reading one in a format's dialect (CookieFormat::readerOptions:
 * Flask's signed cookie writes tagged JSON, `{" b": ...}`, EncryptedSession its
 * own bytes tag).
 */
class SessionDialect
{
public:
    /// A session is a dict: the servers keep the session as one. A `json` error otherwise.
    [[nodiscard]] static std::optional<Error> checkIsSession(const SessionValue &value);

    /// Reads JSON text of the format's dialect that must hold a session (a saved session, the
    /// JSON tab, an autosave). Errors are `json` or `limit`, as the reader's.
    /// Would `json` (with these reader options) read as a session? The same error as reading
    /// it, or nullopt; without building the tree when PythonJsonValidator can vouch for it (the
    /// batch audit, which keeps sizes only). The reader's notes go to `warnings` only when the
    /// reader runs.
    /// With options.topMembers set, the list describes `json` after a nullopt answer when the
    /// validator vouched for it, and is empty otherwise.
    [[nodiscard]] static std::optional<Error> checkSession(const QByteArray &json,
                                                           const PythonJsonReader::Options &options,
                                                           QStringList *warnings = nullptr);

    [[nodiscard]] static Result<SessionValue>
    readSession(QByteArrayView json, const CookieFormat &format, QStringList *warnings = nullptr);
};

} // namespace sessionlens
