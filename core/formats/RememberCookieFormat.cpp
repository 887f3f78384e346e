#include "formats/RememberCookieFormat.h"

#include "formats/CookieText.h"
#include "formats/ItsdangerousSecretCheck.h"
#include "formats/KeySchedules.h"
#include "formats/OpenedCookie.h"
#include "formats/SealedCookie.h"
#include "keys/KeyRing.h"
#include "json/PythonRepr.h"
#include "json/Utf8Validator.h"

#include <QCoreApplication>

namespace sessionlens {

namespace {

QString note(const char *text)
{
    return QCoreApplication::translate("sessionlens::Note", text);
}

QString userIdKey()
{
    return QString::fromLatin1(RememberCookieFormat::kUserIdKey);
}

SessionValue treeOf(const QString &userId)
{
    SessionValue tree = SessionValue::makeDict();
    tree.appendEntryUnchecked(userIdKey(), SessionValue::makeString(userId));
    return tree;
}

// A candidate as Flask-Login keys it: the bytes as they are, and for a str SECRET_KEY with
// Latin-1 characters (text that is not ASCII) its Latin-1 bytes too.
class RememberSecretCheck final : public SecretCheck
{
public:
    explicit RememberSecretCheck(std::unique_ptr<SecretCheck> hmac) : m_hmac(std::move(hmac)) {}

