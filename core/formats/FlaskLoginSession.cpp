#include "formats/FlaskLoginSession.h"

#include "json/PythonRepr.h"

#include <QCoreApplication>

#include <openssl/evp.h>

#include <array>

namespace sessionlens {

namespace {

// A user agent may be 8 KiB of bytes, whose Python repr is up to four times that: a note (kept
// by every timeline entry, shown in the status bar) quotes its beginning and says how long it is.
constexpr qsizetype kQuotedCharacters = 256;

QString quoted(const QString &text)
{
    if (text.size() <= kQuotedCharacters)
        return text;
    return text.left(kQuotedCharacters) +
           QCoreApplication::translate("sessionlens::Note", "… (%1 characters in all)")
               .arg(text.size());
}

struct KnownKey
{
    const char *key;
    const char *explanation;
};

// flask_login.config.SESSION_KEYS, with what login_user, the loader and the
// after-request hook keep in each.
constexpr KnownKey kKeys[] = {
    {"_user_id", QT_TRANSLATE_NOOP("sessionlens::Note",
                                   "Flask-Login: the logged-in user's id (user_loader gets it)")},
    {"_fresh", QT_TRANSLATE_NOOP("sessionlens::Note",
                                 "Flask-Login: true after a password login, false after a login "
                                 "from the remember cookie (fresh_login_required refuses it)")},
    {"_id", QT_TRANSLATE_NOOP("sessionlens::Note",
                              "Flask-Login: SHA-512 of the client's address and user agent; "
                              "session protection compares it on every request")},
    {"_remember", QT_TRANSLATE_NOOP("sessionlens::Note",
                                    "Flask-Login: \"set\" writes the remember cookie on this "
                                    "response, \"clear\" deletes it")},
    {"_remember_seconds",
     QT_TRANSLATE_NOOP("sessionlens::Note",
                       "Flask-Login: the remember cookie's lifetime in seconds (login_user's "
                       "duration)")},
    {"next",
     QT_TRANSLATE_NOOP("sessionlens::Note", "Flask-Login: the page to return to after login "
                                            "(USE_SESSION_FOR_NEXT)")},
};

// The addresses a request from this machine reaches the app from: tried when a capture knows
// the user agent but not the address (a SHA-512 match proves the address; no match proves
// nothing).
constexpr const char *kLoopbackAddresses[] = {"127.0.0.1", "::1"};

QString pythonText(const std::optional<QByteArray> &value)
{
    return value ? PythonRepr::bytesRepr(*value) : QStringLiteral("None");
}

bool isLowerHex(const QString &text, qsizetype size)
{
    if (text.size() != size)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

} // namespace

bool FlaskLoginSession::isFlaskLoginKey(const QString &key)
{
    for (const KnownKey &known : kKeys) {
        if (key == QLatin1String(known.key))
            return true;
    }
    return false;
}

QString FlaskLoginSession::explain(const QString &key)
{
    for (const KnownKey &known : kKeys) {
        if (key == QLatin1String(known.key))
            return QCoreApplication::translate("sessionlens::Note", known.explanation);
    }
    return {};
}

bool FlaskLoginSession::isFlaskLoginSession(const SessionValue &session)
{
    return session.type() == SessionValue::Type::Dict &&
           (session.indexOfKey(QStringLiteral("_user_id")) >= 0 ||
            session.indexOfKey(QStringLiteral("_id")) >= 0);
}

QString FlaskLoginSession::identifierBase(const Client &client)
{
    return pythonText(client.remoteAddress) + u'|' + pythonText(client.userAgent);
}

QByteArray FlaskLoginSession::identifier(const Client &client)
{
    const QByteArray base = identifierBase(client).toUtf8();
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(base.constData(), std::size_t(base.size()), digest.data(), &length, EVP_sha512(),
                   nullptr) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(digest.data()), qsizetype(length)).toHex();
}

FlaskLoginSession::IdentifierCheck
FlaskLoginSession::checkIdentifier(const SessionValue &session, const std::optional<Client> &client)
{
    return matchIdentifier(session, client).check;
}

FlaskLoginSession::IdentifierMatch
FlaskLoginSession::matchIdentifier(const SessionValue &session, const std::optional<Client> &client)
{
    const qsizetype index =
        session.type() == SessionValue::Type::Dict ? session.indexOfKey(QStringLiteral("_id")) : -1;
    const SessionValue *id = index >= 0 ? session.child(index) : nullptr;
    if (!id || id->type() != SessionValue::Type::String || !isLowerHex(id->stringValue(), 128))
        return {IdentifierCheck::NotAHash, client};
    if (!client)
        return {IdentifierCheck::NoClient, client};
    const QByteArray hash = id->stringValue().toLatin1();
    if (client->addressKnown)
        return {hash == identifier(*client) ? IdentifierCheck::Matches
                                            : IdentifierCheck::DoesNotMatch,
                client};
    for (const char *address : kLoopbackAddresses) {
        Client tried = *client;
        tried.remoteAddress = QByteArray(address);
        tried.addressKnown = true;
        if (hash == identifier(tried))
            return {IdentifierCheck::Matches, tried};
    }
    return {IdentifierCheck::AddressUnknown, client};
}

QString FlaskLoginSession::describeIdentifier(const SessionValue &session,
                                              const std::optional<Client> &client)
{
    const IdentifierMatch match = matchIdentifier(session, client);
    return describe(match.check, match.client);
}

QString FlaskLoginSession::describe(IdentifierCheck check, const std::optional<Client> &client)
{
    const QString base = client ? quoted(identifierBase(*client)) : QString();
    const QString userAgent = client ? quoted(pythonText(client->userAgent)) : QString();
    switch (check) {
    case IdentifierCheck::NoClient:
        return QCoreApplication::translate("sessionlens::Note",
                                           "not checked: give the client's address and user agent");
    case IdentifierCheck::NotAHash:
        return QCoreApplication::translate(
            "sessionlens::Note", "not a SHA-512 hex digest: the app has its own identifier");
    case IdentifierCheck::Matches:
        return QCoreApplication::translate("sessionlens::Note", "computed from %1").arg(base);
    case IdentifierCheck::DoesNotMatch:
        return QCoreApplication::translate("sessionlens::Note",
                                           "does not match %1: another address or user agent "
                                           "(strong protection clears the session)")
            .arg(base);
    case IdentifierCheck::AddressUnknown:
        return QCoreApplication::translate("sessionlens::Note",
                                           "not checked: the address the app saw is not known, "
                                           "and neither 127.0.0.1 nor ::1 gives it with the user "
                                           "agent %1")
            .arg(userAgent);
    }
    return {};
}

QString FlaskLoginSession::noteFor(const SessionValue &session, const QString &key,
                                   const std::optional<Client> &client)
{
    if (!isFlaskLoginSession(session))
        return {};
    QString text = explain(key);
    if (key == QLatin1String("_id"))
        text += QStringLiteral(" (") + describeIdentifier(session, client) + u')';
    return text;
}

QList<FlaskLoginSession::KeyNote> FlaskLoginSession::notes(const SessionValue &session,
                                                           const std::optional<Client> &client)
{
    QList<KeyNote> out;
    if (!isFlaskLoginSession(session))
        return out;
    for (qsizetype i = 0; i < session.size(); ++i) {
        const QString &key = session.child(i)->key();
        if (isFlaskLoginKey(key))
            out.append({key, noteFor(session, key, client)});
    }
    return out;
}

} // namespace sessionlens
