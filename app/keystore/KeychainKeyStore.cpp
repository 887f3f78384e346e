#include "KeychainKeyStore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

namespace sessionlens {

namespace {

// The command line's blocking forms: the CLI runs no event loop of its own, so a local one
// waits for the job, with a guard against a service that never answers. The window never
// comes here: it uses the *Later() forms.
bool runJob(QKeychain::Job &job, int timeoutMs)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!finished)
        loop.exec();
    return finished;
}

QString entryKey(const QString &name)
{
    return QStringLiteral("key:") + name;
}

} // namespace

QString KeychainKeyStore::problem(bool answered, int code, const QString &qtText, int timeoutMs)
{
    // QtKeychain gives no text when the service never answered, and not always when it did:
    // the sentence never ends in an empty reason.
    if (!answered)
        return tr("it did not answer within %1 s (locked, starting, or waiting for a prompt)")
            .arg(double(timeoutMs) / 1000.0);
    if (!qtText.trimmed().isEmpty())
        return qtText.trimmed();
    switch (code) {
    case QKeychain::AccessDeniedByUser:
        return tr("access was denied at the prompt");
    case QKeychain::AccessDenied:
        return tr("access was denied");
    case QKeychain::NoBackendAvailable:
        return tr("no keychain service is running");
    case QKeychain::NotImplemented:
        return tr("this keychain cannot do that");
    case QKeychain::EntryNotFound:
        return tr("there is no such entry");
    default:
        return tr("it reported error %1 without a reason").arg(code);
    }
}

KeychainKeyStore::KeychainKeyStore(QString service, int timeoutMs)
    : m_service(std::move(service)), m_timeoutMs(timeoutMs)
{
}

bool KeychainKeyStore::isAvailable()
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(QStringLiteral("probe"));
    if (!runJob(job, m_timeoutMs))
        return false;
    return job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound;
}

QString KeychainKeyStore::label() const
{
    return tr("Desktop keychain (service \"%1\")").arg(m_service);
}

Result<SecureBytes> KeychainKeyStore::load(const QString &name)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(entryKey(name));
    if (const bool answered = runJob(job, m_timeoutMs);
        !answered || job.error() != QKeychain::NoError)
        return Error::make(
            ErrorCategory::Key,
            tr("the keychain did not return \"%1\": %2")
                .arg(name, problem(answered, job.error(), job.errorString(), m_timeoutMs)));
    QByteArray data = job.binaryData();
    return SecureBytes::fromByteArray(data, true);
}

Result<Done> KeychainKeyStore::store(const QString &name, const SecureBytes &secret)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(entryKey(name));
    QByteArray data = secret.exposeCopy();
    job.setBinaryData(data);
    wipeByteArray(data);
    if (const bool answered = runJob(job, m_timeoutMs);
        !answered || job.error() != QKeychain::NoError)
        return Error::make(
            ErrorCategory::Key,
            tr("the keychain did not store \"%1\": %2")
                .arg(name, problem(answered, job.error(), job.errorString(), m_timeoutMs)));
    return Done{};
}

Result<Done> KeychainKeyStore::remove(const QString &name)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(entryKey(name));
    if (const bool answered = runJob(job, m_timeoutMs);
        !answered || (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound))
        return Error::make(
            ErrorCategory::Key,
            tr("the keychain did not delete \"%1\": %2")
                .arg(name, problem(answered, job.error(), job.errorString(), m_timeoutMs)));
    return Done{};
}

void KeychainKeyStore::loadLater(const QString &name, QObject *context, Loaded done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(entryKey(name));
    QObject::connect(job, &QKeychain::Job::finished, context, [job, name, done = std::move(done)] {
        if (job->error() != QKeychain::NoError) {
            done(Error::make(ErrorCategory::Key,
                             tr("the keychain did not return \"%1\": %2")
                                 .arg(name, problem(true, job->error(), job->errorString(), 0))));
            return;
        }
        QByteArray data = job->binaryData();
        done(SecureBytes::fromByteArray(data, true));
    });
    job->start(); // deletes itself once finished
}

void KeychainKeyStore::storeLater(const QString &name, const SecureBytes &secret, QObject *context,
                                  Written done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(entryKey(name));
    QByteArray data = secret.exposeCopy();
    job->setBinaryData(data);
    wipeByteArray(data);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, name, done = std::move(done)] {
        if (job->error() != QKeychain::NoError)
            done(Error::make(ErrorCategory::Key,
                             tr("the keychain did not store \"%1\": %2")
                                 .arg(name, problem(true, job->error(), job->errorString(), 0))));
        else
            done(Done{});
    });
    job->start();
}

void KeychainKeyStore::removeLater(const QString &name, QObject *context, Written done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(entryKey(name));
    QObject::connect(job, &QKeychain::Job::finished, context, [job, name, done = std::move(done)] {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
            done(Error::make(ErrorCategory::Key,
                             tr("the keychain did not delete \"%1\": %2")
                                 .arg(name, problem(true, job->error(), job->errorString(), 0))));
        else
            done(Done{});
    });
    job->start();
}

} // namespace sessionlens
