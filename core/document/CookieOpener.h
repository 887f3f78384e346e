#pragma once

#include "formats/CookieFormat.h"
#include "formats/FormatRegistry.h"
#include "formats/OpenedCookie.h"
#include "keys/KeyRing.h"

namespace sessionlens {

/**
 * Opens a cookie of any registered format with what a key ring holds: the registry detects
 * the format by shape, and the format opens it with the keys of the kind it needs (AES keys,
 * or signing secrets in ring order, the first signs). The one entry point the CLI, the GUI,
 * the timeline and the audit share.
 */
class CookieOpener
{
public:
    using Opened = OpenedCookie;

    /// Signing secrets of the ring, in ring order, with their ring indices.
    [[nodiscard]] static QList<SecureBytes> signingSecrets(const KeyRing &ring,
                                                           QList<qsizetype> *indices = nullptr);

    /// `options` also carries the inflate and nesting limits for every format.
    [[nodiscard]] static Opened open(QByteArrayView cookie, KeyRing &ring,
                                     const OpenOptions &options,
                                     const FormatRegistry &formats = FormatRegistry::builtIn());
};

} // namespace sessionlens
