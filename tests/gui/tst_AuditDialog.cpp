#include "AuditDialog.h"
#include "AuditHistogram.h"
#include "CookieInputPanel.h"
#include "FileKeyStore.h"
#include "GuiTestFixture.h"
#include "KeyRingStore.h"
#include "SizeChart.h"
#include "TestData.h"
#include "audit/SizeAudit.h"

#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {

const QByteArray kKey = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";

QString cookieOf(const QString &name)
{
    return test::cookieVector(QStringLiteral("encrypted_session"), name)[QStringLiteral("cookie")]
        .toString();
}

// A file store that answers reads from the event loop, as a desktop keychain does.
class AnswersLaterFileStore : public FileKeyStore
{
public:
    using FileKeyStore::FileKeyStore;
    void loadLater(const QString &name, QObject *context, Loaded done) override
    {
        QPointer<QObject> alive(context);
        QTimer::singleShot(0, [this, name, alive, done = std::move(done)] {
            if (alive)
                done(load(name));
        });
    }
};

} // namespace

class TestAuditDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void auditsFilesAndOpensExamples();
    void cancelStopsALongAudit();
    void auditsAHarThroughItsImporter();
    void waitsForTheKeyStore();
    void hugeCookiesShareTheLastBar();
};

void TestAuditDialog::auditsFilesAndOpensExamples()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    const QString login = cookieOf(QStringLiteral("login"));
    const QString cart = cookieOf(QStringLiteral("compressed-cart"));
    const QString csrf = cookieOf(QStringLiteral("csrf"));
    QString tampered = login;
    tampered[tampered.indexOf(u'.') + 3] =
        tampered[tampered.indexOf(u'.') + 3] == u'A' ? u'B' : u'A';
    const QStringList lines = {login,     QStringLiteral("Cookie: theme=dark; session=") + csrf,
                               QString(), QStringLiteral("not-a-cookie!!"),
                               tampered,  cart};
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("capture.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(lines.join(QStringLiteral("\r\n")).toLatin1()); // CRLF, no final newline
    file.close();

    AuditDialog *dialog = f.window->auditFiles({path});
    QSignalSpy finished(&dialog->controller(), &AuditController::finished);
    QVERIFY(finished.wait(60'000));
    // Five lines hold a cookie; three open; one fails at authentication, one at its format.
    const SizeAudit::Report &report = dialog->controller().outcome().report;
    QCOMPARE(report.cookies, quint64(5));
    QCOMPARE(report.opened, quint64(3));
    QCOMPARE(report.failed.value(QStringLiteral("authentication")), quint64(1));
    QVERIFY2(dialog->summaryText().contains(QStringLiteral("5 cookies, 3 opened")),
             qPrintable(dialog->summaryText()));
    QVERIFY2(dialog->failuresText().contains(QStringLiteral("authentication: 1")),
             qPrintable(dialog->failuresText()));

    // A click on the bar of the cart cookie's size opens that very cookie in the inspector.
    dialog->show();
    const int bucket = int(cart.size() / SizeAudit::kHistogramBucket);
    QTRY_VERIFY(dialog->histogram()->barRect(bucket).isValid());
    QTest::mouseClick(dialog->histogram(), Qt::LeftButton, {},
                      dialog->histogram()->barRect(bucket).center());
    QCOMPARE(f.window->cookieInput()->text(), cart);
    QVERIFY(f.window->controller().lastOpen().ok());

    // The costliest key is the cart's "items"; its bar opens the cart cookie as well.
    QVERIFY(!dialog->shownKeys().isEmpty());
    QCOMPARE(dialog->shownKeys().first(), QStringLiteral("items"));
    QTest::mouseClick(dialog->keyChart(), Qt::LeftButton, {},
                      QPoint(dialog->keyChart()->width() / 2, 6 + 11));
    QCOMPARE(f.window->cookieInput()->text(), cart);
    // The key that the first line has first: the example is the first line, as it stands.
    const int userId = int(dialog->shownKeys().indexOf(QStringLiteral("user_id")));
    QVERIFY(userId >= 0);
    QTest::mouseClick(dialog->keyChart(), Qt::LeftButton, {},
                      QPoint(dialog->keyChart()->width() / 2, 6 + 22 * userId + 11));
    QCOMPARE(f.window->cookieInput()->text(), login);
}

void TestAuditDialog::cancelStopsALongAudit()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray line = cookieOf(QStringLiteral("login")).toLatin1() + '\n';
    QByteArray block;
    for (int i = 0; i < 10'000; ++i)
        block += line;
    for (int i = 0; i < 100; ++i) // a million cookies
        file.write(block);
    file.close();

    AuditDialog dialog{SizeAudit::Options{}};
    QSignalSpy finished(&dialog.controller(), &AuditController::finished);
    dialog.start({path});
    QVERIFY(dialog.controller().isRunning());
    dialog.controller().cancel();
    QVERIFY(finished.wait(60'000));
    QVERIFY(dialog.controller().outcome().cancelled);
    QVERIFY(dialog.controller().outcome().report.cookies < 1'000'000);
    QVERIFY(dialog.summaryText().startsWith(QStringLiteral("Cancelled.")));
}

void TestAuditDialog::auditsAHarThroughItsImporter()
{
    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("vectors"), kKey));
    // The Chrome HAR fixture carries four session cookies of the vector set, the first the
    // login cookie.
    AuditDialog *dialog =
        f.window->auditFiles({test::dataPath(QStringLiteral("capture/chrome.har"))});
    QSignalSpy finished(&dialog->controller(), &AuditController::finished);
    QVERIFY(finished.wait(60'000));
    const SizeAudit::Report &report = dialog->controller().outcome().report;
    QCOMPARE(report.cookies, quint64(4));
    QCOMPARE(report.opened, quint64(4));
    QVERIFY(dialog->controller().outcome().failures.isEmpty());
    // An example of a HAR has no line: the cookie itself is opened.
    dialog->show();
    const int userId = int(dialog->shownKeys().indexOf(QStringLiteral("user_id")));
    QVERIFY(userId >= 0);
    QTest::mouseClick(dialog->keyChart(), Qt::LeftButton, {},
                      QPoint(dialog->keyChart()->width() / 2, 6 + 22 * userId + 11));
    QCOMPARE(f.window->cookieInput()->text(), cookieOf(QStringLiteral("login")));
    QVERIFY(f.window->controller().lastOpen().ok());
}

void TestAuditDialog::waitsForTheKeyStore()
{
    // An audit asked for while the key store still answers waits for it: started at once,
    // it would have had no key and counted every cookie as failed.
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    {
        KeyRingStore first(settings, std::make_unique<FileKeyStore>(dir.path()));
        (void)first.load();
        const QByteArray raw = QByteArray::fromHex(kKey);
        QVERIFY(first.add(SessionKey(QStringLiteral("vectors"), SecureBytes(raw.constData(), 32)))
                    .ok());
    }
    KeyRingStore keys(settings, std::make_unique<AnswersLaterFileStore>(dir.path()));
    RecoveryStore recovery(dir.path(), [&keys] { return keys.store().recoveryKey(); });
    MainWindow window(settings, keys, recovery);
    keys.loadLater();
    QVERIFY(keys.isLoading());
    QVERIFY(keys.ring().size() == 0);

    const QString path = dir.filePath(QStringLiteral("capture.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        (cookieOf(QStringLiteral("login")) + u'\n' + cookieOf(QStringLiteral("csrf"))).toLatin1());
    file.close();
    AuditDialog *dialog = window.auditFiles({path});
    QVERIFY(!dialog->controller().isRunning());
    QSignalSpy finished(&dialog->controller(), &AuditController::finished);
    QVERIFY(finished.wait(60'000));
    QCOMPARE(dialog->controller().outcome().report.opened, quint64(2));
}

void TestAuditDialog::hugeCookiesShareTheLastBar()
{
    // One cookie near the 1 MiB line limit must not squeeze the 4 KiB limits into a sliver:
    // sizes past 16 KiB share the last bar, and a click on it asks for its first example.
    AuditHistogram histogram;
    histogram.resize(560, 220);
    std::vector<quint64> counts(5001, 0);
    counts[1] = 5;    // 256 to 511 bytes
    counts[16] = 3;   // about 4 KiB
    counts[4000] = 2; // about 1 MB
    counts[5000] = 1;
    histogram.setData(counts, 256);
    const int shared = int(AuditHistogram::kShownBytes / 256);
    QVERIFY(histogram.barRect(shared).isValid());
    QCOMPARE(histogram.barRect(4000), histogram.barRect(shared));
    QCOMPARE(histogram.barRect(5000), histogram.barRect(shared));
    QVERIFY2(histogram.barRect(1).width() >= 5, "a small cookie's bar is visible");
    QVERIFY(histogram.barRect(16).right() < histogram.barRect(shared).left());
    QSignalSpy clicked(&histogram, &AuditHistogram::bucketClicked);
    QTest::mouseClick(&histogram, Qt::LeftButton, {}, histogram.barRect(shared).center());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.first().first().toInt(), 4000);
    QTest::mouseClick(&histogram, Qt::LeftButton, {}, histogram.barRect(1).center());
    QCOMPARE(clicked.last().first().toInt(), 1);
}

QTEST_MAIN(TestAuditDialog)
#include "tst_AuditDialog.moc"
