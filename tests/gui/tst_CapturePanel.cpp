// The Capture dock against a live app on loopback: a request typed into the panel, the
// timeline filled and opened in the inspector, an edited session replayed, the proxy
// started from the panel with its pin, and an import.
#include "CaptureController.h"
#include "CapturePanel.h"
#include "FlaskServer.h"
#include "GuiTestFixture.h"
#include "TestData.h"
#include "capture/HttpCapture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QThreadPool>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {
const QByteArray kKeyHex = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";
} // namespace

class TestCapturePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase();
    void initTestCase();
    void requestReplayAndProxy();
    void importFromFile();

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

void TestCapturePanel::cleanupTestCase()
{
    // Background work (sealing, imports) runs on the global pool: its threads end here, so
    // OpenSSL's per-thread state goes with them instead of outliving the test.
    QThreadPool::globalInstance()->waitForDone();
}

QTEST_MAIN(TestCapturePanel)
#include "tst_CapturePanel.moc"
