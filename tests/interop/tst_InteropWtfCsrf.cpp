// Flask-WTF's CSRFProtect, both ways: a token and session the real app made verify in our
// `csrf verify`; a session we crafted and a token our `csrf mint` made pass the app's protected
// form (200), and a wrong token is refused (400).

#include "FlaskServer.h"
#include "TestData.h"
#include "document/SessionSealer.h"
#include "formats/FlaskSignedFormat.h"
#include "formats/FormatRegistry.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace sessionlens;

namespace {

const QByteArray kSecret = "wtf-interop-secret-\xc3\xa9";

struct Posted
{
    int status = 0;
    QByteArray body;
};

QStringList secretArguments()
{
    return {QStringLiteral("--no-ring"), QStringLiteral("--secret"), QString::fromUtf8(kSecret)};
}

QList<QByteArray> lines(const QByteArray &text)
{
    QList<QByteArray> out = text.trimmed().split('\n');
    out.removeAll(QByteArray());
    return out;
}

} // namespace

class TestInteropWtfCsrf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void weVerifyTheAppsToken();
    void theAppAcceptsOurMintedTokenForACraftedSession();
    void theAppAcceptsOurTokenForItsOwnSession();
    void theAppRefusesAWrongToken();

private:
    /// POST /form as a browser submits the form: the csrf_token field, the session cookie.
    Posted postForm(const QByteArray &session, const QByteArray &token);
    QByteArray craftedSession();

    test::FlaskServer m_server;
    QNetworkAccessManager m_network;
};

void TestInteropWtfCsrf::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(QStringLiteral("interop/wtf_csrf_app.py"), {QString::fromUtf8(kSecret)},
                            &error),
             qPrintable(error));
}

Posted TestInteropWtfCsrf::postForm(const QByteArray &session, const QByteArray &token)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/form").arg(m_server.port())));
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setRawHeader("Cookie", "session=" + session);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray("application/x-www-form-urlencoded"));
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("csrf_token"), QString::fromLatin1(token));
    QNetworkReply *reply = m_network.post(request, form.toString(QUrl::FullyEncoded).toLatin1());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit); // a safety net, not a timing check
    loop.exec();
    Posted out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    reply->deleteLater();
    return out;
}

QByteArray TestInteropWtfCsrf::craftedSession()
{
    // A session the app never made: no csrf_token yet, a user of our choosing.
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("user"), SessionValue::makeString(QStringLiteral("mallory")));
    SealOptions options;
    options.format = FormatRegistry::builtIn().find(FlaskSignedFormat::formatId());
    const auto sealed = SessionSealer::seal(
        session, SecureBytes(kSecret.constData(), std::size_t(kSecret.size())), options);
    return sealed.cookie;
}

void TestInteropWtfCsrf::weVerifyTheAppsToken()
{
    const auto form = m_server.get(QStringLiteral("/form"));
    QCOMPARE(form.status, 200);
    const QByteArray session = test::FlaskServer::cookieValue(form);
    QVERIFY(!session.isEmpty());
    const test::CliRun run =
        test::runCli(QStringList{QStringLiteral("csrf"), QStringLiteral("verify"),
                                 QStringLiteral("--session"), QString::fromLatin1(session),
                                 QStringLiteral("--token"), QString::fromLatin1(form.body)} +
                     secretArguments());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.startsWith("valid: signed with --secret #1"), run.out.constData());

    // The same token, opened as a format: the tree holds the session's raw token.
    const test::CliRun decoded =
        test::runCli(QStringList{QStringLiteral("decode"), QStringLiteral("--format"),
                                 QStringLiteral("json"), QString::fromLatin1(form.body)} +
                     secretArguments());
    QVERIFY2(decoded.exitCode == 0, decoded.err.constData());
    QVERIFY(decoded.out.startsWith("{\"csrf_token\": \""));
}

void TestInteropWtfCsrf::theAppAcceptsOurMintedTokenForACraftedSession()
{
    const QByteArray crafted = craftedSession();
    QVERIFY(!crafted.isEmpty());
    const test::CliRun minted =
        test::runCli(QStringList{QStringLiteral("csrf"), QStringLiteral("mint"),
                                 QStringLiteral("--session"), QString::fromLatin1(crafted)} +
                     secretArguments());
    QVERIFY2(minted.exitCode == 0, minted.err.constData());
    const QList<QByteArray> out = lines(minted.out);
    QCOMPARE(out.size(), 2); // the token, and the session sealed again with its csrf_token
    QVERIFY(minted.err.contains("had no csrf_token"));

    const Posted accepted = postForm(out.at(1), out.at(0));
    QVERIFY2(accepted.status == 200, accepted.body.constData());
    QCOMPARE(accepted.body, QByteArray(R"({"user": "mallory"})"));

    // Without the re-sealed session, the token's raw value is missing from the session.
    QCOMPARE(postForm(crafted, out.at(0)).status, 400);
}

void TestInteropWtfCsrf::theAppAcceptsOurTokenForItsOwnSession()
{
    const auto form = m_server.get(QStringLiteral("/form"));
    const QByteArray session = test::FlaskServer::cookieValue(form);
    const test::CliRun minted =
        test::runCli(QStringList{QStringLiteral("csrf"), QStringLiteral("mint"),
                                 QStringLiteral("--session"), QString::fromLatin1(session)} +
                     secretArguments());
    QVERIFY2(minted.exitCode == 0, minted.err.constData());
    const QList<QByteArray> out = lines(minted.out);
    QCOMPARE(out.size(), 1); // the session already held its raw token
    QCOMPARE(postForm(session, out.at(0)).status, 200);
}

void TestInteropWtfCsrf::theAppRefusesAWrongToken()
{
    const auto first = m_server.get(QStringLiteral("/form"));
    const auto second = m_server.get(QStringLiteral("/form"));
    const QByteArray session = test::FlaskServer::cookieValue(first);
    // Another session's token: signed by the app, but for another raw token.
    QCOMPARE(postForm(session, second.body).status, 400);
    const test::CliRun run =
        test::runCli(QStringList{QStringLiteral("csrf"), QStringLiteral("verify"),
                                 QStringLiteral("--session"), QString::fromLatin1(session),
                                 QStringLiteral("--token"), QString::fromLatin1(second.body)} +
                     secretArguments());
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("step mismatch"), run.err.constData());

    // A token we mint with the wrong secret: both refuse it.
    const test::CliRun forged =
        test::runCli({QStringLiteral("csrf"), QStringLiteral("mint"), QStringLiteral("--no-ring"),
                      QStringLiteral("--session"), QString::fromLatin1(session),
                      QStringLiteral("--secret"), QStringLiteral("guess")});
    QVERIFY2(forged.exitCode == 0, forged.err.constData());
    QCOMPARE(postForm(session, lines(forged.out).at(0)).status, 400);
    QCOMPARE(postForm(session, first.body).status, 200);
}

QTEST_GUILESS_MAIN(TestInteropWtfCsrf)
#include "tst_InteropWtfCsrf.moc"
