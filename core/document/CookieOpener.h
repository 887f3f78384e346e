#pragma once

#include "formats/CookieFormat.h"
#include "formats/FormatRegistry.h"
#include "formats/KeySchedules.h"
#include "formats/OpenedCookie.h"
#include "keys/KeyRing.h"

namespace sessionlens {

/**
 * Opens cookies of any registered format with what a key ring holds: the registry detects
 * the format by shape, and the format opens it with the keys of the kind it needs. The one
 * entry point the CLI, the GUI, the timeline and the audit share.
 *
 * An opener keeps what opening teaches (AES key schedules, the key that served each format
 * last) in its own KeySchedules, so whoever opens many cookies keeps one opener (one per
 * thread) over a ring that stays const; open(cookie, ring, ...) is for a single cookie.
 */
class CookieOpener
{
public:
    using Opened = OpenedCookie;

    /// `ring` and `formats` must outlive the opener; the ring may change in between opens.
    explicit CookieOpener(const KeyRing &ring,
                          const FormatRegistry &formats = FormatRegistry::builtIn());

    /// `options` also carries the inflate and nesting limits for every format. Sets the
    /// opened cookie's keyIndex and keyName, and remembers the key for the format.
    [[nodiscard]] Opened open(QByteArrayView cookie, const OpenOptions &options);
    /// open() with the cookie's characters already scanned (CookieText::bareValue's scan).
    [[nodiscard]] Opened open(QByteArrayView cookie, const OpenOptions &options,
                              const FormatDetector::Characters &characters);

    /// One cookie, with no schedules kept.
    [[nodiscard]] static Opened open(QByteArrayView cookie, const KeyRing &ring,
                                     const OpenOptions &options,
                                     const FormatRegistry &formats = FormatRegistry::builtIn());

    [[nodiscard]] const KeySchedules &schedules() const { return m_keys; }
    [[nodiscard]] const KeyRing &ring() const { return m_keys.ring(); }

private:
    void preferVerified(QByteArrayView cookie, const OpenOptions &options,
                        const FormatRegistry::Detection &detection, Opened &opened);

    KeySchedules m_keys;
    const FormatRegistry *m_formats;
};

} // namespace sessionlens
