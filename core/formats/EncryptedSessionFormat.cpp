#include "formats/EncryptedSessionFormat.h"

#include "document/SessionSealer.h"
#include "formats/OpenedCookie.h"
#include "formats/ZlibCodec.h"
#include "keys/KeyRing.h"

#include <QCoreApplication>

namespace sessionlens {

QString EncryptedSessionFormat::displayName() const
{
    return QStringLiteral("EncryptedSession");
}

QString EncryptedSessionFormat::shortName() const
{
    return QCoreApplication::translate("sessionlens::Note", "encrypted");
}

int EncryptedSessionFormat::score(QByteArrayView cookie,
                                  const FormatDetector::Characters &characters) const
{
    return FormatDetector::detect(cookie, characters) == FormatDetector::Format::EncryptedSession
               ? Certain
               : NotMine;
}

void EncryptedSessionFormat::open(QByteArrayView cookie, KeyRing &ring, const OpenOptions &options,
                                  OpenedCookie &out) const
{
    EncryptedSessionCodec::Limits limits;
    limits.maxInflatedSize = options.maxInflatedSize;
    limits.maxDepth = options.maxDepth;
    limits.buildSession = options.buildSession;
    KeyRing::Opened result = ring.open(cookie, limits);
    EncryptedSessionCodec::Decoded &decoded = result.decoded;
    out.error = decoded.error;
    out.warnings = decoded.warnings;
    out.keyIndex = result.keyIndex;
    out.compressed = decoded.fields.compressed;
    out.sessionValue = std::move(decoded.session);
    out.jsonText = std::move(decoded.plaintext);
    if (out.error && out.error->category == ErrorCategory::Authentication) {
        bool hasAesKey = false;
        for (qsizetype i = 0; i < ring.size(); ++i)
            hasAesKey = hasAesKey || ring.at(i).kind() == SessionKey::Kind::AesKey;
        if (!hasAesKey)
            out.error->message = QCoreApplication::translate(
                "sessionlens::Error",
                "no AES key is available to open this EncryptedSession cookie");
    }
    out.details = std::move(decoded);
}

void EncryptedSessionFormat::seal(const SessionValue &session, const SecureBytes &key,
                                  const SealOptions &options, SealedCookie &out) const
{
    QList<qsizetype> entryEnds;
    out.json = PythonJsonWriter::write(session, &entryEnds);
    const bool compressed =
        EncryptedSessionCodec::shouldCompress(out.json.size(), options.compression);
    const QByteArray payload = compressed ? ZlibCodec::deflate(out.json) : out.json;
    SizeReport::Options reportOptions;
    reportOptions.compression = options.compression;
    reportOptions.cookieName = options.cookieName;
    reportOptions.exactKeyShares = options.exactKeyShares;
    out.report = SizeReport::fromEncrypted(session, out.json, entryEnds, payload.size(), compressed,
                                           reportOptions);
    if (auto problem = EncryptedSessionCodec::checkSealable(session)) {
        out.error = *problem;
        return;
    }
    if ((out.error = SessionSealer::overInputLimit(out.report.cookieValueBytes)))
        return;
    if (key.isEmpty()) {
        out.error =
            Error::make(ErrorCategory::Key, QCoreApplication::translate("sessionlens::Error",
                                                                        "no AES key to seal with"));
        return;
    }
    auto codec = EncryptedSessionCodec::create(key);
    if (!codec) {
        out.error = codec.error();
        return;
    }
    auto sealed = codec->sealPayload(out.json, payload, compressed);
    if (!sealed) {
        out.error = sealed.error();
        return;
    }
    out.cookie = std::move(sealed->cookie);
}

SessionConverter::Converted EncryptedSessionFormat::convertFrom(const SessionValue &session) const
{
    return SessionConverter::toEncryptedSession(session);
}

QList<SizeReport::Stage> EncryptedSessionFormat::sizeStages(qsizetype ciphertext,
                                                            qsizetype ciphertextBase64,
                                                            qsizetype tagBase64,
                                                            qsizetype nonceBase64)
{
    const auto note = [](const char *text) {
        return QCoreApplication::translate("sessionlens::Note", text);
    };
    return {
        {QStringLiteral("ciphertext_bytes"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "ciphertext (AES-EAX)")),
         ciphertext,
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "encrypted")),
         {}},
        {QStringLiteral("ciphertext_base64"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "ciphertext, base64")),
         ciphertextBase64,
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "base64")),
         {}},
        {QStringLiteral("tag_base64"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "tag, base64")),
         tagBase64,
         {},
         {}},
        {QStringLiteral("nonce_base64"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "nonce, base64")),
         nonceBase64,
         {},
         {}},
    };
}

} // namespace sessionlens
