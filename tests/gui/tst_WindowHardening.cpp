// The window under hostile or sensitive input: sealed recovery files, secret clipboard
// copies, the edit depth limit, capped warnings, and large sessions sealed off the GUI thread.
#include "AboutText.h"
#include "AddKeyDialog.h"
#include "CookieInputPanel.h"
#include "GuiTestFixture.h"
#include "ManualDialog.h"
#include "ResealPanel.h"
#include "SecretClipboard.h"
#include "SessionTreePanel.h"
#include "SizePanel.h"
#include "document/SessionDocument.h"
#include "encoding/Base64.h"
#include "formats/EncryptedSessionCodec.h"
#include "formats/FlaskSignedCodec.h"
#include "os/PrivateFiles.h"
#include "text/CookieSnippet.h"
#include "json/PythonJsonWriter.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QThreadPool>
#include <QTreeView>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {

const QByteArray kKeyHex = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";

QString sealedCookie(const SessionValue &session)
{
    const QByteArray raw = QByteArray::fromHex(kKeyHex);
    auto codec = EncryptedSessionCodec::create(SecureBytes(raw.constData(), 32));
    return QString::fromLatin1(codec->seal(session)->cookie);
}

QByteArray fileContent(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestWindowHardening : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase();
    void historyAndAutosaveAreSealed();
    void historyCanBeTurnedOff();
    void copiedCookieIsMarkedSecret();
    void typeChangeBeyondTheDepthLimitIsRefused();
    void warningsAreCappedInTheLabel();
    void largeSessionIsSealedOffTheGuiThread();
    void manualAndAbout();
    void headroomReadsAsPeopleSayIt();
    void addKeyHintFollowsTheKind();
};

void TestWindowHardening::historyAndAutosaveAreSealed()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKeyHex));
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("user"),
                     SessionValue::makeString(QStringLiteral("alice-the-admin")));
    const QString cookie = sealedCookie(session);
    f.window->cookieInput()->setText(cookie);
    QVERIFY(f.window->controller().lastOpen().ok());
    QVERIFY(f.window->treePanel()->view()->model()->setData(
        f.window->treePanel()->view()->model()->index(0, SessionTreeModel::ValueColumn),
        QStringLiteral("mallory")));
    f.window->persistence().autosaveNow();

    for (const QString &path : {f.recovery->historyFile(), f.recovery->autosaveFile()}) {
        const QByteArray raw = fileContent(path);
        QVERIFY2(PrivateFiles::isSealed(raw), qPrintable(path));
        QVERIFY(!raw.contains(cookie.toLatin1().mid(2, 20)));
        QVERIFY(!raw.contains("mallory"));
        QVERIFY(!raw.contains("alice-the-admin"));
        QVERIFY(PrivateFiles::checkTrusted(path).ok());
    }
    // Readable again through the store's key, after a restart.
    f.open();
    QCOMPARE(f.recovery->history().size(), 1);
    QCOMPARE(QString::fromLatin1(f.recovery->history().first().cookie), cookie);
    QVERIFY(f.window->offerRecovery(false));
    QVERIFY(PythonJsonWriter::write(f.window->controller().document().root()).contains("mallory"));
}

void TestWindowHardening::historyCanBeTurnedOff()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKeyHex));
    f.settings->setValue(AppSettings::Key::HistoryEnabled, false);
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("n"), SessionValue::makeInteger(1));
    f.window->cookieInput()->setText(sealedCookie(session));
    QVERIFY(f.window->controller().lastOpen().ok());
    QVERIFY(!QFile::exists(f.recovery->historyFile()));
    QVERIFY(f.recovery->history().isEmpty());
}

void TestWindowHardening::copiedCookieIsMarkedSecret()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKeyHex));
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("n"), SessionValue::makeInteger(1));
    f.window->cookieInput()->setText(sealedCookie(session));
    f.window->resealPanel()->copyAs(CookieSnippet::Kind::Value);
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    QVERIFY(mime);
    QCOMPARE(mime->text(), QString::fromLatin1(f.window->controller().sealedCookie()));
    QCOMPARE(mime->data(SecretClipboard::hintMimeType()), QByteArray("secret"));
}

void TestWindowHardening::typeChangeBeyondTheDepthLimitIsRefused()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKeyHex));
    // The deepest container the reader accepts, with a string inside it.
    SessionValue session = SessionValue::makeDict();
    SessionValue *node = session.setValue(QStringLiteral("deep"), SessionValue::makeList());
    for (int level = 2; level < SessionDocument::kMaxDepth; ++level)
        node = node->append(SessionValue::makeList());
    node->append(SessionValue::makeString(QStringLiteral("leaf")));
    f.window->controller().loadSession(session, QStringLiteral("vectors"));
    SessionPath path;
    for (const SessionValue *n = node->child(0); n->parent(); n = n->parent())
        path.prepend(n->indexInParent());
    QCOMPARE(path.size(), SessionDocument::kMaxDepth);
    SessionTreeModel &model = f.window->controller().model();
    f.window->treePanel()->setCurrentSourceIndex(model.indexForPath(path));
    QSignalSpy rejected(&model, &SessionTreeModel::editRejected);
    const int undoBefore = f.window->controller().undoStack().count();
    f.window->treePanel()->changeCurrentType(SessionValue::Type::List);
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(f.window->controller().undoStack().count(), undoBefore);
    QCOMPARE(f.window->controller().document().nodeAt(path)->type(), SessionValue::Type::String);
    // One level up there is room: the string's parent list may hold a list.
    f.window->treePanel()->changeCurrentType(SessionValue::Type::Integer);
    QCOMPARE(f.window->controller().document().nodeAt(path)->type(), SessionValue::Type::Integer);
}

