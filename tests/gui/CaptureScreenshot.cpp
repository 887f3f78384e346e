// Makes resources/screenshots/capture.png: the real main window with the Capture dock in the
// middle of the loop against a real Flask app on loopback, every step typed and clicked as
// tst_CaptureLoop does. Not a test (ctest does not run it): scripts/screenshots runs it under
// Xvfb so the picture is the window as it really draws, never one built with setters.
#include "CaptureSteps.h"
#include "FlaskServer.h"
#include "GuiTestFixture.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTextStream>
#include <QThreadPool>

#include <cstdio>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {
// The demo key of the test vectors: a picture of it gives nothing away.
const QByteArray kKeyHex = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";
constexpr int kIdleMs = 60000;
constexpr int kDockGrowth = 240;

int fail(const QString &step)
{
    QTextStream(stderr) << "capture screenshot: " << step << '\n';
    return 1;
}

using test::clickAndWait;
using test::typeRequest;

int run(const QString &outputDir)
{
    test::FlaskServer app;
    QString error;
    if (!app.start(QStringLiteral("interop/encrypted_session_app.py"),
                   {QString::fromLatin1(kKeyHex)}, &error))
        return fail(QStringLiteral("starting the Flask app: ") + error);

    test::GuiTestFixture f;
    if (!f.addKeyHex(QStringLiteral("demo"), kKeyHex))
        return fail(QStringLiteral("adding the demo key"));
    f.window->resize(1280, 860);
    f.window->show();
    f.window->activateWindow();
    if (!QTest::qWaitForWindowActive(f.window.get()))
        return fail(QStringLiteral("the window never became active"));

    // The dock opens as a strip showing the request form; drag its separator up, as a person
    // would, so that the cookie jar and the timeline show without scrolling.
    auto *dock = f.window->findChild<QDockWidget *>(QStringLiteral("captureDock"));
    if (!dock)
        return fail(QStringLiteral("no Capture dock"));
    const int dockHeight = dock->height();
    // The separator lies in the gap between the area above and the dock's top edge.
    const int above = f.window->centralWidget()->geometry().bottom();
    const QPoint grip(f.window->width() / 3, (above + dock->geometry().top() + 1) / 2);
    QTest::mouseMove(f.window.get(), grip);
    // The window takes the separator under the pointer when the pointer's move arrives.
    const bool hovering =
        QTest::qWaitFor([&f] { return f.window->cursor().shape() == Qt::SplitVCursor; }, 5000);
    if (!hovering)
        return fail(QStringLiteral("the pointer never found the dock's separator"));
    QTest::mousePress(f.window.get(), Qt::LeftButton, {}, grip);
    QTest::mouseMove(f.window.get(), grip - QPoint(0, kDockGrowth / 2));
    QTest::mouseMove(f.window.get(), grip - QPoint(0, kDockGrowth));
    // The window applies a separator move from a zero timer, and forgets it on release:
    // wait for the new height before letting go.
    if (!QTest::qWaitFor([&] { return dock->height() > dockHeight; }, 5000))
        return fail(QStringLiteral("dragging the dock's separator at %1,%2 (gap %3..%4) did not "
                                   "make it taller")
                        .arg(grip.x())
                        .arg(grip.y())
                        .arg(above)
                        .arg(dock->geometry().top()));
    QTest::mouseRelease(f.window.get(), Qt::LeftButton, {}, grip - QPoint(0, kDockGrowth));

    CapturePanel *panel = f.window->capturePanel();
    CaptureController &capture = f.window->capture();
    QPushButton *send = test::button(panel, QStringLiteral("&Send"));
    if (!send)
        return fail(QStringLiteral("no Send button"));
    const QString origin = QStringLiteral("http://127.0.0.1:%1").arg(app.port());
    const QString form = QStringLiteral("Content-Type: application/x-www-form-urlencoded");

    // Log in (the app answers 302 to /account and sets its session), then add to the cart.
    typeRequest(panel, QStringLiteral("POST"), origin + QStringLiteral("/login"), form,
                QStringLiteral("username=alice&password=letmein"));
    if (!clickAndWait(send, capture))
        return fail(QStringLiteral("POST /login: ") + panel->statusLabel()->text());
    typeRequest(panel, QStringLiteral("POST"), origin + QStringLiteral("/cart"), form,
                QStringLiteral("item=mug"));
    if (!clickAndWait(send, capture))
        return fail(QStringLiteral("POST /cart: ") + panel->statusLabel()->text());
    if (panel->jarView()->model()->rowCount() < 1)
        return fail(QStringLiteral("the jar holds no cookie: ") + panel->statusLabel()->text());

    // Open the latest session in the inspector by clicking its row in the timeline.
    QTableView *timeline = panel->timeline();
    const int rows = timeline->model()->rowCount();
    if (rows < 1)
        return fail(QStringLiteral("the timeline is empty"));
    const QModelIndex last = timeline->model()->index(rows - 1, 0);
    timeline->scrollTo(last);
    QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {},
                      timeline->visualRect(last).center());
    if (!QTest::qWaitFor([&f] { return f.window->controller().lastOpen().ok(); }, kIdleMs))
        return fail(QStringLiteral("the session did not open in the inspector"));
    // The JSON tab follows the session after a short deferral: wait for the session's text.
    auto *json = f.window->findChild<QPlainTextEdit *>(QStringLiteral("jsonEditor"));
    if (!json ||
        !QTest::qWaitFor([json] { return json->toPlainText().contains(QStringLiteral("alice")); },
                         kIdleMs))
        return fail(QStringLiteral("the JSON tab never showed the session"));
    // Pending layout requests settle before the grab, which renders the widgets itself.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();

    const QString path = QDir(outputDir).filePath(QStringLiteral("capture.png"));
    if (!f.window->grab().save(path))
        return fail(QStringLiteral("cannot write ") + path);
    QTextStream(stdout) << path << '\n';
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    QApplication application(argc, argv);
    const QString outputDir = qEnvironmentVariable("SESSIONLENS_SCREENSHOT_DIR");
    if (outputDir.isEmpty())
        return fail(QStringLiteral("set SESSIONLENS_SCREENSHOT_DIR to the folder to write to"));
    const int code = run(outputDir);
    QThreadPool::globalInstance()->waitForDone();
    return code;
}
