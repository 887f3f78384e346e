// What opening many cookies learns, kept outside the (const) ring: the AES key schedules, and
// which key served which format last, tried first; keys kept for some formats only.

#include "TestData.h"
#include "document/CookieOpener.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/FormatRegistry.h"
#include "formats/KeySchedules.h"
#include "keys/KeyRing.h"

#include <QTest>

using namespace sessionlens;

namespace {

SessionKey keyFromHex(const QString &name, const QByteArray &hex)
{
    const QByteArray raw = QByteArray::fromHex(hex);
    return SessionKey(name, SecureBytes(raw.constData(), std::size_t(raw.size())));
}

SessionKey secret(const QString &name, const QByteArray &text)
{
    return SessionKey(name, SecureBytes(text.constData(), std::size_t(text.size())),
                      SessionKey::Kind::SigningSecret);
}

const QByteArray kVectorKey = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";

QByteArray signedCookie(const QByteArray &secretText)
{
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("user"), SessionValue::makeString(QStringLiteral("ada")));
    return FlaskSignedCodec::sign(
               session, SecureBytes(secretText.constData(), std::size_t(secretText.size())),
               1700000000, FlaskSignedCodec::Options{})
        .value();
}

const CookieFormat &format(const char16_t *id)
{
    return *FormatRegistry::builtIn().find(id);
}

QList<qsizetype> list(std::initializer_list<qsizetype> indices)
{
    return QList<qsizetype>(indices);
}

} // namespace

class TestKeySchedules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saysWhichKeyOpens();
    void noKeyOpens();
    void formatErrorsComeFirst();
    void lastServedComesFirstPerFormat();
    void openerNamesTheSecretAndLearnsIt();
    void ringChangesAreForgotten();
    void keysKeptForOtherFormatsAreNotTried();
    void signingSecretsFollowTheCandidatesWithoutCopies();
};

void TestKeySchedules::saysWhichKeyOpens()
{
    KeyRing ring;
    QVERIFY(ring.add(keyFromHex(QStringLiteral("staging"), QByteArray(64, 'a'))).ok());
    QVERIFY(ring.add(keyFromHex(QStringLiteral("short"), QByteArray(32, 'b'))).ok());
    QVERIFY(ring.add(keyFromHex(QStringLiteral("production"), kVectorKey)).ok());
    const QJsonArray vectors = test::cookieVectors(QStringLiteral("encrypted_session"));
    QVERIFY(!vectors.isEmpty());
    CookieOpener opener(ring);
    for (const QJsonValue v : vectors) {
        const QByteArray cookie = v[QStringLiteral("cookie")].toString().toLatin1();
        const CookieOpener::Opened opened = opener.open(cookie, {});
        QVERIFY(opened.ok());
        QCOMPARE(opened.keyIndex, 2);
        QCOMPARE(opened.keyName, QStringLiteral("production"));
        QCOMPARE(opened.format->id(), QStringLiteral("encrypted"));
        QCOMPARE(opened.json(), v[QStringLiteral("plaintext")].toString().toUtf8());
    }
    // The schedule was built once and is kept; the ring holds keys only.
    QVERIFY(opener.schedules().lastServed(format(u"encrypted")) == 2);
}

void TestKeySchedules::noKeyOpens()
{
    KeyRing ring;
    QVERIFY(ring.add(keyFromHex(QStringLiteral("one"), QByteArray(64, 'a'))).ok());
    QVERIFY(ring.add(keyFromHex(QStringLiteral("two"), QByteArray(64, 'c'))).ok());
    const QByteArray cookie = test::cookieVectors(QStringLiteral("encrypted_session"))
                                  .first()[QStringLiteral("cookie")]
                                  .toString()
                                  .toLatin1();
    const CookieOpener::Opened opened = CookieOpener::open(cookie, ring, {});
    QCOMPARE(opened.keyIndex, -1);
    QVERIFY(opened.keyName.isEmpty());
    QCOMPARE(opened.error->category, ErrorCategory::Authentication);
    QVERIFY(opened.error->message.contains(QStringLiteral("2 AES keys")));
    QVERIFY(opened.json().isEmpty());
}

void TestKeySchedules::formatErrorsComeFirst()
{
    KeyRing ring;
    QVERIFY(ring.add(keyFromHex(QStringLiteral("dev"), kVectorKey)).ok());
    const CookieOpener::Opened opened =
        CookieOpener::open("u.abc.AAAAAAAAAAAAAAAAAAAAAA==.AAAAAAAAAAAAAAAAAAAAAA==x", ring, {});
    QVERIFY(opened.error);
    QVERIFY(opened.error->category != ErrorCategory::Authentication);
    QCOMPARE(opened.keyIndex, -1);
}

