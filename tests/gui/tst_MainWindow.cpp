#include "ChangeTable.h"
#include "ComparePanel.h"
#include "CookieInputPanel.h"
#include "GuiTestFixture.h"
#include "HistoryDialog.h"
#include "JsonEditorPanel.h"
#include "KeyRingDialog.h"
#include "ResealPanel.h"
#include "SecretAuditDialog.h"
#include "SessionEditCommand.h"
#include "SessionTreePanel.h"
#include "ShortcutsDialog.h"
#include "SizeChart.h"
#include "SizePanel.h"
#include "TestData.h"
#include "document/CookieOpener.h"
#include "encoding/Base64.h"
#include "formats/EncryptedSessionCodec.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/FormatRegistry.h"
#include "text/CookieSnippet.h"
#include "json/PythonJsonWriter.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFont>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {

const QByteArray kKey = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";

QJsonObject vector(const QString &name)
{
    return test::cookieVector(QStringLiteral("encrypted_session"), name);
}

EncryptedSessionCodec vectorCodec()
{
    const QByteArray raw = QByteArray::fromHex(kKey);
    return EncryptedSessionCodec::create(SecureBytes(raw.constData(), 32)).value();
}

} // namespace

using test::GermanCatalogue;

// Answers the next message box with `button` once it is shown (the box is modal: the test's
// own code is blocked inside exec() until then).
void answerNextMessageBox(QMessageBox::StandardButton button, bool *asked)
{
    QTimer::singleShot(0, qApp, [button, asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        *asked = true;
        box->button(button)->click();
    });
}

// A file store whose answers arrive on a later turn of the event loop, as a keychain's do.
class LaterFileKeyStore : public FileKeyStore
{
public:
    using FileKeyStore::FileKeyStore;
    void storeLater(const QString &name, const SecureBytes &secret, QObject *context,
                    Written done) override
    {
        QTimer::singleShot(0, context, [this, name, secret, done] { done(store(name, secret)); });
    }
};

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newCookieSealsWithTheKeyItShows();
    void pasteOpensEveryVector_data();
    void pasteOpensEveryVector();
    void headerLinesAndWhichKey();
    void wrongKeyAndTamperedCookie();
    void editUndoRedoAndReseal();
    void sizePanelShowsCoreFigures();
    void jsonViewErrorsKeepTheTree();
    void compareShowsChanges();
    void copyForms();
    void autosaveSurvivesACrash();
    void keyRingFileStoreHoldsNoKeyText();
    void saveAndOpenSessionJson();
    void signedCookieWithoutSecret();
    void signedCookieVerifiedEditedAndResigned();
    void theSecretThatVerifiedIsNamed();
    void signedCookieWrongSecretIsNeverSilent();
    void secretAuditRunsInTheBackground();
    void signedSessionKeepsItsDialogEverywhere();
    void lifetimePreferenceFlagsExpiry();
    void pastingOverEditsAsksFirst_data();
    void pastingOverEditsAsksFirst();
    void firstEditIsAutosaved();
    void recoveryShowsItsCookieInTheField();
    void failedOpenGreysOutThePreviousSession();
    void typingInOneCellIsOneUndoStep();
    void undoItemsAreWholePhrases();
    void keyRingMarksRunOnlyKeysAndWaitsVisibly();
    void pastesWhatTheBrowserCopies_data();
    void pastesWhatTheBrowserCopies();
    void base64ErrorMarksItsFieldAndCharacter();
    void signedAgeStaysCurrent();
    void jsonTabShowsTheExactText_data();
    void jsonTabShowsTheExactText();
    void keyboardShortcutsListsTheMenus();
    void sizesFitTheirDockInGerman();
    void convertsBetweenTheFormats();
    void editedRowsAreMarked();
    void filterOpensTheWayToEachMatch();
    void compareColumnsFitAndElide();
    void historyPreviewsAndCompares();
    void errorDetailsSpeakGerman();
};

void TestMainWindow::newCookieSealsWithTheKeyItShows()
{
    // Before any cookie is opened, the New Cookie panel showed the first key in its box while
    // saying "choose an AES key": the key shown must be the key used.
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    auto *box = f.window->resealPanel()->findChild<QComboBox *>(QStringLiteral("sealKey"));
    QVERIFY(box);
    QCOMPARE(box->currentText(), QStringLiteral("vectors"));
    QCOMPARE(f.window->controller().sealKeyName(), QStringLiteral("vectors"));
    QTRY_VERIFY(!f.window->controller().sealedCookie().isEmpty());
    QVERIFY(!f.window->controller().sealError());
    QCOMPARE(FormatDetector::detect(f.window->controller().sealedCookie()),
             FormatDetector::Format::EncryptedSession);
}

void TestMainWindow::pasteOpensEveryVector_data()
{
    QTest::addColumn<QString>("cookie");
    QTest::addColumn<QByteArray>("plaintext");
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session")))
        QTest::newRow(qPrintable(v[QStringLiteral("name")].toString()))
            << v[QStringLiteral("cookie")].toString()
            << v[QStringLiteral("plaintext")].toString().toUtf8();
}

void TestMainWindow::pasteOpensEveryVector()
{
    QFETCH(QString, cookie);
    QFETCH(QByteArray, plaintext);
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("other"), QByteArray(64, '3')));
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->show();
    f.window->cookieInput()->setText(cookie);
    InspectorController &c = f.window->controller();
    QVERIFY(c.lastOpen().ok());
    QCOMPARE(PythonJsonWriter::write(c.document().root()), plaintext);
    QTreeView *view = f.window->treePanel()->view();
    QCOMPARE(view->model()->rowCount(), int(c.document().root().size()));
    QCOMPARE(view->model()->index(0, SessionTreeModel::KeyColumn).data().toString(),
             c.document().root().child(0)->key());
    QVERIFY2(f.window->cookieInput()->statusText().contains(QStringLiteral("\"vectors\"")),
             qPrintable(f.window->cookieInput()->statusText()));
    // The re-sealed cookie opens to the same plaintext.
    EncryptedSessionCodec codec = vectorCodec();
    const auto decoded = codec.decode(c.sealedCookie());
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.plaintext, plaintext);
}

void TestMainWindow::headerLinesAndWhichKey()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("staging"), QByteArray(64, 'a')));
    QVERIFY(f.addKeyHex(QStringLiteral("production"), kKey));
    const QString cookie = vector(QStringLiteral("login"))[QStringLiteral("cookie")].toString();
    f.window->cookieInput()->setText(QStringLiteral("Cookie: theme=dark; session=") + cookie);
    QVERIFY(f.window->controller().lastOpen().ok());
    QCOMPARE(f.window->controller().lastOpen().keyName, QStringLiteral("production"));
    QCOMPARE(f.window->controller().sealKeyName(), QStringLiteral("production"));
    f.window->cookieInput()->setText(QStringLiteral("Set-Cookie: session=") + cookie +
                                     QStringLiteral("; HttpOnly; Path=/"));
    QVERIFY(f.window->controller().lastOpen().ok());
}

