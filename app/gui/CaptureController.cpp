#include "CaptureController.h"

#include "AppSettings.h"
#include "ErrorText.h"
#include "InspectorController.h"
#include "KeyRingStore.h"
#include "capture/HttpFieldRules.h"

#include <QtConcurrent/QtConcurrentRun>

namespace sessionlens::gui {

CaptureController::CaptureController(QNetworkAccessManager &network, KeyRingStore &keys,
                                     InspectorController &inspector, AppSettings &settings,
                                     QObject *parent)
    : QObject(parent), m_network(network), m_keys(keys), m_inspector(inspector),
      m_settings(settings), m_jarModel(m_jar), m_timeline(keys.ring(), inspector.signerOptions()),
      m_model(m_timeline), m_capture(network), m_proxy(network)
{
    m_capture.setCookieJar(&m_jar);
    connect(&m_capture, &HttpCapture::progress, this, &CaptureController::progress);
    connect(&m_capture, &HttpCapture::finished, this, [this](const HttpCapture::Outcome &outcome) {
        addOutcome(outcome);
        m_jarModel.refresh();
        Q_EMIT busyChanged(isBusy());
    });
    connect(&m_proxy, &ReverseProxy::cookieSeen, this, [this](const CapturedCookie &cookie) {
        // A rejected pin is said at once: the browser only shows the app's 403 or a new login.
        if (const Timeline::Entry &entry = m_model.add(cookie); entry.pinRejected())
            Q_EMIT message(TimelineModel::pinText(entry));
    });
    // A pinned proxy follows the edits: each new seal is what the app gets next.
    connect(&m_inspector, &InspectorController::refreshed, this, &CaptureController::updatePin);
    connect(&m_import, &QFutureWatcher<QList<Result<CookieImporter::Imported>>>::finished, this,
            [this] {
                m_importing = false;
                if (std::exchange(m_importCancelled, false)) {
                    Q_EMIT busyChanged(isBusy());
                    return;
                }
                const QList<Result<CookieImporter::Imported>> results = m_import.result();
                qsizetype cookies = 0;
                QStringList problems;
                for (qsizetype i = 0; i < results.size(); ++i) {
                    const QString name = m_importPaths.value(i);
                    if (!results[i]) {
                        problems.append(
                            tr("%1: %2").arg(name, ErrorText::describe(results[i].error())));
                        continue;
                    }
                    for (const QString &warning : results[i]->warnings)
                        problems.append(tr("%1: %2").arg(name, warning));
                    for (const CapturedCookie &cookie : results[i]->cookies) {
                        (void)m_model.add(cookie);
                        ++cookies;
                    }
                }
                QString text = tr("Imported %n session cookie(s).", nullptr, int(cookies));
                if (!problems.isEmpty())
                    text += u' ' + problems.join(QStringLiteral(" · "));
                Q_EMIT message(text);
                Q_EMIT busyChanged(isBusy());
            });
}

CaptureController::~CaptureController()
{
    m_capture.cancel();
    m_import.waitForFinished();
}

QStringList CaptureController::recentRequests() const
{
    return m_settings.stringList(AppSettings::Key::RecentRequests);
}

QString CaptureController::savedUpstream() const
{
    return m_settings.string(AppSettings::Key::ProxyUpstream);
}

int CaptureController::savedPort() const
{
    return m_settings.integer(AppSettings::Key::ProxyPort);
}

void CaptureController::rememberRequest(const HttpCapture::Request &request)
{
    QStringList recent = recentRequests();
    // A URL may carry user:password; the settings are no place for a password.
    const QString line =
        QString::fromLatin1(request.method) + u' ' + request.url.toString(QUrl::RemoveUserInfo);
    recent.removeAll(line);
    recent.prepend(line);
    m_settings.setValue(AppSettings::Key::RecentRequests,
                        QStringList(recent.mid(0, kRecentRequests)));
}

HttpCapture::FieldNames CaptureController::fieldNames()
{
    return {tr("Method"), tr("Headers"), tr("Cookie name (Edit ▸ Preferences)"), tr("Cookie")};
}

void CaptureController::send(const HttpCapture::Request &request)
{
    // Refused before anything is sent, in the words of the dock (the core checks again).
    if (auto valid = HttpCapture::check(request, fieldNames()); !valid) {
        Q_EMIT message(tr("Not sent: %1").arg(valid.error().message));
        return;
    }
    rememberRequest(request);
    HttpCapture::Request timed = request;
    timed.timeoutMs =
        std::clamp(m_settings.integer(AppSettings::Key::RequestTimeoutSeconds), 1, 3600) * 1000;
    m_capture.start(std::move(timed));
    Q_EMIT busyChanged(true);
}

void CaptureController::replayEdited(HttpCapture::Request request)
{
    if (m_inspector.sealedCookie().isEmpty()) {
        Q_EMIT message(tr("There is no re-sealed cookie to replay yet: open a cookie and choose a "
                          "key to seal with."));
        return;
    }
    request.cookieValue = m_inspector.sealedCookie();
    request.cookieName = m_settings.string(AppSettings::Key::CookieName).toUtf8();
    if (auto valid = HttpCapture::check(request, fieldNames()); !valid) {
        Q_EMIT message(tr("Not sent: %1").arg(valid.error().message));
        return;
    }
    // The jar holds the edited session from now on, as a browser would after the app set it
    // (a URL without a host is refused by the capture, and gives the jar nothing).
    if (!request.url.host().isEmpty()) {
        if (auto kept = m_jar.setValue(request.cookieName, request.cookieValue, request.url); !kept)
            m_replayNote = tr("Cookie jar: %1").arg(kept.error().message);
        m_jarModel.refresh();
    }
    send(request);
}

void CaptureController::clearJar()
{
    m_jar.clear();
    m_jarModel.refresh();
    Q_EMIT message(tr("The cookie jar is empty: the next request starts without cookies."));
}

void CaptureController::cancel()
{
    m_capture.cancel();
    // A running import cannot be stopped midway; its result is dropped when it arrives.
    m_importCancelled = m_importing;
    Q_EMIT message(tr("Cancelled."));
    Q_EMIT busyChanged(isBusy());
}

void CaptureController::addOutcome(const HttpCapture::Outcome &outcome)
{
    for (const CapturedCookie &cookie : outcome.response.captured)
        (void)m_model.add(cookie);
    QString text;
    if (!outcome.response.hops.isEmpty()) {
        const HttpCapture::Hop &last = outcome.response.hops.last();
        text = tr("%1 %2 answered %3 after %n hop(s).", nullptr, int(outcome.response.hops.size()))
                   .arg(QString::fromLatin1(last.method), last.url.toString())
                   .arg(last.status);
    }
    if (outcome.response.crossOriginRedirect)
        text += u' ' +
                tr("A redirect to %1 was not followed: the session cookie stays with its origin.")
                    .arg(outcome.response.crossOriginRedirect->toString());
    if (!m_replayNote.isEmpty())
        text += u' ' + std::exchange(m_replayNote, {});
    if (!outcome.response.cookieNotes.isEmpty())
        text += u' ' +
                tr("Cookie jar: %1").arg(outcome.response.cookieNotes.join(QStringLiteral(" · ")));
    if (outcome.error)
        text += u' ' + ErrorText::describe(*outcome.error);
    Q_EMIT message(text.trimmed());
}

Result<Done> CaptureController::startProxy(quint16 port, const QUrl &upstream)
{
    // The proxy writes this name into every request it pins.
    const QByteArray cookieName = m_settings.string(AppSettings::Key::CookieName).toUtf8();
    if (!HttpFieldRules::isCookieName(cookieName))
        return HttpFieldRules::checkCookie(cookieName, {}, fieldNames().cookieName);
    auto started = m_proxy.start(QHostAddress::LocalHost, port, upstream, cookieName);
    if (started) {
        m_settings.setValue(AppSettings::Key::ProxyUpstream,
                            upstream.toString(QUrl::RemoveUserInfo));
        m_settings.setValue(AppSettings::Key::ProxyPort, int(port));
        updatePin();
    }
    return started;
}

void CaptureController::stopProxy()
{
    m_proxy.stop();
}

void CaptureController::setPinned(bool on)
{
    m_pinned = on;
    updatePin();
}

void CaptureController::updatePin()
{
    const QByteArray pin = m_pinned ? m_inspector.sealedCookie() : QByteArray();
    const QByteArray cookieName = m_settings.string(AppSettings::Key::CookieName).toUtf8();
    if (auto valid = HttpFieldRules::checkCookie(cookieName, pin, tr("Pin")); !valid) {
        // Never a pin that could add a header or a cookie: none at all, and why.
        m_proxy.pin({});
        Q_EMIT message(tr("Not pinned: %1").arg(valid.error().message));
        return;
    }
    m_proxy.pin(pin);
}

void CaptureController::importFiles(const QStringList &paths, const QString &host)
{
    if (m_importing)
        return;
    m_importPaths = paths;
    m_importing = true;
    CookieImporter::Options options;
    options.cookieName = m_settings.string(AppSettings::Key::CookieName).toUtf8();
    options.host = host;
    m_import.setFuture(QtConcurrent::run([paths, options] {
        QList<Result<CookieImporter::Imported>> results;
        for (const QString &path : paths)
            results.append(CookieImporter::importFile(path, options));
        return results;
    }));
    Q_EMIT busyChanged(true);
}

void CaptureController::open(int row)
{
    const Timeline::Entry *entry = m_model.entry(row);
    if (!entry)
        return;
    // The tree's note on `_id` says what it was computed from, against this request's client;
    // a record that does not know it (a browser's store) leaves the preferences' client.
    const auto client = entry->cookie.client.flaskLoginClient();
    m_inspector.openText(QString::fromLatin1(entry->cookie.value), client);
    if (client && entry->identifier)
        Q_EMIT message(tr("Flask-Login's _id: %1").arg(entry->identifier->text));
}

} // namespace sessionlens::gui
