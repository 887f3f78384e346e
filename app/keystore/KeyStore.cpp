#include "KeyStore.h"

#include "crypto/SecureRandom.h"

#include <QPointer>

namespace sessionlens {

namespace {

// An AES-256 key seals history and autosave.
constexpr qsizetype kRecoveryKeyBytes = 32;

bool usable(const Result<SecureBytes> &stored)
{
    return stored && qsizetype(stored->size()) == kRecoveryKeyBytes;
}

Result<SecureBytes> newRecoveryKey()
{
    auto random = SecureRandom::bytes(kRecoveryKeyBytes);
    if (!random)
        return random.error();
    return SecureBytes::fromByteArray(random.value(), true);
}

} // namespace

Result<SecureBytes> KeyStore::recoveryKey()
{
    auto existing = load(recoveryKeyName());
    if (usable(existing))
        return existing;
    auto key = newRecoveryKey();
    if (!key)
        return key;
    if (auto stored = store(recoveryKeyName(), *key); !stored)
        return stored.error();
    return key;
}

void KeyStore::loadLater(const QString &name, QObject *context, Loaded done)
{
    QPointer<QObject> alive(context);
    auto loaded = load(name);
    if (alive)
        done(std::move(loaded));
}

void KeyStore::storeLater(const QString &name, const SecureBytes &secret, QObject *context,
                          Written done)
{
    QPointer<QObject> alive(context);
    auto stored = store(name, secret);
    if (alive)
        done(std::move(stored));
}

void KeyStore::removeLater(const QString &name, QObject *context, Written done)
{
    QPointer<QObject> alive(context);
    auto removed = remove(name);
    if (alive)
        done(std::move(removed));
}

void KeyStore::recoveryKeyLater(QObject *context, Loaded done)
{
    loadLater(recoveryKeyName(), context,
              [this, context, done = std::move(done)](Result<SecureBytes> existing) {
                  if (usable(existing)) {
                      done(std::move(existing));
                      return;
                  }
                  auto key = newRecoveryKey();
                  if (!key) {
                      done(std::move(key));
                      return;
                  }
                  storeLater(recoveryKeyName(), *key, context,
                             [key = *key, done](Result<Done> stored) {
                                 if (!stored)
                                     done(stored.error());
                                 else
                                     done(key);
                             });
              });
}

} // namespace sessionlens
