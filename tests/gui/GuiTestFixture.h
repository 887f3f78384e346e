#pragma once

#include "AppSettings.h"
#include "FileKeyStore.h"
#include "KeyRingStore.h"
#include "MainWindow.h"
#include "SessionTreePanel.h"
#include "TestData.h"
#include "document/RecoveryStore.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

#include <memory>
#include <optional>

namespace sessionlens::test {

// The window's cookie field.
inline QPlainTextEdit *cookieField(gui::MainWindow &window)
{
    return window.findChild<QPlainTextEdit *>(QStringLiteral("cookieInput"));
}

// As a person pastes: select what the field holds, then Ctrl+V.
inline void paste(QWidget *target, const QString &text)
{
    QApplication::clipboard()->setText(text);
    target->setFocus();
    QTest::keyClick(target, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(target, Qt::Key_V, Qt::ControlModifier);
}

// The open editor of the tree (a line edit over its viewport), or none.
inline QLineEdit *openEditor(gui::SessionTreePanel *panel)
{
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    return editor && editor->parentWidget() == panel->view()->viewport() ? editor : nullptr;
}

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

    /// The usual start: the vectors' key in the ring (as "vectors"), the window active, the
    /// encrypted "login" vector pasted; true when it opened.
    bool openLogin()
    {
        const QJsonObject login =
            cookieVector(QStringLiteral("encrypted_session"), QStringLiteral("login"));
        if (!addKeyHex(QStringLiteral("vectors"),
                       login[QStringLiteral("key_hex")].toString().toLatin1()))
            return false;
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            return false;
        paste(cookieField(*window), login[QStringLiteral("cookie")].toString());
        return window->controller().lastOpen().ok();
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

// The German catalogue when `german` (a data-driven test's language column), else none.
struct CatalogueFor
{
    std::optional<GermanCatalogue> german;
    explicit CatalogueFor(bool wanted)
    {
        if (wanted)
            german.emplace();
    }
    [[nodiscard]] bool ready() const { return !german || german->installed; }
};

} // namespace sessionlens::test
