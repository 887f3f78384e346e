#include "ResealPanel.h"
#include "CompressionBox.h"
#include "CsrfTokenPanel.h"

#include "SecretClipboard.h"

#include "ErrorText.h"
#include "KeyLabel.h"
#include "KeyRingStore.h"
#include "formats/KeyNeed.h"
#include "text/CookieSnippet.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace sessionlens::gui {

namespace {
constexpr int kKeyNameChars = 16;
} // namespace

ResealPanel::ResealPanel(InspectorController &controller, AppSettings &settings, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_settings(settings)
{
    m_key = new QComboBox(this);
    m_key->setObjectName(QStringLiteral("sealKey"));
    // A long key name must not widen the dock (and squeeze the tree): it is elided instead.
    m_key->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_key->setMinimumContentsLength(kKeyNameChars);
    m_compression = new CompressionBox(m_settings.string(AppSettings::Key::Compression), this);
    m_compression->setObjectName(QStringLiteral("compressionMode"));
    m_timestamp = new QComboBox(this);
    m_timestamp->setObjectName(QStringLiteral("timestampMode"));
    m_timestamp->addItem(tr("Now"));
    m_timestamp->addItem(tr("Keep the cookie's timestamp"));
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("resealWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color:#ef6c00"));
    m_cookie = new QPlainTextEdit(this);
    m_cookie->setObjectName(QStringLiteral("sealedCookie"));
    m_cookie->setReadOnly(true);
    m_cookie->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("resealInfo"));
    m_info->setWordWrap(true);

    m_copy = new QToolButton(this);
    m_copy->setText(tr("&Copy Cookie"));
    m_copy->setPopupMode(QToolButton::MenuButtonPopup);
    auto *menu = new QMenu(m_copy);
    const std::pair<CookieSnippet::Kind, QString> forms[] = {
        {CookieSnippet::Kind::Value, tr("Bare value")},
        {CookieSnippet::Kind::CookieHeader, tr("Cookie: header")},
        {CookieSnippet::Kind::SetCookieHeader, tr("Set-Cookie: header")},
        {CookieSnippet::Kind::Curl, tr("curl command")},
        {CookieSnippet::Kind::DocumentCookie, tr("document.cookie line")},
        {CookieSnippet::Kind::PythonRequests, tr("Python requests code")},
    };
    for (const auto &[kind, label] : forms)
        connect(menu->addAction(label), &QAction::triggered, this,
                [this, kind = kind] { copyAs(kind); });
    m_copy->setMenu(menu);
    connect(m_copy, &QToolButton::clicked, this, [this] { copyAs(CookieSnippet::Kind::Value); });

    auto *form = new QFormLayout;
    form->addRow(tr("Seal with:"), m_key);
    m_compressionLabel = new QLabel(tr("Compression:"), this);
    form->addRow(m_compressionLabel, m_compression);
    m_timestampLabel = new QLabel(tr("Timestamp:"), this);
    form->addRow(m_timestampLabel, m_timestamp);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_warning);
    layout->addWidget(m_cookie, 1);
    layout->addWidget(m_info);
    layout->addWidget(m_copy, 0, Qt::AlignRight);
    auto *csrf = new CsrfTokenPanel(m_controller, m_settings, this);
    csrf->setObjectName(QStringLiteral("csrfTokenPanel"));
    connect(csrf, &CsrfTokenPanel::statusMessage, this, &ResealPanel::statusMessage);
    layout->addWidget(csrf);

    // Items show a key's short name (a run-only key's file name); their data is the key's name.
    connect(m_key, &QComboBox::currentIndexChanged, this, [this] {
        const QString name = m_key->currentData().toString();
        if (!name.isEmpty() && name != m_controller.sealKeyName())
            m_controller.setSealKeyName(name);
    });
    connect(m_compression, &QComboBox::currentIndexChanged, this, [this] {
        const QString mode = m_compression->mode();
        m_settings.setValue(AppSettings::Key::Compression, mode);
        m_controller.setCompression(InspectorController::compressionFromName(mode));
    });
    connect(m_timestamp, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_controller.setTimestampMode(index == 1 ? InspectorController::TimestampMode::KeepOriginal
                                                 : InspectorController::TimestampMode::Now);
    });
    connect(&m_controller, &InspectorController::refreshed, this, &ResealPanel::showResult);
    connect(&m_controller, &InspectorController::documentReplaced, this, &ResealPanel::reloadKeys);
    connect(&m_controller, &InspectorController::formatChanged, this, &ResealPanel::reloadKeys);
    connect(&m_controller.keys(), &KeyRingStore::changed, this, &ResealPanel::reloadKeys);
    reloadKeys();
}

