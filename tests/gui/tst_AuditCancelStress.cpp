// Audits cancelled at random points while other Audit windows are open and the capture proxy
// is running and busy, as in the crash report of issue 18 (Cancel clicked deep into a large
// audit, two finished Audit windows and a proxy open). Seeded: the seed is printed, and
// SESSIONLENS_STRESS_SEED replays a run; SESSIONLENS_STRESS_ROUNDS sets the number of rounds and
// SESSIONLENS_STRESS_REPEATS the size of the large file (in copies of the generated input).
// Meant to be run under the sanitizers (ASan/UBSan, and TSan where it is built), where a
// use-after-free or a data race is a finding.
#include "AuditDialog.h"
#include "AuditInput.h"
#include "CaptureController.h"
#include "CapturePanel.h"
#include "GuiTestFixture.h"
#include "LoopbackHttpServer.h"
#include "audit/SizeAudit.h"
#include "capture/HttpCapture.h"

#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {

QPushButton *buttonNamed(QWidget *parent, const QString &text)
{
    for (QPushButton *candidate : parent->findChildren<QPushButton *>())
        if (candidate->text() == text)
            return candidate;
    return nullptr;
}

int environmentNumber(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

} // namespace

class TestAuditCancelStress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cancelAtRandomPoints();
    void cleanupTestCase();
};

