#include "formats/FormatRegistry.h"
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

const CookieFormat &encrypted()
{
    return *FormatRegistry::builtIn().find(QStringLiteral("encrypted"));
}

const CookieFormat &flaskSigned()
{
    return *FormatRegistry::builtIn().find(QStringLiteral("signed"));
}

// What a text of no known shape is opened as.
const CookieFormat &unknownShape()
{
    return *FormatRegistry::builtIn().shapeOf("not a cookie");
}

} // namespace

void TestKeyNeed::kindsPerFormat()
{
    QCOMPARE(SessionKey::kindFor(encrypted()), SessionKey::Kind::AesKey);
    QCOMPARE(SessionKey::kindFor(flaskSigned()), SessionKey::Kind::SigningSecret);
    QCOMPARE(KeyNeed::toOpen(encrypted()), SessionKey::Kind::AesKey);
    QVERIFY(!KeyNeed::toOpen(flaskSigned()).has_value());
    // An unknown shape goes through the EncryptedSession path, whose format step names it.
    QCOMPARE(KeyNeed::toOpen(unknownShape()), SessionKey::Kind::AesKey);
}

void TestKeyNeed::missingToOpenLooksAtTheRing()
{
    KeyRing empty;
    const auto none = KeyNeed::missingToOpen(encrypted(), empty);
    QVERIFY(none.has_value());
    QCOMPARE(none->category, ErrorCategory::Key);
    QVERIFY(none->message.contains(QLatin1String("AES key")));
    QVERIFY(!KeyNeed::missingToOpen(flaskSigned(), empty).has_value());

    KeyRing secrets;
    QVERIFY(secrets.add(secret()));
    // A secret opens no EncryptedSession cookie.
    QVERIFY(KeyNeed::missingToOpen(encrypted(), secrets).has_value());
    QVERIFY(KeyNeed::missingToOpen(unknownShape(), secrets).has_value());

    KeyRing both;
    QVERIFY(both.add(secret()));
    QVERIFY(both.add(aesKey()));
    QVERIFY(!KeyNeed::missingToOpen(encrypted(), both).has_value());
}

void TestKeyNeed::kindNames()
{
    QCOMPARE(KeyNeed::kindName(SessionKey::Kind::AesKey), QStringLiteral("AES key"));
    QCOMPARE(KeyNeed::kindName(SessionKey::Kind::SigningSecret), QStringLiteral("Flask secret"));
}

QTEST_GUILESS_MAIN(TestKeyNeed)
#include "tst_KeyNeed.moc"
