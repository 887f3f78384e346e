#include "document/CookieOpener.h"

namespace sessionlens {

QList<SecureBytes> CookieOpener::signingSecrets(const KeyRing &ring, QList<qsizetype> *indices)
{
    QList<SecureBytes> secrets;
    for (qsizetype i = 0; i < ring.size(); ++i) {
        if (ring.at(i).kind() != SessionKey::Kind::SigningSecret)
            continue;
        secrets.append(ring.at(i).bytes());
        if (indices)
            indices->append(i);
    }
    return secrets;
}

CookieOpener::Opened CookieOpener::open(QByteArrayView cookie, KeyRing &ring,
                                        const OpenOptions &options, const FormatRegistry &formats)
{
    Opened opened;
    const FormatRegistry::Detection detection = formats.detect(cookie);
    opened.detected = detection.format;
    // Unknown shapes go the fallback format's way, whose format step says what is wrong.
    opened.format = detection.format ? detection.format : formats.fallback();
    if (detection.score < CookieFormat::Certain) {
        if (auto foreign = FormatDetector::diagnoseForeign(cookie)) {
            opened.error = Error::make(ErrorCategory::Format, *foreign);
            return opened;
        }
    }
    opened.format->open(cookie, ring, options, opened);
    return opened;
}

} // namespace sessionlens
