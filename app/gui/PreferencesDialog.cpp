#include "PreferencesDialog.h"

#include "CompressionBox.h"
#include "SessionDefaults.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace sessionlens::gui {

PreferencesDialog::PreferencesDialog(AppSettings &settings, QWidget *parent)
    : QDialog(parent), m_settings(settings)
{
    setWindowTitle(tr("Preferences"));
    m_language = new QComboBox(this);
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(
        std::max(0, m_language->findData(m_settings.string(AppSettings::Key::Language))));
    m_compression = new CompressionBox(m_settings.string(AppSettings::Key::Compression), this);
    m_bytes = new QComboBox(this);
    m_bytes->addItem(tr("Hex"), QStringLiteral("hex"));
    m_bytes->addItem(tr("Base64"), QStringLiteral("base64"));
    m_bytes->setCurrentIndex(
        std::max(0, m_bytes->findData(m_settings.string(AppSettings::Key::BytesDisplay))));
    m_maxInflated = new QSpinBox(this);
    m_maxInflated->setRange(1, 256);
    m_maxInflated->setSuffix(tr(" MiB"));
    m_maxInflated->setValue(m_settings.integer(AppSettings::Key::MaxInflatedMiB));
    m_lifetime = new QSpinBox(this);
    m_lifetime->setRange(1, 3650);
    m_lifetime->setSuffix(tr(" days"));
    m_lifetime->setValue(m_settings.integer(AppSettings::Key::SessionLifetimeDays));
    // Each format's own age setting, in seconds as its library takes it.
    const auto ageBox = [this](AppSettings::Key key, const char *objectName, int minimum) {
        auto *box = new QSpinBox(this);
        box->setObjectName(QLatin1String(objectName));
        box->setRange(minimum, kMaxAgeSeconds);
        box->setSuffix(tr(" s"));
        box->setValue(m_settings.integer(key));
        return box;
    };
    m_starletteMaxAge = ageBox(AppSettings::Key::StarletteMaxAgeSeconds, "starletteMaxAge", 0);
    m_starletteMaxAge->setSpecialValueText(tr("None (no limit)"));
    m_djangoCookieAge = ageBox(AppSettings::Key::DjangoCookieAgeSeconds, "djangoCookieAge", 1);
    m_wtfTimeLimit = ageBox(AppSettings::Key::WtfCsrfTimeLimitSeconds, "wtfCsrfTimeLimit", 0);
    m_wtfTimeLimit->setSpecialValueText(tr("None (no limit)"));
    m_salt = new QLineEdit(m_settings.string(AppSettings::Key::SignerSalt), this);
    m_digest = new QComboBox(this);
    m_digest->addItems(
        {QStringLiteral("sha1"), QStringLiteral("sha256"), QStringLiteral("sha512")});
    m_digest->setCurrentText(m_settings.string(AppSettings::Key::SignerDigest));
    m_derivation = new QComboBox(this);
    m_derivation->addItems({QStringLiteral("hmac"), QStringLiteral("concat"),
                            QStringLiteral("django-concat"), QStringLiteral("none")});
    m_derivation->setCurrentText(m_settings.string(AppSettings::Key::SignerDerivation));
    m_legacyEpoch = new QCheckBox(tr("Timestamps count from 2011 (itsdangerous before 1.0)"), this);
    m_legacyEpoch->setChecked(m_settings.value(AppSettings::Key::SignerLegacyEpoch).toBool());
    m_url = new QLineEdit(m_settings.string(AppSettings::Key::ReplayUrl), this);
    m_cookieName = new QLineEdit(m_settings.string(AppSettings::Key::CookieName), this);
    m_history = new QCheckBox(
        tr("Keep opened cookies in File ▸ History (sealed with the key store's key)"), this);
    m_history->setObjectName(QStringLiteral("historyEnabled"));
    m_history->setChecked(m_settings.value(AppSettings::Key::HistoryEnabled).toBool());
    m_clipboardSeconds = new QSpinBox(this);
    m_clipboardSeconds->setObjectName(QStringLiteral("clipboardClearSeconds"));
    m_clipboardSeconds->setRange(0, 3600);
    m_clipboardSeconds->setSuffix(tr(" s"));
    m_clipboardSeconds->setSpecialValueText(tr("never"));
    m_clipboardSeconds->setValue(m_settings.integer(AppSettings::Key::ClipboardClearSeconds));

    m_userAgent = new QLineEdit(m_settings.string(AppSettings::Key::FlaskLoginUserAgent), this);
    m_userAgent->setObjectName(QStringLiteral("flaskLoginUserAgent"));
    m_userAgent->setPlaceholderText(tr("the browser's User-Agent, to check Flask-Login's _id"));
    m_clientAddress = new QLineEdit(m_settings.string(AppSettings::Key::FlaskLoginAddress), this);
    m_clientAddress->setObjectName(QStringLiteral("flaskLoginAddress"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Each label's letter is its own (Alt+letter goes to the field), in German too.
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(),
                 new QLabel(tr("A new language applies when SessionLens starts again."), this));
    form->addRow(tr("&Compression when sealing:"), m_compression);
    form->addRow(tr("Show &bytes as:"), m_bytes);
    form->addRow(tr("Largest &inflated plaintext:"), m_maxInflated);
    form->addRow(tr("Session cookie &name:"), m_cookieName);
    form->addRow(tr("Signed session li&fetime:"), m_lifetime);
    form->addRow(tr("Starlette &max_age:"), m_starletteMaxAge);
    form->addRow(tr("Djang&o SESSION_COOKIE_AGE:"), m_djangoCookieAge);
    form->addRow(tr("Flask-WTF &time limit:"), m_wtfTimeLimit);
    form->addRow(tr("Signer &salt:"), m_salt);
    form->addRow(tr("Signer &digest:"), m_digest);
    form->addRow(tr("&Key derivation:"), m_derivation);
    form->addRow(QString(), m_legacyEpoch);
    form->addRow(tr("&Replay URL (curl, requests):"), m_url);
    form->addRow(QString(), m_history);
    form->addRow(tr("Clear copied cookies and keys &after:"), m_clipboardSeconds);
    form->addRow(tr("Flask-Login client's user a&gent:"), m_userAgent);
    form->addRow(tr("Flask-Login client's addr&ess:"), m_clientAddress);
    form->addRow(buttons);
    // Tab goes down the form as it is laid out, not in the order the fields were made.
    QWidget *previous = nullptr;
    for (int row = 0; row < form->rowCount(); ++row) {
        QLayoutItem *item = form->itemAt(row, QFormLayout::FieldRole);
        QWidget *field = item ? item->widget() : nullptr;
        if (!field || field->focusPolicy() == Qt::NoFocus)
            continue;
        if (previous)
            setTabOrder(previous, field);
        previous = field;
    }
}

void PreferencesDialog::save()
{
    m_settings.setValue(AppSettings::Key::Language, m_language->currentData());
    m_settings.setValue(AppSettings::Key::Compression, m_compression->mode());
    m_settings.setValue(AppSettings::Key::BytesDisplay, m_bytes->currentData());
    m_settings.setValue(AppSettings::Key::MaxInflatedMiB, m_maxInflated->value());
    m_settings.setValue(AppSettings::Key::ReplayUrl, m_url->text().trimmed());
    m_settings.setValue(AppSettings::Key::SessionLifetimeDays, m_lifetime->value());
    m_settings.setValue(AppSettings::Key::StarletteMaxAgeSeconds, m_starletteMaxAge->value());
    m_settings.setValue(AppSettings::Key::DjangoCookieAgeSeconds, m_djangoCookieAge->value());
    m_settings.setValue(AppSettings::Key::WtfCsrfTimeLimitSeconds, m_wtfTimeLimit->value());
    m_settings.setValue(AppSettings::Key::SignerSalt,
                        m_salt->text().isEmpty() ? QString::fromLatin1(defaults::kFlaskSessionSalt)
                                                 : m_salt->text());
    m_settings.setValue(AppSettings::Key::SignerDigest, m_digest->currentText());
    m_settings.setValue(AppSettings::Key::SignerDerivation, m_derivation->currentText());
    m_settings.setValue(AppSettings::Key::SignerLegacyEpoch, m_legacyEpoch->isChecked());
    m_settings.setValue(AppSettings::Key::CookieName, m_cookieName->text().trimmed().isEmpty()
                                                          ? QStringLiteral("session")
                                                          : m_cookieName->text().trimmed());
    m_settings.setValue(AppSettings::Key::HistoryEnabled, m_history->isChecked());
    m_settings.setValue(AppSettings::Key::ClipboardClearSeconds, m_clipboardSeconds->value());
    m_settings.setValue(AppSettings::Key::FlaskLoginUserAgent, m_userAgent->text());
    m_settings.setValue(AppSettings::Key::FlaskLoginAddress,
                        m_clientAddress->text().trimmed().isEmpty()
                            ? QStringLiteral("127.0.0.1")
                            : m_clientAddress->text().trimmed());
    m_settings.sync();
}

} // namespace sessionlens::gui
