// The capture loop of issue 18 as a developer lives it in the Capture dock: log in, edit the
// session, replay the same request with it, and go on with the cookies the app set. Every
// step is typed and clicked, against a server the test starts on loopback that keeps each
// request whole.
#include "CaptureSteps.h"
#include "GuiTestFixture.h"
#include "RecordingHttpServer.h"
#include "TestData.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QThreadPool>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {
const QByteArray kKeyHex = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";
const QByteArray kForm = "application/x-www-form-urlencoded";

using test::button;
using test::clickAndWait;
using test::typeRequest;
} // namespace

class TestCaptureLoop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase();
    void replaySendsTheSameRequestWithTheEditedCookie();
    void jarKeepsTheSessionBetweenSendsUntilCleared();
};

void TestCaptureLoop::replaySendsTheSameRequestWithTheEditedCookie()
{
    test::RecordingHttpServer server;
    QVERIFY(server.listenLoopback());
    server.setAnswerHeaders("/login", "Set-Cookie: session=made.by.server; Path=/; HttpOnly\r\n");
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKeyHex));
    CapturePanel *panel = f.window->capturePanel();
    CaptureController &capture = f.window->capture();
    QPushButton *send = button(panel, QStringLiteral("&Send"));
    QPushButton *replay = button(panel, QStringLiteral("&Replay with Edited Cookie"));
    QVERIFY(send && replay);

    // Log in: the app sets its session cookie.
    typeRequest(panel, QStringLiteral("POST"), server.url(QStringLiteral("/login")),
                QStringLiteral("Content-Type: ") + QLatin1String(kForm),
                QStringLiteral("user=alice"));
    QVERIFY(clickAndWait(send, capture));
    QCOMPARE(server.requests().size(), 1);

    // A session to edit in the inspector, pasted as a person pastes it; it re-seals with the key.
    auto *cookieInput = f.window->findChild<QPlainTextEdit *>(QStringLiteral("cookieInput"));
    QVERIFY(cookieInput);
    QApplication::clipboard()->setText(
        test::cookieVector(QStringLiteral("encrypted_session"),
                           QStringLiteral("login"))[QStringLiteral("cookie")]
            .toString());
    cookieInput->setFocus();
    QTest::keyClick(cookieInput, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(cookieInput, Qt::Key_V, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!f.window->controller().sealedCookie().isEmpty(), 30000);
    const QByteArray edited = f.window->controller().sealedCookie();

    // The cart: a form POST, then Replay with the edited cookie.
    typeRequest(panel, QStringLiteral("POST"), server.url(QStringLiteral("/cart")),
                QStringLiteral("Content-Type: ") + QLatin1String(kForm) +
                    QStringLiteral("\nX-Trace: 7"),
                QStringLiteral("item=mug"));
    QVERIFY(clickAndWait(replay, capture));
    QVERIFY2(panel->statusLabel()->text().contains(QStringLiteral("answered 200")),
             qPrintable(panel->statusLabel()->text()));
    QCOMPARE(server.requests().size(), 2);
    const test::RecordingHttpServer::Request replayed = server.requests().last();
    QCOMPARE(replayed.method, QByteArray("POST"));
    QCOMPARE(replayed.path, QByteArray("/cart"));
    QCOMPARE(replayed.body, QByteArray("item=mug"));
    QCOMPARE(replayed.header("Content-Type"), kForm);
    QCOMPARE(replayed.header("Content-Length"), QByteArray("8"));
    QCOMPARE(replayed.header("X-Trace"), QByteArray("7"));
    // Only the session cookie differs: the edited one, not the one the app set.
    QCOMPARE(replayed.header("Cookie"), "session=" + edited);

    // The jar holds the edited session now: the next plain Send goes on with it.
    QVERIFY(clickAndWait(send, capture));
    QCOMPARE(server.requests().size(), 3);
    QCOMPARE(server.requests().last().header("Cookie"), "session=" + edited);
    QCOMPARE(server.requests().last().body, QByteArray("item=mug"));
}

