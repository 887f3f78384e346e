#include "AddKeyDialog.h"

#include "ErrorText.h"
#include "keys/KeyTextParser.h"
#include "keys/SessionKey.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace sessionlens::gui {

AddKeyDialog::AddKeyDialog(const QStringList &takenNames, QWidget *parent)
    : QDialog(parent), m_taken(takenNames)
{
    setWindowTitle(tr("Add Key"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("keyName"));
    m_name->setPlaceholderText(tr("e.g. staging"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("keyKind"));
    m_kind->addItem(tr("AES key (EncryptedSession)"));
    m_kind->addItem(tr("Flask SECRET_KEY (signed cookies)"));
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("keyText"));
    m_text->setEchoMode(QLineEdit::Password);
    m_text->setPlaceholderText(tr("b'\\x8e;\\xa9=...', hex or base64"));
    m_show = new QCheckBox(tr("Show key text"), this);
    m_feedback = new QLabel(this);
    m_feedback->setObjectName(QStringLiteral("keyFeedback"));
    m_feedback->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("K&ind:"), m_kind);
    form->addRow(tr("&Key:"), m_text);
    form->addRow(QString(), m_show);
    form->addRow(QString(), m_feedback);
    form->addRow(m_buttons);

    connect(m_show, &QCheckBox::toggled, this, [this](bool show) {
        m_text->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_name, &QLineEdit::textChanged, this, &AddKeyDialog::validate);
    connect(m_text, &QLineEdit::textChanged, this, &AddKeyDialog::validate);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AddKeyDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

AddKeyDialog::~AddKeyDialog()
{
    // text() shares the line edit's own buffer (implicit sharing), so writing through it
    // wipes the key text where the widget keeps it; setText() then drops the undo history.
    const QString shared = m_text->text();
    if (!shared.isEmpty() && shared.constData())
        wipeMemory(const_cast<QChar *>(shared.constData()),
                   std::size_t(shared.size()) * sizeof(QChar));
    m_text->setText(QString());
}

QString AddKeyDialog::name() const
{
    return m_name->text().trimmed();
}

void AddKeyDialog::setKeyText(const QString &text)
{
    m_text->setText(text);
}

void AddKeyDialog::setName(const QString &name)
{
    m_name->setText(name);
}

SessionKey::Kind AddKeyDialog::kind() const
{
    return m_kind->currentIndex() == 1 ? SessionKey::Kind::SigningSecret : SessionKey::Kind::AesKey;
}

void AddKeyDialog::setKind(SessionKey::Kind kind)
{
    m_kind->setCurrentIndex(kind == SessionKey::Kind::SigningSecret ? 1 : 0);
}

void AddKeyDialog::validate()
{
    m_key.clear();
    // Each kind says what it takes: an AES key's forms, or a Flask secret's.
    m_text->setPlaceholderText(kind() == SessionKey::Kind::SigningSecret
                                   ? tr("the SECRET_KEY as text, or as b'...' when it is bytes")
                                   : tr("b'\\x8e;\\xa9=...', hex or base64"));
    QString problem;
    if (name().isEmpty())
        problem = tr("Give the key a name.");
    else if (m_taken.contains(name()))
        problem = tr("A key named \"%1\" exists already.").arg(name());
    if (kind() == SessionKey::Kind::SigningSecret && !m_text->text().isEmpty()) {
        // Flask secrets are text (UTF-8) unless pasted as a bytes literal.
        const QString text = m_text->text();
        const bool literal = (text.startsWith(QLatin1String("b'")) && text.endsWith(u'\'')) ||
                             (text.startsWith(QLatin1String("b\"")) && text.endsWith(u'"'));
        if (literal) {
            QByteArray utf8 = text.toUtf8();
            auto bytes = KeyTextParser::decodePythonBytesBody(
                QByteArrayView(utf8).sliced(2, utf8.size() - 3));
            wipeByteArray(utf8);
            if (bytes)
                m_key = std::move(bytes).value();
        } else {
            QByteArray utf8 = text.toUtf8();
            m_key = SecureBytes::fromByteArray(utf8, true);
        }
        m_feedback->setText(
            m_key.isEmpty() ? tr("The bytes literal is not valid.")
                            : tr("%1 bytes, read as %2, fingerprint %3")
                                  .arg(m_key.size())
                                  .arg(literal ? tr("Python bytes literal") : tr("text (UTF-8)"),
                                       SessionKey(QString(), m_key).fingerprint()));
    } else if (!QStringView(m_text->text()).trimmed().isEmpty()) {
        auto parsed = KeyTextParser::parseAesKey(m_text->text());
        if (parsed) {
            m_key = std::move(parsed->bytes);
            const SessionKey preview(QString(), m_key);
            m_feedback->setText(tr("%1 bytes (%2), read as %3, fingerprint %4")
                                    .arg(preview.size())
                                    .arg(preview.aesVariant(),
                                         KeyTextParser::formName(parsed->form),
                                         preview.fingerprint()));
        } else {
            m_feedback->setText(ErrorText::describe(parsed.error()));
        }
    } else if (kind() == SessionKey::Kind::SigningSecret) {
        m_feedback->setText(tr("Type or paste the app's SECRET_KEY as text, or as a Python bytes "
                               "literal (b'...') when it is bytes."));
    } else {
        m_feedback->setText(tr("Paste the key as Python prints it, or as hex or base64."));
    }
    if (!problem.isEmpty() && !m_text->text().isEmpty())
        m_feedback->setText(problem + u' ' + m_feedback->text());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty() && !m_key.isEmpty());
}

} // namespace sessionlens::gui
