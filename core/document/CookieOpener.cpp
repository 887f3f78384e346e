#include "document/CookieOpener.h"

#include <QCoreApplication>

namespace sessionlens {

namespace {

bool mayVerify(const KeyRing &ring, const CookieFormat &format, const OpenOptions &options)
{
    const auto kind = SessionKey::kindFor(format);
    if (!kind)
        return false;
    if (*kind == SessionKey::Kind::SigningSecret && options.verifyEmptySecret)
        return true;
    for (qsizetype i = 0; i < ring.size(); ++i) {
        if (ring.at(i).kind() == *kind)
            return true;
    }
    return false;
}

// Formats that share the text's shape: the first candidate was opened; a later one that a
// stored key verifies takes the cookie instead. Undecided between equal scores, say so.
void preferVerified(QByteArrayView cookie, KeyRing &ring, const OpenOptions &options,
                    const FormatRegistry::Detection &detection, CookieOpener::Opened &opened)
{
    QStringList alike;
    for (qsizetype i = 1; i < detection.candidates.size(); ++i) {
        const CookieFormat *other = detection.candidates[i].format;
        if (detection.candidates[i].score == detection.candidates[0].score)
            alike.append(other->displayName());
        if (!mayVerify(ring, *other, options))
            continue;
        CookieOpener::Opened trial;
        trial.format = other;
        trial.detected = other;
        other->open(cookie, ring, options, trial);
        if (trial.verified == true) {
            opened = std::move(trial);
            return;
        }
    }
    if (!alike.isEmpty())
        opened.warnings.append(
            QCoreApplication::translate("sessionlens::Note",
                                        "the text is also a whole %1 cookie, and no stored key "
                                        "tells which: opened as %2")
                .arg(alike.join(QStringLiteral(", ")), opened.format->displayName()));
}

} // namespace

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
    if (detection.candidates.size() > 1 && opened.verified != true)
        preferVerified(cookie, ring, options, detection, opened);
    return opened;
}

} // namespace sessionlens
