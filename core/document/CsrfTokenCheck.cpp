#include "document/CsrfTokenCheck.h"

#include "formats/EncryptedSessionFormat.h"
#include "formats/FlaskSignedFormat.h"
#include "formats/FormatRegistry.h"
#include "formats/KeySchedules.h"
#include "formats/WtfCsrfFormat.h"
#include "keys/KeyRing.h"

#include <QCoreApplication>
#include <QDateTime>

namespace sessionlens {

namespace {

// The ring's secrets that may sign Flask-WTF's tokens (a key kept for other formats is not
// tried), with their ring indices.
QList<SecureBytes> tokenSecrets(const KeyRing &ring, QList<qsizetype> *indices)
{
    KeySchedules keys(ring);
    const CookieFormat *format = FormatRegistry::builtIn().find(WtfCsrfFormat::formatId());
    *indices =
        format ? keys.candidates(*format, SessionKey::Kind::SigningSecret) : QList<qsizetype>{};
    QList<SecureBytes> secrets;
    secrets.reserve(indices->size());
    for (const qsizetype i : *indices)
        secrets.append(ring.at(i).bytes());
    return secrets;
}

Error failure(ErrorCategory category, const char *text)
{
    return Error::make(category, QCoreApplication::translate("sessionlens::Error", text));
}

bool isAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() > 0x7f)
            return false;
    }
    return true;
}

} // namespace

bool CsrfTokenCheck::keptIn(const CookieFormat &format)
{
    return format.id() == FlaskSignedFormat::formatId() ||
           format.id() == EncryptedSessionFormat::formatId();
}

QString CsrfTokenCheck::stepId(Step step)
{
    switch (step) {
    case Step::None:
        return QStringLiteral("none");
    case Step::MissingToken:
        return QStringLiteral("missing-token");
    case Step::MissingInSession:
        return QStringLiteral("missing-in-session");
    case Step::Format:
        return QStringLiteral("format");
    case Step::Base64:
        return QStringLiteral("base64");
    case Step::Authentication:
        return QStringLiteral("authentication");
    case Step::Expired:
        return QStringLiteral("expired");
    case Step::Payload:
        return QStringLiteral("payload");
    case Step::Mismatch:
        return QStringLiteral("mismatch");
    }
    return {};
}

bool CsrfTokenCheck::sameToken(const QString &a, const QString &b)
{
    // Like hmac.compare_digest: the time depends on the lengths only, never on where the
    // contents differ.
    char16_t difference = a.size() == b.size() ? 0 : 1;
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i)
        difference |= char16_t(a.at(i).unicode() ^ b.at(i).unicode());
    return difference == 0;
}

