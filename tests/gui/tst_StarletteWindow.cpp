// The window opens a Starlette session pasted into the cookie field: the tree shows the
// session, the fields line names the format, the status the stored secret that verified it;
// kept as it was it re-signs to the middleware's very cookie, and an edit re-signs to a cookie
// that opens as Starlette's again, verified.

#include "CookieInputPanel.h"
#include "GuiTestFixture.h"
#include "SessionTreeModel.h"
#include "document/CookieOpener.h"
#include "formats/FlaskSignedCodec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace sessionlens;
using namespace sessionlens::gui;

class TestStarletteWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensVerifiesAndReSeals();
};

void TestStarletteWindow::opensVerifiesAndReSeals()
{
    const QJsonArray valid = test::loadJsonObject(QStringLiteral("starlette_vectors.json"))
                                 .value(QStringLiteral("valid"))
                                 .toArray();
    QVERIFY(!valid.isEmpty());
    const QJsonObject v = valid.first().toObject(); // {"user": "ada", "cart": [1, 2], "n": 1}
    const QByteArray secret = v[QStringLiteral("secret")].toString().toUtf8();
    const QString cookie = v[QStringLiteral("cookie")].toString();

    test::GuiTestFixture f;
    QVERIFY(f.keys
                ->add(SessionKey(QStringLiteral("fastapi"),
                                 SecureBytes(secret.constData(), std::size_t(secret.size())),
                                 SessionKey::Kind::SigningSecret))
                .ok());
    f.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    test::paste(test::cookieField(*f.window), cookie);
    InspectorController &c = f.window->controller();
    QTRY_VERIFY(c.lastOpen().hasSession());
    QCOMPARE(c.format()->id(), QStringLiteral("starlette"));
    const QString status = f.window->cookieInput()->statusText();
    QVERIFY2(status.contains(QStringLiteral("Verified with secret “fastapi”")), qPrintable(status));
    QVERIFY2(f.window->cookieInput()->fieldsHtml().contains(QStringLiteral("Starlette session")),
             qPrintable(f.window->cookieInput()->fieldsHtml()));
    QAbstractItemModel *tree = f.window->treePanel()->view()->model();
    QCOMPARE(tree->rowCount(), 3);
    QCOMPARE(tree->index(0, SessionTreeModel::KeyColumn).data().toString(), QStringLiteral("user"));
    QCOMPARE(tree->index(0, SessionTreeModel::ValueColumn).data().toString(),
             QStringLiteral("ada"));

    // Unchanged, with the original timestamp: the middleware's bytes.
    c.setTimestampMode(InspectorController::TimestampMode::KeepOriginal);
    QCOMPARE(c.sealedCookie(), cookie.toLatin1());

    // Edited: a cookie that opens as Starlette's with the new value, verified by the secret.
    QVERIFY(tree->setData(tree->index(0, SessionTreeModel::ValueColumn), QStringLiteral("grace")));
    const QByteArray sealed = c.sealedCookie();
    QVERIFY(sealed != cookie.toLatin1());
    KeyRing ring;
    QVERIFY(ring.add(SessionKey(QStringLiteral("fastapi"),
                                SecureBytes(secret.constData(), std::size_t(secret.size())),
                                SessionKey::Kind::SigningSecret))
                .ok());
    const auto reopened = CookieOpener::open(sealed, ring, {});
    QVERIFY(reopened.ok());
    QCOMPARE(reopened.format->id(), QStringLiteral("starlette"));
    QCOMPARE(reopened.json(), QByteArray(R"({"user": "grace", "cart": [1, 2], "n": 1})"));
}

QTEST_MAIN(TestStarletteWindow)
#include "tst_StarletteWindow.moc"
