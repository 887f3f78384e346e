// The New Cookie dock mints Flask-WTF's form token for the session being crafted, and the window
// opens a form token as the format wtf-csrf, saying which secret verified it.

#include "CookieInputPanel.h"
#include "GuiTestFixture.h"
#include "SessionTreePanel.h"
#include "document/CookieOpener.h"
#include "document/CsrfTokenCheck.h"
#include "formats/WtfCsrfFormat.h"

#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QUndoStack>

using namespace sessionlens;

namespace {

bool addSecret(test::GuiTestFixture &f, const QString &name, const QByteArray &secret)
{
    return f.keys
        ->add(SessionKey(name, SecureBytes(secret.constData(), std::size_t(secret.size())),
                         SessionKey::Kind::SigningSecret))
        .ok();
}

QJsonObject wtfVector(const QString &name)
{
    for (const QJsonValue &row :
         test::loadJsonObject(QStringLiteral("wtf_csrf_vectors.json"))[QStringLiteral("valid")]
             .toArray()) {
        if (row.toObject()[QStringLiteral("name")].toString() == name)
            return row.toObject();
    }
    return {};
}

} // namespace

class TestCsrfTokenPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mintsATokenForTheCraftedSession()
    {
        test::GuiTestFixture f;
        QVERIFY(addSecret(f, QStringLiteral("dev"), "dev"));
        const QJsonObject v =
            test::cookieVector(QStringLiteral("flask_default"), QStringLiteral("d-login"));
        QVERIFY(
            addSecret(f, QStringLiteral("app"), v[QStringLiteral("secret")].toString().toUtf8()));
        f.window->show();
        f.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
        test::paste(test::cookieField(*f.window), v[QStringLiteral("cookie")].toString());
        gui::InspectorController &c = f.window->controller();
        QVERIFY(c.lastOpen().ok());
        QVERIFY(!c.document().root().value(QStringLiteral("csrf_token")));

        auto *mint = f.window->findChild<QPushButton *>(QStringLiteral("mintCsrfToken"));
        auto *token = f.window->findChild<QLineEdit *>(QStringLiteral("csrfToken"));
        auto *copy = f.window->findChild<QPushButton *>(QStringLiteral("copyCsrfToken"));
        auto *info = f.window->findChild<QLabel *>(QStringLiteral("csrfInfo"));
        QVERIFY(mint && token && copy && info);
        QVERIFY(!copy->isEnabled());
        QTest::mouseClick(mint, Qt::LeftButton);
        QVERIFY(!token->text().isEmpty());
        // The session had none: one undoable edit added the raw token, and the info says so.
        const SessionValue *raw = c.document().root().value(QStringLiteral("csrf_token"));
        QVERIFY(raw);
        QCOMPARE(c.undoStack().count(), 1);
        QVERIFY2(info->text().contains(QStringLiteral("app")), qPrintable(info->text()));
        QVERIFY(info->text().contains(QStringLiteral("csrf_token")));

        // The new cookie and the token belong together: the check accepts them.
        QVERIFY(!c.sealedCookie().isEmpty());
        KeyRing ring;
        const QByteArray secret = v[QStringLiteral("secret")].toString().toUtf8();
        QVERIFY(ring.add(SessionKey(QStringLiteral("app"),
                                    SecureBytes(secret.constData(), std::size_t(secret.size())),
                                    SessionKey::Kind::SigningSecret))
                    .ok());
        const auto reopened = CookieOpener::open(c.sealedCookie(), ring, c.signerOptions());
        QVERIFY(reopened.ok());
        QVERIFY(CsrfTokenCheck::verify(token->text().toLatin1(), reopened.session(), ring,
                                       CsrfTokenCheck::Options())
                    .ok());

        // Minting again keeps the raw token: no second edit.
        mint->setFocus();
        QTest::keyClick(mint, Qt::Key_Space);
        QCOMPARE(c.undoStack().count(), 1);

        // Copy by keyboard.
        QVERIFY(copy->isEnabled());
        copy->setFocus();
        QTest::keyClick(copy, Qt::Key_Space);
        QCOMPARE(QApplication::clipboard()->text(), token->text());
    }

    void mintsOnlyInFlaskSessions()
    {
        // Flask-WTF runs on Flask's sessions: a Starlette session or a form token itself has
        // no csrf_token to sign, so the row is disabled and says why; clicking does nothing.
        test::GuiTestFixture f;
        const QJsonObject starlette =
            test::loadJsonObject(QStringLiteral("starlette_vectors.json"))[QStringLiteral("valid")]
                .toArray()
                .first()
                .toObject();
        QVERIFY(addSecret(f, QStringLiteral("starlette"),
                          starlette[QStringLiteral("secret")].toString().toUtf8()));
        QVERIFY(addSecret(f, QStringLiteral("dev"), "dev"));
        f.window->show();
        f.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
        gui::InspectorController &c = f.window->controller();
        auto *mint = f.window->findChild<QPushButton *>(QStringLiteral("mintCsrfToken"));
        auto *token = f.window->findChild<QLineEdit *>(QStringLiteral("csrfToken"));
        auto *info = f.window->findChild<QLabel *>(QStringLiteral("csrfInfo"));
        QVERIFY(mint && token && info);

        test::paste(test::cookieField(*f.window), starlette[QStringLiteral("cookie")].toString());
        QVERIFY(c.lastOpen().ok());
        QCOMPARE(c.format()->id(), QStringLiteral("starlette"));
        QVERIFY(!mint->isEnabled());
        QVERIFY2(info->text().contains(QStringLiteral("Starlette session")),
                 qPrintable(info->text()));
        QTest::mouseClick(mint, Qt::LeftButton);
        QVERIFY(token->text().isEmpty());
        QCOMPARE(c.undoStack().count(), 0);
        QVERIFY(!c.document().root().value(QStringLiteral("csrf_token")));

        test::paste(test::cookieField(*f.window),
                    wtfVector(QStringLiteral("default"))[QStringLiteral("token")].toString());
        QCOMPARE(c.format()->id(), WtfCsrfFormat::formatId());
        QVERIFY(!mint->isEnabled());
        QVERIFY2(info->text().contains(QStringLiteral("token itself")), qPrintable(info->text()));

        // An EncryptedSession session is Flask's too.
        QVERIFY(f.openLogin());
        QCOMPARE(c.format()->id(), QStringLiteral("encrypted"));
        QVERIFY(mint->isEnabled());
        QVERIFY(info->text().isEmpty());

        // A Flask session (the same Flask-WTF vector's): the row works, and the reason is gone.
        test::paste(
            test::cookieField(*f.window),
            wtfVector(QStringLiteral("default"))[QStringLiteral("session_cookie")].toString());
        QCOMPARE(c.format()->id(), QStringLiteral("signed"));
        QVERIFY(mint->isEnabled());
        QVERIFY(info->text().isEmpty());
        QTest::mouseClick(mint, Qt::LeftButton);
        QVERIFY(!token->text().isEmpty());
        QCOMPARE(c.undoStack().count(), 0); // it had its csrf_token

        // Converted to Starlette (Edit menu, by its letter): disabled again, the token gone.
        QTest::keyClick(f.window->treePanel()->view(), Qt::Key_E, Qt::AltModifier);
        QMenu *edit = nullptr;
        QTRY_VERIFY((edit = qobject_cast<QMenu *>(QApplication::activePopupWidget())));
        QTest::keyClick(edit, 's');
        QTRY_VERIFY(!edit->isVisible());
        QCOMPARE(c.format()->id(), QStringLiteral("starlette"));
        QVERIFY(!mint->isEnabled());
        QVERIFY(token->text().isEmpty());
        QVERIFY(info->text().contains(QStringLiteral("Starlette session")));
    }

    void opensAFormTokenAndNamesTheSecret()
    {
        test::GuiTestFixture f;
        const QJsonObject v = wtfVector(QStringLiteral("default"));
        QVERIFY(addSecret(f, QStringLiteral("other"), "not-it"));
        QVERIFY(addSecret(f, QStringLiteral("csrf-secret"),
                          v[QStringLiteral("secret")].toString().toUtf8()));
        f.window->show();
        f.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
        test::paste(test::cookieField(*f.window), v[QStringLiteral("token")].toString());
        gui::InspectorController &c = f.window->controller();
        QVERIFY(c.lastOpen().ok());
        QCOMPARE(c.format()->id(), WtfCsrfFormat::formatId());
        QCOMPARE(c.document().root().value(QStringLiteral("csrf_token"))->stringValue(),
                 v[QStringLiteral("raw")].toString());
        const QString status = f.window->cookieInput()->statusText();
        QVERIFY2(status.contains(QStringLiteral("Verified with secret “csrf-secret”")),
                 qPrintable(status));
        QVERIFY(status.contains(QStringLiteral("Flask-WTF CSRF token")));
        // Re-signed in the same format, with the secret that verified it: keeping the timestamp,
        // the very token Flask-WTF made.
        QVERIFY(c.sealedCookie().startsWith('I'));
        c.setTimestampMode(gui::InspectorController::TimestampMode::KeepOriginal);
        QCOMPARE(c.sealedCookie(), v[QStringLiteral("token")].toString().toLatin1());
    }
};

QTEST_MAIN(TestCsrfTokenPanel)
#include "tst_CsrfTokenPanel.moc"
