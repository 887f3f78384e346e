// Inspector responsiveness on a large session: a compressed cookie under 4 KB
// that inflates to more than 200 KB of JSON with over 10,000 nodes.
// Prints (1) paste to populated, painted tree and (2) one leaf edit to re-seal,
// refreshed sizes and repaint; then, for a wide session of 50,000 top-level keys
// (sealed and sized in the background), (3) paste and (4) one edit until the
// Sizes dock has its figures. Figures only; never fails on time.

#include "CookieInputPanel.h"
#include "FileKeyStore.h"
#include "JsonEditorPanel.h"
#include "KeyRingStore.h"
#include "MainWindow.h"
#include "SessionTreePanel.h"
#include "document/RecoveryStore.h"
#include "formats/EncryptedSessionCodec.h"
#include "json/PythonJsonWriter.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTreeView>

#include <algorithm>
#include <cstdio>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {

SessionValue bigSession()
{
    SessionValue root = SessionValue::makeDict();
    root.setValue(QStringLiteral("user"), SessionValue::makeString(QStringLiteral("alice")));
    SessionValue *items = root.setValue(QStringLiteral("items"), SessionValue::makeList());
    for (int i = 0; i < 5000; ++i) {
        SessionValue *item = items->append(SessionValue::makeDict());
        item->setValue(QStringLiteral("flag"), SessionValue::makeBool(true));
        item->setValue(QStringLiteral("n"), SessionValue::makeInteger(0));
        item->setValue(QStringLiteral("tag"), SessionValue::makeString(QStringLiteral("aaaa")));
        item->setValue(QStringLiteral("ok"), SessionValue::makeNull());
    }
    return root;
}

