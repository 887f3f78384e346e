// The Capture dock against a live app on loopback: a request typed into the panel, the
// timeline filled and opened in the inspector, an edited session replayed, the proxy
// started from the panel with its pin, and an import.
#include "CaptureController.h"
#include "CapturePanel.h"
#include "CookieInputPanel.h"
#include "FlaskServer.h"
#include "GuiTestFixture.h"
#include "StreamingHttpServer.h"
#include "TestData.h"
#include "TypedInput.h"
#include "capture/HttpCapture.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <sys/stat.h>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {
const QByteArray kKeyHex = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";

using test::button;
using test::retype;
} // namespace

class TestCapturePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase();
    void initTestCase();
    void requestReplayAndProxy();
    void importFromFile();
    void droppedFifoIsRefusedWithoutBlocking();
    void typedValuesThatWouldAddAHeaderAreRefused_data();
    void typedValuesThatWouldAddAHeaderAreRefused();
    void recentUrlsKeepNoPassword();
    void proxyRefusesACookieNameThatWouldAddACookie();

private:
    static void waitIdle(CaptureController &capture);
    test::FlaskServer m_app;
};

void TestCapturePanel::initTestCase()
{
    QString error;
    QVERIFY2(m_app.start(QStringLiteral("interop/encrypted_session_app.py"),
                         {QString::fromLatin1(kKeyHex)}, &error),
             qPrintable(error));
}

void TestCapturePanel::waitIdle(CaptureController &capture)
{
    QTRY_VERIFY_WITH_TIMEOUT(!capture.isBusy(), 60000);
}

void TestCapturePanel::requestReplayAndProxy()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("app"), kKeyHex));
    CapturePanel *panel = f.window->capturePanel();
    CaptureController &capture = f.window->capture();
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_app.port());

    // Type the login as a user would and press Send.
    panel->methodBox()->setCurrentText(QStringLiteral("POST"));
    panel->urlEdit()->setText(base + QStringLiteral("/login"));
    panel->headersEdit()->setPlainText(
        QStringLiteral("Content-Type: application/x-www-form-urlencoded"));
    panel->bodyEdit()->setPlainText(QStringLiteral("username=carol&password=letmein"));
    QTest::mouseClick(panel->findChild<QPushButton *>(),
                      Qt::LeftButton); // the first button is Send
    waitIdle(capture);
    QVERIFY(capture.model().rowCount() >= 2);
    QVERIFY2(panel->statusLabel()->text().contains(QStringLiteral("200")),
             qPrintable(panel->statusLabel()->text()));

    // Selecting the last entry opens it in the inspector, with the stored key.
    QTableView *timeline = panel->timeline();
    timeline->setCurrentIndex(capture.model().index(capture.model().rowCount() - 1, 0));
    InspectorController &inspector = f.window->controller();
    QVERIFY(inspector.lastOpen().ok());
    QCOMPARE(inspector.lastOpen().keyName, QStringLiteral("app"));
    QCOMPARE(inspector.document().root().value(QStringLiteral("user"))->stringValue(),
             QStringLiteral("carol"));

    // Edit role to admin in the tree, then replay against /admin.
    SessionTreeModel &model = inspector.model();
    const QModelIndex role =
        model.indexForPath({inspector.document().root().indexOfKey(QStringLiteral("role"))},
                           SessionTreeModel::ValueColumn);
    QVERIFY(model.setData(role, QStringLiteral("admin")));
    QTRY_VERIFY(!inspector.sealedCookie().isEmpty() && !inspector.isRefreshing());
    panel->methodBox()->setCurrentText(QStringLiteral("GET"));
    panel->urlEdit()->setText(base + QStringLiteral("/admin"));
    const int before = capture.model().rowCount();
    panel->replayEdited();
    waitIdle(capture);
    QVERIFY2(panel->statusLabel()->text().contains(QStringLiteral("answered 200")),
             qPrintable(panel->statusLabel()->text()));
    QVERIFY(capture.model().rowCount() > before); // the sent cookie is on the timeline

    // Start the proxy from the panel, pin, and let a "browser" without the cookie in.
    panel->findChild<QLineEdit *>(QStringLiteral("proxyUpstream"))->setText(base + u'/');
    panel->toggleProxy();
    QVERIFY(capture.proxy().isListening());
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("proxyAddress"))
                ->text()
                .contains(capture.proxy().address().toString()));
    panel->findChild<QCheckBox *>(QStringLiteral("proxyPin"))->setChecked(true);
    QNetworkAccessManager browser;
    HttpCapture client(browser);
    QSignalSpy done(&client, &HttpCapture::finished);
    HttpCapture::Request request;
    request.url = capture.proxy().address().resolved(QUrl(QStringLiteral("/admin")));
    client.start(request);
    QVERIFY(done.wait(60000));
    const auto outcome = done.takeFirst().at(0).value<HttpCapture::Outcome>();
    QCOMPARE(outcome.response.hops.last().status, 200);
    QCOMPARE(outcome.response.body, QByteArray("welcome, admin"));
    panel->toggleProxy();
    QVERIFY(!capture.proxy().isListening());
}