    [[nodiscard]] bool matches(QByteArrayView secret) override
    {
        if (m_hmac->matches(secret))
            return true;
        bool ascii = true;
        for (const char c : secret)
            ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        if (ascii) // the usual candidate: no second form, no allocation
            return false;
        const auto key = RememberCookieCodec::flaskLoginKey(
            SecureBytes(secret.data(), std::size_t(secret.size())));
        return key && key->size() != std::size_t(secret.size()) &&
               m_hmac->matches(QByteArrayView(reinterpret_cast<const char *>(key->data()),
                                              qsizetype(key->size())));
    }
    [[nodiscard]] std::unique_ptr<SecretCheck> clone() const override
    {
        auto hmac = m_hmac->clone();
        return hmac ? std::make_unique<RememberSecretCheck>(std::move(hmac)) : nullptr;
    }

private:
    std::unique_ptr<SecretCheck> m_hmac;
};

// Flask-Login's own session key for the id, so that a Flask session converts to its cookie.
constexpr char kSessionUserIdKey[] = "_user_id";

} // namespace

QString RememberCookieFormat::displayName() const
{
    return QCoreApplication::translate("sessionlens::Note", "Flask-Login remember cookie");
}

QString RememberCookieFormat::shortName() const
{
    return QCoreApplication::translate("sessionlens::Note", "remember");
}

int RememberCookieFormat::score(QByteArrayView cookie,
                                const FormatDetector::Characters &characters) const
{
    // '|' is in no base64 alphabet: a text of those characters alone has none, and the scan
    // that said so was made once for every format (a batch pays no search per cookie).
    if (characters.cookieCharsOnly)
        return NotMine;
    // A text that ends in '|' and a digest is no other format's whole cookie, even when its
    // user id looks like one ("u.AAAA.AA==.AA==" is a valid id).
    if (RememberCookieCodec::hasShape(cookie))
        return Certain + 1;
    return RememberCookieCodec::looksDamaged(cookie) ? Damaged : NotMine;
}

void RememberCookieFormat::open(QByteArrayView cookie, KeySchedules &keySchedules,
                                const OpenOptions &options, OpenedCookie &out) const
{
    auto parts = RememberCookieCodec::split(cookie);
    if (!parts) {
        out.error = parts.error();
        return;
    }
    Details details;
    details.parts = std::move(parts).value();
    out.sessionValue = treeOf(Utf8Validator::decode(details.parts.userId));
    out.jsonText = PythonJsonWriter::write(out.sessionValue, writerStyle());

    // The secret that verified this format last comes first, then the ring's order.
    const KeySchedules::SigningSecrets ring = keySchedules.signingSecrets(*this);
    // itsdangerous' empty-secret rule holds here too: hmac.new(b"") is a valid key. It comes
    // after the ring's secrets.
    const SecureBytes emptySecret;
    const qsizetype secretCount = ring.secrets.size() + (options.verifyEmptySecret ? 1 : 0);
    for (qsizetype i = 0; i < secretCount && out.verified != true; ++i) {
        const SecureBytes &secret = i < ring.secrets.size() ? ring.secrets[i] : emptySecret;
        // Flask-Login's Latin-1 key first, when it differs, then the bytes as stored.
        const std::optional<SecureBytes> latin1 = RememberCookieCodec::latin1Key(secret);
        for (const SecureBytes *key : {latin1 ? &*latin1 : nullptr, &secret}) {
            if (!key || !RememberCookieCodec::matches(details.parts, *key, &ring.cache))
                continue;
            out.verified = true;
            out.keyIndex = i < ring.indices.size() ? ring.indices[i] : -1;
            details.latin1Key = key != &secret;
            if (secret.isEmpty())
                out.warnings.append(note(QT_TRANSLATE_NOOP(
                    "sessionlens::Note",
                    "the digest matches the empty secret: the app's SECRET_KEY is empty")));
            if (details.latin1Key)
                out.warnings.append(note(QT_TRANSLATE_NOOP(
                    "sessionlens::Note", "the secret matched as Latin-1 bytes, as Flask-Login "
                                         "encodes a str SECRET_KEY")));
            break;
        }
    }
    if (secretCount > 0 && out.verified != true) {
        out.verified = false;
        out.error =
            Error::make(ErrorCategory::Authentication,
                        secretCount == 1
                            ? QCoreApplication::translate("sessionlens::Error",
                                                          "the digest does not match the secret")
                            : QCoreApplication::translate(
                                  "sessionlens::Error", "the digest matches none of the %1 secrets")
                                  .arg(secretCount),
                        {}, int(RememberCookieCodec::Part::Digest));
    }
    if (options.keepDetails)
        out.details = std::move(details);
}

Result<QString> RememberCookieFormat::userIdOf(const SessionValue &session)
{
    if (session.type() != SessionValue::Type::Dict)
        return Error::make(
            ErrorCategory::Json,
            QCoreApplication::translate("sessionlens::Error", "the session is a %1, not a dict")
                .arg(SessionValue::typeName(session.type())));
    for (qsizetype i = 0; i < session.size(); ++i) {
        if (session.child(i)->key() != userIdKey())
            return Error::make(
                ErrorCategory::Json,
                QCoreApplication::translate("sessionlens::Error",
                                            "%1: the remember cookie carries only user_id "
                                            "(convert to drop the rest)")
                    .arg(PythonRepr::path(session.child(i))));
    }
    const qsizetype index = session.indexOfKey(userIdKey());
    if (index < 0)
        return Error::make(ErrorCategory::Json,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "the remember cookie needs a user_id"));
    const SessionValue *value = session.child(index);
    if (value->type() != SessionValue::Type::String)
        return Error::make(ErrorCategory::Json,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "user_id is a %1: Flask-Login keeps the "
                                                       "id as str (write it as \"7\")")
                               .arg(SessionValue::typeName(value->type())));
    return value->stringValue();
}

