#include "document/SessionSealer.h"

#include "crypto/ItsdangerousSigner.h"
#include "formats/CookieText.h"
#include "formats/SessionDialect.h"
#include "formats/ZlibCodec.h"
#include "json/PythonJsonWriter.h"

#include <QCoreApplication>
#include <QDateTime>

namespace sessionlens {

namespace {

std::optional<Error> overInputLimit(qsizetype cookieBytes)
{
    if (cookieBytes <= CookieText::kMaxInputSize)
        return std::nullopt;
    return Error::make(ErrorCategory::Limit,
                       QCoreApplication::translate(
                           "sessionlens::Error",
                           "the cookie would be %1 bytes, more than the %2 bytes SessionLens opens")
                           .arg(cookieBytes)
                           .arg(CookieText::kMaxInputSize));
}

void sealEncrypted(const SessionValue &session, const SecureBytes &key,
                   const SessionSealer::Options &options, SessionSealer::Sealed &out)
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
    if ((out.error = overInputLimit(out.report.cookieValueBytes)))
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

void sealSigned(const SessionValue &session, const SecureBytes &secret,
                const SessionSealer::Options &options, SessionSealer::Sealed &out)
{
    out.json = PythonJsonWriter::write(session, PythonJsonWriter::Style::FlaskTagged);
    const QByteArray payload = FlaskSignedCodec::payloadField(out.json);
    out.report = SizeReport::fromSigned(
        session, out.json, payload, ItsdangerousSigner::digestSize(options.signer.signer.digest),
        options.cookieName, options.exactKeyShares);
    if ((out.error = SessionDialect::checkIsSession(session)))
        return;
    if ((out.error = overInputLimit(out.report.cookieValueBytes)))
        return;
    if (secret.isEmpty()) {
        out.error = Error::make(
            ErrorCategory::Key,
            QCoreApplication::translate("sessionlens::Error", "no Flask secret to sign with"));
        return;
    }
    const qint64 timestamp =
        options.timestamp >= 0 ? options.timestamp : QDateTime::currentSecsSinceEpoch();
    auto cookie = FlaskSignedCodec::signPayload(payload, secret, timestamp, options.signer);
    if (!cookie) {
        out.error = cookie.error();
        return;
    }
    out.cookie = std::move(cookie).value();
}

} // namespace

SessionSealer::Sealed SessionSealer::seal(const SessionValue &session, const SecureBytes &key,
                                          const Options &options)
{
    Sealed out;
    if (options.format == FormatDetector::Format::FlaskSigned)
        sealSigned(session, key, options, out);
    else
        sealEncrypted(session, key, options, out);
    return out;
}

std::optional<EncryptedSessionCodec::Compression>
SessionSealer::compressionFromName(const QString &name)
{
    if (name.isEmpty() || name == QLatin1String("auto"))
        return EncryptedSessionCodec::Compression::Auto;
    if (name == QLatin1String("always"))
        return EncryptedSessionCodec::Compression::Always;
    if (name == QLatin1String("never"))
        return EncryptedSessionCodec::Compression::Never;
    return std::nullopt;
}

} // namespace sessionlens