void TestKeySchedules::lastServedComesFirstPerFormat()
{
    KeyRing ring;
    QVERIFY(ring.add(secret(QStringLiteral("a"), "alpha")).ok());
    QVERIFY(ring.add(keyFromHex(QStringLiteral("aes"), kVectorKey)).ok());
    QVERIFY(ring.add(secret(QStringLiteral("b"), "bravo")).ok());
    QVERIFY(ring.add(secret(QStringLiteral("c"), "charlie")).ok());
    KeySchedules keys(ring);
    const CookieFormat &flask = format(u"signed");
    const CookieFormat &encrypted = format(u"encrypted");
    // Ring order, of the format's kind only.
    QCOMPARE(keys.candidates(flask, SessionKey::Kind::SigningSecret), list({0, 2, 3}));
    QCOMPARE(keys.candidates(encrypted, SessionKey::Kind::AesKey), list({1}));
    keys.served(flask, 3);
    QCOMPARE(keys.lastServed(flask), 3);
    QCOMPARE(keys.candidates(flask, SessionKey::Kind::SigningSecret), list({3, 0, 2}));
    // A hint per format, not one for all: another format's order is untouched.
    QCOMPARE(keys.lastServed(encrypted), -1);
    QCOMPARE(keys.candidates(encrypted, SessionKey::Kind::AesKey), list({1}));
    keys.served(flask, 2);
    QCOMPARE(keys.candidates(flask, SessionKey::Kind::SigningSecret), list({2, 0, 3}));
    QVERIFY(keys.codec(1) != nullptr);
    QVERIFY(keys.codec(0) == nullptr); // a secret has no AES schedule
    QVERIFY(keys.codec(1) == keys.codec(1));
}

void TestKeySchedules::openerNamesTheSecretAndLearnsIt()
{
    KeyRing ring;
    QVERIFY(ring.add(secret(QStringLiteral("old"), "old secret")).ok());
    QVERIFY(ring.add(secret(QStringLiteral("current"), "current secret")).ok());
    CookieOpener opener(ring);
    const CookieOpener::Opened opened = opener.open(signedCookie("current secret"), {});
    QVERIFY(opened.ok());
    QCOMPARE(opened.verified, std::optional<bool>(true));
    QCOMPARE(opened.keyIndex, 1);
    QCOMPARE(opened.keyName, QStringLiteral("current"));
    QCOMPARE(opened.format->id(), QStringLiteral("signed"));
    // The next cookie of the format tries "current" first.
    QCOMPARE(opener.schedules().lastServed(*opened.format), 1);
    // An unverified cookie names no secret and leaves the hint alone.
    const CookieOpener::Opened forged = opener.open(signedCookie("guess"), {});
    QCOMPARE(forged.verified, std::optional<bool>(false));
    QCOMPARE(forged.keyIndex, -1);
    QVERIFY(forged.keyName.isEmpty());
    QCOMPARE(opener.schedules().lastServed(*opened.format), 1);
    // The old secret still verifies what it signed, and becomes the hint.
    const CookieOpener::Opened old = opener.open(signedCookie("old secret"), {});
    QCOMPARE(old.keyName, QStringLiteral("old"));
    QCOMPARE(opener.schedules().lastServed(*old.format), 0);
}

void TestKeySchedules::ringChangesAreForgotten()
{
    KeyRing ring;
    QVERIFY(ring.add(secret(QStringLiteral("a"), "alpha")).ok());
    QVERIFY(ring.add(secret(QStringLiteral("b"), "bravo")).ok());
    CookieOpener opener(ring);
    QCOMPARE(opener.open(signedCookie("bravo"), {}).keyIndex, 1);
    QCOMPARE(opener.schedules().lastServed(format(u"signed")), 1);
    // Index 1 is another key after the first is removed: the hint must not outlive that.
    QVERIFY(ring.remove(QStringLiteral("a")));
    QCOMPARE(opener.schedules().lastServed(format(u"signed")), -1);
    const CookieOpener::Opened again = opener.open(signedCookie("bravo"), {});
    QCOMPARE(again.keyIndex, 0);
    QCOMPARE(again.keyName, QStringLiteral("b"));
}

