#pragma once

#include "Result.h"
#include "json/SessionValue.h"

#include <QString>

namespace sessionlens {

class CookieFormat;

/**
 * A session saved as JSON text (File ▸ Save Session, `seal`/`sign` input): written
 * atomically in the format's dialect, read back with the reader's limits and the rule
 * that a session is a dict.
 */
class SessionFile
{
public:
    /// The largest file read: a session that large could not be sealed anyway.
    static constexpr qsizetype kMaxFileBytes = 8 * 1024 * 1024;

    [[nodiscard]] static Result<Done> write(const QString &path, const SessionValue &session,
                                            const CookieFormat &format);
    [[nodiscard]] static Result<SessionValue> read(const QString &path, const CookieFormat &format);
};

} // namespace sessionlens
