#include "AppSettings.h"
#include "DocumentPersistence.h"
#include "FileKeyStore.h"
#include "InspectorController.h"
#include "KeyRingStore.h"
#include "SessionEditCommand.h"
#include "TestData.h"
#include "document/RecoveryStore.h"
#include "json/PythonJsonWriter.h"

#include <QApplication>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {

// The controller, its persistence and a file key store over a temporary folder; no widget.
struct Inspector
{
    QTemporaryDir dir;
    AppSettings settings{dir.filePath(QStringLiteral("settings.ini"))};
    KeyRingStore keys{settings, std::make_unique<FileKeyStore>(dir.path())};
    RecoveryStore recovery{dir.path(), [this] { return keys.store().recoveryKey(); }};
    InspectorController controller{settings, keys};
    DocumentPersistence persistence{controller, recovery, settings};

    Inspector()
    {
        (void)keys.load();
        const QJsonObject login =
            test::cookieVector(QStringLiteral("encrypted_session"), QStringLiteral("login"));
        QByteArray raw =
            QByteArray::fromHex(login[QStringLiteral("key_hex")].toString().toLatin1());
        (void)keys.add(SessionKey(QStringLiteral("app"), SecureBytes::fromByteArray(raw, true)));
    }
};

// A file store that counts what reaches it.
class CountingFileStore : public FileKeyStore
{
public:
    using FileKeyStore::FileKeyStore;
    Result<Done> store(const QString &name, const SecureBytes &secret) override
    {
        ++stores;
        return FileKeyStore::store(name, secret);
    }
    int stores = 0;
};

} // namespace

class TestInspectorController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyRingAsksBeforeStoring();
    void openEditAndResealWithoutAWindow_data();
    void openEditAndResealWithoutAWindow();
    void replaceGuardKeepsUnsavedEdits_data();
    void replaceGuardKeepsUnsavedEdits();
    void failedOpenKeepsThePreviousSessionMarked();
    void autosaveFollowsTheUndoStack();
};

void TestInspectorController::openEditAndResealWithoutAWindow_data()
{
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("signedFormat");
    QTest::newRow("encrypted") << QStringLiteral("encrypted_session") << QStringLiteral("login")
                               << false;
    QTest::newRow("signed, unverified") << QStringLiteral("flask_default")
                                        << test::cookieVectors(QStringLiteral("flask_default"))
                                               .first()[QStringLiteral("name")]
                                               .toString()
                                        << true;
}

void TestInspectorController::openEditAndResealWithoutAWindow()
{
    QFETCH(QString, section);
    QFETCH(QString, name);
    QFETCH(bool, signedFormat);
    Inspector inspector;
    InspectorController &c = inspector.controller;
    const QJsonObject v = test::cookieVector(section, name);
    QSignalSpy refreshed(&c, &InspectorController::refreshed);
    QVERIFY(c.openText(v[QStringLiteral("cookie")].toString()).hasSession());
    QCOMPARE((c.format()->id() == QLatin1String("signed")), signedFormat);
    QVERIFY(!c.isShowingPrevious());

    const QModelIndex first = c.model().index(0, SessionTreeModel::ValueColumn);
    const QString before = c.model().data(first, Qt::EditRole).toString();
    QVERIFY(c.model().setData(first, QStringLiteral("7")) || before == QStringLiteral("7"));
    QVERIFY(refreshed.count() >= 1);
    if (signedFormat) {
        // No secret in the ring: sizes, but no cookie and a key error that says what to do.
        QVERIFY(c.sealedCookie().isEmpty());
        QVERIFY(c.sealError());
        QCOMPARE(c.sealError()->category, ErrorCategory::Key);
        QVERIFY(c.sizeReport().cookieValueBytes > 0);
        return;
    }
    QVERIFY2(!c.sealError(), qPrintable(c.sealError() ? c.sealError()->message : QString()));
    // The new cookie opens to the edited session.
    const QByteArray edited = PythonJsonWriter::write(c.document().root());
    const QString sealed = QString::fromLatin1(c.sealedCookie());
    c.setReplaceGuard([] { return true; }); // discard the edits: the new cookie holds them
    QVERIFY(c.openText(sealed).ok());
    QCOMPARE(c.lastOpen().keyName, QStringLiteral("app"));
    QVERIFY(c.undoStack().isClean());
    QCOMPARE(PythonJsonWriter::write(c.document().root()), edited);
}

void TestInspectorController::replaceGuardKeepsUnsavedEdits_data()
{
    QTest::addColumn<bool>("allow");
    QTest::newRow("refused") << false;
    QTest::newRow("allowed") << true;
}