CsrfTokenCheck::Verdict CsrfTokenCheck::verify(QByteArrayView token, const SessionValue &session,
                                               const KeyRing &ring, const Options &options)
{
    Verdict verdict;
    const SessionValue *stored =
        session.type() == SessionValue::Type::Dict ? session.value(options.fieldName) : nullptr;
    verdict.sessionHasToken = stored != nullptr;
    QList<qsizetype> indices;
    const QList<SecureBytes> secrets = tokenSecrets(ring, &indices);
    if (!token.isEmpty())
        verdict.token = WtfCsrfCodec::decode(
            token, secrets, WtfCsrfCodec::codecOptions(options.bounds, options.timeLimit),
            options.fieldName, options.now);
    const FlaskSignedCodec::Decoded &decoded = verdict.token.token;
    if (decoded.secretIndex >= 0 && decoded.secretIndex < indices.size())
        verdict.keyIndex = indices[decoded.secretIndex];

    const auto fail = [&verdict](Step step, Error error) {
        verdict.failed = step;
        verdict.error = std::move(error);
        return verdict;
    };
    if (token.isEmpty())
        return fail(Step::MissingToken,
                    failure(ErrorCategory::Format,
                            QT_TRANSLATE_NOOP("sessionlens::Error", "The CSRF token is missing.")));
    if (!stored)
        return fail(
            Step::MissingInSession,
            failure(ErrorCategory::Authentication,
                    QT_TRANSLATE_NOOP("sessionlens::Error", "The CSRF session token is missing.")));
    if (secrets.isEmpty())
        return fail(Step::Authentication,
                    failure(ErrorCategory::Key,
                            QT_TRANSLATE_NOOP("sessionlens::Error",
                                              "no secret to verify the CSRF token with")));
    if (decoded.error && decoded.parts.signatureText.isEmpty()) {
        // The split failed: nothing was verified.
        const Step step =
            decoded.error->category == ErrorCategory::Base64 ? Step::Base64 : Step::Format;
        return fail(step, *decoded.error);
    }
    if (decoded.verification != FlaskSignedCodec::Verification::Valid)
        return fail(Step::Authentication,
                    decoded.error ? *decoded.error
                                  : failure(ErrorCategory::Authentication,
                                            QT_TRANSLATE_NOOP("sessionlens::Error",
                                                              "The CSRF token is invalid.")));
    if (verdict.token.timeLimited && decoded.expired) {
        Error expired =
            failure(ErrorCategory::Authentication,
                    QT_TRANSLATE_NOOP("sessionlens::Error", "The CSRF token has expired."));
        expired.detail =
            QCoreApplication::translate("sessionlens::Error", "signed %1 s ago, time limit %2 s")
                .arg(decoded.ageSeconds)
                .arg(decoded.lifetimeSeconds);
        return fail(Step::Expired, expired);
    }
    if (decoded.error)
        return fail(Step::Payload, *decoded.error);
    const bool bothStrings =
        stored->type() == SessionValue::Type::String && verdict.token.isString();
    if (!bothStrings || !isAscii(stored->stringValue()) ||
        !isAscii(verdict.token.value.stringValue())) {
        Error error =
            failure(ErrorCategory::Authentication,
                    QT_TRANSLATE_NOOP("sessionlens::Error", "The CSRF tokens do not match."));
        error.detail = QCoreApplication::translate(
            "sessionlens::Error", "hmac.compare_digest takes ASCII strings only: Flask-WTF fails "
                                  "with a server error (TypeError)");
        return fail(Step::Mismatch, error);
    }
    if (!sameToken(stored->stringValue(), verdict.token.value.stringValue()))
        return fail(Step::Mismatch, failure(ErrorCategory::Authentication,
                                            QT_TRANSLATE_NOOP("sessionlens::Error",
                                                              "The CSRF tokens do not match.")));
    return verdict;
}

CsrfTokenCheck::Minted CsrfTokenCheck::mint(const SessionValue &session, const KeyRing &ring,
                                            const Options &options, qint64 timestamp)
{
    Minted minted;
    if (session.type() != SessionValue::Type::Dict) {
        minted.error = failure(ErrorCategory::Json, QT_TRANSLATE_NOOP("sessionlens::Error",
                                                                      "the session is not a dict"));
        return minted;
    }
    QList<qsizetype> indices;
    const QList<SecureBytes> secrets = tokenSecrets(ring, &indices);
    if (secrets.isEmpty()) {
        minted.error =
            failure(ErrorCategory::Key, QT_TRANSLATE_NOOP("sessionlens::Error",
                                                          "no secret to sign the CSRF token with"));
        return minted;
    }
    minted.session = session;
    const SessionValue *stored = session.value(options.fieldName);
    // generate_csrf makes a new raw token when there is none, and when dumping the one there
    // fails (TypeError); a value other than a string would only fail later, in the comparison.
    if (!stored || stored->type() != SessionValue::Type::String) {
        auto raw = WtfCsrfCodec::newRawToken();
        if (!raw) {
            minted.error = raw.error();
            return minted;
        }
        minted.session.setValue(options.fieldName, SessionValue::makeString(*raw));
        minted.sessionChanged = true;
    }
    minted.raw = minted.session.value(options.fieldName)->stringValue();
    auto token =
        WtfCsrfCodec::mint(minted.raw, secrets.first(),
                           timestamp >= 0 ? timestamp : QDateTime::currentSecsSinceEpoch());
    if (!token) {
        minted.error = token.error();
        return minted;
    }
    minted.token = std::move(token).value();
    minted.keyIndex = indices.first();
    return minted;
}

} // namespace sessionlens
