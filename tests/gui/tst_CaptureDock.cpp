// The Capture dock as a person uses it, with keys and clicks: Ctrl+Return where the focus is,
// buttons that stay in place while a request runs, the focus left where it was, and network
// messages that say what happened once, in the user's words. Servers are loopback ones the
// test starts: an app that answers when told to, one that answers garbage, one that never
// answers, a port already taken.
#include "AppSettings.h"
#include "CaptureController.h"
#include "CapturePanel.h"
#include "CookieInputPanel.h"
#include "FlaskServer.h"
#include "GuiTestFixture.h"
#include "JsonEditorPanel.h"
#include "LenientUpstream.h"
#include "LoopbackHttpServer.h"
#include "ShortcutsDialog.h"
#include "TestData.h"
#include "TimelineModel.h"
#include "capture/HttpCapture.h"
#include "json/PythonJsonWriter.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThreadPool>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {

const QByteArray kKeyHex = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";

QPushButton *buttonNamed(QWidget *parent, const QString &text)
{
    for (QPushButton *candidate : parent->findChildren<QPushButton *>())
        if (candidate->text() == text)
            return candidate;
    return nullptr;
}

/// Clicks into a line edit and replaces its text by typing, as a person does.
void typeInto(QLineEdit *edit, const QString &text)
{
    QTest::mouseClick(edit, Qt::LeftButton);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

/// A loopback port nothing listens on (it was free a moment ago and is closed again).
quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

struct ShownWindow : test::GuiTestFixture
{
    ShownWindow()
    {
        window->show();
        window->activateWindow();
    }
    CapturePanel *panel() const { return window->capturePanel(); }
    /// The "login" vector, sealed with kKeyHex, opened with that key.
    bool openLoginCookie()
    {
        if (!addKeyHex(QStringLiteral("vectors"), kKeyHex))
            return false;
        window->cookieInput()->setText(
            test::cookieVector(QStringLiteral("encrypted_session"),
                               QStringLiteral("login"))[QStringLiteral("cookie")]
                .toString());
        return window->controller().lastOpen().ok();
    }
    QString status() const { return panel()->statusLabel()->text(); }
    bool waitIdle() const
    {
        return QTest::qWaitFor([this] { return !window->capture().isBusy(); }, 60'000);
    }
    /// Types `url` into the dock's URL field and presses Ctrl+Return there.
    void sendByKeyboard(const QString &url) const
    {
        typeInto(panel()->urlEdit(), url);
        QTest::keyClick(panel()->urlEdit(), Qt::Key_Return, Qt::ControlModifier);
    }
};

} // namespace

class TestCaptureDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ctrlReturnAppliesJsonWhereTheFocusIs();
    void ctrlReturnSendsFromTheUrlField();
    void shortcutsDialogListsBothAndFind();
    void buttonsStayInPlaceAndFocusStays();
    void refusedConnectionSaysSoOnce();
    void refusedConnectionInGerman();
    void answerThatIsNotHttp();
    void timeoutSaysItTimedOut();
    void proxyPortInUse();
    void pinnedRequestsAreMarkedAndARejectionIsSaid();
    void initTestCase();
    void cleanupTestCase();

private:
    test::FlaskServer m_app;      ///< seals with kKeyHex, as the window's key
    test::FlaskServer m_otherApp; ///< seals with another key: it cannot open the window's seal
};

void TestCaptureDock::initTestCase()
{
    QString error;
    QVERIFY2(m_app.start(QStringLiteral("interop/encrypted_session_app.py"),
                         {QString::fromLatin1(kKeyHex)}, &error),
             qPrintable(error));
    QVERIFY2(m_otherApp.start(QStringLiteral("interop/encrypted_session_app.py"),
                              {QString(64, u'1')}, &error),
             qPrintable(error));
}

void TestCaptureDock::ctrlReturnAppliesJsonWhereTheFocusIs()
{
    ShownWindow f;
    QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
    QVERIFY(f.openLoginCookie());
    JsonEditorPanel *json = f.window->jsonPanel();
    f.window->textTabs()->setCurrentWidget(json);
    QPlainTextEdit *editor = json->editor();
    QTRY_VERIFY(!editor->toPlainText().isEmpty());
    QTest::mouseClick(editor->viewport(), Qt::LeftButton);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral("{\"a\": 1}"));
    QCOMPARE(QApplication::focusWidget(), editor);
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(PythonJsonWriter::write(f.window->controller().document().root()),
             QByteArray(R"({"a": 1})"));
    QCOMPARE(QApplication::focusWidget(), editor);
}