void TestCapturePanel::importFromFile()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKeyHex));
    CaptureController &capture = f.window->capture();
    capture.importFiles({test::dataPath(QStringLiteral("capture/chrome.har")),
                         test::dataPath(QStringLiteral("capture/sanitized.har"))});
    QVERIFY(capture.isBusy());
    waitIdle(capture);
    QCOMPARE(capture.model().rowCount(), 4);
    const QString status = f.window->capturePanel()->statusLabel()->text();
    QVERIFY2(status.contains(QStringLiteral("Imported 4")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("sanitized")), qPrintable(status));
    // The second entry changed the session of the same origin: the table says what.
    const QString change = capture.model().index(2, TimelineModel::ChangeColumn).data().toString();
    QVERIFY2(change.contains(QStringLiteral("change")), qPrintable(change));
}

void TestCapturePanel::droppedFifoIsRefusedWithoutBlocking()
{
    // A FIFO dropped on the cookie field was opened on the GUI thread to tell its kind, and the
    // window waited for a writer for ever. Now it is refused, and the status says why.
    test::GuiTestFixture f;
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("export.har"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    auto *input = f.window->findChild<CookieInputPanel *>();
    QVERIFY(input);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(fifo)});
    // As a drag does it: enter (which makes the panel the drop target), then drop.
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(input, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(input, &drop);
    const QString status = input->findChild<QLabel *>(QStringLiteral("openStatus"))->text();
    QVERIFY2(status.contains(QStringLiteral("not a regular file")), qPrintable(status));
    QVERIFY(!f.window->capture().isBusy());
    QCOMPARE(f.window->capture().model().rowCount(), 0);
}

void TestCapturePanel::typedValuesThatWouldAddAHeaderAreRefused_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("typedHeader");
    QTest::addColumn<QString>("pastedHeader");
    QTest::addColumn<QString>("field");
    QTest::newRow("method with a space")
        << QStringLiteral("GET /admin") << QString() << QString() << QStringLiteral("Method:");
    QTest::newRow("header name with a space") << QString() << QStringLiteral("X Injected: yes")
                                              << QString() << QStringLiteral("Headers:");
    QTest::newRow("pasted header value with a control character")
        << QString() << QString() << QStringLiteral("X-Note: a\x0bX-Injected: yes")
        << QStringLiteral("Headers X-Note:");
}