void TestMainWindow::wrongKeyAndTamperedCookie()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("wrong"), QByteArray(64, 'b')));
    const QString cookie = vector(QStringLiteral("login"))[QStringLiteral("cookie")].toString();
    f.window->cookieInput()->setText(cookie);
    QVERIFY(!f.window->controller().lastOpen().ok());
    QVERIFY2(f.window->cookieInput()->statusText().contains(
                 QStringLiteral("authentication step failed")),
             qPrintable(f.window->cookieInput()->statusText()));
    // The tag field is marked as the failing one.
    QVERIFY(f.window->cookieInput()->fieldsHtml().contains(QStringLiteral("background:#f8d0d0")));

    QVERIFY(f.addKeyHex(QStringLiteral("right"), kKey));
    f.window->cookieInput()->setText(cookie);
    QVERIFY(f.window->controller().lastOpen().ok());
    const QByteArray before = PythonJsonWriter::write(f.window->controller().document().root());

    // Tampered: one ciphertext bit flipped, re-encoded.
    auto fields = EncryptedSessionCodec::split(cookie.toLatin1()).value();
    fields.ciphertext[3] = char(fields.ciphertext[3] ^ 0x10);
    const QString tampered = QString::fromLatin1(
        fields.flag + '.' + Base64::encode(fields.ciphertext, Base64::Alphabet::Standard) + '.' +
        fields.tagText + '.' + fields.nonceText);
    f.window->cookieInput()->setText(tampered);
    QCOMPARE(f.window->controller().lastOpen().error->category, ErrorCategory::Authentication);
    // Nothing lost: the last good session stays in the tree.
    QCOMPARE(PythonJsonWriter::write(f.window->controller().document().root()), before);

    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session_invalid"))) {
        f.window->cookieInput()->setText(v[QStringLiteral("cookie")].toString());
        const auto &result = f.window->controller().lastOpen();
        QVERIFY(!result.ok());
        const QString expected = v[QStringLiteral("error")].toString();
        const QString got = Error::categoryName(result.error->category);
        QVERIFY2(got == expected ||
                     (expected == QLatin1String("format") && got == QLatin1String("base64")),
                 qPrintable(got + QStringLiteral(" vs ") + expected));
        QVERIFY(f.window->cookieInput()->statusText().contains(QStringLiteral("step failed")));
    }
}

void TestMainWindow::editUndoRedoAndReseal()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->cookieInput()->setText(
        vector(QStringLiteral("login"))[QStringLiteral("cookie")].toString());
    InspectorController &c = f.window->controller();
    QAbstractItemModel *view = f.window->treePanel()->view()->model();
    // Through the view's (filter) model, as the delegate would.
    const QModelIndex username = view->index(1, SessionTreeModel::ValueColumn);
    QCOMPARE(username.data().toString(), QStringLiteral("alice"));
    QVERIFY(view->setData(username, QStringLiteral("mallory")));
    QCOMPARE(c.document().root().child(1)->stringValue(), QStringLiteral("mallory"));
    QVERIFY(f.window->isWindowModified());

    EncryptedSessionCodec codec = vectorCodec();
    auto decoded = codec.decode(c.sealedCookie());
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.plaintext,
             QByteArray(R"({"user_id": 42, "username": "mallory", "logged_in": true})"));

    c.undoStack().undo();
    QCOMPARE(c.document().root().child(1)->stringValue(), QStringLiteral("alice"));
    decoded = codec.decode(c.sealedCookie());
    QCOMPARE(decoded.plaintext,
             vector(QStringLiteral("login"))[QStringLiteral("plaintext")].toString().toUtf8());
    QVERIFY(!f.window->isWindowModified());
    c.undoStack().redo();
    QCOMPARE(c.document().root().child(1)->stringValue(), QStringLiteral("mallory"));

    // Type change and key add through the panel's actions.
    f.window->treePanel()->setCurrentSourceIndex(c.model().index(0, 0));
    f.window->treePanel()->changeCurrentType(SessionValue::Type::String);
    QCOMPARE(c.document().root().child(0)->stringValue(), QStringLiteral("42"));
    f.window->treePanel()->addEntry();
    QCOMPARE(c.document().root().child(1)->key(), QStringLiteral("new_key"));
    f.window->treePanel()->deleteCurrent();
    QCOMPARE(c.document().root().size(), 3);
    QCOMPARE(c.undoStack().count(), 4);
}

void TestMainWindow::sizePanelShowsCoreFigures()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->cookieInput()->setText(
        vector(QStringLiteral("compressed-cart"))[QStringLiteral("cookie")].toString());
    const SizeReport expected = SizeReport::compute(f.window->controller().document().root());
    const auto &bars = f.window->sizePanel()->pipelineChart()->bars();
    QCOMPARE(bars.size(), 6);
    QCOMPARE(bars[0].value, expected.jsonBytes);
    QCOMPARE(bars[1].value, expected.compressedBytes);
    QCOMPARE(bars[2].value, expected.stageBytes(u"ciphertext_bytes"));
    QCOMPARE(bars[3].value, expected.stageBytes(u"ciphertext_base64"));
    QCOMPARE(bars[4].value, expected.cookieValueBytes);
    QCOMPARE(bars[5].value, expected.setCookieBytes);
    QCOMPARE(expected.cookieValueBytes,
             vector(QStringLiteral("compressed-cart"))[QStringLiteral("cookie")].toString().size());
    QCOMPARE(f.window->sizePanel()->keyChart()->bars().size(), expected.keys.size());
    QVERIFY(
        f.window->sizePanel()->summaryText().contains(QLocale().toString(expected.nameValueBytes)));
    QCOMPARE(f.window->sizePanel()->warningText(), QStringLiteral("Within the limits."));

    // Push it over the limit: the warning says so.
    SessionValue big = f.window->controller().document().root();
    QString noise;
    QRandomGenerator random(1);
    for (int i = 0; i < 5000; ++i)
        noise.append(QChar(char16_t(u'!' + random.bounded(90))));
    big.setValue(QStringLiteral("noise"), SessionValue::makeString(noise));
    f.window->controller().loadSession(std::move(big), QStringLiteral("vectors"));
    QVERIFY(f.window->sizePanel()->warningText().contains(QStringLiteral("4096")));
}

void TestMainWindow::jsonViewErrorsKeepTheTree()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->show();
    f.window->cookieInput()->setText(
        vector(QStringLiteral("types"))[QStringLiteral("cookie")].toString());
    JsonEditorPanel *json = f.window->jsonPanel();
    f.window->textTabs()->setCurrentWidget(json);
    // The text follows the session shortly after each change (deferred layout).
    QTRY_COMPARE(json->editor()->toPlainText().toUtf8(),
                 vector(QStringLiteral("types"))[QStringLiteral("plaintext")].toString().toUtf8());
    const QByteArray before = PythonJsonWriter::write(f.window->controller().document().root());
    json->editor()->setPlainText(QStringLiteral("{\"a\": 1,\n \"b\": }"));
    QVERIFY(!json->apply());
    QCOMPARE(json->errorText(), QStringLiteral("Line 2, column 7: Expecting value"));
    QCOMPARE(PythonJsonWriter::write(f.window->controller().document().root()), before);
    json->editor()->setPlainText(QStringLiteral("{\"a\": [1, 2.50, NaN]}"));
    QVERIFY(json->apply());
    QCOMPARE(PythonJsonWriter::write(f.window->controller().document().root()),
             QByteArray(R"({"a": [1, 2.5, NaN]})"));
    QCOMPARE(f.window->treePanel()->view()->model()->rowCount(), 1);
    f.window->controller().undoStack().undo();
    QCOMPARE(PythonJsonWriter::write(f.window->controller().document().root()), before);
    QTRY_COMPARE(json->editor()->toPlainText().toUtf8(), before);
}

