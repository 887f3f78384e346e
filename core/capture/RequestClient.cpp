#include "capture/RequestClient.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace sessionlens {

namespace {

/// The bytes Flask-Login hashes for a header's bytes: WSGI's Latin-1 text, encoded as UTF-8.
std::optional<QByteArray> asFlaskLoginBytes(const std::optional<QByteArray> &raw)
{
    if (!raw)
        return std::nullopt;
    return QString::fromLatin1(*raw).toUtf8();
}

} // namespace

bool RequestClient::setUserAgent(std::optional<QByteArray> value)
{
    if (value && value->size() > kMaxUserAgentBytes) {
        m_userAgentKnown = false;
        m_userAgent.reset();
        m_refusedBytes = value->size();
        return false;
    }
    m_userAgentKnown = true;
    m_userAgent = std::move(value);
    m_refusedBytes = 0;
    return true;
}

QByteArray RequestClient::firstForwardedFor(const QByteArray &value)
{
    // Python's bytes.split(b",")[0].strip(): the same ASCII whitespace as trimmed().
    const qsizetype comma = value.indexOf(',');
    return (comma < 0 ? value : value.left(comma)).trimmed();
}

RequestClient RequestClient::sentByQt(const QUrl &url,
                                      const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    std::optional<QByteArray> userAgent;
    std::optional<QByteArray> forwardedFor;
    for (const auto &[name, value] : headers) {
        if (name.compare("user-agent", Qt::CaseInsensitive) == 0)
            userAgent = value;
        else if (name.compare("x-forwarded-for", Qt::CaseInsensitive) == 0)
            forwardedFor = value;
    }
    RequestClient client;
    client.setUserAgent(userAgent && !userAgent->isEmpty() ? *userAgent
                                                           : QByteArray(kQtDefaultUserAgent));
    if (forwardedFor) {
        client.m_remoteAddress = firstForwardedFor(*forwardedFor);
    } else {
        // Loopback to 127.0.0.1 or ::1 comes from that same address; any other host sees an
        // address this process cannot know (routing, NAT), so it stays unknown.
        const QHostAddress host(url.host());
        if (host == QHostAddress(QHostAddress::LocalHost))
            client.m_remoteAddress = QByteArray("127.0.0.1");
        else if (host == QHostAddress(QHostAddress::LocalHostIPv6))
            client.m_remoteAddress = QByteArray("::1");
    }
    return client;
}

std::optional<FlaskLoginSession::Client> RequestClient::flaskLoginClient() const
{
    if (!m_userAgentKnown)
        return std::nullopt;
    FlaskLoginSession::Client client;
    client.userAgent = asFlaskLoginBytes(m_userAgent);
    client.remoteAddress = asFlaskLoginBytes(m_remoteAddress);
    client.addressKnown = m_remoteAddress.has_value();
    return client;
}

std::optional<RequestClient::IdentifierNote>
RequestClient::checkIdentifier(const SessionValue &session) const
{
    if (!FlaskLoginSession::isFlaskLoginSession(session) ||
        session.indexOfKey(QStringLiteral("_id")) < 0)
        return std::nullopt;
    const auto client = flaskLoginClient();
    const FlaskLoginSession::IdentifierMatch match =
        FlaskLoginSession::matchIdentifier(session, client);
    IdentifierNote note{match.check, FlaskLoginSession::describe(match.check, match.client)};
    if (match.check != FlaskLoginSession::IdentifierCheck::NoClient)
        return note;
    if (m_refusedBytes > 0)
        note.text = QCoreApplication::translate("sessionlens::Note",
                                                "not checked: the request's User-Agent (%1 bytes) "
                                                "is over the limit of %2 bytes and was not kept")
                        .arg(m_refusedBytes)
                        .arg(kMaxUserAgentBytes);
    else
        note.text = QCoreApplication::translate(
            "sessionlens::Note", "not checked: this record does not know the request's user agent");
    return note;
}

QString RequestClient::refusalNote() const
{
    if (m_refusedBytes == 0)
        return {};
    return QCoreApplication::translate("sessionlens::Note",
                                       "the request's User-Agent (%1 bytes) is over the limit of "
                                       "%2 bytes and was not kept")
        .arg(m_refusedBytes)
        .arg(kMaxUserAgentBytes);
}

QString RequestClient::checkName(FlaskLoginSession::IdentifierCheck check)
{
    switch (check) {
    case FlaskLoginSession::IdentifierCheck::Matches:
        return QStringLiteral("matches");
    case FlaskLoginSession::IdentifierCheck::DoesNotMatch:
        return QStringLiteral("does_not_match");
    case FlaskLoginSession::IdentifierCheck::NotAHash:
        return QStringLiteral("not_a_hash");
    case FlaskLoginSession::IdentifierCheck::NoClient:
    case FlaskLoginSession::IdentifierCheck::AddressUnknown:
        break;
    }
    return QStringLiteral("not_checked");
}

QJsonValue RequestClient::jsonText(const std::optional<QByteArray> &bytes)
{
    return bytes ? QJsonValue(QString::fromLatin1(*bytes)) : QJsonValue(QJsonValue::Null);
}

} // namespace sessionlens