void TestCaptureLoop::jarKeepsTheSessionBetweenSendsUntilCleared()
{
    test::RecordingHttpServer server;
    QVERIFY(server.listenLoopback());
    server.setAnswerHeaders("/login",
                            "Set-Cookie: session=s1.abc; Path=/; HttpOnly\r\n"
                            "Set-Cookie: theme=dark; Max-Age=3600\r\n"
                            "Set-Cookie: scoped=1; Path=/admin\r\n"
                            "Set-Cookie: long=0123456789abcdef0123456789abcdefSECRET!!\r\n"
                            "Set-Cookie: foreign=1; Domain=example.org\r\n");
    test::GuiTestFixture f;
    CapturePanel *panel = f.window->capturePanel();
    CaptureController &capture = f.window->capture();
    QPushButton *send = button(panel, QStringLiteral("&Send"));
    QVERIFY(send);
    QTableView *view = panel->jarView();
    QVERIFY(view);
    QAbstractItemModel *jar = view->model();
    QAbstractItemModelTester tester(jar, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto cell = [jar](int row, int column) {
        return jar->index(row, column).data().toString();
    };
    QCOMPARE(jar->rowCount(), 0);

    typeRequest(panel, QStringLiteral("POST"), server.url(QStringLiteral("/login")),
                QStringLiteral("Content-Type: ") + QLatin1String(kForm),
                QStringLiteral("user=alice&password=letmein"));
    QVERIFY(clickAndWait(send, capture));
    QCOMPARE(server.requests().size(), 1);
    QVERIFY(server.requests().first().header("Cookie").isEmpty());
    // A cookie the jar refuses is named in the status, never dropped without a word.
    QVERIFY2(panel->statusLabel()->text().contains(
                 QStringLiteral("Cookie jar: the cookie foreign names the domain "
                                "example.org, which does not cover 127.0.0.1")),
             qPrintable(panel->statusLabel()->text()));

    // The dock shows what it keeps: name, where it goes, a snippet of the value.
    QCOMPARE(jar->rowCount(), 4);
    QCOMPARE(cell(0, 0), QStringLiteral("session"));
    QCOMPARE(cell(0, 1), QStringLiteral("127.0.0.1/"));
    QCOMPARE(cell(0, 2), QStringLiteral("s1.abc"));
    QCOMPARE(cell(2, 1), QStringLiteral("127.0.0.1/admin"));
    // A long value shows its start and its size, not the whole credential.
    QCOMPARE(cell(3, 0), QStringLiteral("long"));
    QCOMPARE(cell(3, 2), QStringLiteral("0123456789abcdef… (40 bytes)"));

    // The next request carries the session, as a browser tab would; /admin's cookie stays home.
    typeRequest(panel, QStringLiteral("POST"), server.url(QStringLiteral("/cart")),
                QStringLiteral("Content-Type: ") + QLatin1String(kForm),
                QStringLiteral("item=mug"));
    QVERIFY(clickAndWait(send, capture));
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(
        server.requests().last().header("Cookie"),
        QByteArray("session=s1.abc; theme=dark; long=0123456789abcdef0123456789abcdefSECRET!!"));
    // A session cookie sent from the jar joins the timeline as sent.
    QVERIFY(capture.model().rowCount() >= 1);

    // Clear: the jar is empty, and the next request starts a fresh session.
    QPushButton *clear = panel->findChild<QPushButton *>(QStringLiteral("clearJar"));
    QVERIFY(clear);
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(jar->rowCount(), 0);
    QVERIFY(capture.jar().isEmpty());
    QVERIFY(clickAndWait(send, capture));
    QCOMPARE(server.requests().size(), 3);
    QVERIFY2(server.requests().last().header("Cookie").isEmpty(),
             server.requests().last().head.constData());
}

void TestCaptureLoop::cleanupTestCase()
{
    QThreadPool::globalInstance()->waitForDone();
}

QTEST_MAIN(TestCaptureLoop)
#include "tst_CaptureLoop.moc"
