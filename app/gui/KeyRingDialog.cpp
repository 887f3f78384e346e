#include "KeyRingDialog.h"

#include "KeyLabel.h"

#include "SecretClipboard.h"

#include "AddKeyDialog.h"
#include "ErrorText.h"
#include "KeyRingStore.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace sessionlens::gui {

namespace {
// The clipboard forgets a copied key after this long, unless something else was copied since.
constexpr int kClipboardClearSeconds = 45;
} // namespace

KeyRingDialog::KeyRingDialog(KeyRingStore &keys, QWidget *parent) : QDialog(parent), m_keys(keys)
{
    setWindowTitle(tr("Key Ring"));
    resize(640, 360);
    m_table = new QTableWidget(0, 3, this);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Kind"), tr("Fingerprint")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_storeLabel = new QLabel(this);
    m_storeLabel->setWordWrap(true);
    m_waitLabel = new QLabel(this);
    m_waitLabel->setObjectName(QStringLiteral("keyRingWaiting"));
    m_waitLabel->setWordWrap(true);
    m_waitLabel->hide();

    auto *buttons = new QVBoxLayout;
    const std::pair<QString, void (KeyRingDialog::*)()> actions[] = {
        {tr("&Add..."), &KeyRingDialog::addKey},
        {tr("&Generate..."), &KeyRingDialog::generateKey},
        {tr("Re&name..."), &KeyRingDialog::renameKey},
        {tr("&Delete"), &KeyRingDialog::deleteKey},
        {tr("Re&veal..."), &KeyRingDialog::revealKey},
        {tr("&Copy..."), &KeyRingDialog::copyKey},
    };
    for (const auto &[label, slot] : actions) {
        auto *button = new QPushButton(label, this);
        connect(button, &QPushButton::clicked, this, slot);
        buttons->addWidget(button);
        m_buttons.append(button);
    }
    buttons->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::accept);

    auto *row = new QHBoxLayout;
    row->addWidget(m_table, 1);
    row->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_storeLabel);
    layout->addWidget(m_waitLabel);
    layout->addWidget(close);
    connect(&m_keys, &KeyRingStore::changed, this, &KeyRingDialog::reload);
    connect(&m_keys, &KeyRingStore::loadingChanged, this, &KeyRingDialog::setWaiting);
    reload();
    setWaiting(m_keys.isLoading());
}

void KeyRingDialog::reload()
{
    const KeyRing &ring = m_keys.ring();
    m_table->setRowCount(int(ring.size()));
    for (int i = 0; i < ring.size(); ++i) {
        const SessionKey &key = ring.at(i);
        // The whole name stays in the item (rename and delete go by it) and its tooltip.
        auto *nameItem = new QTableWidgetItem(KeyLabel::shortName(key.name()));
        nameItem->setData(Qt::UserRole, key.name());
        nameItem->setToolTip(key.name());
        m_table->setItem(i, 0, nameItem);
        QString kind =
            key.kind() == SessionKey::Kind::SigningSecret ? tr("Flask secret") : key.aesVariant();
        // A --key/--secret of this run looks like any other key but is gone at the next start.
        if (m_keys.isTemporary(key.name()))
            kind = tr("%1, this run only").arg(kind);
        auto *kindItem = new QTableWidgetItem(kind);
        if (m_keys.isTemporary(key.name()))
            kindItem->setToolTip(
                tr("Given on the command line for this run; not kept in the key store."));
        m_table->setItem(i, 1, kindItem);
        m_table->setItem(i, 2, new QTableWidgetItem(key.fingerprint()));
    }
    m_storeLabel->setText(tr("Secrets are kept in: %1").arg(m_keys.store().label()));
}

QString KeyRingDialog::currentName() const
{
    const int row = m_table->currentRow();
    return row >= 0 && m_table->item(row, 0) ? m_table->item(row, 0)->data(Qt::UserRole).toString()
                                             : QString();
}

void KeyRingDialog::report(const QString &message)
{
    QMessageBox::warning(this, tr("Key Ring"), message);
}

void KeyRingDialog::setWaiting(bool waiting)
{
    for (QPushButton *button : std::as_const(m_buttons))
        button->setEnabled(!waiting);
    m_waitLabel->setText(waiting ? tr("Waiting for %1 to answer (it may ask you to unlock it)...")
                                       .arg(m_keys.store().label())
                                 : QString());
    m_waitLabel->setVisible(waiting);
}

KeyStore::Written KeyRingDialog::whenDone()
{
    setWaiting(true);
    return [this](Result<Done> outcome) {
        setWaiting(m_keys.isLoading());
        if (!outcome)
            report(ErrorText::describe(outcome.error()));
    };
}

void KeyRingDialog::addKey()
{
    AddKeyDialog dialog(m_keys.ring().names(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_keys.addLater(SessionKey(dialog.name(), dialog.key(), dialog.kind()), this, whenDone());
}

void KeyRingDialog::generateKey()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Generate Key"), tr("Name of the new AES-256 key:"),
                              QLineEdit::Normal, QString(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    auto key = SessionKey::generate(name.trimmed());
    if (!key) {
        report(ErrorText::describe(key.error()));
        return;
    }
    m_keys.addLater(std::move(key).value(), this, whenDone());
}

void KeyRingDialog::renameKey()
{
    const QString from = currentName();
    if (from.isEmpty())
        return;
    bool ok = false;
    const QString to = QInputDialog::getText(this, tr("Rename Key"), tr("New name:"),
                                             QLineEdit::Normal, from, &ok);
    if (!ok)
        return;
    m_keys.renameLater(from, to.trimmed(), this, whenDone());
}

void KeyRingDialog::deleteKey()
{
    const QString name = currentName();
    if (name.isEmpty())
        return;
    if (QMessageBox::question(
            this, tr("Delete Key"),
            tr("Delete the key \"%1\"? Cookies sealed with it can no longer be opened here.")
                .arg(name)) != QMessageBox::Yes)
        return;
    m_keys.removeLater(name, this, whenDone());
}

void KeyRingDialog::revealKey()
{
    const SessionKey *key = m_keys.ring().find(currentName());
    if (!key)
        return;
    if (QMessageBox::question(this, tr("Reveal Key"),
                              tr("Show the key \"%1\" on screen? Anyone who sees it can read and "
                                 "forge this app's sessions.")
                                  .arg(key->name())) != QMessageBox::Yes)
        return;
    QMessageBox box(
        QMessageBox::Information, tr("Key \"%1\"").arg(key->name()),
        key->kind() == SessionKey::Kind::SigningSecret
            ? tr("Text: %1\n\nPython: %2")
                  .arg(QString::fromUtf8(key->bytes().exposeCopy()), key->toPythonLiteral())
            : tr("Python: %1\n\nHex: %2\n\nBase64: %3")
                  .arg(key->toPythonLiteral(), key->toHex(), key->toBase64()),
        QMessageBox::Close, this);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.exec();
}

void KeyRingDialog::copyKey()
{
    const SessionKey *key = m_keys.ring().find(currentName());
    if (!key)
        return;
    if (QMessageBox::question(this, tr("Copy Key"),
                              tr("Copy the key \"%1\" to the clipboard as a Python bytes literal? "
                                 "It is cleared from the clipboard after 45 seconds.")
                                  .arg(key->name())) != QMessageBox::Yes)
        return;
    const QString text = key->toPythonLiteral();
    SecretClipboard::copy(text, kClipboardClearSeconds);
}

} // namespace sessionlens::gui
