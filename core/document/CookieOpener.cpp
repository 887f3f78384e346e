#include "document/CookieOpener.h"

#include "formats/KeyNeed.h"

#include <QCoreApplication>

namespace sessionlens {

namespace {

// A stored key (or the empty secret, when asked) that `format` would try at all.
bool mayVerify(KeySchedules &keys, const CookieFormat &format, const OpenOptions &options)
{
    const auto kind = KeyNeed::toSeal(format);
    if (!kind)
        return false;
    if (*kind == SessionKey::Kind::SigningSecret && options.verifyEmptySecret)
        return true;
    return !keys.candidates(format, *kind).isEmpty();
}

} // namespace

CookieOpener::CookieOpener(const KeyRing &ring, const FormatRegistry &formats)
    : m_keys(ring), m_formats(&formats)
{
}

CookieOpener::Opened CookieOpener::open(QByteArrayView cookie, const OpenOptions &options)
{
    return open(cookie, options, FormatDetector::characters(cookie));
}

CookieOpener::Opened CookieOpener::open(QByteArrayView cookie, const OpenOptions &options,
                                        const FormatDetector::Characters &characters)
{
    Opened opened;
    const FormatRegistry::Detection detection = m_formats->detect(cookie, characters);
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
    if (detection.candidates.size() > 1 && opened.verified != true)
        preferVerified(cookie, options, detection, opened);
    if (opened.keyIndex >= 0 && opened.keyIndex < ring().size()) {
        opened.keyName = ring().at(opened.keyIndex).name();
        m_keys.served(*opened.format, opened.keyIndex);
    } else {
        opened.keyIndex = -1;
    }
    return opened;
}

// Formats that share the text's shape: the first candidate was opened; a later one that a
// stored key verifies takes the cookie instead. Undecided between equal scores, say so.
void CookieOpener::preferVerified(QByteArrayView cookie, const OpenOptions &options,
                                  const FormatRegistry::Detection &detection, Opened &opened)
{
    QStringList alike;
    for (qsizetype i = 1; i < detection.candidates.size(); ++i) {
        const CookieFormat *other = detection.candidates[i].format;
        if (detection.candidates[i].score == detection.candidates[0].score)
            alike.append(other->displayName());
        if (!mayVerify(m_keys, *other, options))
            continue;
        Opened trial;
        trial.format = other;
        trial.detected = other;
        other->open(cookie, m_keys, options, trial);
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

CookieOpener::Opened CookieOpener::open(QByteArrayView cookie, const KeyRing &ring,
                                        const OpenOptions &options, const FormatRegistry &formats)
{
    CookieOpener opener(ring, formats);
    return opener.open(cookie, options);
}

} // namespace sessionlens