// 50,000 top-level keys, each a short string: the per-key costs are what takes time.
SessionValue wideSession()
{
    SessionValue root = SessionValue::makeDict();
    for (int i = 0; i < 50'000; ++i)
        root.appendEntryUnchecked(
            QStringLiteral("key_%1").arg(i, 5, 10, QLatin1Char('0')),
            SessionValue::makeString(QStringLiteral("value %1").arg(i * 7919 % 100'003)));
    return root;
}

// Waits (bounded) until the background seal and size report of the window are in.
bool waitForSizes(MainWindow &window, qint64 deadlineMs)
{
    QElapsedTimer waited;
    waited.start();
    while (window.controller().isRefreshing() && waited.elapsed() < deadlineMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    return !window.controller().isRefreshing();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // figures as they come, also into a file
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    KeyRingStore keys(settings, std::make_unique<FileKeyStore>(dir.path()));
    const QByteArray raw(32, '\x42');
    (void)keys.addTemporary(SessionKey(QStringLiteral("bench"), SecureBytes(raw.constData(), 32)));
    RecoveryStore recovery(dir.path(), [&keys] { return keys.store().recoveryKey(); });

    const SessionValue session = bigSession();
    auto codec = EncryptedSessionCodec::create(SecureBytes(raw.constData(), 32)).value();
    const auto sealed = codec.seal(session).value();
    std::printf("cookie: %lld bytes, JSON %lld bytes, %lld nodes\n",
                static_cast<long long>(sealed.cookie.size()),
                static_cast<long long>(sealed.plaintext.size()),
                static_cast<long long>(session.nodeCount()));

    MainWindow window(settings, keys, recovery);
    window.show();
    QApplication::processEvents();

    std::vector<double> pasteMs, editMs, jsonMs;
    for (int round = 0; round < 7; ++round) {
        // The edit of the round before is let go: no Save/Discard question over it.
        window.controller().undoStack().setClean();
        window.cookieInput()->setText(QString());
        QApplication::processEvents();
        QElapsedTimer timer;
        timer.start();
        window.cookieInput()->setText(QString::fromLatin1(sealed.cookie));
        window.treePanel()->view()->viewport()->repaint();
        QApplication::processEvents();
        pasteMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!window.controller().lastOpen().ok() ||
            window.treePanel()->view()->model()->rowCount() != 2) {
            std::fprintf(stderr, "the cookie did not open\n");
            return 1;
        }

        // One leaf: items[round]['n'].
        SessionTreeModel &model = window.controller().model();
        const QModelIndex items = model.index(1, 0);
        const QModelIndex leaf =
            model.index(1, SessionTreeModel::ValueColumn, model.index(round, 0, items));
        timer.restart();
        model.setData(leaf, QString::number(round + 1));
        window.treePanel()->view()->viewport()->repaint();
        QApplication::processEvents();
        editMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (window.controller().sealedCookie().isEmpty()) {
            std::fprintf(stderr, "no re-sealed cookie\n");
            return 1;
        }
        // The JSON tab catches up after the edit (deferred); what that costs when it runs:
        timer.restart();
        window.jsonPanel()->syncFromSession();
        window.jsonPanel()->repaint();
        jsonMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("paste to populated tree: median %.1f ms of %zu runs (aim: under 100 ms)\n",
                median(pasteMs), pasteMs.size());
    std::printf("leaf edit to re-seal + sizes: median %.1f ms of %zu runs (aim: under 16 ms)\n",
                median(editMs), editMs.size());
    std::printf("deferred JSON view refresh (255 KB text, not part of the edit): median %.1f ms\n",
                median(jsonMs));

    // The wide session: sealed and sized off the GUI thread. Measured until the Sizes dock has
    // this session's figures (the old ones are cleared meanwhile).
    const SessionValue wide = wideSession();
    const auto wideSealed = codec.seal(wide).value();
    std::printf("wide cookie: %lld bytes, JSON %lld bytes, %lld top-level keys\n",
                static_cast<long long>(wideSealed.cookie.size()),
                static_cast<long long>(wideSealed.plaintext.size()),
                static_cast<long long>(wide.size()));
    constexpr qint64 kWideDeadlineMs = 120'000;
    std::vector<double> widePasteMs, wideOpenMs, wideEditMs, wideMeasuredMs;
    for (int round = 0; round < 3; ++round) {
        window.controller().undoStack().setClean();
        window.cookieInput()->setText(QString::fromLatin1(sealed.cookie)); // the session before
        if (!waitForSizes(window, kWideDeadlineMs))
            return 1;
        window.controller().undoStack().setClean();
        QElapsedTimer timer;
        timer.start();
        window.cookieInput()->setText(QString::fromLatin1(wideSealed.cookie));
        wideOpenMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!waitForSizes(window, kWideDeadlineMs) ||
            window.controller().sizeReport().keys.size() != wide.size()) {
            std::fprintf(stderr, "the wide session's sizes did not arrive\n");
            return 1;
        }
        widePasteMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        // The keys' exact costs follow in the background; the edit below starts once they are in.
        QElapsedTimer waited;
        waited.start();
        while (window.controller().isMeasuringKeys() && waited.elapsed() < kWideDeadlineMs)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
        wideMeasuredMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        SessionTreeModel &model = window.controller().model();
        timer.restart();
        model.setData(model.index(round, SessionTreeModel::ValueColumn), QStringLiteral("edited"));
        if (!waitForSizes(window, kWideDeadlineMs))
            return 1;
        wideEditMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("wide session, paste to opened tree: median %.1f ms\n", median(wideOpenMs));
    std::printf("wide session, paste to sizes: median %.1f ms of %zu runs (aim: under 1000 ms)\n",
                median(widePasteMs), widePasteMs.size());
    std::printf("wide session, paste to measured key costs (background): median %.1f ms\n",
                median(wideMeasuredMs));
    std::printf(
        "wide session, one edit to sizes: median %.1f ms of %zu runs (aim: under 1000 ms)\n",
        median(wideEditMs), wideEditMs.size());
    return 0;
}