void ResealPanel::reloadKeys()
{
    {
        const QSignalBlocker blocker(m_key);
        m_key->clear();
        // Only keys of the kind the current format needs: AES keys seal, Flask secrets sign.
        const auto wanted = KeyNeed::toSeal(*m_controller.format());
        const KeyRing &ring = m_controller.keys().ring();
        for (qsizetype i = 0; wanted && i < ring.size(); ++i) {
            if (ring.at(i).kind() == *wanted)
                m_key->addItem(KeyLabel::shortName(ring.at(i).name()), ring.at(i).name());
        }
        m_key->setCurrentIndex(std::max(0, m_key->findData(m_controller.sealKeyName())));
    }
    // The box shows a key whenever it holds one: when the controller has none of them (no
    // cookie opened yet, or its key was removed), the one shown is the one used, instead of
    // showing a key while saying "choose a key".
    if (m_key->count() > 0 && m_key->findData(m_controller.sealKeyName()) < 0)
        m_controller.setSealKeyName(m_key->currentData().toString());
    // Only the choices the format reads.
    const bool compression = m_controller.formatReads(CookieFormat::ChoosesCompression);
    const bool timestamp = m_controller.formatReads(CookieFormat::SignsWithTimestamp);
    m_compression->setVisible(compression);
    m_compressionLabel->setVisible(compression);
    m_timestamp->setVisible(timestamp);
    m_timestampLabel->setVisible(timestamp);
}

QString ResealPanel::cookieText() const
{
    return m_cookie->toPlainText();
}

void ResealPanel::showResult()
{
    if (m_key->currentData().toString() != m_controller.sealKeyName()) {
        const QSignalBlocker blocker(m_key);
        m_key->setCurrentIndex(m_key->findData(m_controller.sealKeyName()));
    }
    if (m_controller.isRefreshing()) {
        m_copy->setEnabled(false);
        m_warning->hide();
        m_cookie->setPlainText(QString());
        m_info->setText(tr("Sealing a large session in the background…"));
        return;
    }
    const auto &error = m_controller.sealError();
    m_copy->setEnabled(!error.has_value());
    // Re-signing with another secret than the one that verified the cookie is never silent.
    const CookieFormat::KeyKind keyKind = m_controller.format()->keyKind();
    if (keyKind == CookieFormat::KeyKind::Secret && !error &&
        m_controller.sealKeyName() != m_controller.verifiedSecretName())
        m_warning->setText(
            m_controller.verifiedSecretName().isEmpty()
                ? tr("The original cookie was not verified by any stored secret: this cookie is "
                     "signed with \"%1\", "
                     "and the server accepts it only if that is its SECRET_KEY.")
                      .arg(m_controller.sealKeyName())
                : tr("Signed with \"%1\", not with \"%2\" that verified the original cookie.")
                      .arg(m_controller.sealKeyName(), m_controller.verifiedSecretName()));
    else
        m_warning->clear();
    m_warning->setVisible(!m_warning->text().isEmpty());
    if (!m_controller.hasDocument()) {
        // Nothing has failed yet: there is simply no session to seal.
        m_copy->setEnabled(false);
        m_cookie->setPlainText(QString());
        m_info->setText(tr("Open a cookie above: its session, edited or not, is sealed here."));
        return;
    }
    if (error) {
        m_cookie->setPlainText(QString());
        m_info->setText(ErrorText::describe(*error));
        return;
    }
    m_cookie->setPlainText(QString::fromLatin1(m_controller.sealedCookie()));
    const SizeReport &r = m_controller.sizeReport();
    if (keyKind == CookieFormat::KeyKind::Secret)
        m_info->setText(
            tr("%1 bytes, %2, signed with \"%3\". Anyone can read it; only the secret can make it.")
                .arg(QLocale().toString(m_controller.sealedCookie().size()))
                .arg(r.compressed ? tr("compressed") : tr("not compressed"),
                     m_controller.sealKeyName()));
    else if (keyKind == CookieFormat::KeyKind::AesKey)
        m_info->setText(tr("%1 bytes, %2. A fresh nonce is drawn for every seal, so the text "
                           "changes even when the session does not.")
                            .arg(QLocale().toString(m_controller.sealedCookie().size()))
                            .arg(r.compressed ? tr("compressed") : tr("not compressed")));
    else
        m_info->setText(tr("%1 bytes, %2. Anyone can read and make it: it needs no key.")
                            .arg(QLocale().toString(m_controller.sealedCookie().size()))
                            .arg(r.compressed ? tr("compressed") : tr("not compressed")));
}

void ResealPanel::copyAs(CookieSnippet::Kind kind)
{
    if (m_controller.sealedCookie().isEmpty())
        return;
    const QString text = CookieSnippet::make(kind, m_controller.sealedCookie(),
                                             m_settings.string(AppSettings::Key::CookieName),
                                             m_settings.string(AppSettings::Key::ReplayUrl));
    const int clearAfter = m_settings.integer(AppSettings::Key::ClipboardClearSeconds);
    SecretClipboard::copy(text, clearAfter);
    Q_EMIT statusMessage(
        clearAfter > 0
            ? tr("Copied the new cookie (%n character(s)); the clipboard forgets it in %1 s",
                 nullptr, int(text.size()))
                  .arg(clearAfter)
            : tr("Copied the new cookie (%n character(s))", nullptr, int(text.size())));
}

} // namespace sessionlens::gui
