#pragma once

#include "InspectorController.h"
#include "document/RecoveryStore.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace sessionlens::gui {

/**
 * Keeps the inspector's work from being lost, without any widget: writes the
 * autosave shortly after every edit (the first one included), offers it back,
 * remembers opened cookies in the history, and saves and opens session JSON.
 * The window only asks the questions and shows the messages.
 */
class DocumentPersistence : public QObject
{
    Q_OBJECT

public:
    DocumentPersistence(InspectorController &controller, RecoveryStore &recovery,
                        AppSettings &settings, QObject *parent = nullptr);

    /// Autosave this long after the last edit, so a crash loses at most this much typing.
    static constexpr int kAutosaveDelayMs = 800;

    [[nodiscard]] bool autosavePending() const { return m_timer.isActive(); }
    /// Writes the autosave now (clears it when there is nothing unsaved).
    void autosaveNow();
    /// The autosave left by a session that did not end cleanly, if any.
    [[nodiscard]] std::optional<RecoveryStore::Autosave> pendingAutosave() const;
    /// Restores an autosave: the cookie it was made from is opened again (so Compare shows the
    /// edits, and Undo takes them back), or, when that no longer opens, the session alone.
    [[nodiscard]] Result<Done> restore(const RecoveryStore::Autosave &autosave);
    void discardAutosave();

    [[nodiscard]] Result<Done> saveTo(const QString &path);
    [[nodiscard]] Result<Done> openFrom(const QString &path);

    /// The history, newest first, with the cookie that waits to join it written first.
    [[nodiscard]] QList<RecoveryStore::HistoryEntry> history();
    void clearHistory();
    /// A cookie joins the history once the field has held it this long, or when the session is
    /// edited, or another cookie (not a keystroke away from it) opens: typing a cookie opens a
    /// session on many keystrokes, and those are not cookies the user opened.
    static constexpr int kHistoryDelayMs = 1500;
    /// Texts that differ by at most this many characters in one place are one cookie being typed.
    static constexpr qsizetype kKeystrokeSpan = 2;
    /// Writes the cookie that waits to join the history now.
    void rememberNow();
    ~DocumentPersistence() override;

Q_SIGNALS:
    /// Something worth a status-bar line (an autosave or history write that failed).
    void message(const QString &text);

private:
    void remember(const InspectorController::OpenResult &result);

    InspectorController &m_controller;
    RecoveryStore &m_recovery;
    AppSettings &m_settings;
    QTimer m_timer;
    QTimer m_historyTimer;
    std::optional<RecoveryStore::HistoryEntry> m_pendingHistory;
    QString m_pendingSource; // the text it was opened from
};

} // namespace sessionlens::gui
