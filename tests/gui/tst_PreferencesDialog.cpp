// The Preferences dialog as a person uses it: Alt+letter to each field, typing, Enter to keep
// and Escape to leave. What is kept is read back from the settings file by a new reader, and
// a new dialog shows it; what is left with Escape never reaches the file. Settings live in a
// temporary INI file of the test.

#include "GuiTestFixture.h"
#include "PreferencesDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {

// The letter Alt takes a person to, for a text with one ("Signer &salt:" gives 's').
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) != u'&')
            return text.at(i + 1).toLower();
        ++i; // "&&" is a literal ampersand
    }
    return {};
}

// The widget each mnemonic should reach: a label's buddy, or the button itself.
QList<std::pair<QChar, QWidget *>> mnemonicTargets(QDialog &dialog)
{
    QList<std::pair<QChar, QWidget *>> targets;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        if (label->buddy() && !mnemonicOf(label->text()).isNull())
            targets.append({mnemonicOf(label->text()), label->buddy()});
    for (QAbstractButton *button : dialog.findChildren<QAbstractButton *>())
        if (!mnemonicOf(button->text()).isNull())
            targets.append({mnemonicOf(button->text()), button});
    return targets;
}

bool showActive(QDialog &dialog)
{
    dialog.show();
    dialog.activateWindow();
    return QTest::qWaitFor([&dialog] { return QApplication::activeWindow() == &dialog; }, 10000);
}

// Alt+letter, as the label shows it; the focus widget it led to.
QWidget *pressAlt(QDialog &dialog, QChar letter)
{
    QTest::keyClick(&dialog, letter.toLatin1(), Qt::AltModifier);
    return QApplication::focusWidget();
}

// Replaces the text of the focused line edit or spin box by typing.
void retype(QWidget *field, const QString &text)
{
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_Backspace);
    QTest::keyClicks(field, text);
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestPreferencesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMnemonicReachesItsOwnField_data();
    void everyMnemonicReachesItsOwnField();
    void tabGoesDownTheForm();
    void keyedChangesPersistAndComeBack();
    void emptyTextKeepsTheDefaults();
    void cancelKeepsTheOldValues_data();
    void cancelKeepsTheOldValues();
};

void TestPreferencesDialog::everyMnemonicReachesItsOwnField_data()
{
    QTest::addColumn<bool>("german");
    QTest::newRow("English") << false;
    QTest::newRow("German") << true;
}

void TestPreferencesDialog::everyMnemonicReachesItsOwnField()
{
    QFETCH(bool, german);
    const test::CatalogueFor language(german);
    QVERIFY(language.ready());
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    PreferencesDialog dialog(settings);
    QVERIFY(showActive(dialog));
    const auto targets = mnemonicTargets(dialog);
    QVERIFY2(targets.size() >= 11, qPrintable(QString::number(targets.size())));
    // Pressed once each: a letter two fields share would take the person to the other one.
    for (const auto &[letter, target] : targets) {
        if (qobject_cast<QAbstractButton *>(target))
            continue; // pressing a button's letter would press it
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // from somewhere else
        QWidget *reached = pressAlt(dialog, letter);
        QVERIFY2(reached == target,
                 qPrintable(QStringLiteral("Alt+%1 reached %2, not %3")
                                .arg(letter)
                                .arg(QLatin1String(reached ? reached->metaObject()->className()
                                                           : "nothing"),
                                     QLatin1String(target->metaObject()->className()))));
    }
    // The buttons' letters too (OK and Cancel have none on every platform's theme).
    QStringList shared;
    for (const auto &[letter, target] : targets) {
        qsizetype uses = 0;
        for (const auto &other : targets)
            uses += other.first == letter ? 1 : 0;
        if (uses > 1)
            shared.append(letter);
    }
    QVERIFY2(shared.isEmpty(), qPrintable(shared.join(u' ')));
}

void TestPreferencesDialog::tabGoesDownTheForm()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    PreferencesDialog dialog(settings);
    QVERIFY(showActive(dialog));
    QWidget *first = pressAlt(dialog, u'l'); // Language, the top field
    QVERIFY(qobject_cast<QComboBox *>(first));
    // Tab until the buttons: every field once, each below the one before.
    QList<QWidget *> visited{first};
    for (int i = 0; i < 20; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        if (qobject_cast<QAbstractButton *>(now) && !qobject_cast<QCheckBox *>(now))
            break;
        QVERIFY2(!visited.contains(now), "Tab came back to a field before the buttons");
        const int y = now->mapTo(&dialog, QPoint()).y();
        const int above = visited.last()->mapTo(&dialog, QPoint()).y();
        QVERIFY2(y > above, qPrintable(QStringLiteral("Tab went up from y=%1 to y=%2 (%3)")
                                           .arg(above)
                                           .arg(y)
                                           .arg(QLatin1String(now->metaObject()->className()))));
        visited.append(now);
    }
    // Five combo boxes, six spin boxes, five text fields, two check boxes.
    QCOMPARE(visited.size(), 18);
}