void TestMainWindow::compareShowsChanges()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->show();
    f.window->cookieInput()->setText(
        vector(QStringLiteral("login"))[QStringLiteral("cookie")].toString());
    f.window->textTabs()->setCurrentWidget(f.window->comparePanel());
    QCOMPARE(f.window->comparePanel()->table()->topLevelItemCount(), 0);
    QVERIFY(f.window->treePanel()->view()->model()->setData(
        f.window->treePanel()->view()->model()->index(0, SessionTreeModel::ValueColumn),
        QStringLiteral("43")));
    QTreeWidget *table = f.window->comparePanel()->table();
    QCOMPARE(table->topLevelItemCount(), 1);
    QCOMPARE(table->topLevelItem(0)->text(1), QStringLiteral("session['user_id']"));
    QCOMPARE(table->topLevelItem(0)->text(2), QStringLiteral("42"));
    QCOMPARE(table->topLevelItem(0)->text(3), QStringLiteral("43"));
}

void TestMainWindow::copyForms()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->cookieInput()->setText(
        vector(QStringLiteral("login"))[QStringLiteral("cookie")].toString());
    const QString cookie = QString::fromLatin1(f.window->controller().sealedCookie());
    QCOMPARE(f.window->resealPanel()->cookieText(), cookie);
    f.window->resealPanel()->copyAs(CookieSnippet::Kind::CookieHeader);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("Cookie: session=") + cookie);
    f.window->resealPanel()->copyAs(CookieSnippet::Kind::Curl);
    QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("curl --cookie 'session=") +
                                                         cookie));
    f.window->resealPanel()->copyAs(CookieSnippet::Kind::PythonRequests);
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("requests.get(")));
}

void TestMainWindow::autosaveSurvivesACrash()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->cookieInput()->setText(
        vector(QStringLiteral("flash"))[QStringLiteral("cookie")].toString());
    QVERIFY(f.window->treePanel()->view()->model()->setData(
        f.window->treePanel()->view()->model()->index(1, SessionTreeModel::ValueColumn),
        QStringLiteral("False")));
    const QByteArray edited = PythonJsonWriter::write(f.window->controller().document().root());
    f.window->persistence().autosaveNow();
    QVERIFY(QFile::exists(f.recovery->autosaveFile()));
    QCOMPARE(QFile::permissions(f.recovery->autosaveFile()) &
                 (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());

    f.open(); // a new window over the same folder, without a clean shutdown before it
    QVERIFY(f.window->offerRecovery(false));
    InspectorController &c = f.window->controller();
    QCOMPARE(PythonJsonWriter::write(c.document().root()), edited);
    QCOMPARE(c.sealKeyName(), QStringLiteral("vectors"));
    // The original cookie is back too, so the edit is an undoable change against it.
    QVERIFY(c.undoStack().canUndo());
    c.undoStack().undo();
    QCOMPARE(PythonJsonWriter::write(c.document().root()),
             vector(QStringLiteral("flash"))[QStringLiteral("plaintext")].toString().toUtf8());
    // History remembers the cookie, never the key.
    const auto history = f.recovery->history();
    QVERIFY(!history.isEmpty());
    QCOMPARE(history.first().keyName, QStringLiteral("vectors"));
    QFile historyFile(f.recovery->historyFile());
    QVERIFY(historyFile.open(QIODevice::ReadOnly));
    QVERIFY(!historyFile.readAll().contains(kKey));
}

