#include "AppSettings.h"
#include "CookieInputPanel.h"
#include "KeyRingStore.h"
#include "MainWindow.h"
#include "StoredKeyRing.h"
#include "document/RecoveryStore.h"
#include "keys/RunKeyLoader.h"
#include "os/ProcessHardening.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QThreadPool>
#include <QTimer>
#include <QTranslator>

#include <memory>
#include <optional>

#include <cstdio>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {

void installTranslators(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    QLocale::setDefault(locale);
    auto *ours = new QTranslator(&app);
    // English (and the C locale) get the English catalogue, which holds the plural forms.
    if (ours->load(locale, QStringLiteral("sessionlens"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")) ||
        ours->load(QStringLiteral(":/i18n/sessionlens_en.qm")))
        QApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

} // namespace

int main(int argc, char *argv[])
{
    ProcessHardening::apply();
    QApplication app(argc, argv);
    StoredKeyRing::setApplicationNames();
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/sessionlens.png")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Inspector for Flask session cookies"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("key"),
                      QApplication::translate("main", "AES key for this run only (repeatable)."),
                      QApplication::translate("main", "key")});
    parser.addOption(
        {QStringLiteral("key-file"),
         QApplication::translate("main", "File with an AES key for this run only (repeatable)."),
         QApplication::translate("main", "file")});
    parser.addOption(
        {QStringLiteral("secret"),
         QApplication::translate("main", "Flask SECRET_KEY for this run only (repeatable)."),
         QApplication::translate("main", "secret")});
    parser.addOption({QStringLiteral("secret-file"),
                      QApplication::translate(
                          "main", "File with a Flask SECRET_KEY for this run only (repeatable)."),
                      QApplication::translate("main", "file")});
    parser.addOption(
        {QStringLiteral("settings"),
         QApplication::translate("main", "Use this settings file and keep data next to it."),
         QApplication::translate("main", "file")});
    parser.addPositionalArgument(QStringLiteral("cookie"),
                                 QApplication::translate("main", "Cookie to open."));
    parser.process(app);

    // The same ring, settings and data folder as the CLI's (StoredKeyRing).
    const StoredKeyRing::Location location =
        StoredKeyRing::location(parser.value(QStringLiteral("settings")));
    // Nothing is asked of the keychain yet: the window shows first, then waits for it visibly.
    StoredKeyRing::Opened stored = StoredKeyRing::openForWindow(location);
    AppSettings &settings = *stored.settings;
    KeyRingStore &keys = *stored.keys;
    installTranslators(app, settings.string(AppSettings::Key::Language));
    const QString dataFolder = location.dataFolder;
    // History and autosave are sealed with a key from the store; until it has answered, they
    // wait (a write fails with this error, which the window shows).
    std::optional<Result<SecureBytes>> recoveryKey;
    RecoveryStore recovery(dataFolder, [&recoveryKey]() -> Result<SecureBytes> {
        if (!recoveryKey)
            return Error::make(
                ErrorCategory::Key,
                QApplication::translate("main", "the key store has not answered yet"));
        return *recoveryKey;
    });

    // The same loader as the CLI's: files are read whole into wiped memory, and a file
    // over the limit is an error, never a silent cut.
    RunKeyLoader::Sources sources;
    sources.keyTexts = parser.values(QStringLiteral("key"));
    sources.keyFiles = parser.values(QStringLiteral("key-file"));
    sources.secretTexts = parser.values(QStringLiteral("secret"));
    sources.secretFiles = parser.values(QStringLiteral("secret-file"));
    QStringList keyErrors;
    if (auto loaded = RunKeyLoader::load(sources); !loaded) {
        keyErrors.append(
            QStringLiteral("%1: %2").arg(loaded.error().detail, loaded.error().message));
    } else {
        for (SessionKey &key : loaded.value()) {
            const QString name = key.name();
            if (!keys.addTemporary(std::move(key)).ok())
                keyErrors.append(name);
        }
    }
    const bool secretsInArguments = !sources.keyTexts.isEmpty() || !sources.secretTexts.isEmpty();
    // Read: out of the process's arguments, where other users see them in ps.
    ProcessHardening::scrubArguments(argc, argv, {"--key", "--secret"});

    MainWindow window(settings, keys, recovery);
    window.show();
    QObject::connect(&keys, &KeyRingStore::loadFinished, &window, [&](const QStringList &missing) {
        if (!missing.isEmpty())
            QMessageBox::warning(
                &window, QApplication::translate("main", "Key Ring"),
                QApplication::translate("main", "These keys could not be loaded from %1: %2")
                    .arg(keys.store().label(), missing.join(QStringLiteral(", "))));
    });
    if (!keyErrors.isEmpty())
        QMessageBox::warning(&window, QApplication::translate("main", "Key Ring"),
                             QApplication::translate("main", "These keys could not be read: %1")
                                 .arg(keyErrors.join(QStringLiteral(", "))));
    if (secretsInArguments) {
        const QString text =
            QApplication::translate("main", "A key or secret was given on the command line, where "
                                            "other users of this computer could read it "
                                            "(for example with ps) while SessionLens started. "
                                            "Use --key-file or --secret-file instead.");
        std::fprintf(stderr, "sessionlens: %s\n", qPrintable(text));
        QMessageBox::warning(&window, QApplication::translate("main", "Key Ring"), text);
    }
    // Keys first, then the recovery key, then the autosave or the cookie given: each needs the
    // one before it, and none of them blocks the window while the store takes its time.
    const QString cookieArgument = parser.positionalArguments().value(0);
    auto startup = std::make_shared<QMetaObject::Connection>();
    *startup = QObject::connect(&keys, &KeyRingStore::loadFinished, &window, [&, startup] {
        QObject::disconnect(*startup);
        keys.store().recoveryKeyLater(&window, [&](Result<SecureBytes> key) {
            recoveryKey = std::move(key);
            if (!window.offerRecovery(true) && !cookieArgument.isEmpty())
                window.cookieInput()->setText(cookieArgument);
        });
    });
    keys.loadLater();
    const int code = QApplication::exec();
    // Let background sealing and imports end before the program does.
    QThreadPool::globalInstance()->waitForDone();
    return code;
}