void TestCaptureDock::ctrlReturnSendsFromTheUrlField()
{
    test::LenientUpstream app;
    QVERIFY(app.listenLoopback());
    ShownWindow f;
    QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
    f.sendByKeyboard(QStringLiteral("http://127.0.0.1:%1/login").arg(app.port()));
    QVERIFY(f.window->capture().isBusy());
    QVERIFY(f.waitIdle());
    QCOMPARE(app.requests().size(), 1);
    QCOMPARE(app.requests().first().target, QByteArray("/login"));
    QVERIFY2(f.status().contains(QStringLiteral("answered 200")), qPrintable(f.status()));
    // The keys went on in the field they were typed in.
    QCOMPARE(QApplication::focusWidget(), f.panel()->urlEdit());
}

void TestCaptureDock::shortcutsDialogListsBothAndFind()
{
    ShownWindow f;
    QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
    QTest::keyClick(f.window.get(), Qt::Key_Slash, Qt::ControlModifier);
    auto *dialog = f.window->findChild<ShortcutsDialog *>();
    QVERIFY(dialog);
    QStringList rows;
    for (int i = 0; i < dialog->table()->rowCount(); ++i)
        rows.append(dialog->table()->item(i, 0)->text() + u'=' +
                    dialog->table()->item(i, 1)->text());
    const auto has = [&](const QString &command, const QKeySequence &keys) {
        return rows.contains(command + u'=' + keys.toString(QKeySequence::NativeText));
    };
    const QKeySequence ctrlReturn(Qt::CTRL | Qt::Key_Return);
    QVERIFY2(has(QStringLiteral("Capture ▸ Send"), ctrlReturn), qPrintable(rows.join(u'\n')));
    QVERIFY2(has(QStringLiteral("JSON tab ▸ Apply JSON"), ctrlReturn),
             qPrintable(rows.join(u'\n')));
    QVERIFY2(has(QStringLiteral("Tree ▸ Filter Keys and Values"), QKeySequence::Find),
             qPrintable(rows.join(u'\n')));
}