void TestAuditCancelStress::cancelAtRandomPoints()
{
    const quint32 seed = quint32(environmentNumber(
        "SESSIONLENS_STRESS_SEED", int(QRandomGenerator::global()->bounded(1, 1 << 30))));
    const int rounds = environmentNumber("SESSIONLENS_STRESS_ROUNDS", 12);
    qInfo("seed %u, %d rounds (SESSIONLENS_STRESS_SEED=%u replays this run)", seed, rounds, seed);
    QRandomGenerator random(seed);

    // The input: both formats, failures of every step, header lines; a large file (repeated
    // blocks, so that an audit runs long enough to be cancelled anywhere) and a small one.
    QTemporaryDir dir;
    // The large file is the small one this many times (fewer under the sanitizers, where the
    // audit is several times slower).
    const int largeRepeats = environmentNumber("SESSIONLENS_STRESS_REPEATS", 40);
    const test::AuditInput input = test::generateAuditInput(4'000, seed);
    const QString small = dir.filePath(QStringLiteral("small.txt"));
    const QString large = dir.filePath(QStringLiteral("large.txt"));
    {
        QFile file(small);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(input.text);
    }
    {
        QFile file(large);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray text = input.text;
        if (!text.endsWith('\n'))
            text += '\n';
        for (int i = 0; i < largeRepeats; ++i)
            file.write(text);
    }
    const quint64 largeCookies = quint64(input.cookies) * largeRepeats;

    test::GuiTestFixture f;
    QVERIFY(f.addKeyHex(QStringLiteral("audit"), test::kAuditKeyHex));
    f.window->show();

    // The proxy, started from the dock as a person does, in front of a loopback app; a client
    // keeps requests going through it for the whole test.
    test::LoopbackHttpServer app(test::LoopbackHttpServer::Mode::Answer);
    app.setResponse("HTTP/1.1 200 OK\r\nSet-Cookie: session=u.abc.def.ghi; Path=/\r\n"
                    "Content-Length: 2\r\nConnection: close\r\n\r\nok");
    QVERIFY(app.listenLoopback());
    CapturePanel *panel = f.window->capturePanel();
    auto *upstream = panel->findChild<QLineEdit *>(QStringLiteral("proxyUpstream"));
    upstream->setFocus();
    QTest::keyClick(upstream, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(upstream, QStringLiteral("http://127.0.0.1:%1/").arg(app.serverPort()));
    auto *port = panel->findChild<QSpinBox *>();
    QVERIFY(port);
    port->setFocus();
    QTest::keyClick(port, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(port, QStringLiteral("0"));
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("proxyButton")),
                      Qt::LeftButton);
    CaptureController &capture = f.window->capture();
    QVERIFY(capture.proxy().isListening());
    QNetworkAccessManager browser;
    HttpCapture client(browser);
    HttpCapture::Request request;
    request.url = capture.proxy().address().resolved(QUrl(QStringLiteral("/page")));
    int answered = 0;
    connect(&client, &HttpCapture::finished, this, [&] {
        ++answered;
        client.start(request); // at once again: the proxy is never idle
    });
    client.start(request);

    // Two finished audits stay open, as in the report.
    for (int i = 0; i < 2; ++i) {
        AuditDialog *done = f.window->auditFiles({small});
        QSignalSpy finished(&done->controller(), &AuditController::finished);
        QVERIFY(finished.wait(120'000));
        QVERIFY(!done->controller().outcome().cancelled);
        QCOMPARE(done->controller().outcome().report.cookies, quint64(input.cookies));
    }

    int cancelledRunning = 0, closedRunning = 0, finishedAnyway = 0;
    QList<QPointer<AuditDialog>> open;
    for (int round = 0; round < rounds; ++round) {
        qInfo("round %d", round + 1);
        // Sometimes two at once, so that two audits share the cores.
        const int together = 1 + int(random.bounded(2));
        QList<QPointer<AuditDialog>> started;
        for (int i = 0; i < together; ++i)
            started.append(f.window->auditFiles({large}));
        for (const QPointer<AuditDialog> &dialog : started) {
            QVERIFY(dialog);
            // A random point: at once, or somewhere in the first nine tenths of the file.
            const quint64 point =
                random.bounded(4) == 0 ? 0 : random.bounded(quint32(largeCookies * 9 / 10));
            quint64 reached = 0;
            const QMetaObject::Connection counting =
                connect(&dialog->controller(), &AuditController::progress, this,
                        [&reached](qint64, qint64, quint64 cookies) { reached = cookies; });
            QTRY_VERIFY_WITH_TIMEOUT(reached >= point || !dialog->controller().isRunning(),
                                     120'000);
            disconnect(counting);
            const bool running = dialog->controller().isRunning();
            switch (random.bounded(3)) {
            case 0:   // Cancel, then keep the window
            case 1: { // Cancel, then close it at once, while the worker may still run
                QPushButton *cancel = buttonNamed(dialog, QStringLiteral("&Cancel"));
                QVERIFY(cancel);
                if (cancel->isEnabled())
                    QTest::mouseClick(cancel, Qt::LeftButton);
                if (running)
                    ++cancelledRunning;
                else
                    ++finishedAnyway;
                if (random.bounded(2)) {
                    QTest::keyClick(dialog, Qt::Key_Escape);
                    dialog->close();
                }
                break;
            }
            default: // closed while it runs, without Cancel
                if (running)
                    ++closedRunning;
                dialog->close();
                break;
            }
        }
        for (const QPointer<AuditDialog> &dialog : started) {
            if (!dialog || !dialog->isVisible())
                continue;
            if (dialog->controller().isRunning()) {
                QSignalSpy finished(&dialog->controller(), &AuditController::finished);
                QVERIFY(finished.wait(120'000));
            }
            if (dialog->controller().outcome().cancelled)
                QVERIFY2(dialog->summaryText().startsWith(QStringLiteral("Cancelled.")),
                         qPrintable(dialog->summaryText()));
            open.append(dialog);
        }
        // Keep a few open; close the oldest beyond that.
        while (open.size() > 3) {
            if (QPointer<AuditDialog> oldest = open.takeFirst())
                oldest->close();
        }
        QCoreApplication::processEvents();
    }
    qInfo("%d rounds: %d cancelled while running, %d closed while running, %d finished "
          "first; %d requests through the proxy",
          rounds, cancelledRunning, closedRunning, finishedAnyway, answered);
    QVERIFY(answered > 0);
    disconnect(&client, nullptr, this, nullptr);
    client.cancel();
}

void TestAuditCancelStress::cleanupTestCase()
{
    QThreadPool::globalInstance()->waitForDone();
}

QTEST_MAIN(TestAuditCancelStress)
#include "tst_AuditCancelStress.moc"
