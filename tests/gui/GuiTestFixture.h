#pragma once

#include "AppSettings.h"
#include "FileKeyStore.h"
#include "KeyRingStore.h"
#include "MainWindow.h"
#include "document/RecoveryStore.h"

#include <QApplication>
#include <QLocale>
#include <QTemporaryDir>
#include <QTranslator>

#include <memory>

namespace sessionlens::test {

/// A main window with its own settings file, file key store and recovery folder.
struct GuiTestFixture
{
    QTemporaryDir dir;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<KeyRingStore> keys;
    std::unique_ptr<RecoveryStore> recovery;
    std::unique_ptr<gui::MainWindow> window;

    GuiTestFixture() { open(); }

    /// (Re)creates the window over the same folder, as a restart would.
    void open()
    {
        window.reset();
        keys.reset();
        settings = std::make_unique<AppSettings>(dir.filePath(QStringLiteral("settings.ini")));
        keys =
            std::make_unique<KeyRingStore>(*settings, std::make_unique<FileKeyStore>(dir.path()));
        (void)keys->load();
        recovery = std::make_unique<RecoveryStore>(dir.path(),
                                                   [this] { return keys->store().recoveryKey(); });
        window = std::make_unique<gui::MainWindow>(*settings, *keys, *recovery);
    }

    bool addKeyHex(const QString &name, const QByteArray &hex)
    {
        const QByteArray raw = QByteArray::fromHex(hex);
        return keys->add(SessionKey(name, SecureBytes(raw.constData(), std::size_t(raw.size()))))
            .ok();
    }
};

// The German catalogue for the length of a test: installed here, removed when it ends.
struct GermanCatalogue
{
    QTranslator translator;
    bool installed = false;
    GermanCatalogue()
    {
        installed = translator.load(QLocale(QLocale::German), QStringLiteral("sessionlens"),
                                    QStringLiteral("_"), QStringLiteral(":/i18n")) &&
                    QApplication::installTranslator(&translator);
    }
    ~GermanCatalogue() { QApplication::removeTranslator(&translator); }
};

} // namespace sessionlens::test
