// The window with Flask-Login: a remember cookie pasted opens as its user id, the status names
// the format and the secret that verified it, an edit made with the keyboard re-seals into the
// cookie Flask-Login itself writes for the new id, and a session's Flask-Login keys explain
// themselves in the tree's tooltips (_id checked against the preferences' client, or against
// the client of a captured record opened from the timeline).

#include "CaptureController.h"
#include "CapturePanel.h"
#include "CookieInputPanel.h"
#include "GuiTestFixture.h"
#include "InspectorController.h"
#include "SessionTreeModel.h"
#include "formats/FlaskSignedCodec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {

// _create_identifier() for 127.0.0.1 and werkzeug/2.2.2 (Flask-Login 0.6.2).
constexpr char kLocalWerkzeug[] =
    "cf4fc3f3248c2c7007cff2b4a118045840891d7b613eae654c10073ab8af01bb4d8fac6cd747003b0cfa7ced6bb9"
    "d558422ed7d0f53c020b53d11ea6c281dfb8";

// _create_identifier() for 127.0.0.1 and kHarAgent, by Python's hashlib (tst_requestclient).
const QString kHarAgent = QStringLiteral("Mozilla/5.0 (X11; Linux) \"quoted\" \u00e9");
constexpr char kHarAgentId[] =
    "026f02824a9b7800d025d9853ecde89231f758d7dfd1fa40e5867777526422745d3d1ff1e49ae019aecf760ca9"
    "9f936816a6da5bd5b633490e2936dd4c35f52e";

/// What login_user keeps: fresh, the identifier `id`, user 42.
SessionValue loginSession(const char *id)
{
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("_fresh"), SessionValue::makeBool(true));
    session.setValue(QStringLiteral("_id"), SessionValue::makeString(QLatin1String(id)));
    session.setValue(QStringLiteral("_user_id"), SessionValue::makeString(QStringLiteral("42")));
    return session;
}

QJsonObject rememberRow(int index)
{
    return test::loadJsonObject(QStringLiteral("remember_vectors.json"))[QStringLiteral("valid")]
        .toArray()
        .at(index)
        .toObject();
}

bool addSecret(test::GuiTestFixture &f, const QString &name, const QByteArray &secret)
{
    return f.keys
        ->add(SessionKey(name, SecureBytes(secret.constData(), std::size_t(secret.size())),
                         SessionKey::Kind::SigningSecret))
        .ok();
}

bool showWindow(test::GuiTestFixture &f)
{
    f.window->show();
    f.window->activateWindow();
    return QTest::qWaitForWindowActive(f.window.get());
}

} // namespace

class TestGuiFlaskLogin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rememberCookieOpensVerified();
    void keyboardEditForgesAnotherUser();
    void flaskLoginKeysExplainThemselves();
    void capturedRecordChecksItsIdentifier();
};

void TestGuiFlaskLogin::rememberCookieOpensVerified()
{
    test::GuiTestFixture f;
    QVERIFY(addSecret(f, QStringLiteral("other"), "nope"));
    QVERIFY(addSecret(f, QStringLiteral("app secret"), "dev"));
    QVERIFY(showWindow(f));
    const QString cookie = rememberRow(0)[QStringLiteral("cookie")].toString();
    test::paste(test::cookieField(*f.window), QStringLiteral("Cookie: remember_token=") + cookie);
    const QString status = f.window->cookieInput()->statusText();
    QVERIFY2(status.contains(QLatin1String("Digest verified with secret \"app secret\"")) &&
                 status.contains(QLatin1String("Flask-Login remember cookie")),
             qPrintable(status));
    QAbstractItemModel *view = f.window->treePanel()->view()->model();
    QCOMPARE(view->rowCount(), 1);
    QCOMPARE(view->index(0, SessionTreeModel::KeyColumn).data().toString(),
             QStringLiteral("user_id"));
    QCOMPARE(view->index(0, SessionTreeModel::ValueColumn).data().toString(), QStringLiteral("42"));
}

