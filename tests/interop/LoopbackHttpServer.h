#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

namespace sessionlens::test {

/**
 * A tiny server on 127.0.0.1 for the failure cases a Flask app cannot show on demand:
 * it accepts and never answers (a timeout), or answers every request with one fixed
 * response, over plain TCP or TLS with a self-signed certificate made for the test.
 */
class LoopbackHttpServer : public QTcpServer
{
    Q_OBJECT

public:
    enum class Mode
    {
        Silent,
        Answer
    };

    explicit LoopbackHttpServer(Mode mode, QObject *parent = nullptr);
    /// Serves TLS with a fresh self-signed certificate for 127.0.0.1 (made with openssl).
    [[nodiscard]] bool useTls(QString *error);
    [[nodiscard]] bool listenLoopback();
    [[nodiscard]] int requestsSeen() const { return m_requests; }
    void setResponse(QByteArray response) { m_response = std::move(response); }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    Mode m_mode;
    bool m_tls = false;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QByteArray m_response;
    int m_requests = 0;
};

} // namespace sessionlens::test