void TestMainWindow::keyRingFileStoreHoldsNoKeyText()
{
    test::GuiTestFixture f;
    const QByteArray raw = QByteArray::fromHex(kKey);
    const SessionKey key(QStringLiteral("prod"), SecureBytes(raw.constData(), 32));
    QVERIFY(f.keys->add(SessionKey(key.name(), key.bytes())).ok());
    QVERIFY(f.addKeyHex(QStringLiteral("second"), QByteArray(64, 'c')));
    QVERIFY(f.keys->rename(QStringLiteral("second"), QStringLiteral("qa")).ok());

    // A restart reads the same keys back.
    f.open();
    QCOMPARE(f.keys->ring().names(), (QStringList{QStringLiteral("prod"), QStringLiteral("qa")}));
    QVERIFY(f.keys->ring().find(QStringLiteral("prod"))->bytes().equals(key.bytes()));

    // Neither the store nor the settings contain the key in any textual form.
    FileKeyStore store(f.dir.path());
    const QByteArray forms[] = {kKey,
                                kKey.toUpper(),
                                raw.toBase64(),
                                raw.toBase64(QByteArray::Base64UrlEncoding),
                                key.toPythonLiteral().toLatin1(),
                                raw};
    for (const QString &path : {store.dataFile(), f.settings->fileName()}) {
        f.settings->sync();
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray content = file.readAll();
        QVERIFY(!content.isEmpty());
        for (const QByteArray &form : forms)
            QVERIFY2(!content.contains(form), qPrintable(path));
    }
    QCOMPARE(QFile::permissions(store.dataFile()) &
                 (QFileDevice::ReadOther | QFileDevice::ReadGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QCOMPARE(QFile::permissions(store.wrapKeyFile()) &
                 (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
    QVERIFY(f.keys->remove(QStringLiteral("qa")).ok());
    f.open();
    QCOMPARE(f.keys->ring().names(), QStringList{QStringLiteral("prod")});

    // A key for this run only stays out of the store, also when it is renamed.
    QVERIFY(f.keys
                ->addTemporary(SessionKey(QStringLiteral("cli"),
                                          SecureBytes(QByteArray(32, 'z').constData(), 32)))
                .ok());
    QVERIFY(f.keys->rename(QStringLiteral("cli"), QStringLiteral("cli2")).ok());
    QVERIFY(!store.load(QStringLiteral("cli2")).ok());
    f.open();
    QCOMPARE(f.keys->ring().names(), QStringList{QStringLiteral("prod")});
}

void TestMainWindow::saveAndOpenSessionJson()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->cookieInput()->setText(
        vector(QStringLiteral("unicode"))[QStringLiteral("cookie")].toString());
    const QString path = f.dir.filePath(QStringLiteral("saved.json"));
    QVERIFY(f.window->saveSessionTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(),
             vector(QStringLiteral("unicode"))[QStringLiteral("plaintext")].toString().toUtf8() +
                 '\n');
    f.window->cookieInput()->setText(
        vector(QStringLiteral("login"))[QStringLiteral("cookie")].toString());
    QVERIFY(f.window->openSessionFrom(path));
    QCOMPARE(PythonJsonWriter::write(f.window->controller().document().root()),
             vector(QStringLiteral("unicode"))[QStringLiteral("plaintext")].toString().toUtf8());
}

namespace {

QJsonObject signedVector(const QString &name)
{
    return test::cookieVector(QStringLiteral("flask_default"), name);
}

bool addSecret(test::GuiTestFixture &f, const QString &name, const QByteArray &secret)
{
    return f.keys
        ->add(SessionKey(name, SecureBytes(secret.constData(), std::size_t(secret.size())),
                         SessionKey::Kind::SigningSecret))
        .ok();
}

} // namespace

void TestMainWindow::theSecretThatVerifiedIsNamed()
{
    // Two stored secrets: the status names the one that verified, and the format it served.
    test::GuiTestFixture f;
    const QJsonObject v = signedVector(QStringLiteral("d-login"));
    QVERIFY(addSecret(f, QStringLiteral("staging"), "not the secret"));
    QVERIFY(addSecret(f, QStringLiteral("production"),
                      v[QStringLiteral("secret")].toString().toUtf8()));
    auto *input = f.window->findChild<QPlainTextEdit *>(QStringLiteral("cookieInput"));
    QVERIFY(input);
    QApplication::clipboard()->setText(v[QStringLiteral("cookie")].toString());
    input->setFocus();
    QTest::keyClick(input, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(input, Qt::Key_V, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(f.window->controller().lastOpen().ok(), 10000);
    const QString status = f.window->cookieInput()->statusText();
    QVERIFY2(
        status.contains(QStringLiteral("Verified with secret “production” (Flask / Quart signed "
                                       "session)")),
        qPrintable(status));
    QVERIFY(!status.contains(QStringLiteral("staging")));
    QCOMPARE(f.window->controller().lastOpen().opened.keyName, QStringLiteral("production"));
    // Kept for another format only, the same secret no longer verifies Flask's cookie.
    QVERIFY(f.keys->setFormats(QStringLiteral("production"), {QStringLiteral("starlette")}).ok());
    QTest::keyClick(input, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(input, Qt::Key_V, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(
        f.window->cookieInput()->statusText().contains(QStringLiteral("NOT verified")), 10000);
}

void TestMainWindow::signedCookieWithoutSecret()
{
    test::GuiTestFixture f;
    const QJsonObject v = signedVector(QStringLiteral("d-tagged"));
    f.window->cookieInput()->setText(v[QStringLiteral("cookie")].toString());
    InspectorController &c = f.window->controller();
    QVERIFY(c.lastOpen().ok());
    QVERIFY((c.format()->id() == QLatin1String("signed")));
    QCOMPARE(PythonJsonWriter::write(c.document().root(), PythonJsonWriter::Style::FlaskTagged),
             v[QStringLiteral("payload")].toString().toUtf8());
    QCOMPARE(f.window->treePanel()
                 ->view()
                 ->model()
                 ->index(0, SessionTreeModel::TypeColumn)
                 .data()
                 .toString(),
             QStringLiteral("UUID"));
    QVERIFY2(f.window->cookieInput()->statusText().contains(QStringLiteral("not checked")),
             qPrintable(f.window->cookieInput()->statusText()));
    QVERIFY(f.window->cookieInput()->fieldsHtml().contains(QStringLiteral("2026-11-26")) ||
            f.window->cookieInput()->fieldsHtml().contains(QStringLiteral("UTC")));
    // Nothing signs without a secret, and the pipeline says the payload is not encrypted.
    QVERIFY(c.sealError().has_value());
    QCOMPARE(f.window->sizePanel()->pipelineChart()->bars()[2].label,
             QStringLiteral("payload (not encrypted)"));
}

void TestMainWindow::signedCookieVerifiedEditedAndResigned()
{
    test::GuiTestFixture f;
    const QJsonObject v = signedVector(QStringLiteral("d-login"));
    const QByteArray secret = v[QStringLiteral("secret")].toString().toUtf8();
    QVERIFY(addSecret(f, QStringLiteral("dev"), secret));
    f.window->cookieInput()->setText(v[QStringLiteral("cookie")].toString());
    InspectorController &c = f.window->controller();
    QVERIFY(c.lastOpen().ok());
    QVERIFY2(f.window->cookieInput()->statusText().contains(
                 QStringLiteral("Verified with secret “dev” (Flask / Quart signed session)")),
             qPrintable(f.window->cookieInput()->statusText()));
    QCOMPARE(c.verifiedSecretName(), QStringLiteral("dev"));

    // Keeping the timestamp, the unchanged session re-signs to the very same cookie.
    c.setTimestampMode(InspectorController::TimestampMode::KeepOriginal);
    QCOMPARE(c.sealedCookie(), v[QStringLiteral("cookie")].toString().toLatin1());

    QAbstractItemModel *view = f.window->treePanel()->view()->model();
    QVERIFY(
        view->setData(view->index(1, SessionTreeModel::ValueColumn), QStringLiteral("mallory")));
    const auto decoded =
        FlaskSignedCodec::decode(c.sealedCookie(), FlaskSignedCodec::Options{},
                                 {SecureBytes(secret.constData(), std::size_t(secret.size()))});
    QCOMPARE(decoded.verification, FlaskSignedCodec::Verification::Valid);
    QCOMPARE(decoded.json, QByteArray(R"({"user_id":42,"username":"mallory"})"));
    QCOMPARE(decoded.parts.timestamp, qint64(v[QStringLiteral("timestamp")].toInteger()));
    QVERIFY(f.window->findChild<QLabel *>(QStringLiteral("resealWarning"))->text().isEmpty());
    // The size report follows the signed cookie.
    QCOMPARE(c.sizeReport().cookieValueBytes, c.sealedCookie().size());
}

void TestMainWindow::signedCookieWrongSecretIsNeverSilent()
{
    test::GuiTestFixture f;
    QVERIFY(addSecret(f, QStringLiteral("other"), "not-the-secret"));
    const QJsonObject v = signedVector(QStringLiteral("d-flashes"));
    f.window->cookieInput()->setText(v[QStringLiteral("cookie")].toString());
    InspectorController &c = f.window->controller();
    QVERIFY(!c.lastOpen().ok());
    QVERIFY(c.lastOpen().readableButUnverified());
    QVERIFY(f.window->cookieInput()->statusText().contains(QStringLiteral("NOT verified")));
    // The payload is still there to read...
    QCOMPARE(PythonJsonWriter::write(c.document().root(), PythonJsonWriter::Style::FlaskTagged),
             v[QStringLiteral("payload")].toString().toUtf8());
    // ...and signing with a secret that did not verify it says so.
    c.setSealKeyName(QStringLiteral("other"));
    QVERIFY(!c.sealedCookie().isEmpty());
    QVERIFY(f.window->findChild<QLabel *>(QStringLiteral("resealWarning"))
                ->text()
                .contains(QStringLiteral("not verified")));
}

void TestMainWindow::secretAuditRunsInTheBackground()
{
    test::GuiTestFixture f;
    const QJsonObject v = signedVector(QStringLiteral("d-login"));
    const QByteArray secret = v[QStringLiteral("secret")].toString().toUtf8();
    const QString path = f.dir.filePath(QStringLiteral("words.txt"));
    {
        QFile list(path);
        QVERIFY(list.open(QIODevice::WriteOnly));
        for (int line = 1; line <= 30000; ++line)
            list.write(line == 17777 ? secret + '\n' : "word" + QByteArray::number(line) + '\n');
    }
    SecretAuditDialog dialog(v[QStringLiteral("cookie")].toString().toLatin1(), nullptr, *f.keys);
    dialog.setWordlist(path);
    QSignalSpy finished(&dialog, &SecretAuditDialog::finished);
    dialog.start();
    QVERIFY(dialog.isRunning());
    QVERIFY(finished.wait(60000));
    QVERIFY(!dialog.isRunning());
    QCOMPARE(dialog.foundSecret().exposeCopy(), secret);
    QVERIFY2(dialog.resultText().contains(QStringLiteral("line 17777")),
             qPrintable(dialog.resultText()));
    // The dialog shows what it found; "&Wordlist:" has a buddy, so its '&' is a mnemonic, not text.
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("foundSecret"))->text(),
             QString::fromUtf8(secret));
    bool wordlistLabel = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->text().contains(u'&')) {
            QVERIFY2(label->buddy(), qPrintable(label->text()));
            wordlistLabel = wordlistLabel || label->text() == QStringLiteral("&Wordlist:");
        }
    }
    QVERIFY(wordlistLabel);
}

void TestMainWindow::signedSessionKeepsItsDialogEverywhere()
{
    test::GuiTestFixture f;
    QVERIFY(addSecret(
        f, QStringLiteral("dev"),
        signedVector(QStringLiteral("d-tagged"))[QStringLiteral("secret")].toString().toUtf8()));
    f.window->show();
    const QJsonObject v = signedVector(QStringLiteral("d-tagged"));
    f.window->cookieInput()->setText(v[QStringLiteral("cookie")].toString());
    const QByteArray payload = v[QStringLiteral("payload")].toString().toUtf8();
    // The JSON tab shows Flask's tagged payload, not EncryptedSession's dialect.
    f.window->textTabs()->setCurrentWidget(f.window->jsonPanel());
    QTRY_COMPARE(f.window->jsonPanel()->editor()->toPlainText().toUtf8(), payload);
    // Save/Open and the autosave keep tuples, UUIDs and datetimes.
    const QString path = f.dir.filePath(QStringLiteral("signed.json"));
    QVERIFY(f.window->saveSessionTo(path));
    QVERIFY(f.window->openSessionFrom(path));
    QCOMPARE(PythonJsonWriter::write(f.window->controller().document().root(),
                                     PythonJsonWriter::Style::FlaskTagged),
             payload);
    QAbstractItemModel *view = f.window->treePanel()->view()->model();
    QVERIFY(view->setData(view->index(2, SessionTreeModel::ValueColumn),
                          QStringLiteral("<i>changed</i>")));
    f.window->persistence().autosaveNow();
    f.open();
    QVERIFY(f.window->offerRecovery(false));
    const SessionValue &root = f.window->controller().document().root();
    QCOMPARE(root.value(QStringLiteral("tup"))->type(), SessionValue::Type::Tuple);
    QCOMPARE(root.value(QStringLiteral("safe"))->type(), SessionValue::Type::Markup);
    QCOMPARE(root.value(QStringLiteral("safe"))->stringValue(), QStringLiteral("<i>changed</i>"));
    QVERIFY(f.window->controller().format()->id() == QLatin1String("signed"));
}

void TestMainWindow::lifetimePreferenceFlagsExpiry()
{
    // As the program does for English: the catalogue with the plural forms.
    QTranslator english;
    QVERIFY(english.load(QStringLiteral(":/i18n/sessionlens_en.qm")));
    QCoreApplication::installTranslator(&english);
    test::GuiTestFixture f;
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("a"), SessionValue::makeInteger(1));
    const qint64 threeDaysAgo = QDateTime::currentSecsSinceEpoch() - 3 * 24 * 3600;
    const QByteArray cookie = FlaskSignedCodec::sign(session, SecureBytes("k", 1), threeDaysAgo,
                                                     FlaskSignedCodec::Options{})
                                  .value();
    f.window->cookieInput()->setText(QString::fromLatin1(cookie));
    QVERIFY(!f.window->cookieInput()->statusText().contains(QStringLiteral("Expired")));
    f.settings->setValue(AppSettings::Key::SessionLifetimeDays, 2);
    f.window->cookieInput()->setText(QString::fromLatin1(cookie) + u' ');
    const QString expired = f.window->cookieInput()->statusText();
    QVERIFY2(expired.contains(
                 QStringLiteral("Expired: signed 3 days ago, and the session lifetime is 2 days")),
             qPrintable(expired));
    // Said once, in days: not again as a warning in seconds.
    QCOMPARE(expired.count(QStringLiteral("lifetime")), 1);
    QVERIFY(!expired.contains(QStringLiteral("172800")));
    QCoreApplication::removeTranslator(&english);

    // The signer's salt and digest follow the preferences too.
    FlaskSignedCodec::Options custom;
    custom.signer.salt = "custom-salt";
    custom.signer.digest = ItsdangerousSigner::Digest::Sha256;
    const QByteArray customCookie =
        FlaskSignedCodec::sign(session, SecureBytes("k", 1), QDateTime::currentSecsSinceEpoch(),
                               custom)
            .value();
    QVERIFY(addSecret(f, QStringLiteral("k"), "k"));
    f.window->cookieInput()->setText(QString::fromLatin1(customCookie));
    QCOMPARE(f.window->controller().lastOpen().signature()->verification,
             FlaskSignedCodec::Verification::Invalid);
    f.settings->setValue(AppSettings::Key::SignerSalt, QStringLiteral("custom-salt"));
    f.settings->setValue(AppSettings::Key::SignerDigest, QStringLiteral("sha256"));
    f.window->cookieInput()->setText(QString::fromLatin1(customCookie) + u' ');
    QCOMPARE(f.window->controller().lastOpen().signature()->verification,
             FlaskSignedCodec::Verification::Valid);
    // Re-signing uses the same options: the new cookie verifies under them.
    const auto again = FlaskSignedCodec::decode(f.window->controller().sealedCookie(), custom,
                                                {SecureBytes("k", 1)});
    QCOMPARE(again.verification, FlaskSignedCodec::Verification::Valid);
}

QTEST_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"

void TestMainWindow::pastingOverEditsAsksFirst_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("editsKept");
    QTest::newRow("cancel keeps the edits") << int(QMessageBox::Cancel) << true;
    QTest::newRow("discard opens the new cookie") << int(QMessageBox::Discard) << false;
}

void TestMainWindow::pastingOverEditsAsksFirst()
{
    QFETCH(int, answer);
    QFETCH(bool, editsKept);
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    const QString first = vector(QStringLiteral("flash"))[QStringLiteral("cookie")].toString();
    f.window->cookieInput()->setText(first);
    QAbstractItemModel *model = f.window->treePanel()->view()->model();
    QVERIFY(
        model->setData(model->index(1, SessionTreeModel::ValueColumn), QStringLiteral("False")));
    const QByteArray edited = PythonJsonWriter::write(f.window->controller().document().root());

    bool asked = false;
    answerNextMessageBox(QMessageBox::StandardButton(answer), &asked);
    const QString second = vector(QStringLiteral("unicode"))[QStringLiteral("cookie")].toString();
    QVERIFY(!second.isEmpty());
    f.window->cookieInput()->setText(second);
    QVERIFY(asked);
    const QByteArray now = PythonJsonWriter::write(f.window->controller().document().root());
    if (editsKept) {
        QCOMPARE(now, edited);
        QVERIFY(!f.window->controller().undoStack().isClean());
        // The field shows the cookie whose session is still on screen.
        QCOMPARE(f.window->cookieInput()->text(), first);
    } else {
        QCOMPARE(
            now,
            vector(QStringLiteral("unicode"))[QStringLiteral("plaintext")].toString().toUtf8());
        QVERIFY(f.window->controller().undoStack().isClean());
    }
}

void TestMainWindow::firstEditIsAutosaved()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->cookieInput()->setText(
        vector(QStringLiteral("flash"))[QStringLiteral("cookie")].toString());
    QVERIFY(!f.window->persistence().autosavePending());
    QAbstractItemModel *model = f.window->treePanel()->view()->model();
    QVERIFY(
        model->setData(model->index(1, SessionTreeModel::ValueColumn), QStringLiteral("False")));
    // One edit, nothing else: the autosave is due and gets written on its own timer.
    QVERIFY(f.window->persistence().autosavePending());
    QTRY_VERIFY(QFile::exists(f.recovery->autosaveFile()));
    QVERIFY(f.recovery->readAutosave().has_value());
}