void TestCaptureDock::buttonsStayInPlaceAndFocusStays()
{
    // The app answers only when the test says so, so that "during" lasts as long as needed.
    test::LenientUpstream app;
    QPointer<QTcpSocket> waiting;
    app.setHandler([&waiting](QTcpSocket *socket, const test::LenientUpstream::Request &) {
        waiting = socket;
    });
    QVERIFY(app.listenLoopback());
    ShownWindow f;
    QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
    CapturePanel *panel = f.panel();
    QPushButton *send = buttonNamed(panel, QStringLiteral("&Send"));
    QPushButton *replay = buttonNamed(panel, QStringLiteral("&Replay with Edited Cookie"));
    QPushButton *cancel = buttonNamed(panel, QStringLiteral("Cancel"));
    QVERIFY(send && replay && cancel);
    const auto places = [&] {
        QList<QRect> rects;
        for (QPushButton *button : {send, replay, cancel}) {
            QCoreApplication::processEvents(); // pending layout requests
            rects.append(QRect(button->mapTo(f.window.get(), QPoint(0, 0)), button->size()));
        }
        return rects;
    };
    const QList<QRect> before = places();

    f.sendByKeyboard(QStringLiteral("http://127.0.0.1:%1/slow").arg(app.port()));
    QTRY_VERIFY_WITH_TIMEOUT(waiting, 30'000);
    QVERIFY(f.window->capture().isBusy());
    QCOMPARE(places(), before);
    QVERIFY(cancel->isEnabled());
    QVERIFY(!send->isEnabled());
    QCOMPARE(QApplication::focusWidget(), panel->urlEdit());

    waiting->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    QVERIFY(f.waitIdle());
    QCOMPARE(places(), before);
    QVERIFY(!cancel->isEnabled());
    QCOMPARE(QApplication::focusWidget(), panel->urlEdit());

    // A click on Send leaves the focus where it was too.
    waiting = nullptr;
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(waiting, 30'000);
    QCOMPARE(QApplication::focusWidget(), panel->urlEdit());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(f.waitIdle());
    QCOMPARE(places(), before);
    QCOMPARE(QApplication::focusWidget(), panel->urlEdit());

    // From the keyboard alone: Space on Send moves the focus to Cancel while the request runs
    // (Send is disabled), and back to Send when it ends; never to another field.
    waiting = nullptr;
    send->setFocus(Qt::TabFocusReason);
    QTest::keyClick(send, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(waiting, 30'000);
    QCOMPARE(QApplication::focusWidget(), cancel);
    QCOMPARE(places(), before);
    waiting->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    QVERIFY(f.waitIdle());
    QCOMPARE(QApplication::focusWidget(), send);
    QCOMPARE(places(), before);
}

void TestCaptureDock::refusedConnectionSaysSoOnce()
{
    ShownWindow f;
    QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    f.sendByKeyboard(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    QVERIFY(f.waitIdle());
    QCOMPARE(f.status(),
             QStringLiteral("Connection refused: nothing listens at 127.0.0.1:%1.").arg(port));
}

void TestCaptureDock::refusedConnectionInGerman()
{
    const test::GermanCatalogue german;
    QVERIFY(german.installed);
    ShownWindow f;
    QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
    const quint16 port = closedPort();
    f.sendByKeyboard(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    QVERIFY(f.waitIdle());
    QCOMPARE(f.status(),
             QStringLiteral("Verbindung abgelehnt: unter 127.0.0.1:%1 lauscht nichts.").arg(port));
}

void TestCaptureDock::answerThatIsNotHttp()
{
    test::LoopbackHttpServer app(test::LoopbackHttpServer::Mode::Answer);
    app.setResponse("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\nProtocol mismatch.\n");
    QVERIFY(app.listenLoopback());
    ShownWindow f;
    QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
    f.sendByKeyboard(QStringLiteral("http://127.0.0.1:%1/").arg(app.serverPort()));
    QVERIFY(f.waitIdle());
    QCOMPARE(f.status(),
             QStringLiteral("The answer from 127.0.0.1:%1 is not HTTP.").arg(app.serverPort()));
}

void TestCaptureDock::timeoutSaysItTimedOut()
{
    test::LoopbackHttpServer app(test::LoopbackHttpServer::Mode::Silent);
    QVERIFY(app.listenLoopback());
    ShownWindow f;
    f.settings->setValue(AppSettings::Key::RequestTimeoutSeconds, 1);
    QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
    f.sendByKeyboard(QStringLiteral("http://127.0.0.1:%1/").arg(app.serverPort()));
    QVERIFY(f.waitIdle());
    QCOMPARE(f.status(),
             QStringLiteral("Timed out: 127.0.0.1:%1 sent nothing for 1 s.").arg(app.serverPort()));
}

void TestCaptureDock::proxyPortInUse()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    ShownWindow f;
    QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
    CapturePanel *panel = f.panel();
    typeInto(panel->findChild<QLineEdit *>(QStringLiteral("proxyUpstream")),
             QStringLiteral("http://127.0.0.1:%1/").arg(closedPort()));
    auto *port = panel->findChild<QSpinBox *>();
    QVERIFY(port);
    QTest::mouseClick(port, Qt::LeftButton);
    QTest::keyClick(port, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(port, QString::number(taken.serverPort()));
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("proxyButton")),
                      Qt::LeftButton);
    QVERIFY(!f.window->capture().proxy().isListening());
    QCOMPARE(f.status(), QStringLiteral("Port %1 is already in use: choose another, or 0 for any "
                                        "free port.")
                             .arg(taken.serverPort()));
}

void TestCaptureDock::pinnedRequestsAreMarkedAndARejectionIsSaid()
{
    ShownWindow f;
    QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
    QVERIFY(f.openLoginCookie());
    InspectorController &inspector = f.window->controller();
    QTRY_VERIFY(!inspector.sealedCookie().isEmpty() && !inspector.isRefreshing());
    CapturePanel *panel = f.panel();
    CaptureController &capture = f.window->capture();
    auto *port = panel->findChild<QSpinBox *>();
    QTest::mouseClick(port, Qt::LeftButton);
    QTest::keyClick(port, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(port, QStringLiteral("0"));
    auto *proxyButton = panel->findChild<QPushButton *>(QStringLiteral("proxyButton"));
    const auto startProxy = [&](quint16 appPort) {
        typeInto(panel->findChild<QLineEdit *>(QStringLiteral("proxyUpstream")),
                 QStringLiteral("http://127.0.0.1:%1/").arg(appPort));
        QTest::mouseClick(proxyButton, Qt::LeftButton);
        return capture.proxy().isListening();
    };
    auto *pin = panel->findChild<QCheckBox *>(QStringLiteral("proxyPin"));
    QTest::mouseClick(pin, Qt::LeftButton);
    QVERIFY(pin->isChecked());

    QNetworkAccessManager browser;
    HttpCapture client(browser);
    const auto through = [&](const QByteArray &method, const QString &path,
                             const QByteArray &body = {}) {
        QSignalSpy done(&client, &HttpCapture::finished);
        HttpCapture::Request request;
        request.method = method;
        request.url = capture.proxy().address().resolved(QUrl(path));
        request.body = body;
        if (!body.isEmpty())
            request.headers.append(
                {QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")});
        request.maxRedirects = 0;
        client.start(request);
        return done.wait(60'000) ? done.first().at(0).value<HttpCapture::Outcome>()
                                 : HttpCapture::Outcome{};
    };
    const auto rowsWith = [&](int column, const QString &text, int from = 0) {
        QList<int> rows;
        for (int row = from; row < capture.model().rowCount(); ++row)
            if (capture.model().index(row, column).data().toString().contains(text))
                rows.append(row);
        return rows;
    };

    // An app with another key: it cannot open the pin, so it sees no user.
    QVERIFY(startProxy(m_otherApp.port()));
    QCOMPARE(through("GET", QStringLiteral("/account")).response.hops.value(0).status, 401);
    QTRY_VERIFY2(f.status().startsWith(QStringLiteral("The app rejected the pinned cookie: it "
                                                      "answered 401")),
                 qPrintable(f.status()));
    const QList<int> pinned = rowsWith(TimelineModel::SourceColumn, QStringLiteral("sent (pin)"));
    QCOMPARE(pinned.size(), 1);
    const QModelIndex source = capture.model().index(pinned.first(), TimelineModel::SourceColumn);
    QCOMPARE(source.data(Qt::ToolTipRole).toString(),
             QStringLiteral("The proxy sent the pinned cookie with this request, in place of the "
                            "browser's."));
    QVERIFY(capture.model()
                .index(pinned.first(), TimelineModel::ChangeColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("The app rejected the pinned cookie")));
    // A login there makes a fresh session under the app's own key.
    const int before = capture.model().rowCount();
    QCOMPARE(through("POST", QStringLiteral("/login"), "username=carol&password=letmein")
                 .response.hops.value(0)
                 .status,
             302);
    QTRY_VERIFY2(f.status().contains(QStringLiteral("started a new session")),
                 qPrintable(f.status()));
    QCOMPARE(rowsWith(TimelineModel::ChangeColumn, QStringLiteral("started a new session"), before)
                 .size(),
             1);
    QTest::mouseClick(proxyButton, Qt::LeftButton);
    QVERIFY(!capture.proxy().isListening());

    // The app of the window's key opens the pin: marked, and nothing said against it.
    QVERIFY(startProxy(m_app.port()));
    const int opened = capture.model().rowCount();
    const HttpCapture::Outcome dump = through("GET", QStringLiteral("/dump"));
    QCOMPARE(dump.response.hops.value(0).status, 200);
    QVERIFY2(dump.response.body.contains("alice"), dump.response.body.constData());
    QTRY_COMPARE(rowsWith(TimelineModel::SourceColumn, QStringLiteral("sent (pin)"), opened).size(),
                 1);
    QVERIFY(rowsWith(TimelineModel::ChangeColumn, QStringLiteral("rejected"), opened).isEmpty());
    QTest::mouseClick(proxyButton, Qt::LeftButton);
}

void TestCaptureDock::cleanupTestCase()
{
    QThreadPool::globalInstance()->waitForDone();
}

QTEST_MAIN(TestCaptureDock)
#include "tst_CaptureDock.moc"
