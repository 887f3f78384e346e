#include "AppSettings.h"
#include "CookieInputPanel.h"
#include "KeyRingStore.h"
#include "KeychainKeyStore.h"
#include "MainWindow.h"
#include "StoredKeyRing.h"
#include "crypto/ProcessHardening.h"
#include "document/RecoveryStore.h"
#include "keys/RunKeyLoader.h"

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
    StoredKeyRing::Opened stored =
        StoredKeyRing::open(location, KeychainKeyStore::kDefaultTimeoutMs, true);
    AppSettings &settings = *stored.settings;
    KeyRingStore &keys = *stored.keys;
    installTranslators(app, settings.string(AppSettings::Key::Language));
    const QString dataFolder = location.dataFolder;
    const QStringList missing = stored.missing;
    RecoveryStore recovery(dataFolder, [&keys] { return keys.store().recoveryKey(); });

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

    MainWindow window(settings, keys, recovery);
    window.show();
    if (!missing.isEmpty())
        QMessageBox::warning(
            &window, QApplication::translate("main", "Key Ring"),
            QApplication::translate("main", "These keys could not be loaded from %1: %2")
                .arg(keys.store().label(), missing.join(QStringLiteral(", "))));
    if (!keyErrors.isEmpty())
        QMessageBox::warning(&window, QApplication::translate("main", "Key Ring"),
                             QApplication::translate("main", "These keys could not be read: %1")
                                 .arg(keyErrors.join(QStringLiteral(", "))));
    if (secretsInArguments) {
        const QString text =
            QApplication::translate("main", "A key or secret was given on the command line, where "
                                            "other users of this computer can read it "
                                            "(for example with ps) while SessionLens runs. Use "
                                            "--key-file or --secret-file instead.");
        std::fprintf(stderr, "sessionlens: %s\n", qPrintable(text));
        QMessageBox::warning(&window, QApplication::translate("main", "Key Ring"), text);
    }
    if (!window.offerRecovery(true) && !parser.positionalArguments().isEmpty())
        window.cookieInput()->setText(parser.positionalArguments().constFirst());
    const int code = QApplication::exec();
    // Let background sealing and imports end before the program does.
    QThreadPool::globalInstance()->waitForDone();
    return code;
}
