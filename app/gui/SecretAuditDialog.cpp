#include "SecretAuditDialog.h"

#include "json/PythonRepr.h"

#include "ErrorText.h"
#include "KeyRingStore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QtConcurrent/QtConcurrentRun>

#include <thread>

namespace sessionlens::gui {

SecretAuditDialog::SecretAuditDialog(QByteArray cookie, const CookieFormat *format,
                                     KeyRingStore &keys, QWidget *parent)
    : QDialog(parent), m_cookie(std::move(cookie)), m_format(format), m_keys(keys)
{
    setWindowTitle(tr("Audit Signing Secret"));
    connect(&m_watcher, &QFutureWatcherBase::finished, this,
            [this] { showOutcome(m_watcher.result()); });
    resize(560, 240);
    m_wordlist = new QLineEdit(this);
    m_wordlist->setPlaceholderText(tr("optional: a wordlist, one candidate per line"));
    auto *browse = new QPushButton(tr("&Browse..."), this);
    m_threads = new QSpinBox(this);
    m_threads->setRange(1, 256);
    m_threads->setValue(int(std::max(1u, std::thread::hardware_concurrency())));
    m_builtIn = new QCheckBox(tr("Also try secrets from tutorials and templates"), this);
    m_builtIn->setChecked(true);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_status = new QLabel(tr("Tries candidate secrets against the cookie's signature. Only audit "
                             "cookies of apps you are allowed to test."),
                          this);
    m_status->setWordWrap(true);
    m_start = new QPushButton(tr("&Start"), this);
    m_cancel = new QPushButton(tr("&Cancel Audit"), this);
    m_cancel->setEnabled(false);
    m_add = new QPushButton(tr("&Add to Key Ring..."), this);
    m_add->setEnabled(false);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_wordlist, 1);
    fileRow->addWidget(browse);
    auto *form = new QFormLayout;
    // A label with a buddy: a layout cannot take the mnemonic, and "&" would show.
    auto *wordlistLabel = new QLabel(tr("&Wordlist:"), this);
    wordlistLabel->setBuddy(m_wordlist);
    form->addRow(wordlistLabel, fileRow);
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("foundSecret"));
    m_secret->setReadOnly(true);
    m_secret->setPlaceholderText(tr("the secret, once found"));
    form->addRow(tr("Found secret:"), m_secret);
    form->addRow(tr("&Threads:"), m_threads);
    form->addRow(QString(), m_builtIn);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose Wordlist"));
        if (!path.isEmpty())
            m_wordlist->setText(path);
    });
    connect(m_start, &QPushButton::clicked, this, &SecretAuditDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &SecretAuditDialog::cancel);
    connect(m_add, &QPushButton::clicked, this, &SecretAuditDialog::addToKeyRing);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SecretAuditDialog::~SecretAuditDialog()
{
    *m_stop = true;
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void SecretAuditDialog::setWordlist(const QString &path)
{
    m_wordlist->setText(path);
}

QString SecretAuditDialog::resultText() const
{
    return m_status->text();
}

void SecretAuditDialog::start()
{
    if (m_running)
        return;
    m_found.clear();
    if (m_secret)
        m_secret->clear();
    m_stop = std::make_shared<std::atomic<bool>>(false);
    m_running = true;
    m_start->setEnabled(false);
    m_cancel->setEnabled(true);
    m_add->setEnabled(false);
    m_progress->setValue(0);
    m_status->setText(tr("Starting..."));

    SecretAudit::Options options;
    options.format = m_format;
    options.threads = m_threads->value();
    options.builtIn = m_builtIn->isChecked();
    const QString path = m_wordlist->text().trimmed();
    // The worker gets copies and the stop flag, never `this`; progress comes back as queued
    // calls that Qt drops once the dialog is gone.
    QPointer<SecretAuditDialog> self(this);
    m_watcher.setFuture(QtConcurrent::run(
        [cookie = m_cookie, path, options, stop = m_stop, self]() -> Result<SecretAudit::Outcome> {
            return SecretAudit::run(cookie, path, options, stop.get(),
                                    [self](const SecretAudit::Progress &p) {
                                        QMetaObject::invokeMethod(
                                            self.data(),
                                            [self, p] {
                                                if (self)
                                                    self->showProgress(p);
                                            },
                                            Qt::QueuedConnection);
                                    });
        }));
}

void SecretAuditDialog::cancel()
{
    *m_stop = true;
    m_status->setText(tr("Stopping..."));
}

void SecretAuditDialog::showProgress(const SecretAudit::Progress &p)
{
    if (!m_running)
        return;
    if (p.bytesTotal > 0)
        m_progress->setValue(int(1000.0 * double(p.bytesDone) / double(p.bytesTotal)));
    const double eta = p.etaSeconds();
    m_status->setText(
        eta < 0 ? tr("%1 candidates tried").arg(p.tried)
                : tr("%1 candidates tried, about %2 s left").arg(p.tried).arg(qRound(eta)));
}

void SecretAuditDialog::showOutcome(const Result<SecretAudit::Outcome> &outcome)
{
    m_running = false;
    m_start->setEnabled(true);
    m_cancel->setEnabled(false);
    if (!outcome) {
        m_status->setText(ErrorText::describe(outcome.error()));
    } else if (outcome->found) {
        m_found = outcome->found->secret;
        QByteArray shown = m_found.exposeCopy();
        m_secret->setText(PythonRepr::textOrBytesLiteral(shown));
        wipeByteArray(shown);
        m_progress->setValue(m_progress->maximum());
        m_add->setEnabled(true);
        m_status->setText(outcome->found->line > 0
                              ? tr("Found the secret at line %1 of the wordlist after %2 "
                                   "candidates. It is weak: replace it.")
                                    .arg(outcome->found->line)
                                    .arg(outcome->tried)
                              : tr("Found the secret in the built-in list of well-known secrets. "
                                   "It is weak: replace it."));
    } else if (outcome->cancelled) {
        m_status->setText(tr("Cancelled after %1 candidates.").arg(outcome->tried));
    } else {
        m_progress->setValue(m_progress->maximum());
        m_status->setText(tr("None of the %1 candidates signs this cookie.").arg(outcome->tried));
    }
    Q_EMIT finished();
}

void SecretAuditDialog::addToKeyRing()
{
    if (m_found.isEmpty())
        return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Add to Key Ring"), tr("Name for the found secret:"),
                              QLineEdit::Normal, tr("found secret"), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    m_add->setEnabled(false);
    m_status->setText(tr("Waiting for %1...").arg(m_keys.store().label()));
    m_keys.addLater(SessionKey(name.trimmed(), m_found, SessionKey::Kind::SigningSecret), this,
                    [this](Result<Done> added) {
                        if (!added) {
                            m_add->setEnabled(true);
                            QMessageBox::warning(this, tr("Add to Key Ring"),
                                                 ErrorText::describe(added.error()));
                            return;
                        }
                        m_status->setText(tr("The secret is in the key ring."));
                    });
}

} // namespace sessionlens::gui
