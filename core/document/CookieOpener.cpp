#include "document/CookieOpener.h"
#include <QCoreApplication>

namespace sessionlens {

const SessionValue &CookieOpener::Opened::session() const
{
    return format == FormatDetector::Format::FlaskSigned ? signedCookie.session : encrypted.session;
}

bool CookieOpener::Opened::readable() const
{
    return ok() || (format == FormatDetector::Format::FlaskSigned &&
                    signedCookie.verification == FlaskSignedCodec::Verification::Invalid &&
                    signedCookie.session.type() == SessionValue::Type::Dict);
}

const QByteArray &CookieOpener::Opened::json() const
{
    return format == FormatDetector::Format::FlaskSigned ? signedCookie.json : encrypted.plaintext;
}

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
                                        const FlaskSignedCodec::Options &options)
{
    Opened opened;
    opened.format = FormatDetector::detect(cookie);
    opened.detected = opened.format;
    if (auto foreign = FormatDetector::diagnoseForeign(cookie)) {
        opened.error = Error::make(ErrorCategory::Format, *foreign);
        return opened;
    }
    if (opened.format == FormatDetector::Format::FlaskSigned) {
        QList<qsizetype> indices;
        const QList<SecureBytes> secrets = signingSecrets(ring, &indices);
        opened.signedCookie = FlaskSignedCodec::decode(cookie, options, secrets);
        opened.error = opened.signedCookie.error;
        opened.warnings = opened.signedCookie.warnings;
        // The empty secret (Options::verifyEmptySecret) comes after the ring's: no ring entry.
        if (opened.signedCookie.secretIndex >= 0 &&
            opened.signedCookie.secretIndex < indices.size())
            opened.keyIndex = indices[opened.signedCookie.secretIndex];
        return opened;
    }
    // Unknown shapes go through the EncryptedSession path, whose format step says what is wrong.
    EncryptedSessionCodec::Limits limits;
    limits.maxInflatedSize = options.maxInflatedSize;
    limits.maxDepth = options.maxDepth;
    limits.buildSession = options.buildSession;
    KeyRing::Opened result = ring.open(cookie, limits);
    opened.format = FormatDetector::Format::EncryptedSession;
    opened.encrypted = std::move(result.decoded);
    opened.error = opened.encrypted.error;
    opened.warnings = opened.encrypted.warnings;
    opened.keyIndex = result.keyIndex;
    if (opened.error && opened.error->category == ErrorCategory::Authentication) {
        bool hasAesKey = false;
        for (qsizetype i = 0; i < ring.size(); ++i)
            hasAesKey = hasAesKey || ring.at(i).kind() == SessionKey::Kind::AesKey;
        if (!hasAesKey)
            opened.error->message = QCoreApplication::translate(
                "sessionlens::Error",
                "no AES key is available to open this EncryptedSession cookie");
    }
    return opened;
}

} // namespace sessionlens
