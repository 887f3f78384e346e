#include "CsrfTokenPanel.h"

#include "ErrorText.h"
#include "KeyLabel.h"
#include "KeyRingStore.h"
#include "SecretClipboard.h"
#include "SessionEditCommand.h"
#include "document/CsrfTokenCheck.h"
#include "formats/WtfCsrfFormat.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sessionlens::gui {

CsrfTokenPanel::CsrfTokenPanel(InspectorController &controller, AppSettings &settings,
                               QWidget *parent)
    : QWidget(parent), m_controller(controller), m_settings(settings)
{
    m_mint = new QPushButton(tr("Mint CS&RF Token"), this);
    m_mint->setObjectName(QStringLiteral("mintCsrfToken"));
    m_mint->setToolTip(tr("A Flask-WTF form token (csrf_token field) the app accepts with the "
                          "new cookie"));
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("csrfToken"));
    m_token->setReadOnly(true);
    m_token->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_token->setPlaceholderText(tr("Flask-WTF form token"));
    m_copy = new QPushButton(tr("Cop&y Token"), this);
    m_copy->setObjectName(QStringLiteral("copyCsrfToken"));
    m_copy->setEnabled(false);
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("csrfInfo"));
    m_info->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->addWidget(m_mint);
    row->addWidget(m_token, 1);
    row->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_info);

    connect(m_mint, &QPushButton::clicked, this, &CsrfTokenPanel::mint);
    connect(m_copy, &QPushButton::clicked, this, &CsrfTokenPanel::copyToken);
    // A token belongs to the session it was minted for.
    connect(&m_controller, &InspectorController::documentReplaced, this, [this] {
        m_token->clear();
        m_info->clear();
        m_copy->setEnabled(false);
        showWhetherItApplies();
    });
    connect(&m_controller, &InspectorController::formatChanged, this,
            &CsrfTokenPanel::showWhetherItApplies);
    showWhetherItApplies();
}

void CsrfTokenPanel::showWhetherItApplies()
{
    const CookieFormat *format = m_controller.format();
    const bool applies = format && CsrfTokenCheck::keptIn(*format);
    m_mint->setEnabled(applies);
    m_token->setEnabled(applies);
    if (applies) {
        if (m_info->text() == m_reason)
            m_info->clear();
        m_reason.clear();
        return;
    }
    m_token->clear();
    m_copy->setEnabled(false);
    if (!format)
        m_reason.clear();
    else if (format->id() == WtfCsrfFormat::formatId())
        m_reason = tr("This is a Flask-WTF form token: the new cookie above is the token itself.");
    else
        m_reason = tr("Flask-WTF keeps its csrf_token in a Flask session (signed or "
                      "EncryptedSession), not in this format: %1.")
                       .arg(format->displayName());
    m_info->setText(m_reason);
}

QString CsrfTokenPanel::tokenText() const
{
    return m_token->text();
}

const SessionKey *CsrfTokenPanel::signingSecret() const
{
    const KeyRing &ring = m_controller.keys().ring();
    for (const QString &name : {m_controller.sealKeyName(), m_controller.verifiedSecretName()}) {
        const qsizetype index = name.isEmpty() ? -1 : ring.indexOf(name);
        if (index >= 0 && ring.at(index).kind() == SessionKey::Kind::SigningSecret)
            return &ring.at(index);
    }
    for (qsizetype i = 0; i < ring.size(); ++i) {
        if (ring.at(i).kind() == SessionKey::Kind::SigningSecret)
            return &ring.at(i);
    }
    return nullptr;
}

void CsrfTokenPanel::mint()
{
    const SessionKey *secret = signingSecret();
    if (!secret) {
        m_info->setText(tr("Add the app's SECRET_KEY (or WTF_CSRF_SECRET_KEY) to the key ring to "
                           "sign a form token."));
        return;
    }
    KeyRing signer;
    if (!signer.add(*secret).ok())
        return;
    const CsrfTokenCheck::Options options;
    const SessionValue &session = m_controller.document().root();
    const CsrfTokenCheck::Minted minted = CsrfTokenCheck::mint(session, signer, options);
    if (!minted.ok()) {
        m_info->setText(ErrorText::describe(*minted.error));
        return;
    }
    if (minted.sessionChanged) {
        // One undoable edit, so the new cookie above carries the raw token the form token signs.
        const qsizetype existing = session.indexOfKey(options.fieldName);
        const SessionValue raw = SessionValue::makeString(minted.raw);
        if (existing >= 0)
            m_controller.undoStack().push(SessionEditCommand::replace(
                m_controller.model(), SessionPath{existing}, *session.child(existing), raw));
        else
            m_controller.undoStack().push(SessionEditCommand::insert(
                m_controller.model(), SessionPath{}, session.size(), options.fieldName, raw));
    }
    m_token->setText(QString::fromLatin1(minted.token));
    m_copy->setEnabled(true);
    const QString signedWith = tr("Signed with %1.").arg(KeyLabel::shortName(secret->name()));
    m_info->setText(minted.sessionChanged
                        ? signedWith + u' ' +
                              tr("The session had no %1: one was added, so send the new cookie "
                                 "with the token.")
                                  .arg(options.fieldName)
                        : signedWith);
}

void CsrfTokenPanel::copyToken()
{
    if (m_token->text().isEmpty())
        return;
    const int clearAfter = m_settings.integer(AppSettings::Key::ClipboardClearSeconds);
    SecretClipboard::copy(m_token->text(), clearAfter);
    Q_EMIT statusMessage(tr("Copied the CSRF form token"));
}

} // namespace sessionlens::gui
