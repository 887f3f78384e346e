#include "FlaskServer.h"

#include "TestData.h"
#include "json/PythonJsonReader.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace sessionlens::test {

FlaskServer::~FlaskServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool FlaskServer::start(const QString &script, const QStringList &arguments, QString *error)
{
    const QString python = pythonInterpreter();
    if (python.isEmpty()) {
        *error = QStringLiteral(
            "no python3 that imports flask and Cryptodome was found at configure time");
        return false;
    }
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(python, QStringList{testSourcePath(script)} + arguments);
    if (!m_process.waitForStarted(30000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(python, m_process.errorString());
        return false;
    }
    // The first line is the port; a crash before it shows up as a finished process.
    while (!m_process.canReadLine()) {
        if (!m_process.waitForReadyRead(60000)) {
            *error = QStringLiteral("the app did not report its port: %1")
                         .arg(QString::fromUtf8(m_process.readAllStandardError()));
            return false;
        }
    }
    bool ok = false;
    m_port = static_cast<quint16>(m_process.readLine().trimmed().toUInt(&ok));
    if (!ok || m_port == 0) {
        *error = QStringLiteral("the app printed no port");
        return false;
    }
    return true;
}

FlaskServer::Reply FlaskServer::get(const QString &path, const QByteArray &cookieHeader)
{
    return send(QStringLiteral("GET"), path, {}, cookieHeader);
}

FlaskServer::Reply FlaskServer::post(const QString &path, const QByteArray &body,
                                     const QByteArray &cookieHeader)
{
    return send(QStringLiteral("POST"), path, body, cookieHeader);
}

FlaskServer::Reply FlaskServer::send(const QString &method, const QString &path,
                                     const QByteArray &body, const QByteArray &cookieHeader)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    if (!cookieHeader.isEmpty())
        request.setRawHeader("Cookie", cookieHeader);
    if (!m_userAgent.isEmpty())
        request.setRawHeader("User-Agent", m_userAgent);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *reply = m_network.sendCustomRequest(request, method.toLatin1(), body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // A safety net against a wedged server, not a timing assertion.
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out;
    if (!reply->isFinished()) {
        reply->abort();
        out.error = QStringLiteral("no answer from the test app");
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs()) {
        if (pair.first.compare("Set-Cookie", Qt::CaseInsensitive) == 0)
            out.setCookies += pair.second.split('\n');
    }
    if (out.error.isEmpty() && reply->error() != QNetworkReply::NoError)
        out.error = reply->errorString();
    reply->deleteLater();
    return out;
}

FlaskServer::Dump FlaskServer::parseDump(const Reply &reply)
{
    Dump dump;
    if (!reply.error.isEmpty() || reply.status != 200) {
        dump.error = QStringLiteral("HTTP %1 %2 %3")
                         .arg(reply.status)
                         .arg(reply.error, QString::fromUtf8(reply.body.left(300)));
        return dump;
    }
    // Read with our own reader, so that lone surrogates in the repr survive.
    PythonJsonReader::Options plain;
    plain.dialect = PythonJsonReader::Dialect::Plain;
    auto value = PythonJsonReader::read(reply.body, plain);
    const SessionValue *json = value ? value->value(QStringLiteral("json")) : nullptr;
    const SessionValue *repr = value ? value->value(QStringLiteral("repr")) : nullptr;
    const SessionValue *empty = value ? value->value(QStringLiteral("empty")) : nullptr;
    if (!json || !repr || !empty) {
        dump.error = QStringLiteral("unexpected reply");
        return dump;
    }
    dump.json = json->stringValue().toLatin1();
    dump.repr = repr->stringValue();
    dump.empty = empty->boolValue();
    return dump;
}

FlaskServer::Dump FlaskServer::dump(const QByteArray &cookie)
{
    return parseDump(get(QStringLiteral("/dump"), "session=" + cookie));
}

QByteArray FlaskServer::cookieValue(const Reply &reply, const QByteArray &name)
{
    for (const QByteArray &header : reply.setCookies) {
        const QByteArray first = header.split(';').first().trimmed();
        if (first.startsWith(name + '='))
            return first.mid(name.size() + 1);
    }
    return {};
}

} // namespace sessionlens::test