void TestMainWindow::recoveryShowsItsCookieInTheField()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    const QString cookie = vector(QStringLiteral("flash"))[QStringLiteral("cookie")].toString();
    f.window->cookieInput()->setText(cookie);
    QAbstractItemModel *model = f.window->treePanel()->view()->model();
    QVERIFY(
        model->setData(model->index(1, SessionTreeModel::ValueColumn), QStringLiteral("False")));
    f.window->persistence().autosaveNow();

    f.open();
    QVERIFY(f.window->offerRecovery(false));
    // The field and the field breakdown describe the same cookie as the tree.
    QCOMPARE(f.window->cookieInput()->text(), cookie);
    QVERIFY(!f.window->cookieInput()->fieldsHtml().isEmpty());
    QVERIFY(!f.window->controller().undoStack().isClean());
}

void TestMainWindow::failedOpenGreysOutThePreviousSession()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->show();
    f.window->cookieInput()->setText(
        vector(QStringLiteral("flash"))[QStringLiteral("cookie")].toString());
    QVERIFY(f.window->previousSessionBanner().isEmpty());
    QVERIFY(f.window->treePanel()->isEnabled());

    f.window->cookieInput()->setText(QStringLiteral("u.abc$$.def.ghi"));
    QVERIFY(f.window->controller().isShowingPrevious());
    QVERIFY(!f.window->previousSessionBanner().isEmpty());
    QVERIFY(!f.window->treePanel()->isEnabled());
    QVERIFY(!f.window->resealPanel()->isEnabled());
    QVERIFY(!f.window->sizePanel()->isEnabled());
    QVERIFY2(f.window->windowTitle().contains(QStringLiteral("did not open")),
             qPrintable(f.window->windowTitle()));

    f.window->cookieInput()->setText(
        vector(QStringLiteral("unicode"))[QStringLiteral("cookie")].toString());
    QVERIFY(f.window->previousSessionBanner().isEmpty());
    QVERIFY(f.window->treePanel()->isEnabled());
    QVERIFY(f.window->resealPanel()->isEnabled());
}

