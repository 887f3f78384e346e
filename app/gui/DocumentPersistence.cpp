#include "DocumentPersistence.h"

#include "ErrorText.h"
#include "SessionEditCommand.h"
#include "document/SessionFile.h"
#include "formats/SessionDialect.h"
#include "json/PythonJsonWriter.h"

#include <utility>

namespace sessionlens::gui {

namespace {

// One keystroke (or two) apart: the texts share all but a short run at one place.
bool keystrokeApart(const QString &a, const QString &b, qsizetype span)
{
    const qsizetype shorter = std::min(a.size(), b.size());
    qsizetype prefix = 0;
    while (prefix < shorter && a.at(prefix) == b.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix))
        ++suffix;
    return a.size() - prefix - suffix <= span && b.size() - prefix - suffix <= span;
}

} // namespace

DocumentPersistence::DocumentPersistence(InspectorController &controller, RecoveryStore &recovery,
                                         AppSettings &settings, QObject *parent)
    : QObject(parent), m_controller(controller), m_recovery(recovery), m_settings(settings)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kAutosaveDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &DocumentPersistence::autosaveNow);
    // The stack's index moves after a command is pushed (or undone): by then isClean() tells the
    // truth, which the model's change signal, emitted inside redo(), does not for the first edit.
    connect(&m_controller.undoStack(), &QUndoStack::indexChanged, this, [this] {
        // An edited session came from a cookie the user meant (a new cookie clears the stack).
        if (m_controller.undoStack().count() > 0)
            rememberNow();
        if (m_controller.undoStack().isClean())
            m_timer.start(0);
        else
            m_timer.start();
    });
    connect(&m_controller, &InspectorController::opened, this, &DocumentPersistence::remember);
    m_historyTimer.setSingleShot(true);
    m_historyTimer.setInterval(kHistoryDelayMs);
    connect(&m_historyTimer, &QTimer::timeout, this, &DocumentPersistence::rememberNow);
}

DocumentPersistence::~DocumentPersistence()
{
    rememberNow();
}

void DocumentPersistence::autosaveNow()
{
    m_timer.stop();
    if (m_controller.undoStack().isClean()) {
        m_recovery.clearAutosave();
        return;
    }
    const auto written = m_recovery.writeAutosave(
        {m_controller.document().originalCookie(), m_controller.sealKeyName(),
         PythonJsonWriter::write(m_controller.document().root(), m_controller.jsonStyle()),
         QDateTime::currentDateTime(), m_controller.format()->id()});
    if (!written)
        Q_EMIT message(ErrorText::describe(written.error()));
}

std::optional<RecoveryStore::Autosave> DocumentPersistence::pendingAutosave() const
{
    return m_recovery.readAutosave();
}

Result<Done> DocumentPersistence::restore(const RecoveryStore::Autosave &autosave)
{
    // An autosave names its format by id; one from a format this build lacks reads as the
    // fallback's, whose reader then says what it cannot read.
    const CookieFormat *format = m_controller.formats().find(autosave.format);
    if (!format)
        format = m_controller.formats().fallback();
    auto edited = SessionDialect::readSession(autosave.sessionJson, *format);
    if (!edited)
        return edited.error();
    if (!autosave.originalCookie.isEmpty() &&
        m_controller.openText(QString::fromLatin1(autosave.originalCookie)).hasSession()) {
        SessionValue before = m_controller.document().root();
        m_controller.undoStack().push(SessionEditCommand::replace(
            m_controller.model(), {}, std::move(before), std::move(edited).value(),
            SessionEditCommand::Origin::Recovery));
    } else {
        m_controller.setFormat(format);
        m_controller.loadSession(std::move(edited).value(), autosave.keyName,
                                 autosave.originalCookie);
        // Nothing of it is saved anywhere but the autosave: it stays unsaved work.
        m_controller.undoStack().resetClean();
    }
    return Done{};
}

void DocumentPersistence::discardAutosave()
{
    m_timer.stop();
    m_recovery.clearAutosave();
}

Result<Done> DocumentPersistence::saveTo(const QString &path)
{
    auto written = SessionFile::write(path, m_controller.document().root(), *m_controller.format());
    if (!written)
        return written;
    m_controller.undoStack().setClean();
    discardAutosave();
    return Done{};
}

Result<Done> DocumentPersistence::openFrom(const QString &path)
{
    auto session = SessionFile::read(path, *m_controller.format());
    if (!session)
        return session.error();
    m_controller.loadSession(std::move(session).value(), m_controller.sealKeyName());
    return Done{};
}

QList<RecoveryStore::HistoryEntry> DocumentPersistence::history()
{
    rememberNow();
    return m_recovery.history();
}

void DocumentPersistence::clearHistory()
{
    m_pendingHistory.reset();
    m_historyTimer.stop();
    m_recovery.clearHistory();
}

void DocumentPersistence::remember(const InspectorController::OpenResult &result)
{
    if (!result.hasSession()) {
        // The next keystroke of a cookie being typed that does not open: what waited was not
        // the cookie the user meant. Any other text leaves the cookie before it opened for real.
        if (m_pendingHistory &&
            keystrokeApart(m_pendingSource, result.sourceText, kKeystrokeSpan)) {
            m_pendingHistory.reset();
            m_historyTimer.stop();
        } else {
            rememberNow();
        }
        return;
    }
    discardAutosave();
    if (!m_settings.value(AppSettings::Key::HistoryEnabled).toBool())
        return;
    // Another cookie, not the next keystroke of this one: the one before was opened for real.
    if (m_pendingHistory && !keystrokeApart(m_pendingSource, result.sourceText, kKeystrokeSpan))
        rememberNow();
    m_pendingSource = result.sourceText;
    m_pendingHistory =
        RecoveryStore::HistoryEntry{QDateTime::currentDateTime(), result.cookie.value,
                                    result.keyName, result.opened.json().size()};
    m_historyTimer.start();
}

void DocumentPersistence::rememberNow()
{
    m_historyTimer.stop();
    if (!m_pendingHistory)
        return;
    const RecoveryStore::HistoryEntry entry = *std::exchange(m_pendingHistory, std::nullopt);
    // Once per distinct cookie: opening the newest entry again adds nothing.
    const auto entries = m_recovery.history();
    if (!entries.isEmpty() && entries.first().cookie == entry.cookie)
        return;
    const auto remembered = m_recovery.addToHistory(entry);
    if (!remembered)
        Q_EMIT message(
            tr("Not kept in the history: %1").arg(ErrorText::describe(remembered.error())));
}

} // namespace sessionlens::gui
