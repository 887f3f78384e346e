#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace sessionlens::test {

/**
 * A Python test app started for the duration of a test: it binds a free
 * loopback port, reports it on its first output line, and exits when its
 * standard input closes (so it never outlives the test).
 */
class FlaskServer
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QList<QByteArray> setCookies;
        QString error;
    };

    FlaskServer() = default;
    ~FlaskServer();

    /// Starts `script` with the interpreter that imports flask and Cryptodome.
    [[nodiscard]] bool start(const QString &script, const QStringList &arguments, QString *error);
    [[nodiscard]] quint16 port() const { return m_port; }
    /// The User-Agent header of every later request (Qt's own when empty).
    void setUserAgent(const QByteArray &userAgent) { m_userAgent = userAgent; }

    Reply get(const QString &path, const QByteArray &cookieHeader = {});
    Reply post(const QString &path, const QByteArray &body, const QByteArray &cookieHeader = {});

    /// What the test apps' /dump endpoint answers: the session as the app sees it.
    struct Dump
    {
        QByteArray json; ///< the app's own JSON of the session (ASCII)
        QString repr;    ///< repr(dict(session)), lone surrogates kept
        bool empty = true;
        QString error;
    };
    static Dump parseDump(const Reply &reply);
    /// GET /dump with this cookie: the session as the app read it.
    Dump dump(const QByteArray &cookie);

    /// The value of the cookie `name` in a reply's Set-Cookie headers (empty when absent).
    static QByteArray cookieValue(const Reply &reply, const QByteArray &name = "session");

private:
    Reply send(const QString &method, const QString &path, const QByteArray &body,
               const QByteArray &cookieHeader);

    QProcess m_process;
    QNetworkAccessManager m_network;
    quint16 m_port = 0;
    QByteArray m_userAgent;
};

} // namespace sessionlens::test
