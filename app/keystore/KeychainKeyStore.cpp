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
    if (!runJob(job, m_timeoutMs) || job.error() != QKeychain::NoError)
        return Error::make(
            ErrorCategory::Key,
            tr("the keychain did not return \"%1\": %2").arg(name, job.errorString()));
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
    if (!runJob(job, m_timeoutMs) || job.error() != QKeychain::NoError)
        return Error::make(
            ErrorCategory::Key,
            tr("the keychain did not store \"%1\": %2").arg(name, job.errorString()));
    return Done{};
}

Result<Done> KeychainKeyStore::remove(const QString &name)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(entryKey(name));
    if (!runJob(job, m_timeoutMs) ||
        (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound))
        return Error::make(
            ErrorCategory::Key,
            tr("the keychain did not delete \"%1\": %2").arg(name, job.errorString()));
    return Done{};
}

void KeychainKeyStore::loadLater(const QString &name, QObject *context, Loaded done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(entryKey(name));
    QObject::connect(job, &QKeychain::Job::finished, context, [job, name, done = std::move(done)] {
        if (job->error() != QKeychain::NoError) {
            done(Error::make(
                ErrorCategory::Key,
                tr("the keychain did not return \"%1\": %2").arg(name, job->errorString())));
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
            done(Error::make(
                ErrorCategory::Key,
                tr("the keychain did not store \"%1\": %2").arg(name, job->errorString())));
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
            done(Error::make(
                ErrorCategory::Key,
                tr("the keychain did not delete \"%1\": %2").arg(name, job->errorString())));
        else
            done(Done{});
    });
    job->start();
}

} // namespace sessionlens