void TestMainWindow::typingInOneCellIsOneUndoStep()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->cookieInput()->setText(
        vector(QStringLiteral("login"))[QStringLiteral("cookie")].toString());
    const QByteArray original = PythonJsonWriter::write(f.window->controller().document().root());
    QAbstractItemModel *model = f.window->treePanel()->view()->model();
    QUndoStack &stack = f.window->controller().undoStack();
    // The login vector's second key is a string: three edits of the same cell in a row.
    const QModelIndex cell = model->index(1, SessionTreeModel::ValueColumn);
    QVERIFY(model->setData(cell, QStringLiteral("a")));
    QVERIFY(model->setData(cell, QStringLiteral("ab")));
    QVERIFY(model->setData(cell, QStringLiteral("abc")));
    QCOMPARE(stack.count(), 1);
    // Another cell starts a step of its own.
    QVERIFY(model->setData(model->index(0, SessionTreeModel::ValueColumn), QStringLiteral("7")));
    QCOMPARE(stack.count(), 2);
    stack.undo();
    stack.undo();
    QCOMPARE(PythonJsonWriter::write(f.window->controller().document().root()), original);
}

void TestMainWindow::undoItemsAreWholePhrases()
{
    const GermanCatalogue german;
    QVERIFY(german.installed);
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->cookieInput()->setText(
        vector(QStringLiteral("flash"))[QStringLiteral("cookie")].toString());
    QAbstractItemModel *model = f.window->treePanel()->view()->model();
    QVERIFY(
        model->setData(model->index(1, SessionTreeModel::ValueColumn), QStringLiteral("False")));
    auto *undo = f.window->findChild<QAction *>(QStringLiteral("undoAction"));
    QVERIFY(undo);
    QVERIFY(undo->isEnabled());
    QVERIFY2(undo->text().startsWith(QStringLiteral("Bearbeitung von session[")),
             qPrintable(undo->text()));
    QVERIFY2(undo->text().endsWith(QStringLiteral("&rückgängig machen")), qPrintable(undo->text()));
}

void TestMainWindow::keyRingMarksRunOnlyKeysAndWaitsVisibly()
{
    test::GuiTestFixture f;
    KeyRingStore keys(*f.settings, std::make_unique<LaterFileKeyStore>(f.dir.path()));
    (void)keys.load();
    QVERIFY(keys.addTemporary(SessionKey(QStringLiteral("--key #1"),
                                         SecureBytes(QByteArray(32, 'k').constData(), 32)))
                .ok());
    KeyRingDialog dialog(keys);
    QCOMPARE(dialog.table()->rowCount(), 1);
    QVERIFY2(dialog.table()->item(0, 1)->text().contains(QStringLiteral("this run only")),
             qPrintable(dialog.table()->item(0, 1)->text()));

    // Adding waits for the store: the buttons are greyed out under a line that says so.
    auto *waiting = dialog.findChild<QLabel *>(QStringLiteral("keyRingWaiting"));
    QVERIFY(waiting);
    QVERIFY(waiting->isHidden());
    QTimer::singleShot(0, qApp, [] {
        auto *input = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(input);
        input->setTextValue(QStringLiteral("generated"));
        input->accept();
    });
    dialog.generateKey();
    QVERIFY(!waiting->isHidden());
    QVERIFY(waiting->text().contains(keys.store().label()));
    QVERIFY(!keys.ring().find(QStringLiteral("generated"))); // not before the store agreed
    for (QPushButton *button : dialog.findChildren<QPushButton *>())
        if (button->text() == QStringLiteral("&Generate..."))
            QVERIFY(!button->isEnabled());
    QTRY_VERIFY(waiting->isHidden());
    QVERIFY(keys.ring().find(QStringLiteral("generated")));
    QCOMPARE(dialog.table()->rowCount(), 2);
}

void TestMainWindow::pastesWhatTheBrowserCopies_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("from");
    QTest::newRow("copy as cURL") << QStringLiteral(
                                         "curl 'http://127.0.0.1:5000/' -b 'x=1; session=")
                                  << QStringLiteral("' --compressed")
                                  << QStringLiteral("curl command");
    QTest::newRow("request headers")
        << QStringLiteral("GET / HTTP/1.1\nHost: 127.0.0.1\nCookie: session=")
        << QStringLiteral("\nAccept: */*") << QStringLiteral("headers");
    QTest::newRow("devtools row") << QStringLiteral("session\t")
                                  << QStringLiteral("\t127.0.0.1\t/\tSession\t120")
                                  << QStringLiteral("cookie table");
}

void TestMainWindow::pastesWhatTheBrowserCopies()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, from);
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    const QJsonObject v = vector(QStringLiteral("login"));
    f.window->cookieInput()->setText(before + v[QStringLiteral("cookie")].toString() + after);
    QVERIFY2(f.window->controller().lastOpen().ok(),
             qPrintable(f.window->cookieInput()->statusText()));
    QCOMPARE(PythonJsonWriter::write(f.window->controller().document().root()),
             v[QStringLiteral("plaintext")].toString().toUtf8());
    QVERIFY2(f.window->cookieInput()->statusText().contains(from),
             qPrintable(f.window->cookieInput()->statusText()));
}

void TestMainWindow::base64ErrorMarksItsFieldAndCharacter()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->cookieInput()->setText(QStringLiteral("u.abc$$.def.ghi"));
    const QString status = f.window->cookieInput()->statusText();
    QVERIFY2(status.contains(QStringLiteral("'$' at offset 3")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("ciphertext")), qPrintable(status));
    // Only the ciphertext is marked; the flag, tag and nonce are shown as they are.
    const QString html = f.window->cookieInput()->fieldsHtml();
    const QString marked = QStringLiteral("text-decoration:underline\">");
    QCOMPARE(html.count(marked), 1);
    QVERIFY2(html.contains(marked + QStringLiteral("abc$$")), qPrintable(html));
}

