#include "document/CookieOpener.h"

namespace sessionlens {

CookieOpener::CookieOpener(const KeyRing &ring, const FormatRegistry &formats)
    : m_keys(ring), m_formats(&formats)
{
}

CookieOpener::Opened CookieOpener::open(QByteArrayView cookie, const OpenOptions &options)
{
    Opened opened;
    const FormatRegistry::Detection detection = m_formats->detect(cookie);
    opened.detected = detection.format;
    // Unknown shapes go the fallback format's way, whose format step says what is wrong.
    opened.format = detection.format ? detection.format : m_formats->fallback();
    if (detection.score < CookieFormat::Certain) {
        if (auto foreign = FormatDetector::diagnoseForeign(cookie)) {
            opened.error = Error::make(ErrorCategory::Format, *foreign);
            return opened;
        }
    }
    opened.format->open(cookie, m_keys, options, opened);
    if (opened.keyIndex >= 0 && opened.keyIndex < ring().size()) {
        opened.keyName = ring().at(opened.keyIndex).name();
        m_keys.served(*opened.format, opened.keyIndex);
    } else {
        opened.keyIndex = -1;
    }
    return opened;
}

CookieOpener::Opened CookieOpener::open(QByteArrayView cookie, const KeyRing &ring,
                                        const OpenOptions &options, const FormatRegistry &formats)
{
    CookieOpener opener(ring, formats);
    return opener.open(cookie, options);
}

} // namespace sessionlens
