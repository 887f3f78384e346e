// A Django signed-cookie session in the window, as a person uses it: pasted with Ctrl+V, shown
// as a tree with the format and the secret that verified it, edited and re-signed into a
// cookie that Debian's Django itself reads back (django_signed_app.py on 127.0.0.1).

#include "CookieInputPanel.h"
#include "FlaskServer.h"
#include "GuiTestFixture.h"
#include "InspectorController.h"
#include "SessionTreeModel.h"
#include "formats/DjangoSignedCodec.h"

#include <QJsonArray>

using namespace sessionlens;
using namespace sessionlens::gui;

class TestDjangoWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pastedDjangoCookieIsVerifiedEditedAndResigned();
};

void TestDjangoWindow::pastedDjangoCookieIsVerifiedEditedAndResigned()
{
    const QJsonObject row = test::loadJsonObject(QStringLiteral("django_vectors.json"))
                                .value(QStringLiteral("valid"))
                                .toArray()
                                .at(0)
                                .toObject();
    QCOMPARE(row[QStringLiteral("algorithm")].toString(), QStringLiteral("sha256"));
    const QByteArray secret = row[QStringLiteral("secret")].toString().toUtf8();
    const QString cookie = row[QStringLiteral("cookie")].toString();

    test::GuiTestFixture f;
    QVERIFY(f.keys
                ->add(SessionKey(QStringLiteral("django dev"),
                                 SecureBytes(secret.constData(), std::size_t(secret.size())),
                                 SessionKey::Kind::SigningSecret))
                .ok());
    f.window->show();
    f.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
    test::paste(test::cookieField(*f.window), cookie);
    InspectorController &c = f.window->controller();
    QTRY_VERIFY(c.lastOpen().ok());
    QCOMPARE(c.format()->id(), QStringLiteral("django"));
    const QString status = f.window->cookieInput()->statusText();
    QVERIFY2(status.contains(QStringLiteral("Verified with secret “django dev”")) &&
                 status.contains(QStringLiteral("Django")),
             qPrintable(status));
    QVERIFY(f.window->cookieInput()->fieldsHtml().contains(QStringLiteral("<b>:</b>")));

    // The tree: {"user_id": "42", "cart": [1, 2, 3]} in Django's order.
    QAbstractItemModel *view = f.window->treePanel()->view()->model();
    QCOMPARE(view->rowCount(), 2);
    QCOMPARE(view->index(0, 0).data().toString(), QStringLiteral("user_id"));
    QCOMPARE(view->index(1, 0).data().toString(), QStringLiteral("cart"));
    QCOMPARE(view->rowCount(view->index(1, 0)), 3);

    // The age stays judged by Django's rule as the window stays open: SESSION_COOKIE_AGE (two
    // weeks), not Flask's 31 days; a timestamp in the future passes.
    const qint64 signedAt = qint64(row[QStringLiteral("timestamp")].toDouble());
    c.refreshAge(signedAt + DjangoSignedCodec::kDefaultCookieAge + 1);
    QVERIFY(c.lastOpen().signature()->expired);
    QVERIFY(f.window->cookieInput()->statusText().contains(QStringLiteral("Expired")));
    c.refreshAge(signedAt - 3600);
    QVERIFY(!c.lastOpen().signature()->expired);
    QVERIFY(!f.window->cookieInput()->statusText().contains(QStringLiteral("Expired")));

    // Kept timestamp, no edit: Django's very cookie.
    c.setTimestampMode(InspectorController::TimestampMode::KeepOriginal);
    QCOMPARE(c.sealedCookie(), cookie.toLatin1());

    // An edit re-signs; Django's own middleware reads the new session back.
    QVERIFY(view->setData(view->index(0, SessionTreeModel::ValueColumn), QStringLiteral("7")));
    c.setTimestampMode(InspectorController::TimestampMode::Now);
    QTRY_VERIFY(c.sealedCookie() != cookie.toLatin1() && !c.sealedCookie().isEmpty());
    test::FlaskServer django;
    QString error;
    QVERIFY2(django.start(QStringLiteral("interop/django_signed_app.py"),
                          {QString::fromUtf8(secret)}, &error),
             qPrintable(error));
    const auto dump = test::FlaskServer::parseDump(
        django.get(QStringLiteral("/dump"), "sessionid=" + c.sealedCookie()));
    QVERIFY2(dump.error.isEmpty(), qPrintable(dump.error));
    QCOMPARE(dump.json, QByteArray(R"({"user_id":"7","cart":[1,2,3]})"));
}

QTEST_MAIN(TestDjangoWindow)
#include "tst_DjangoWindow.moc"
