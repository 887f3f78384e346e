#pragma once

#include "AppSettings.h"
#include "KeyRingStore.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace sessionlens {

/**
 * How both programs find and open the user's key ring, so that the window and the CLI
 * read and write the same ring: the same settings (key names, the store's kind) and the
 * same data folder (the file store).
 *
 * The places are the platform's (QStandardPaths for organisation and application
 * "SessionLens"), or an INI file named by `--settings` (window) or SESSIONLENS_SETTINGS
 * (both), with the data folder `NAME.sessionlens` beside it (for `NAME.ini`), created 0700.
 */
class StoredKeyRing
{
public:
    struct Location
    {
        QString settingsFile; ///< empty: the platform's settings
        QString dataFolder;
    };

    struct Opened
    {
        std::unique_ptr<AppSettings> settings;
        std::unique_ptr<KeyRingStore> keys; ///< null when no store can be reached
        QStringList missing;                ///< names whose secret the store did not return
        QString warning;                    ///< why the ring is not there, for the user
        std::optional<Error> problem;       ///< the store is there but refused or damaged
    };

    /// Sets the organisation and application names both programs share.
    static void setApplicationNames();
    /// `settingsOverride` (the window's --settings) wins over SESSIONLENS_SETTINGS.
    [[nodiscard]] static Location location(const QString &settingsOverride = {});
    /// Opens settings and the ring: the keychain unless the settings ask for the file store,
    /// else the file store. `createFileStore`: use a file store that does not exist yet
    /// (the window, `key add`); without it, a missing keychain and no file store leave
    /// `keys` null with a `warning`.
    [[nodiscard]] static Opened open(const Location &location, int keychainTimeoutMs,
                                     bool createFileStore);
    /// The window's form: picks the store the settings name without asking it anything (a
    /// keychain may wait for the user to unlock it) and loads nothing; the window calls
    /// KeyRingStore::loadLater() and shows that it waits.
    [[nodiscard]] static Opened openForWindow(const Location &location);
};

} // namespace sessionlens