void TestMainWindow::signedAgeStaysCurrent()
{
    test::GuiTestFixture f;
    const QJsonObject v = test::cookieVectors(QStringLiteral("flask_default")).first().toObject();
    f.window->cookieInput()->setText(v[QStringLiteral("cookie")].toString());
    InspectorController &c = f.window->controller();
    QVERIFY(c.lastOpen().signature());
    QVERIFY(c.isAgeTicking());
    const qint64 signedAt = c.lastOpen().signature()->parts.timestamp;

    c.refreshAge(signedAt + 10);
    QVERIFY2(f.window->cookieInput()->fieldsHtml().contains(QStringLiteral("10 second")),
             qPrintable(f.window->cookieInput()->fieldsHtml()));
    QVERIFY(!f.window->cookieInput()->statusText().contains(QStringLiteral("Expired")));
    // The window stayed open for 40 days: the age moves on and the cookie is now expired.
    c.refreshAge(signedAt + 40 * 86400);
    QVERIFY(f.window->cookieInput()->fieldsHtml().contains(QStringLiteral("40 day")));
    QVERIFY2(f.window->cookieInput()->statusText().contains(QStringLiteral("Expired")),
             qPrintable(f.window->cookieInput()->statusText()));

    f.window->cookieInput()->setText(QStringLiteral("not a cookie"));
    QVERIFY(!c.isAgeTicking());
}

void TestMainWindow::jsonTabShowsTheExactText_data()
{
    QTest::addColumn<bool>("signedFormat");
    QTest::newRow("signed, keys not sorted") << true;
    QTest::newRow("encrypted, compact") << false;
}

void TestMainWindow::jsonTabShowsTheExactText()
{
    QFETCH(bool, signedFormat);
    test::GuiTestFixture f;
    // Text no writer of ours would produce: the tab must show it as the cookie holds it.
    const QByteArray exact = R"({"b":1,"a":[2,3]})";
    QByteArray cookie;
    if (signedFormat) {
        QVERIFY(f.keys
                    ->add(SessionKey(QStringLiteral("dev"), SecureBytes("dev", 3),
                                     SessionKey::Kind::SigningSecret))
                    .ok());
        cookie = FlaskSignedCodec::signPayload(
                     FlaskSignedCodec::payloadField(exact), SecureBytes("dev", 3),
                     QDateTime::currentSecsSinceEpoch(), FlaskSignedCodec::Options{})
                     .value();
    } else {
        QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
        cookie = vectorCodec().sealPlaintext(exact).value().cookie;
    }
    f.window->cookieInput()->setText(QString::fromLatin1(cookie));
    QVERIFY(f.window->controller().lastOpen().ok());
    f.window->textTabs()->setCurrentWidget(f.window->jsonPanel());
    f.window->show();
    QPlainTextEdit *editor = f.window->jsonPanel()->editor();
    QTRY_COMPARE(editor->toPlainText(), QString::fromLatin1(exact));

    auto *pretty = f.window->jsonPanel()->findChild<QCheckBox *>(QStringLiteral("prettyPrint"));
    QVERIFY(pretty);
    QVERIFY(!pretty->isChecked());
    pretty->setChecked(true);
    QCOMPARE(editor->toPlainText(),
             QStringLiteral("{\n  \"b\": 1,\n  \"a\": [\n    2,\n    3\n  ]\n}"));
    pretty->setChecked(false);
    QCOMPARE(editor->toPlainText(), QString::fromLatin1(exact));
}

void TestMainWindow::keyboardShortcutsListsTheMenus()
{
    test::GuiTestFixture f;
    ShortcutsDialog dialog(*f.window->menuBar());
    QStringList rows;
    for (int i = 0; i < dialog.table()->rowCount(); ++i)
        rows.append(dialog.table()->item(i, 0)->text() + u'=' + dialog.table()->item(i, 1)->text());
    const auto has = [&](const QString &command, const QKeySequence &keys) {
        return rows.contains(command + u'=' + keys.toString(QKeySequence::NativeText));
    };
    QVERIFY2(has(QStringLiteral("File ▸ Open Cookie File..."), QKeySequence::Open),
             qPrintable(rows.join(u'\n')));
    QVERIFY(has(QStringLiteral("Keys ▸ Key Ring..."), QKeySequence(Qt::CTRL | Qt::Key_K)));
    QVERIFY(
        has(QStringLiteral("Help ▸ Keyboard Shortcuts"), QKeySequence(Qt::CTRL | Qt::Key_Slash)));
    // Commands without a shortcut are not listed.
    for (const QString &row : rows)
        QVERIFY(!row.endsWith(u'='));
}

void TestMainWindow::sizesFitTheirDockInGerman()
{
    const GermanCatalogue german;
    QVERIFY(german.installed);
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->show(); // the default size
    f.window->cookieInput()->setText(
        vector(QStringLiteral("compressed-cart"))[QStringLiteral("cookie")].toString());
    QVERIFY(f.window->controller().lastOpen().ok());
    // The panel sits in a scroll area's viewport.
    auto *scroll =
        qobject_cast<QScrollArea *>(f.window->sizePanel()->parentWidget()->parentWidget());
    QVERIFY(scroll);
    QTRY_VERIFY(scroll->viewport()->width() > 0);
    // Nothing needs more width than the dock gives: no sideways scrolling, no cut-off labels.
    QVERIFY2(f.window->sizePanel()->minimumSizeHint().width() <= scroll->viewport()->width(),
             qPrintable(QStringLiteral("%1 > %2")
                            .arg(f.window->sizePanel()->minimumSizeHint().width())
                            .arg(scroll->viewport()->width())));
    QCOMPARE(f.window->sizePanel()->width(), scroll->viewport()->width());
}

void TestMainWindow::convertsBetweenTheFormats()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    QVERIFY(f.keys
                ->add(SessionKey(QStringLiteral("dev"), SecureBytes("dev", 3),
                                 SessionKey::Kind::SigningSecret))
                .ok());
    const QJsonObject v = vector(QStringLiteral("login"));
    f.window->cookieInput()->setText(v[QStringLiteral("cookie")].toString());
    InspectorController &c = f.window->controller();
    QVERIFY(!(c.format()->id() == QLatin1String("signed")));

    // EncryptedSession to signed: the values carry over (Flask only sorts the keys, and the
    // window says so), and the new cookie is signed with the ring's Flask secret.
    const auto sorted = f.window->convertSession(FormatRegistry::builtIn().find(u"signed"));
    QCOMPARE(sorted.size(), qsizetype(1));
    QCOMPARE(sorted.first().path, QStringLiteral("session"));
    QVERIFY(sorted.first().message.contains(QStringLiteral("sorted")));
    QVERIFY((c.format()->id() == QLatin1String("signed")));
    QTRY_VERIFY(!c.sealedCookie().isEmpty());
    QCOMPARE(FormatDetector::detect(c.sealedCookie()), FormatDetector::Format::FlaskSigned);
    KeyRing ring;
    QVERIFY(ring.add(SessionKey(QStringLiteral("dev"), SecureBytes("dev", 3),
                                SessionKey::Kind::SigningSecret))
                .ok());
    FlaskSignedCodec::Options options;
    const auto reopened = CookieOpener::open(c.sealedCookie(), ring, options);
    QVERIFY(reopened.ok());
    QCOMPARE(reopened.session().value(QStringLiteral("username"))->stringValue(),
             QStringLiteral("alice"));

    // A tuple cannot go into EncryptedSession: it becomes a list, and the window says so.
    SessionValue tuple = SessionValue::makeList();
    tuple.append(SessionValue::makeInteger(1));
    tuple.setTupleFromList();
    SessionValue root = c.document().root();
    root.setValue(QStringLiteral("pair"), tuple);
    c.undoStack().push(SessionEditCommand::replace(c.model(), {}, c.document().root(), root));
    const auto notes = f.window->convertSession(FormatRegistry::builtIn().find(u"encrypted"));
    QCOMPARE(notes.size(), qsizetype(1));
    QCOMPARE(notes.first().path, QStringLiteral("session['pair']"));
    QVERIFY(!(c.format()->id() == QLatin1String("signed")));
    QCOMPARE(c.document().root().value(QStringLiteral("pair"))->type(), SessionValue::Type::List);
    QMessageBox *box = nullptr;
    for (auto *candidate : f.window->findChildren<QMessageBox *>(QStringLiteral("conversionNotes")))
        if (candidate->detailedText().contains(QStringLiteral("pair")))
            box = candidate;
    QVERIFY(box);
    QVERIFY(box->detailedText().contains(QStringLiteral("session['pair']")));
    // Undo takes the value change back.
    c.undoStack().undo();
    QCOMPARE(c.document().root().value(QStringLiteral("pair"))->type(), SessionValue::Type::Tuple);
}

