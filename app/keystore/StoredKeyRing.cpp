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
    location.dataFolder = location.settingsFile.isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                              : QFileInfo(location.settingsFile).absolutePath();
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
