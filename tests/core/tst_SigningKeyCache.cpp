// A secret prepared once (its derived key's HMAC pads hashed) must verify exactly as the
// plain way does, for every digest, derivation and secret length; the cache stays bounded;
// an opener forgets its prepared secrets when the ring changes.

#include "crypto/ItsdangerousSigner.h"
#include "crypto/SigningKeyCache.h"
#include "document/CookieOpener.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/FormatRegistry.h"
#include "formats/KeySchedules.h"
#include "keys/KeyRing.h"

#include <QRandomGenerator>
#include <QTest>

using namespace sessionlens;

namespace {

using Digest = ItsdangerousSigner::Digest;
using KeyDerivation = ItsdangerousSigner::KeyDerivation;

SecureBytes bytes(const QByteArray &text)
{
    return SecureBytes(text.constData(), std::size_t(text.size()));
}

QByteArray randomBytes(QRandomGenerator &random, int size)
{
    QByteArray out(size, Qt::Uninitialized);
    for (char &c : out)
        c = char(random.bounded(256));
    return out;
}

} // namespace

class TestSigningKeyCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void preparedKeysVerifyAsThePlainWay();
    void cacheAnswersAsTheSignerAndPreparesOnce();
    void cacheIsBounded();
    void openerForgetsPreparedSecretsWhenTheRingChanges();
};

void TestSigningKeyCache::preparedKeysVerifyAsThePlainWay()
{
    QRandomGenerator random(20261203);
    // Around each digest's block (64 for SHA-1/256, 128 for SHA-512), where a longer key is
    // hashed first, and the empty secret itsdangerous accepts.
    const int secretSizes[] = {0, 1, 16, 63, 64, 65, 127, 128, 129, 300};
    int checked = 0;
    for (const Digest digest : {Digest::Sha1, Digest::Sha256, Digest::Sha512}) {
        for (const KeyDerivation derivation : {KeyDerivation::Hmac, KeyDerivation::Concat,
                                               KeyDerivation::DjangoConcat, KeyDerivation::None}) {
            const ItsdangerousSigner::Options options{"cookie-session", digest, derivation};
            auto plain = ItsdangerousSigner::create(options).value();
            auto preparing = ItsdangerousSigner::create(options).value();
            for (const int secretSize : secretSizes) {
                const QByteArray secret = randomBytes(random, secretSize);
                auto prepared = preparing.prepare(secret);
                QVERIFY(prepared);
                for (const int valueSize : {0, 5, 55, 56, 64, 500}) {
                    const QByteArray value = randomBytes(random, valueSize);
                    QByteArray signature;
                    QVERIFY(plain.sign(secret, value, &signature));
                    QVERIFY(plain.verify(secret, value, signature));
                    // A signer of the same options verifies with a key another prepared.
                    QVERIFY(plain.verify(*prepared, value, signature));
                    QVERIFY(preparing.verify(*prepared, value, signature));
                    QByteArray wrong = signature;
                    wrong[int(random.bounded(int(wrong.size())))] ^= char(1 + random.bounded(255));
                    QVERIFY(!preparing.verify(*prepared, value, wrong));
                    QVERIFY(!preparing.verify(*prepared, value + 'x', signature));
                    QVERIFY(!preparing.verify(*prepared, value, signature.chopped(1)));
                    ++checked;
                }
            }
        }
    }
    QCOMPARE(checked, 3 * 4 * 10 * 6);
}

