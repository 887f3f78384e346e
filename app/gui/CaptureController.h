#pragma once

#include "CookieJarModel.h"
#include "TimelineModel.h"
#include "capture/CookieImporter.h"
#include "capture/CookieJar.h"
#include "capture/HttpCapture.h"
#include "capture/ReverseProxy.h"
#include "capture/Timeline.h"

#include <QFutureWatcher>
#include <QObject>

class QNetworkAccessManager;

namespace sessionlens {
class KeyRingStore;
class AppSettings;
} // namespace sessionlens

namespace sessionlens::gui {

class InspectorController;

/**
 * The window's capture, without widgets: requests and replays, the reverse proxy with its
 * pin, imports and browser stores, all into one timeline whose entries open in the
 * inspector. Requests share one cookie jar, as the requests of a browser tab do, until it
 * is cleared. Everything long runs off the GUI thread or asynchronously, and can be
 * cancelled.
 */
class CaptureController : public QObject
{
    Q_OBJECT

public:
    /// Recent requests kept in the settings ("METHOD URL", newest first).
    static constexpr int kRecentRequests = 15;

    CaptureController(QNetworkAccessManager &network, KeyRingStore &keys,
                      InspectorController &inspector, AppSettings &settings,
                      QObject *parent = nullptr);
    ~CaptureController() override;

    [[nodiscard]] TimelineModel &model() { return m_model; }
    [[nodiscard]] ReverseProxy &proxy() { return m_proxy; }
    /// A request or an import is under way (an import until its cookies are on the timeline).
    [[nodiscard]] bool isBusy() const { return m_capture.isRunning() || m_importing; }
    [[nodiscard]] QStringList recentRequests() const;
    [[nodiscard]] QString savedUpstream() const;
    [[nodiscard]] int savedPort() const;

    void send(const HttpCapture::Request &request);
    /// Sends `request` with the inspector's re-sealed cookie as the session cookie, which
    /// also replaces the session cookie in the jar (the edited session reaches the app, and
    /// the requests after it go on with it).
    void replayEdited(HttpCapture::Request request);
    [[nodiscard]] const CookieJar &jar() const { return m_jar; }
    [[nodiscard]] CookieJarModel &jarModel() { return m_jarModel; }
    void clearJar();
    void cancel();
    [[nodiscard]] Result<Done> startProxy(quint16 port, const QUrl &upstream);
    void stopProxy();
    /// With `on`, the proxy sends the inspector's re-sealed cookie; it follows later edits.
    void setPinned(bool on);
    [[nodiscard]] bool isPinned() const { return m_pinned; }
    void importFiles(const QStringList &paths, const QString &host = {});
    /// Opens a timeline entry in the inspector.
    void open(int row);

Q_SIGNALS:
    void busyChanged(bool busy);
    void progress(qint64 done, qint64 total);
    void message(const QString &text);

private:
    /// The dock's names for a request's fields, for the refusals of HttpCapture::check().
    [[nodiscard]] static HttpCapture::FieldNames fieldNames();
    void addOutcome(const HttpCapture::Outcome &outcome);
    void rememberRequest(const HttpCapture::Request &request);
    void updatePin();

    QNetworkAccessManager &m_network;
    KeyRingStore &m_keys;
    InspectorController &m_inspector;
    AppSettings &m_settings;
    CookieJar m_jar;
    CookieJarModel m_jarModel;
    QString m_replayNote; ///< said with the replay's outcome, which would cover it before
    Timeline m_timeline;
    TimelineModel m_model;
    HttpCapture m_capture;
    ReverseProxy m_proxy;
    bool m_pinned = false;
    QFutureWatcher<QList<Result<CookieImporter::Imported>>> m_import;
    QStringList m_importPaths;
    bool m_importing = false;
    bool m_importCancelled = false;
};

} // namespace sessionlens::gui