void RememberCookieFormat::seal(const SessionValue &session, const SecureBytes &key,
                                const SealOptions &options, SealedCookie &out) const
{
    out.json = PythonJsonWriter::write(session, writerStyle());
    const QString cookieName = options.cookieName == QLatin1String("session")
                                   ? QString::fromLatin1(kCookieName)
                                   : options.cookieName;
    auto userId = userIdOf(session);
    const QByteArray idBytes = userId ? userId->toUtf8() : QByteArray();
    // The digest is hex of a fixed size, so the value's size needs no key.
    const QByteArray shape = RememberCookieCodec::quote(
        idBytes + '|' + QByteArray(RememberCookieCodec::kDigestHexChars, '0'));
    CookieSize &report = out.size;
    report.format = id();
    report.jsonBytes = out.json.size();
    report.stages = {
        {QStringLiteral("user_id_bytes"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "user id (not encrypted)")),
         idBytes.size(),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "user id")),
         {}},
        {QStringLiteral("digest_hex"),
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "digest (HMAC-SHA512), hex")),
         RememberCookieCodec::kDigestHexChars,
         note(QT_TRANSLATE_NOOP("sessionlens::Note", "digest")),
         {}},
    };
    if (const qsizetype quoting =
            shape.size() - idBytes.size() - 1 - RememberCookieCodec::kDigestHexChars;
        quoting > 0)
        report.stages.append(
            {QStringLiteral("quoting"),
             note(QT_TRANSLATE_NOOP("sessionlens::Note", "Werkzeug's quotes and escapes")),
             quoting,
             {},
             {}});
    report.cookieValueBytes = shape.size();
    report.serverCookieName = cookieName;
    // Flask-Login sets an Expires attribute for its duration on top of Flask's attributes.
    report.extraAttributeBytes = RememberCookieCodec::kExpiresAttributeBytes;
    if (userId)
        report.keys = {{userIdKey(), out.json.size() - 2,
                        shape.size() - 1 - RememberCookieCodec::kDigestHexChars}};
    if (!userId) {
        out.error = userId.error();
        return;
    }
    if ((out.error = CookieText::overInputLimit(shape.size())))
        return;
    if (key.isEmpty()) {
        out.error = Error::make(
            ErrorCategory::Key,
            QCoreApplication::translate("sessionlens::Error", "no Flask secret to sign with"));
        return;
    }
    auto cookie = RememberCookieCodec::sign(idBytes, key);
    if (!cookie) {
        out.error = cookie.error();
        return;
    }
    out.cookie = std::move(cookie).value();
}

SessionConverter::Converted RememberCookieFormat::convertFrom(const SessionValue &session) const
{
    SessionConverter::Converted converted;
    if (session.type() != SessionValue::Type::Dict) {
        converted.error = userIdOf(session).error();
        return converted;
    }
    // The id is user_id, or Flask-Login's _user_id of a Flask session.
    qsizetype index = session.indexOfKey(userIdKey());
    if (index < 0)
        index = session.indexOfKey(QString::fromLatin1(kSessionUserIdKey));
    if (index < 0) {
        converted.error = Error::make(
            ErrorCategory::Json,
            QCoreApplication::translate("sessionlens::Error",
                                        "no user_id (or Flask-Login's _user_id) to carry"));
        return converted;
    }
    const SessionValue *value = session.child(index);
    QString userId;
    switch (value->type()) {
    case SessionValue::Type::String:
        userId = value->stringValue();
        break;
    case SessionValue::Type::Integer:
        // Flask-Login writes str(session["_user_id"]).
        userId = QString::fromLatin1(value->integerText());
        converted.notes.append(
            {PythonRepr::path(value),
             note(QT_TRANSLATE_NOOP("sessionlens::Note",
                                    "an int: the remember cookie carries str(id)"))});
        break;
    default:
        converted.error = Error::make(
            ErrorCategory::Json,
            QCoreApplication::translate("sessionlens::Error",
                                        "%1 is a %2: the remember cookie carries a text id")
                .arg(PythonRepr::path(value), SessionValue::typeName(value->type())));
        return converted;
    }
    for (qsizetype i = 0; i < session.size(); ++i) {
        if (i == index)
            continue;
        converted.notes.append(
            {PythonRepr::path(session.child(i)),
             note(QT_TRANSLATE_NOOP("sessionlens::Note",
                                    "dropped: the remember cookie carries only the user id"))});
    }
    if (session.child(index)->key() != userIdKey())
        converted.notes.prepend(
            {PythonRepr::path(value),
             note(QT_TRANSLATE_NOOP("sessionlens::Note",
                                    "Flask-Login's _user_id becomes user_id"))});
    converted.session = treeOf(userId);
    return converted;
}

Result<std::unique_ptr<SecretCheck>>
RememberCookieFormat::prepareSecretCheck(QByteArrayView cookie, const OpenOptions &) const
{
    auto parts = RememberCookieCodec::split(cookie);
    if (!parts)
        return parts.error();
    auto check = ItsdangerousSecretCheck::create(RememberCookieCodec::signerOptions(),
                                                 std::move(parts->userId),
                                                 QByteArray::fromHex(parts->digestText));
    if (!check)
        return check.error();
    return std::unique_ptr<SecretCheck>(
        std::make_unique<RememberSecretCheck>(std::move(check).value()));
}

} // namespace sessionlens