void TestCapturePanel::typedValuesThatWouldAddAHeaderAreRefused()
{
    QFETCH(QString, method);
    QFETCH(QString, typedHeader);
    QFETCH(QString, pastedHeader);
    QFETCH(QString, field);
    test::StreamingHttpServer server;
    QVERIFY(server.listenLoopback());
    test::GuiTestFixture f;
    CapturePanel *panel = f.window->capturePanel();
    CaptureController &capture = f.window->capture();
    QPushButton *send = button(panel, QStringLiteral("&Send"));
    QVERIFY(send);

    retype(panel->urlEdit(), server.url(QStringLiteral("/form")));
    if (!method.isEmpty())
        retype(panel->methodBox()->lineEdit(), method);
    panel->headersEdit()->setFocus();
    if (!typedHeader.isEmpty())
        QTest::keyClicks(panel->headersEdit(), typedHeader);
    if (!pastedHeader.isEmpty()) {
        QApplication::clipboard()->setText(pastedHeader);
        QTest::keyClick(panel->headersEdit(), Qt::Key_V, Qt::ControlModifier);
    }
    QTest::mouseClick(send, Qt::LeftButton);
    const QString status = panel->statusLabel()->text();
    QVERIFY2(status.startsWith(QStringLiteral("Not sent: ") + field), qPrintable(status));
    QVERIFY(!capture.isBusy());

    // Mended, the same dock sends: the server would have seen the refused request first.
    retype(panel->methodBox()->lineEdit(), QStringLiteral("GET"));
    panel->headersEdit()->setFocus();
    QTest::keyClick(panel->headersEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(panel->headersEdit(), Qt::Key_Delete);
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(capture.isBusy());
    waitIdle(capture);
    QVERIFY2(panel->statusLabel()->text().contains(QStringLiteral("answered 200")),
             qPrintable(panel->statusLabel()->text()));
    QCOMPARE(server.heads().size(), 1);
    QVERIFY2(!server.heads().first().contains("X-Injected"), server.heads().first().constData());
}

void TestCapturePanel::recentUrlsKeepNoPassword()
{
    test::StreamingHttpServer server;
    QVERIFY(server.listenLoopback());
    test::GuiTestFixture f;
    CapturePanel *panel = f.window->capturePanel();
    const QString url =
        QStringLiteral("http://alice:hunter2@127.0.0.1:%1/login").arg(server.serverPort());
    retype(panel->urlEdit(), url);
    QTest::mouseClick(button(panel, QStringLiteral("&Send")), Qt::LeftButton);
    waitIdle(f.window->capture());
    QCOMPARE(server.heads().size(), 1);
    const QStringList recent = f.window->capture().recentRequests();
    QCOMPARE(recent.value(0),
             QStringLiteral("GET http://127.0.0.1:%1/login").arg(server.serverPort()));
    f.settings->sync();
    QFile file(f.settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();
    QVERIFY(stored.contains("127.0.0.1"));
    QVERIFY2(!stored.contains("hunter2") && !stored.contains("alice"), stored.constData());
}

void TestCapturePanel::proxyRefusesACookieNameThatWouldAddACookie()
{
    test::GuiTestFixture f;
    // A name as the Preferences field takes it; the proxy would write it into every request.
    f.settings->setValue(AppSettings::Key::CookieName, QStringLiteral("session; role=admin"));
    CapturePanel *panel = f.window->capturePanel();
    CaptureController &capture = f.window->capture();
    retype(panel->findChild<QLineEdit *>(QStringLiteral("proxyUpstream")),
           QStringLiteral("http://127.0.0.1:%1/").arg(m_app.port()));
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("proxyButton")),
                      Qt::LeftButton);
    QVERIFY(!capture.proxy().isListening());
    const QString status = panel->statusLabel()->text();
    QVERIFY2(status.contains(QStringLiteral("Cookie name (Edit ▸ Preferences): a cookie name")),
             qPrintable(status));
}

void TestCapturePanel::cleanupTestCase()
{
    // Background work (sealing, imports) runs on the global pool: its threads end here, so
    // OpenSSL's per-thread state goes with them instead of outliving the test.
    QThreadPool::globalInstance()->waitForDone();
}

QTEST_MAIN(TestCapturePanel)
#include "tst_CapturePanel.moc"
