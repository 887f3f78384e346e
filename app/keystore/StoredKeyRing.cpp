#include "StoredKeyRing.h"

#include "FileKeyStore.h"
#include "KeychainKeyStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace sessionlens {

void StoredKeyRing::setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("SessionLens"));
    QCoreApplication::setApplicationName(QStringLiteral("SessionLens"));
}

StoredKeyRing::Location StoredKeyRing::location(const QString &settingsOverride)
{
    Location location;
    location.settingsFile = settingsOverride.isEmpty()
                                ? qEnvironmentVariable("SESSIONLENS_SETTINGS")
                                : settingsOverride;
    if (location.settingsFile.isEmpty()) {
        location.dataFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        return location;
    }
    // A folder of its own beside the settings file, which SessionLens creates private: the
    // settings file's folder is the user's (a project, a home, /tmp), and neither the key
    // store nor history belong in it, nor may its mode be changed.
    const QFileInfo settings(location.settingsFile);
    location.dataFolder =
        QDir(settings.absolutePath())
            .filePath(settings.completeBaseName() + QStringLiteral(".sessionlens"));
    // A store an earlier version kept beside the settings file is used where it lies (its
    // files are checked as before), until the user moves it.
    const QString legacy = settings.absolutePath();
    if (!QFileInfo::exists(location.dataFolder) &&
        QFileInfo::exists(FileKeyStore(legacy).dataFile()))
        location.dataFolder = legacy;
    return location;
}

StoredKeyRing::Opened StoredKeyRing::open(const Location &location, int keychainTimeoutMs,
                                          bool createFileStore)
{
    Opened opened;
    opened.settings = location.settingsFile.isEmpty()
                          ? std::make_unique<AppSettings>()
                          : std::make_unique<AppSettings>(location.settingsFile);
    std::unique_ptr<KeyStore> store;
    QString keychainProblem;
    if (opened.settings->string(AppSettings::Key::KeyStoreBackend) != QLatin1String("file")) {
        auto keychain =
            std::make_unique<KeychainKeyStore>(QStringLiteral("SessionLens"), keychainTimeoutMs);
        if (keychain->isAvailable())
            store = std::move(keychain);
        else
            keychainProblem = QCoreApplication::translate(
                "sessionlens::Note", "the desktop keychain did not answer (locked or not running)");
    }
    if (!store) {
        auto file = std::make_unique<FileKeyStore>(location.dataFolder);
        if (createFileStore || QFileInfo::exists(file->dataFile()))
            store = std::move(file);
    }
    if (!store) {
        opened.warning =
            QCoreApplication::translate(
                "sessionlens::Note",
                "%1, and there is no file store in %2: only keys given for this run are used")
                .arg(keychainProblem.isEmpty()
                         ? QCoreApplication::translate("sessionlens::Note",
                                                       "the settings ask for the file store")
                         : keychainProblem,
                     location.dataFolder);
        return opened;
    }
    opened.keys = std::make_unique<KeyRingStore>(*opened.settings, std::move(store));
    opened.missing = opened.keys->load();
    if (auto checked = opened.keys->store().check(); !checked)
        opened.problem = checked.error();
    return opened;
}

StoredKeyRing::Opened StoredKeyRing::openForWindow(const Location &location)
{
    Opened opened;
    opened.settings = location.settingsFile.isEmpty()
                          ? std::make_unique<AppSettings>()
                          : std::make_unique<AppSettings>(location.settingsFile);
    std::unique_ptr<KeyStore> store;
    if (opened.settings->string(AppSettings::Key::KeyStoreBackend) == QLatin1String("file"))
        store = std::make_unique<FileKeyStore>(location.dataFolder);
    else
        store = std::make_unique<KeychainKeyStore>(QStringLiteral("SessionLens"));
    opened.keys = std::make_unique<KeyRingStore>(*opened.settings, std::move(store));
    return opened;
}

} // namespace sessionlens