void TestPreferencesDialog::keyedChangesPersistAndComeBack()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    {
        AppSettings settings(file);
        PreferencesDialog dialog(settings);
        QVERIFY(showActive(dialog));
        // Each field reached by its label's letter, as the dialog spells it.
        const auto reach = [&](const QString &labelText) -> QWidget * {
            for (QLabel *label : dialog.findChildren<QLabel *>())
                if (label->text() == labelText)
                    return pressAlt(dialog, mnemonicOf(labelText));
            return nullptr;
        };
        QWidget *field = reach(QStringLiteral("&Language:"));
        QVERIFY(qobject_cast<QComboBox *>(field));
        QTest::keyClick(field, Qt::Key_Down); // System language -> English
        field = reach(QStringLiteral("&Compression when sealing:"));
        QVERIFY(qobject_cast<QComboBox *>(field));
        QTest::keyClick(field, Qt::Key_End); // Never compress
        field = reach(QStringLiteral("Show &bytes as:"));
        QTest::keyClick(field, Qt::Key_Down); // Base64
        field = reach(QStringLiteral("Largest &inflated plaintext:"));
        QVERIFY(qobject_cast<QSpinBox *>(field));
        retype(field, QStringLiteral("300")); // over the range: the box keeps 30
        field = reach(QStringLiteral("Session cookie &name:"));
        QVERIFY(qobject_cast<QLineEdit *>(field));
        retype(field, QStringLiteral("  sid "));
        field = reach(QStringLiteral("Signed session li&fetime:"));
        QVERIFY(qobject_cast<QSpinBox *>(field));
        retype(field, QStringLiteral("7"));
        // Each format's own age, in seconds; Flask-WTF's 0 is None, no limit.
        field = reach(QStringLiteral("Starlette &max_age:"));
        QVERIFY(qobject_cast<QSpinBox *>(field));
        retype(field, QStringLiteral("3600"));
        field = reach(QStringLiteral("Djang&o SESSION_COOKIE_AGE:"));
        QVERIFY(qobject_cast<QSpinBox *>(field));
        retype(field, QStringLiteral("86400"));
        field = reach(QStringLiteral("Flask-WTF &time limit:"));
        QVERIFY(qobject_cast<QSpinBox *>(field));
        QCOMPARE(qobject_cast<QSpinBox *>(field)->value(), 3600); // Flask-WTF's default
        retype(field, QStringLiteral("0"));
        field = reach(QStringLiteral("Signer &salt:"));
        retype(field, QStringLiteral("my-salt"));
        field = reach(QStringLiteral("Signer &digest:"));
        QTest::keyClick(field, Qt::Key_Down); // sha256
        field = reach(QStringLiteral("&Key derivation:"));
        QTest::keyClick(field, Qt::Key_End); // none
        field = reach(QStringLiteral("&Replay URL (curl, requests):"));
        retype(field, QStringLiteral(" http://127.0.0.1:8000/app "));
        field = reach(QStringLiteral("Clear copied cookies and keys &after:"));
        QVERIFY(qobject_cast<QSpinBox *>(field));
        retype(field, QStringLiteral("0"));
        QCOMPARE(qobject_cast<QSpinBox *>(field)->value(), 0);
        // The two check boxes by Tab from the field before each, and Space.
        auto *history = dialog.findChild<QCheckBox *>(QStringLiteral("historyEnabled"));
        QVERIFY(history && history->isChecked());
        reach(QStringLiteral("&Replay URL (curl, requests):"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), history);
        QTest::keyClick(history, Qt::Key_Space);
        QVERIFY(!history->isChecked());
        reach(QStringLiteral("&Key derivation:"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        auto *epoch = qobject_cast<QCheckBox *>(QApplication::focusWidget());
        QVERIFY(epoch && !epoch->isChecked());
        QTest::keyClick(epoch, Qt::Key_Space);
        QVERIFY(epoch->isChecked());
        // Enter from a text field is the OK button.
        reach(QStringLiteral("Signer &salt:"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
    }
    // A new reader of the file sees all of it.
    AppSettings reread(file);
    QCOMPARE(reread.string(AppSettings::Key::Language), QStringLiteral("en"));
    QCOMPARE(reread.string(AppSettings::Key::Compression), QStringLiteral("never"));
    QCOMPARE(reread.string(AppSettings::Key::BytesDisplay), QStringLiteral("base64"));
    QCOMPARE(reread.bytesForm(), ValueText::BytesForm::Base64);
    QCOMPARE(reread.integer(AppSettings::Key::MaxInflatedMiB), 30);
    QCOMPARE(reread.string(AppSettings::Key::CookieName), QStringLiteral("sid"));
    QCOMPARE(reread.integer(AppSettings::Key::SessionLifetimeDays), 7);
    QCOMPARE(reread.integer(AppSettings::Key::StarletteMaxAgeSeconds), 3600);
    QCOMPARE(reread.integer(AppSettings::Key::DjangoCookieAgeSeconds), 86400);
    QCOMPARE(reread.integer(AppSettings::Key::WtfCsrfTimeLimitSeconds), 0);
    QCOMPARE(reread.string(AppSettings::Key::SignerSalt), QStringLiteral("my-salt"));
    QCOMPARE(reread.string(AppSettings::Key::SignerDigest), QStringLiteral("sha256"));
    QCOMPARE(reread.string(AppSettings::Key::SignerDerivation), QStringLiteral("none"));
    QCOMPARE(reread.value(AppSettings::Key::SignerLegacyEpoch).toBool(), true);
    QCOMPARE(reread.string(AppSettings::Key::ReplayUrl),
             QStringLiteral("http://127.0.0.1:8000/app"));
    QCOMPARE(reread.value(AppSettings::Key::HistoryEnabled).toBool(), false);
    QCOMPARE(reread.integer(AppSettings::Key::ClipboardClearSeconds), 0);

    // And a new dialog over them shows them back.
    PreferencesDialog again(reread);
    QStringList combos;
    for (QComboBox *combo : again.findChildren<QComboBox *>())
        combos.append(combo->currentText());
    QCOMPARE(combos, (QStringList{QStringLiteral("English"), QStringLiteral("Never compress"),
                                  QStringLiteral("Base64"), QStringLiteral("sha256"),
                                  QStringLiteral("none")}));
    QStringList lines;
    for (QLineEdit *line : again.findChildren<QLineEdit *>())
        if (!qobject_cast<QAbstractSpinBox *>(line->parentWidget()))
            lines.append(line->text());
    QCOMPARE(lines,
             (QStringList{QStringLiteral("my-salt"), QStringLiteral("http://127.0.0.1:8000/app"),
                          QStringLiteral("sid"), QString(), QStringLiteral("127.0.0.1")}));
    QStringList spins;
    for (QSpinBox *spin : again.findChildren<QSpinBox *>())
        spins.append(spin->text());
    QCOMPARE(spins, (QStringList{QStringLiteral("30 MiB"), QStringLiteral("7 days"),
                                 QStringLiteral("3600 s"), QStringLiteral("86400 s"),
                                 QStringLiteral("None (no limit)"), QStringLiteral("never")}));
    QVERIFY(!again.findChild<QCheckBox *>(QStringLiteral("historyEnabled"))->isChecked());
}

void TestPreferencesDialog::emptyTextKeepsTheDefaults()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    AppSettings settings(file);
    settings.setValue(AppSettings::Key::SignerSalt, QStringLiteral("old-salt"));
    settings.setValue(AppSettings::Key::CookieName, QStringLiteral("old"));
    PreferencesDialog dialog(settings);
    QVERIFY(showActive(dialog));
    // Emptied (or only spaces): the server's defaults, not an empty name nobody could send.
    retype(pressAlt(dialog, u's'), QString());
    retype(pressAlt(dialog, u'n'), QStringLiteral("   "));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    AppSettings reread(file);
    QCOMPARE(reread.string(AppSettings::Key::SignerSalt), QStringLiteral("cookie-session"));
    QCOMPARE(reread.string(AppSettings::Key::CookieName), QStringLiteral("session"));
}

void TestPreferencesDialog::cancelKeepsTheOldValues_data()
{
    QTest::addColumn<bool>("click");
    QTest::newRow("Escape") << false;
    QTest::newRow("Cancel clicked") << true;
}

void TestPreferencesDialog::cancelKeepsTheOldValues()
{
    QFETCH(bool, click);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    AppSettings settings(file);
    settings.setValue(AppSettings::Key::SignerSalt, QStringLiteral("kept-salt"));
    settings.setValue(AppSettings::Key::BytesDisplay, QStringLiteral("hex"));
    settings.sync();
    const QByteArray before = fileBytes(file);
    QVERIFY(!before.isEmpty());
    {
        PreferencesDialog dialog(settings);
        QVERIFY(showActive(dialog));
        retype(pressAlt(dialog, u's'), QStringLiteral("changed-salt"));
        QTest::keyClick(pressAlt(dialog, u'b'), Qt::Key_Down);
        retype(pressAlt(dialog, u'f'), QStringLiteral("99"));
        QAbstractButton *cancel = nullptr;
        for (QAbstractButton *button : dialog.findChildren<QAbstractButton *>())
            if (button->text() == QStringLiteral("Cancel") ||
                button->text() == QStringLiteral("&Cancel"))
                cancel = button;
        QVERIFY(cancel);
        if (click)
            QTest::mouseClick(cancel, Qt::LeftButton);
        else
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.isVisible());
    }
    settings.sync();
    QCOMPARE(fileBytes(file), before);
    QCOMPARE(settings.string(AppSettings::Key::SignerSalt), QStringLiteral("kept-salt"));
    QCOMPARE(settings.bytesForm(), ValueText::BytesForm::Hex);
    QCOMPARE(settings.integer(AppSettings::Key::SessionLifetimeDays), 31);
    PreferencesDialog again(settings);
    QVERIFY(again.findChildren<QLineEdit *>().size() > 0);
    bool saltShown = false;
    for (QLineEdit *line : again.findChildren<QLineEdit *>())
        saltShown |= line->text() == QStringLiteral("kept-salt");
    QVERIFY(saltShown);
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_PreferencesDialog.moc"