void TestKeySchedules::keysKeptForOtherFormatsAreNotTried()
{
    KeyRing ring;
    QVERIFY(ring.add(secret(QStringLiteral("django-only"), "shared")).ok());
    QVERIFY(ring.setFormats(QStringLiteral("django-only"), {QStringLiteral("django")}).ok());
    QVERIFY(ring.add(keyFromHex(QStringLiteral("aes-for-flask"), kVectorKey)).ok());
    QVERIFY(ring.setFormats(QStringLiteral("aes-for-flask"), {QStringLiteral("signed")}).ok());
    KeySchedules keys(ring);
    QVERIFY(keys.candidates(format(u"signed"), SessionKey::Kind::SigningSecret).isEmpty());
    QVERIFY(keys.candidates(format(u"encrypted"), SessionKey::Kind::AesKey).isEmpty());
    // The secret would verify the cookie, but the user keeps it for Django's: not tried.
    const CookieOpener::Opened opened = CookieOpener::open(signedCookie("shared"), ring, {});
    QCOMPARE(opened.verified, std::optional<bool>());
    QCOMPARE(opened.keyIndex, -1);
    // Kept for Flask's format too, it verifies.
    QVERIFY(ring.setFormats(QStringLiteral("django-only"),
                            {QStringLiteral("django"), QStringLiteral("signed")})
                .ok());
    const CookieOpener::Opened verified = CookieOpener::open(signedCookie("shared"), ring, {});
    QCOMPARE(verified.verified, std::optional<bool>(true));
    QCOMPARE(verified.keyName, QStringLiteral("django-only"));
    // An AES key kept for another format does not open an EncryptedSession cookie.
    const QByteArray cookie = test::cookieVectors(QStringLiteral("encrypted_session"))
                                  .first()[QStringLiteral("cookie")]
                                  .toString()
                                  .toLatin1();
    const CookieOpener::Opened encrypted = CookieOpener::open(cookie, ring, {});
    QCOMPARE(encrypted.error->category, ErrorCategory::Authentication);
    QVERIFY(ring.setFormats(QStringLiteral("aes-for-flask"), {}).ok());
    QVERIFY(CookieOpener::open(cookie, ring, {}).ok());
}

void TestKeySchedules::signingSecretsFollowTheCandidatesWithoutCopies()
{
    KeyRing ring;
    QVERIFY(ring.add(secret(QStringLiteral("a"), "alpha")).ok());
    QVERIFY(ring.add(keyFromHex(QStringLiteral("aes"), kVectorKey)).ok());
    QVERIFY(ring.add(secret(QStringLiteral("b"), "bravo")).ok());
    KeySchedules keys(ring);
    const CookieFormat &flask = format(u"signed");
    const auto bytesOf = [](const KeySchedules::SigningSecrets &s) {
        QList<QByteArray> out;
        for (const SecureBytes &b : s.secrets)
            out.append(QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size())));
        return out;
    };
    const KeySchedules::SigningSecrets first = keys.signingSecrets(flask);
    QCOMPARE(first.indices, list({0, 2}));
    QCOMPARE(bytesOf(first), QList<QByteArray>({"alpha", "bravo"}));
    QCOMPARE(&first.cache, &keys.signingKeys());
    // The next cookie gets the same lists, not copies of the secrets.
    const SecureBytes *firstBytes = first.secrets.constData();
    const KeySchedules::SigningSecrets again = keys.signingSecrets(flask);
    QCOMPARE(again.secrets.constData(), firstBytes);
    QCOMPARE(again.secrets.first().data(), firstBytes->data());
    // Another key served the format: its secret comes first.
    keys.served(flask, 2);
    const KeySchedules::SigningSecrets served = keys.signingSecrets(flask);
    QCOMPARE(served.indices, list({2, 0}));
    QCOMPARE(bytesOf(served), QList<QByteArray>({"bravo", "alpha"}));
    // Another format has lists of its own.
    QCOMPARE(keys.signingSecrets(format(u"django")).indices, list({0, 2}));
    QCOMPARE(keys.signingSecrets(flask).indices, list({2, 0}));
    // A changed ring is read again.
    QVERIFY(ring.remove(QStringLiteral("a")));
    const KeySchedules::SigningSecrets changed = keys.signingSecrets(flask);
    QCOMPARE(changed.indices, list({1}));
    QCOMPARE(bytesOf(changed), QList<QByteArray>({"bravo"}));
}

QTEST_GUILESS_MAIN(TestKeySchedules)
#include "tst_KeySchedules.moc"