void TestWindowHardening::warningsAreCappedInTheLabel()
{
    test::GuiTestFixture f;
    QByteArray json = "{";
    for (int i = 0; i < 5000; ++i)
        json.append(i ? ",\"k\":1" : "\"k\":1");
    json.append('}');
    const QString cookie = QString::fromLatin1(FlaskSignedCodec::payloadField(json) +
                                               ".ZwAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAA");
    f.window->cookieInput()->setText(cookie);
    const QString status = f.window->cookieInput()->statusText();
    // Three warning lines, and a count of the rest (the reader kept 100 and counted 4,899).
    QCOMPARE(status.count(QStringLiteral("Warning:")), 3);
    QVERIFY2(status.contains(QStringLiteral("more warning")), qPrintable(status));
    const auto *label = f.window->cookieInput()->findChild<QWidget *>(QStringLiteral("openStatus"));
    QVERIFY(label);
    QVERIFY(label->toolTip().contains(QStringLiteral("4899 more warnings")));
}

void TestWindowHardening::largeSessionIsSealedOffTheGuiThread()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKeyHex));
    SessionValue session = SessionValue::makeDict();
    SessionValue *list = session.setValue(QStringLiteral("items"), SessionValue::makeList());
    for (int i = 0; i < InspectorController::kBackgroundNodes + 10; ++i)
        list->append(SessionValue::makeInteger(i));
    InspectorController &c = f.window->controller();
    QSignalSpy refreshed(&c, &InspectorController::refreshed);
    c.loadSession(session, QStringLiteral("vectors"));
    // The first signal says the work started; the cookie comes with the second.
    QVERIFY(c.isRefreshing());
    QVERIFY(c.sealedCookie().isEmpty());
    QVERIFY(f.window->resealPanel()->findChild<QWidget *>());
    QVERIFY(refreshed.wait(60000));
    if (c.isRefreshing())
        QVERIFY(refreshed.wait(60000));
    QVERIFY(!c.isRefreshing());
    QVERIFY(!c.sealedCookie().isEmpty());
    QCOMPARE(c.sizeReport().cookieValueBytes, c.sealedCookie().size());
    const QByteArray raw = QByteArray::fromHex(kKeyHex);
    auto codec = EncryptedSessionCodec::create(SecureBytes(raw.constData(), 32));
    const auto opened = codec->decode(c.sealedCookie());
    QVERIFY(opened.ok());
    QVERIFY(opened.session == session);
}

void TestWindowHardening::manualAndAbout()
{
    ManualDialog manual;
    QVERIFY(manual.showSection(QStringLiteral("The window")));
    QVERIFY(manual.browser()->textCursor().block().text().contains(QStringLiteral("The window")));
    QVERIFY(manual.browser()->toPlainText().contains(QStringLiteral("Key ring")));
    QVERIFY(!manual.showSection(QStringLiteral("No such section")));
    const QString about = AboutText::html();
    for (const char *expected : {"EncryptedSession", "signed", "Quart", "Flask-Login", "Flask-WTF",
                                 "Starlette", "Django", "OpenSSL", "zlib", "Qt ", "LGPL"})
        QVERIFY2(about.contains(QLatin1String(expected)), expected);
    QVERIFY(about.contains(QCoreApplication::applicationVersion()));
}

void TestWindowHardening::headroomReadsAsPeopleSayIt()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(SizePanel::headroomText(-89797), QStringLiteral("89,797 bytes over"));
    QCOMPARE(SizePanel::headroomText(1234), QStringLiteral("1,234 bytes left"));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY(SizePanel::headroomText(-89797).startsWith(QStringLiteral("89.797")));
    // In the window, a session far over the limit says how far, with no minus sign.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKeyHex));
    SessionValue session = SessionValue::makeDict();
    QString noise;
    QRandomGenerator random(42); // random letters: zlib cannot fold them below the limit
    for (int i = 0; i < 12000; ++i)
        noise.append(QChar(char16_t(u'a' + random.bounded(26))));
    session.setValue(QStringLiteral("blob"), SessionValue::makeString(noise));
    f.window->cookieInput()->setText(sealedCookie(session));
    const QString summary = f.window->sizePanel()->summaryText();
    QVERIFY2(summary.contains(QStringLiteral("6,004 bytes over")) &&
                 !summary.contains(QStringLiteral(": -")),
             qPrintable(summary));
    QLocale::setDefault(before);
}

void TestWindowHardening::addKeyHintFollowsTheKind()
{
    AddKeyDialog dialog({});
    auto *text = dialog.findChild<QLineEdit *>(QStringLiteral("keyText"));
    QVERIFY(text->placeholderText().contains(QStringLiteral("hex or base64")));
    dialog.setKind(SessionKey::Kind::SigningSecret);
    QVERIFY2(text->placeholderText().contains(QStringLiteral("SECRET_KEY")),
             qPrintable(text->placeholderText()));
    QVERIFY(!text->placeholderText().contains(QStringLiteral("hex or base64")));
    dialog.setKind(SessionKey::Kind::AesKey);
    QVERIFY(text->placeholderText().contains(QStringLiteral("hex or base64")));
}

void TestWindowHardening::cleanupTestCase()
{
    // Background work (sealing, imports) runs on the global pool: its threads end here, so
    // OpenSSL's per-thread state goes with them instead of outliving the test.
    QThreadPool::globalInstance()->waitForDone();
}

QTEST_MAIN(TestWindowHardening)
#include "tst_WindowHardening.moc"