void TestGuiFlaskLogin::keyboardEditForgesAnotherUser()
{
    test::GuiTestFixture f;
    QVERIFY(addSecret(f, QStringLiteral("app secret"), "dev"));
    QVERIFY(showWindow(f));
    test::paste(test::cookieField(*f.window), rememberRow(0)[QStringLiteral("cookie")].toString());
    QVERIFY(f.window->controller().lastOpen().ok());
    SessionTreePanel *panel = f.window->treePanel();
    QTreeView *tree = panel->view();
    tree->setFocus();
    tree->setCurrentIndex(tree->model()->index(0, SessionTreeModel::KeyColumn));
    QTest::keyClick(tree, Qt::Key_Return); // Enter edits the row's value
    QLineEdit *editor = test::openEditor(panel);
    QVERIFY(editor);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral("7"));
    QCOMPARE(editor->text(), QStringLiteral("7"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(tree->hasFocus());
    QCOMPARE(f.window->controller().document().root().child(0)->stringValue(), QStringLiteral("7"));
    // The cookie Flask-Login wrote for user 7 under the same secret (vector row 1).
    QTRY_COMPARE(f.window->controller().sealedCookie(),
                 rememberRow(1)[QStringLiteral("cookie")].toString().toLatin1());
}

void TestGuiFlaskLogin::flaskLoginKeysExplainThemselves()
{
    test::GuiTestFixture f;
    f.settings->setValue(AppSettings::Key::FlaskLoginUserAgent, QStringLiteral("werkzeug/2.2.2"));
    QVERIFY(addSecret(f, QStringLiteral("app secret"), "dev"));
    QVERIFY(showWindow(f));
    SessionValue session = loginSession(kLocalWerkzeug);
    session.setValue(QStringLiteral("cart"), SessionValue::makeList());
    auto cookie = FlaskSignedCodec::sign(session, SecureBytes("dev", 3), 1700000000, {});
    QVERIFY(cookie.ok());
    test::paste(test::cookieField(*f.window), QString::fromLatin1(cookie.value()));
    QAbstractItemModel *view = f.window->treePanel()->view()->model();
    QCOMPARE(view->rowCount(), 4);
    const QString id = view->index(1, SessionTreeModel::KeyColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(id.contains(QLatin1String("computed from b'127.0.0.1'|b'werkzeug/2.2.2'")),
             qPrintable(id));
    const QString userId =
        view->index(2, SessionTreeModel::ValueColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(userId.contains(QLatin1String("user_loader")), qPrintable(userId));
    // Not one of Flask-Login's keys: the path alone.
    QCOMPARE(view->index(3, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("session['cart']"));
}

void TestGuiFlaskLogin::capturedRecordChecksItsIdentifier()
{
    test::GuiTestFixture f;
    // The preferences name another browser: the record's own User-Agent is what counts.
    f.settings->setValue(AppSettings::Key::FlaskLoginUserAgent, QStringLiteral("curl/7.88.1"));
    QVERIFY(addSecret(f, QStringLiteral("app secret"), "dev"));
    QVERIFY(showWindow(f));
    const SessionValue session = loginSession(kHarAgentId);
    auto cookie = FlaskSignedCodec::sign(session, SecureBytes("dev", 3), 1700000000, {});
    QVERIFY(cookie.ok());
    const QJsonObject request{
        {QStringLiteral("method"), QStringLiteral("GET")},
        {QStringLiteral("url"), QStringLiteral("http://app.test/login")},
        {QStringLiteral("headers"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("User-Agent")},
                                {QStringLiteral("value"), kHarAgent}}}}};
    const QJsonObject response{
        {QStringLiteral("status"), 200},
        {QStringLiteral("cookies"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("session")},
                                {QStringLiteral("value"), QString::fromLatin1(cookie.value())}}}}};
    const QJsonObject entry{{QStringLiteral("request"), request},
                            {QStringLiteral("response"), response}};
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("login.har")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        QJsonDocument(QJsonObject{{QStringLiteral("log"),
                                   QJsonObject{{QStringLiteral("entries"), QJsonArray{entry}}}}})
            .toJson());
    file.close();
    CaptureController &capture = f.window->capture();
    capture.importFiles({file.fileName()});
    QTRY_VERIFY_WITH_TIMEOUT(!capture.isBusy(), 60000);
    QCOMPARE(capture.model().rowCount(), 1);

    // Open the record from the timeline with the keyboard.
    QTableView *timeline = f.window->capturePanel()->timeline();
    timeline->setFocus();
    QTest::keyClick(timeline, Qt::Key_End);
    QTRY_COMPARE(f.window->controller().document().root().size(), 3);
    QAbstractItemModel *view = f.window->treePanel()->view()->model();
    const QString id = view->index(1, SessionTreeModel::KeyColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(id.contains(QLatin1String(
                 R"(computed from b'127.0.0.1'|b'Mozilla/5.0 (X11; Linux) "quoted" \xc3\xa9')")),
             qPrintable(id));
    const QString status = f.window->capturePanel()->statusLabel()->text();
    QVERIFY2(status.startsWith(QLatin1String("Flask-Login's _id: computed from b'127.0.0.1'")),
             qPrintable(status));

    // A session loaded from a file carries no request: the preferences' client again.
    QVERIFY(f.window->controller().loadSession(session, QStringLiteral("app secret")));
    const QString loaded =
        view->index(1, SessionTreeModel::KeyColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(loaded.contains(QLatin1String("does not match b'127.0.0.1'|b'curl/7.88.1'")),
             qPrintable(loaded));
    // So is a cookie pasted afterwards.
    test::paste(test::cookieField(*f.window),
                QStringLiteral("Cookie: session=") + QString::fromLatin1(cookie.value()));
    const QString pasted =
        view->index(1, SessionTreeModel::KeyColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(pasted.contains(QLatin1String("does not match b'127.0.0.1'|b'curl/7.88.1'")),
             qPrintable(pasted));
}

QTEST_MAIN(TestGuiFlaskLogin)
#include "tst_GuiFlaskLogin.moc"
