#pragma once

#include "Error.h"
#include "Result.h"
#include "capture/CapturedCookie.h"
#include "capture/CookieJar.h"
#include "capture/ProtocolProbe.h"
#include "capture/SetCookieParser.h"

#include <QElapsedTimer>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace sessionlens {

/**
 * Sends one request as a developer would from the browser, and collects every session
 * cookie the responses set. Redirects are followed only within the origin (scheme, host,
 * port), carrying the newest session cookie; a redirect elsewhere is reported, not
 * followed, and the cookie never leaves its origin. HTTPS uses the system trust store; a
 * certificate error is accepted only for a host the caller names.
 *
 * With a cookie jar, every hop sends the jar's cookies for its URL and every response's
 * Set-Cookie fills the jar, as a browser tab does; the session cookie the caller gives
 * still wins for its name.
 *
 * Asynchronous: start() returns at once, finished() comes once. The network access
 * manager is the caller's (one per program, injected).
 */
class HttpCapture : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultMaxRedirects = 10;
    static constexpr int kMaxRedirectsLimit = 100;
    /// How long the transfer may be idle (nothing sent or received).
    static constexpr int kDefaultTimeoutMs = 30'000;
    /// How long the whole exchange, every hop included, may take: a server that trickles a
    /// byte at a time is never idle, so the idle timeout alone would not end it.
    static constexpr int kDefaultMaxTimeMs = 300'000;
    static constexpr int kMaxTimeLimitMs = 86'400'000;
    /// Response bodies kept. A longer one is not read on: the reply is aborted at the limit
    /// with a `limit` error (the first kMaxBodyBytes stay in Response::body).
    static constexpr qsizetype kMaxBodyBytes = 16 * 1024 * 1024;
    /// What the network stack may buffer ahead of us, so that memory stays near the limit.
    static constexpr qint64 kReadBufferBytes = 64 * 1024;
    /// Response headers looked at per hop; more is a `limit` error.
    static constexpr qsizetype kMaxHeaders = 1000;
    /// Notes kept on cookies the jar refused; the rest are counted in a last one.
    static constexpr qsizetype kMaxCookieNotes = 100;

    struct Request
    {
        QByteArray method = "GET";
        QUrl url;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray cookieValue; ///< session cookie to send, empty for none
        QByteArray cookieName = "session";
        int maxRedirects = kDefaultMaxRedirects;
        QSet<QString> insecureHosts;       ///< hosts whose certificate errors are accepted
        int timeoutMs = kDefaultTimeoutMs; ///< idle time allowed
        int maxTimeMs = kDefaultMaxTimeMs; ///< total time allowed, all hops
    };

    /// What the user calls each field of a Request (a flag, a label), for check()'s messages.
    struct FieldNames
    {
        QString method;
        QString header;
        QString cookieName;
        QString cookieValue;
    };

    struct Hop
    {
        QUrl url;
        QByteArray method;
        int status = 0;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QList<SetCookieParser::SetCookie> sessionCookies; ///< session Set-Cookies of this response
        qint64 elapsedMs = 0;
    };

    struct Response
    {
        QList<Hop> hops;
        QByteArray body; ///< of the last hop
        bool bodyTruncated = false;
        std::optional<QUrl> crossOriginRedirect; ///< where a redirect wanted to go, not followed
        QByteArray sessionCookie;                ///< the newest session cookie value after all hops
        QList<CapturedCookie> captured;          ///< sent and set session cookies, in order
        QStringList cookieNotes; ///< why a Set-Cookie was not kept in the jar, one per cookie
    };

    struct Outcome
    {
        std::optional<Error> error; ///< `network` (which failure in the message) or `limit`
        Response response;          ///< the hops that did complete, also on error
    };

    explicit HttpCapture(QNetworkAccessManager &network, QObject *parent = nullptr);
    ~HttpCapture() override;

    /// The jar requests send from and responses fill (not owned; it must outlive the
    /// capture); nullptr: none, only the session cookie is sent.
    void setCookieJar(CookieJar *jar) { m_jar = jar; }
    void start(Request request);
    void cancel();
    [[nodiscard]] bool isRunning() const { return !m_reply.isNull() || !m_probe.isNull(); }

    [[nodiscard]] static bool sameOrigin(const QUrl &a, const QUrl &b);
    /// Whether everything the user gave could go onto the wire as it is: the method and
    /// header names are tokens, header values hold no CR, LF, NUL or other control, and the
    /// cookie is an RFC 6265 name and value. A `format` error naming the field (by `names`,
    /// or by generic names) when not. start() checks every request this way.
    [[nodiscard]] static Result<Done> check(const Request &request, const FieldNames &names = {});

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void finished(const sessionlens::HttpCapture::Outcome &outcome);

private:
    void sendHop();
    /// The Cookie header of this hop: the jar's cookies, those of a Cookie header the caller
    /// gave, and the session cookie, each later one winning for its name.
    /// Records the session cookie it holds as sent.
    [[nodiscard]] QByteArray cookieHeader();
    /// Keeps one Set-Cookie line in the jar, or notes why not.
    void storeInJar(QByteArrayView line);
    void onReadyRead();
    /// Reads what `reply` has into the hop's body, up to one byte past the limit; true when
    /// the body is longer than the limit.
    [[nodiscard]] bool takeBody(QNetworkReply &reply);
    void finishAtLimit(std::optional<Error> error);
    void onHopFinished();
    void onDeadline();
    /// Adds the hop of `reply` (status, headers, session cookies) to the response; an error
    /// when the response has too many headers.
    [[nodiscard]] std::optional<Error> recordHop(QNetworkReply &reply, int status);
    void finishLater(Error error);
    void finish(std::optional<Error> error);
    [[nodiscard]] static Error networkError(QNetworkReply::NetworkError code, const QString &qtText,
                                            const QUrl &url, bool timedOut, int timeoutMs);
    [[nodiscard]] static Error notHttpError(const QUrl &url);
    /// host:port, the port given even when it is the scheme's own.
    [[nodiscard]] static QString authority(const QUrl &url);
    /// Asks the server whether it speaks HTTP, then finishes with `error` or a "not HTTP" one.
    void probe(Error error);

    QNetworkAccessManager &m_network;
    Request m_request;
    QUrl m_url;
    QByteArray m_method;
    QByteArray m_body;
    QByteArray m_cookie;
    int m_redirects = 0;
    QPointer<QNetworkReply> m_reply;
    QPointer<ProtocolProbe> m_probe; ///< after an ambiguous failure, until it answers
    QByteArray m_hopBody;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    qint64 m_hopStart = 0;
    QString m_sslProblem;
    Response m_response;
    CookieJar *m_jar = nullptr;
    qsizetype m_notesLeftOut = 0;
};

} // namespace sessionlens
Q_DECLARE_METATYPE(sessionlens::HttpCapture::Outcome)
