#include "formats/FormatRegistry.h"
#include "formats/KeyNeed.h"
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
    void formatsAKeyIsKeptFor();
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
    QCOMPARE(KeyNeed::toSeal(encrypted()), SessionKey::Kind::AesKey);
    QCOMPARE(KeyNeed::toSeal(flaskSigned()), SessionKey::Kind::SigningSecret);
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

void TestKeyNeed::formatsAKeyIsKeptFor()
{
    const FormatRegistry &formats = FormatRegistry::builtIn();
    const auto secretFor = [&](const QString &list) {
        return KeyNeed::formatsFor(SessionKey::Kind::SigningSecret, list, formats);
    };
    QCOMPARE(secretFor(QStringLiteral(" signed ,signed")).value(),
             QStringList{QStringLiteral("signed")});
    QCOMPARE(
        KeyNeed::formatsFor(SessionKey::Kind::AesKey, QStringLiteral("encrypted"), formats).value(),
        QStringList{QStringLiteral("encrypted")});
    // An unknown id names the known ones; a format made with another kind of key is refused.
    const auto unknown = secretFor(QStringLiteral("signed,flask"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().category, ErrorCategory::Key);
    QVERIFY(unknown.error().message.contains(QStringLiteral("\"flask\"")));
    QVERIFY(unknown.error().message.contains(QStringLiteral("encrypted, signed")));
    QVERIFY(!secretFor(QStringLiteral("encrypted")).ok());
    QVERIFY(!secretFor(QStringLiteral(" , ")).ok());
}

QTEST_GUILESS_MAIN(TestKeyNeed)
#include "tst_KeyNeed.moc"