void TestSigningKeyCache::cacheAnswersAsTheSignerAndPreparesOnce()
{
    SigningKeyCache cache;
    const ItsdangerousSigner::Options flask; // Flask's salt, SHA-1, HMAC derivation
    const ItsdangerousSigner::Options django{"django.contrib.sessions.backends.signed_cookies",
                                             Digest::Sha256, KeyDerivation::DjangoConcat};
    for (const auto &options : {flask, django}) {
        auto signer = ItsdangerousSigner::create(options).value();
        for (const QByteArray &secret : {QByteArray("alpha"), QByteArray("bravo")}) {
            QByteArray signature;
            QVERIFY(signer.sign(secret, "payload.timestamp", &signature));
            QCOMPARE(cache.verify(options, bytes(secret), "payload.timestamp", signature).value(),
                     true);
            QCOMPARE(cache.verify(options, bytes(secret), "payload.timestamp!", signature).value(),
                     false);
            QCOMPARE(
                cache.verify(options, bytes(secret + '!'), "payload.timestamp", signature).value(),
                false);
        }
    }
    // Each (options, secret) once, whatever was asked of it: alpha, bravo and the two
    // wrong secrets, under both option sets.
    QCOMPARE(cache.preparedCount(), std::size_t(8));
    // A salt of its own is another set of options, even with the same digest.
    ItsdangerousSigner::Options salted = flask;
    salted.salt = "another-salt";
    auto signer = ItsdangerousSigner::create(salted).value();
    QByteArray signature;
    QVERIFY(signer.sign("alpha", "v", &signature));
    QCOMPARE(cache.verify(flask, bytes("alpha"), "v", signature).value(), false);
    QCOMPARE(cache.verify(salted, bytes("alpha"), "v", signature).value(), true);
    QCOMPARE(cache.preparedCount(), std::size_t(9));
    cache.clear();
    QCOMPARE(cache.preparedCount(), std::size_t(0));
    QCOMPARE(cache.verify(salted, bytes("alpha"), "v", signature).value(), true);
}

void TestSigningKeyCache::cacheIsBounded()
{
    SigningKeyCache cache;
    const ItsdangerousSigner::Options options;
    auto signer = ItsdangerousSigner::create(options).value();
    const std::size_t secrets = SigningKeyCache::kMaxPrepared * 2 + 3;
    for (std::size_t i = 0; i < secrets; ++i) {
        const QByteArray secret = "secret-" + QByteArray::number(qulonglong(i));
        QByteArray signature;
        QVERIFY(signer.sign(secret, "value", &signature));
        QVERIFY(cache.verify(options, bytes(secret), "value", signature).value());
        QVERIFY(cache.preparedCount() <= SigningKeyCache::kMaxPrepared);
    }
    QVERIFY(cache.preparedCount() > 0);
}

void TestSigningKeyCache::openerForgetsPreparedSecretsWhenTheRingChanges()
{
    KeyRing ring;
    QVERIFY(ring.add(SessionKey(QStringLiteral("old"), bytes("old-secret"),
                                SessionKey::Kind::SigningSecret))
                .ok());
    KeySchedules schedules(ring);
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("user"), SessionValue::makeString(QStringLiteral("ada")));
    const QByteArray cookie =
        FlaskSignedCodec::sign(session, bytes("old-secret"), 1700000000, {}).value();
    const CookieFormat &flask = *FormatRegistry::builtIn().find(u"signed");
    OpenedCookie opened;
    flask.open(cookie, schedules, {}, opened);
    QCOMPARE(opened.verified, std::optional<bool>(true));
    QCOMPARE(schedules.signingKeys().preparedCount(), std::size_t(1));

    // The secret leaves the ring: nothing prepared from it is kept, and it verifies nothing.
    QVERIFY(ring.remove(QStringLiteral("old")));
    QCOMPARE(schedules.signingKeys().preparedCount(), std::size_t(0));
    QVERIFY(ring.add(SessionKey(QStringLiteral("new"), bytes("new-secret"),
                                SessionKey::Kind::SigningSecret))
                .ok());
    OpenedCookie again;
    flask.open(cookie, schedules, {}, again);
    QCOMPARE(again.verified, std::optional<bool>(false));
    QCOMPARE(schedules.signingKeys().preparedCount(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestSigningKeyCache)
#include "tst_SigningKeyCache.moc"
