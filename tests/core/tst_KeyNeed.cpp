#include "keys/KeyNeed.h"
#include "keys/KeyRing.h"

#include <QTest>

using namespace sessionlens;

// Which key a format needs, asked by the window (which key seals) and the command line (is
// there a key that opens this cookie at all).
class TestKeyNeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kindsPerFormat();
    void missingToOpenLooksAtTheRing();
    void kindNames();
};

namespace {

SessionKey aesKey()
{
    QByteArray bytes(32, 'k');
    return SessionKey(QStringLiteral("aes"), SecureBytes::fromByteArray(bytes, true),
                      SessionKey::Kind::AesKey);
}

SessionKey secret()
{
    QByteArray bytes("s3cret");
    return SessionKey(QStringLiteral("secret"), SecureBytes::fromByteArray(bytes, true),
                      SessionKey::Kind::SigningSecret);
}

} // namespace

void TestKeyNeed::kindsPerFormat()
{
    using F = FormatDetector::Format;
    QCOMPARE(KeyNeed::toSeal(F::EncryptedSession), SessionKey::Kind::AesKey);
    QCOMPARE(KeyNeed::toSeal(F::FlaskSigned), SessionKey::Kind::SigningSecret);
    QCOMPARE(KeyNeed::toOpen(F::EncryptedSession), SessionKey::Kind::AesKey);
    QVERIFY(!KeyNeed::toOpen(F::FlaskSigned).has_value());
    // An unknown shape goes through the EncryptedSession path, whose format step names it.
    QCOMPARE(KeyNeed::toOpen(F::Unknown), SessionKey::Kind::AesKey);
}

void TestKeyNeed::missingToOpenLooksAtTheRing()
{
    using F = FormatDetector::Format;
    KeyRing empty;
    const auto none = KeyNeed::missingToOpen(F::EncryptedSession, empty);
    QVERIFY(none.has_value());
    QCOMPARE(none->category, ErrorCategory::Key);
    QVERIFY(none->message.contains(QLatin1String("AES key")));
    QVERIFY(!KeyNeed::missingToOpen(F::FlaskSigned, empty).has_value());

    KeyRing secrets;
    QVERIFY(secrets.add(secret()));
    // A secret opens no EncryptedSession cookie.
    QVERIFY(KeyNeed::missingToOpen(F::EncryptedSession, secrets).has_value());
    QVERIFY(KeyNeed::missingToOpen(F::Unknown, secrets).has_value());

    KeyRing both;
    QVERIFY(both.add(secret()));
    QVERIFY(both.add(aesKey()));
    QVERIFY(!KeyNeed::missingToOpen(F::EncryptedSession, both).has_value());
}

void TestKeyNeed::kindNames()
{
    QCOMPARE(KeyNeed::kindName(SessionKey::Kind::AesKey), QStringLiteral("AES key"));
    QCOMPARE(KeyNeed::kindName(SessionKey::Kind::SigningSecret), QStringLiteral("Flask secret"));
}

QTEST_GUILESS_MAIN(TestKeyNeed)
#include "tst_KeyNeed.moc"