void TestInspectorController::replaceGuardKeepsUnsavedEdits()
{
    QFETCH(bool, allow);
    Inspector inspector;
    InspectorController &c = inspector.controller;
    int asked = 0;
    c.setReplaceGuard([&] {
        ++asked;
        return allow;
    });
    const QJsonObject login =
        test::cookieVector(QStringLiteral("encrypted_session"), QStringLiteral("login"));
    QVERIFY(c.openText(login[QStringLiteral("cookie")].toString()).ok());
    QCOMPARE(asked, 0); // nothing unsaved yet
    QVERIFY(
        c.model().setData(c.model().index(0, SessionTreeModel::ValueColumn), QStringLiteral("7")));
    const QByteArray edited = PythonJsonWriter::write(c.document().root());

    QSignalSpy cancelled(&c, &InspectorController::openCancelled);
    const QJsonObject other =
        test::cookieVector(QStringLiteral("encrypted_session"), QStringLiteral("empty-ish"));
    c.openText(other[QStringLiteral("cookie")].toString());
    QCOMPARE(asked, 1);
    QCOMPARE(cancelled.count(), allow ? 0 : 1);
    QCOMPARE(PythonJsonWriter::write(c.document().root()) == edited, !allow);
    QCOMPARE(c.documentSourceText(), (allow ? other : login)[QStringLiteral("cookie")].toString());

    // Loading a session file asks the same question.
    if (!allow) {
        QVERIFY(!c.loadSession(SessionValue::makeDict(), QString()));
        QCOMPARE(asked, 2);
    }
}

void TestInspectorController::failedOpenKeepsThePreviousSessionMarked()
{
    Inspector inspector;
    InspectorController &c = inspector.controller;
    QVERIFY(!c.isShowingPrevious()); // nothing open, nothing stale
    c.openText(QStringLiteral("garbage"));
    QVERIFY(!c.isShowingPrevious());
    QVERIFY(c.openText(test::cookieVector(QStringLiteral("encrypted_session"),
                                          QStringLiteral("login"))[QStringLiteral("cookie")]
                           .toString())
                .ok());
    const QByteArray shown = PythonJsonWriter::write(c.document().root());
    c.openText(QStringLiteral("u.abc$$.def.ghi"));
    QVERIFY(c.isShowingPrevious());
    QCOMPARE(c.lastOpen().error->category, ErrorCategory::Base64);
    QCOMPARE(PythonJsonWriter::write(c.document().root()), shown);
}

void TestInspectorController::autosaveFollowsTheUndoStack()
{
    Inspector inspector;
    InspectorController &c = inspector.controller;
    QVERIFY(c.openText(test::cookieVector(QStringLiteral("encrypted_session"),
                                          QStringLiteral("login"))[QStringLiteral("cookie")]
                           .toString())
                .ok());
    QVERIFY(!inspector.persistence.autosavePending());
    QVERIFY(
        c.model().setData(c.model().index(0, SessionTreeModel::ValueColumn), QStringLiteral("8")));
    QVERIFY(inspector.persistence.autosavePending());
    QTRY_VERIFY(inspector.recovery.readAutosave().has_value());
    // Undone back to the opened session: nothing unsaved, the autosave goes.
    c.undoStack().undo();
    QTRY_VERIFY(!inspector.recovery.readAutosave().has_value());
}

void TestInspectorController::keyRingAsksBeforeStoring()
{
    // A key the ring refuses never reaches the store (it used to be stored, then removed).
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    auto counting = std::make_unique<CountingFileStore>(dir.path());
    CountingFileStore *store = counting.get();
    KeyRingStore keys(settings, std::move(counting));
    (void)keys.load();
    QObject context;
    const QByteArray shortKey(20, '\x11');
    std::optional<Result<Done>> answer;
    keys.addLater(SessionKey(QStringLiteral("short"), SecureBytes(shortKey.constData(), 20)),
                  &context, [&answer](Result<Done> result) { answer = std::move(result); });
    QTRY_VERIFY(answer.has_value());
    QVERIFY(!answer->ok());
    QCOMPARE(answer->error().category, ErrorCategory::Key);
    QCOMPARE(store->stores, 0);
    QVERIFY(!keys.ring().find(QStringLiteral("short")));

    const QByteArray goodKey(32, '\x22');
    answer.reset();
    keys.addLater(SessionKey(QStringLiteral("good"), SecureBytes(goodKey.constData(), 32)),
                  &context, [&answer](Result<Done> result) { answer = std::move(result); });
    QTRY_VERIFY(answer.has_value());
    QVERIFY(answer->ok());
    QCOMPARE(store->stores, 1);
    QVERIFY(keys.ring().find(QStringLiteral("good")));
}

QTEST_MAIN(TestInspectorController)
#include "tst_InspectorController.moc"
