#include "capture/Timeline.h"

namespace sessionlens {

bool Timeline::Entry::readable() const
{
    return opened.readable();
}

Timeline::Timeline(const KeyRing &ring, FlaskSignedCodec::Options options,
                   const FormatRegistry &formats)
    : m_opener(ring, formats), m_options(std::move(options))
{
}

const Timeline::Entry &Timeline::add(const CapturedCookie &cookie)
{
    Entry entry;
    entry.cookie = cookie;
    entry.opened = m_opener.open(cookie.value, m_options);
    entry.openedWith = entry.opened.keyName;
    if (entry.readable()) {
        const QString origin = cookie.origin();
        const auto previous = m_lastByOrigin.constFind(origin);
        if (previous != m_lastByOrigin.cend()) {
            entry.hasPrevious = true;
            entry.changes = SessionDiff::compare(*previous, entry.opened.session());
        }
        m_lastByOrigin.insert(origin, entry.opened.session());
        entry.identifier = cookie.client.checkIdentifier(entry.opened.session());
    }
    entry.pin = judgePin(entry);
    if (m_entries.size() == kMaxEntries) {
        m_entries.removeFirst();
        ++m_dropped;
    }
    m_entries.append(std::move(entry));
    return m_entries.last();
}

Timeline::PinVerdict Timeline::judgePin(const Entry &entry)
{
    const CapturedCookie &cookie = entry.cookie;
    if (!cookie.pinned)
        return PinVerdict::NotPinned;
    if (cookie.status == 401 || cookie.status == 403)
        return PinVerdict::Refused;
    if (cookie.source != CapturedCookie::Source::Response || cookie.value == cookie.pin)
        return PinVerdict::Carried;
    // A new value is what every change of the session brings; a session the pin's key does not
    // open (or its secret does not verify), or one that keeps none of the pin's members, is the
    // app starting afresh: it could not open the pin.
    const CookieOpener::Opened pin = m_opener.open(cookie.pin, m_options);
    if (pin.keyIndex >= 0 && entry.opened.keyIndex != pin.keyIndex)
        return PinVerdict::NewSession;
    if (pin.readable() && entry.readable()) {
        const SessionValue &before = pin.session();
        const SessionValue &after = entry.opened.session();
        bool kept = before.size() == 0;
        for (qsizetype i = 0; i < before.size() && !kept; ++i) {
            const SessionValue *same = after.value(before.child(i)->key());
            kept = same && *same == *before.child(i);
        }
        if (!kept)
            return PinVerdict::NewSession;
    }
    return PinVerdict::Carried;
}

void Timeline::clear()
{
    m_entries.clear();
    m_lastByOrigin.clear();
    m_dropped = 0;
}

namespace {
QJsonValue pinRejection(Timeline::PinVerdict verdict)
{
    switch (verdict) {
    case Timeline::PinVerdict::Refused:
        return QStringLiteral("refused");
    case Timeline::PinVerdict::NewSession:
        return QStringLiteral("new_session");
    default:
        return QJsonValue::Null;
    }
}
} // namespace

QJsonObject Timeline::toJson(const Entry &entry)
{
    const CapturedCookie &c = entry.cookie;
    const QJsonValue verified =
        entry.opened.verified ? QJsonValue(*entry.opened.verified) : QJsonValue::Null;
    QJsonValue error = QJsonValue::Null;
    if (entry.opened.error)
        error =
            QJsonObject{{QStringLiteral("step"), Error::categoryName(entry.opened.error->category)},
                        {QStringLiteral("message"), entry.opened.error->message}};
    return QJsonObject{
        {QStringLiteral("source"), CapturedCookie::sourceName(c.source)},
        {QStringLiteral("time"),
         c.time ? QJsonValue(c.time->toUTC().toString(Qt::ISODateWithMs)) : QJsonValue::Null},
        {QStringLiteral("url"), c.url.isEmpty() ? QJsonValue::Null : QJsonValue(c.url)},
        {QStringLiteral("status"), c.status >= 0 ? QJsonValue(c.status) : QJsonValue::Null},
        {QStringLiteral("name"), QString::fromLatin1(c.name)},
        {QStringLiteral("value"), QString::fromLatin1(c.value)},
        {QStringLiteral("format"), entry.opened.format->id()},
        {QStringLiteral("opened_with"),
         entry.openedWith.isEmpty() ? QJsonValue::Null : QJsonValue(entry.openedWith)},
        {QStringLiteral("verified"), verified},
        {QStringLiteral("plaintext"),
         entry.readable() ? QJsonValue(QString::fromUtf8(entry.opened.json())) : QJsonValue::Null},
        {QStringLiteral("error"), error},
        {QStringLiteral("pinned"), c.pinned},
        {QStringLiteral("pin_rejected"), pinRejection(entry.pin)},
        {QStringLiteral("user_agent"), RequestClient::jsonText(c.client.userAgent())},
        {QStringLiteral("remote_addr"), RequestClient::jsonText(c.client.remoteAddress())},
        {QStringLiteral("id_check"),
         entry.identifier ? QJsonValue(RequestClient::checkName(entry.identifier->check))
                          : QJsonValue::Null},
    };
}

} // namespace sessionlens
