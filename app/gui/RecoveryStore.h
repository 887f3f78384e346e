#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace sessionlens::gui {

/**
 * Files that keep work from being lost, in the app data folder (0600):
 * the history of opened cookies (never keys) and the autosave of an edited
 * session, which survives a crash and is offered back at the next start.
 */
class RecoveryStore
{
public:
    static constexpr int kMaxHistory = 50;

    struct HistoryEntry
    {
        QDateTime openedAt;
        QByteArray cookie;
        QString keyName; ///< the name only
        qsizetype jsonBytes = 0;
    };

    struct Autosave
    {
        QByteArray originalCookie;
        QString keyName;
        QByteArray sessionJson;
        QDateTime savedAt;
        bool flaskSigned = false; ///< the JSON is Flask's tagged dialect
    };

    explicit RecoveryStore(QString folder);

    [[nodiscard]] QList<HistoryEntry> history() const;
    void addToHistory(const HistoryEntry &entry);
    void clearHistory();

    [[nodiscard]] Result<Done> writeAutosave(const Autosave &autosave);
    [[nodiscard]] std::optional<Autosave> readAutosave() const;
    void clearAutosave();

    [[nodiscard]] QString historyFile() const;
    [[nodiscard]] QString autosaveFile() const;

private:
    QString m_folder;
};

} // namespace sessionlens::gui
