#include "KeyStore.h"

#include "crypto/SecureRandom.h"

#include <QPointer>

namespace sessionlens {

Result<SecureBytes> KeyStore::recoveryKey()
{
    auto existing = load(recoveryKeyName());
    if (existing && existing->size() == 32)
        return existing;
    auto random = SecureRandom::bytes(32);
    if (!random)
        return random.error();
    SecureBytes key = SecureBytes::fromByteArray(random.value(), true);
    if (auto stored = store(recoveryKeyName(), key); !stored)
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
                  if (existing && existing->size() == 32) {
                      done(std::move(existing));
                      return;
                  }
                  auto random = SecureRandom::bytes(32);
                  if (!random) {
                      done(random.error());
                      return;
                  }
                  SecureBytes key = SecureBytes::fromByteArray(random.value(), true);
                  storeLater(recoveryKeyName(), key, context, [key, done](Result<Done> stored) {
                      if (!stored)
                          done(stored.error());
                      else
                          done(key);
                  });
              });
}

} // namespace sessionlens