void TestMainWindow::editedRowsAreMarked()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->cookieInput()->setText(
        vector(QStringLiteral("compressed-cart"))[QStringLiteral("cookie")].toString());
    SessionTreeModel &model = f.window->controller().model();
    const QModelIndex items = model.index(0, 0); // session['items'], a list of dicts
    const QModelIndex firstItem = model.index(0, 0, items);
    const QModelIndex qty = model.index(1, SessionTreeModel::ValueColumn, firstItem);
    QCOMPARE(model.data(qty, SessionTreeModel::EditedRole).toInt(), 0);
    QVERIFY(model.setData(qty, QStringLiteral("99")));
    const QModelIndex qtyNow =
        model.index(1, SessionTreeModel::ValueColumn, model.index(0, 0, model.index(0, 0)));
    QCOMPARE(model.data(qtyNow, SessionTreeModel::EditedRole).toInt(), 2);
    QVERIFY(model.data(qtyNow, Qt::BackgroundRole).isValid());
    // The containers on the way are marked, their neighbours are not.
    QCOMPARE(model.data(model.index(0, 0), SessionTreeModel::EditedRole).toInt(), 1);
    QVERIFY(model.data(model.index(0, SessionTreeModel::KeyColumn), Qt::FontRole)
                .value<QFont>()
                .bold());
    QCOMPARE(model.data(model.index(1, 0, model.index(0, 0)), SessionTreeModel::EditedRole).toInt(),
             0);
    // Undone, nothing is marked.
    f.window->controller().undoStack().undo();
    QCOMPARE(model.data(model.index(0, 0), SessionTreeModel::EditedRole).toInt(), 0);
}

void TestMainWindow::filterOpensTheWayToEachMatch()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->cookieInput()->setText(
        vector(QStringLiteral("compressed-cart"))[QStringLiteral("cookie")].toString());
    QTreeView *view = f.window->treePanel()->view();
    f.window->treePanel()->filterEdit()->setText(QStringLiteral("SKU-00003"));
    // The match lies three levels down (items > [3] > sku): every level on the way is open.
    QAbstractItemModel *shown = view->model();
    QModelIndex index = shown->index(0, 0);
    int depth = 0;
    while (shown->rowCount(index) > 0) {
        QVERIFY2(view->isExpanded(index), qPrintable(index.data().toString()));
        index = shown->index(0, 0, index);
        ++depth;
    }
    QVERIFY(depth >= 2);
    QCOMPARE(
        shown->index(index.row(), SessionTreeModel::ValueColumn, index.parent()).data().toString(),
        QStringLiteral("SKU-00003"));
    f.window->treePanel()->filterEdit()->clear();
    QVERIFY(!view->isExpanded(shown->index(0, 0, shown->index(0, 0))));
}

void TestMainWindow::compareColumnsFitAndElide()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->show();
    f.window->cookieInput()->setText(
        vector(QStringLiteral("login"))[QStringLiteral("cookie")].toString());
    SessionTreeModel &model = f.window->controller().model();
    QVERIFY(model.setData(model.index(1, SessionTreeModel::ValueColumn), QString(3000, u'x')));
    f.window->textTabs()->setCurrentWidget(f.window->comparePanel());
    auto *table =
        f.window->comparePanel()->findChild<QTreeWidget *>(QStringLiteral("compareTable"));
    QVERIFY(table);
    QTRY_COMPARE(table->topLevelItemCount(), 1);
    QTRY_VERIFY(table->header()->length() <= table->viewport()->width());
    QTreeWidgetItem *row = table->topLevelItem(0);
    QCOMPARE(row->toolTip(1), QStringLiteral("session['username']"));
    QVERIFY(row->toolTip(3).startsWith(QStringLiteral("'xxxx")));
}

void TestMainWindow::historyPreviewsAndCompares()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->cookieInput()->setText(
        vector(QStringLiteral("login"))[QStringLiteral("cookie")].toString());
    f.window->cookieInput()->setText(
        vector(QStringLiteral("csrf"))[QStringLiteral("cookie")].toString());
    HistoryDialog *dialog = f.window->browseHistory();
    QCOMPARE(dialog->list()->count(), 2);
    // Newest first: the csrf cookie.
    dialog->list()->item(0)->setSelected(true);
    QVERIFY2(dialog->previewText().contains(QStringLiteral("csrf_token")),
             qPrintable(dialog->previewText()));
    QVERIFY(dialog->previewText().contains(QStringLiteral("EncryptedSession")));
    // Two entries: what changed from the login cookie to the csrf one.
    dialog->list()->item(1)->setSelected(true);
    QTreeWidget *diff = dialog->diffTable();
    QStringList rows;
    for (int i = 0; i < diff->topLevelItemCount(); ++i)
        rows.append(diff->topLevelItem(i)->text(0) + u' ' + diff->topLevelItem(i)->text(1));
    QVERIFY2(rows.contains(QStringLiteral("removed session['username']")),
             qPrintable(rows.join(u',')));
    QVERIFY(rows.contains(QStringLiteral("added session['csrf_token']")));
    // Open puts the selected entry back into the inspector.
    dialog->list()->clearSelection();
    dialog->list()->item(1)->setSelected(true);
    QPushButton *open = nullptr;
    for (QPushButton *button : dialog->findChildren<QPushButton *>())
        if (button->text() == QStringLiteral("&Open"))
            open = button;
    QVERIFY(open && open->isEnabled());
    open->click();
    QCOMPARE(f.window->cookieInput()->text(),
             vector(QStringLiteral("login"))[QStringLiteral("cookie")].toString());
}

void TestMainWindow::errorDetailsSpeakGerman()
{
    const GermanCatalogue german;
    QVERIFY(german.installed);
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    f.window->cookieInput()->setText(QStringLiteral("u.abc$$.def.ghi"));
    const QString status = f.window->cookieInput()->statusText();
    // The sentence, the step, the detail and its place: all German.
    QVERIFY2(status.contains(QStringLiteral("Der Schritt „Base64“ ist fehlgeschlagen")),
             qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("das Zeichen '$' an Position 3 ist kein Base64")),
             qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("im Feld ciphertext")), qPrintable(status));
    QVERIFY(!status.contains(QStringLiteral("is not base64")));
    // The same for an error the JSON tab reports.
    f.window->cookieInput()->setText(
        vector(QStringLiteral("login"))[QStringLiteral("cookie")].toString());
    f.window->jsonPanel()->editor()->setPlainText(QStringLiteral("{\"a\": }"));
    QVERIFY(!f.window->jsonPanel()->apply());
    QVERIFY2(f.window->jsonPanel()->errorText().contains(QStringLiteral("Wert erwartet")),
             qPrintable(f.window->jsonPanel()->errorText()));
    // And the notes of a conversion.
    InspectorController &c = f.window->controller();
    const auto converted = c.convertTo(FormatRegistry::builtIn().find(u"signed"));
    QVERIFY(converted);
    const QList<SessionConverter::Note> sorted = converted.value();
    QVERIFY(!sorted.isEmpty());
    QVERIFY2(sorted.first().message.contains(QStringLiteral("sortiert")),
             qPrintable(sorted.first().message));
}
