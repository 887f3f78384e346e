#include "TestData.h"
#include "crypto/EaxCipher.h"

#include <QTest>

using namespace sessionlens;

class TestEaxCipher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wycheproof_data();
    void wycheproof();
    void rejectsWrongKeySizes();
    void rejectsShortTag();
    void decryptsInPlaceWithoutTouchingSharedText();
};

void TestEaxCipher::wycheproof_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<QByteArray>("aad");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("ciphertext");
    QTest::addColumn<QByteArray>("tag");
    QTest::addColumn<bool>("valid");
    const QJsonObject root = test::loadJsonObject(QStringLiteral("wycheproof_aes_eax_test.json"));
    int count = 0;
    for (const QJsonValue group : root.value(QStringLiteral("testGroups")).toArray()) {
        for (const QJsonValue t : group[QStringLiteral("tests")].toArray()) {
            auto hex = [&t](const char *name) {
                return QByteArray::fromHex(t[QLatin1String(name)].toString().toLatin1());
            };
            QTest::addRow("tc%d", t[QStringLiteral("tcId")].toInt())
                << hex("key") << hex("iv") << hex("aad") << hex("msg") << hex("ct") << hex("tag")
                << (t[QStringLiteral("result")].toString() == QLatin1String("valid"));
            ++count;
        }
    }
    // The file declares its own count; both must be there, so a renamed section or a renamed
    // count cannot agree on zero.
    QVERIFY(count > 0);
    QCOMPARE(count, root.value(QStringLiteral("numberOfTests")).toInt());
}

void TestEaxCipher::wycheproof()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, aad);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, ciphertext);
    QFETCH(QByteArray, tag);
    QFETCH(bool, valid);

    auto cipher = EaxCipher::create(SecureBytes(key.constData(), std::size_t(key.size())));
    QVERIFY(cipher.ok());

    auto opened = cipher->decrypt(nonce, aad, ciphertext, tag);
    // The in-place form agrees with it; on a wrong tag it leaves the buffer for the next key.
    QByteArray buffer(ciphertext.constData(), ciphertext.size()); // a buffer of its own
    const std::optional<Error> inPlace = cipher->decryptInPlace(nonce, aad, buffer, tag);
    QCOMPARE(!inPlace, opened.ok());
    if (!inPlace) {
        QCOMPARE(buffer.toHex(), message.toHex());
    } else {
        QCOMPARE(inPlace->category, ErrorCategory::Authentication);
        QCOMPARE(buffer.toHex(), ciphertext.toHex());
    }
    if (valid) {
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QCOMPARE(opened.value().toHex(), message.toHex());
        auto sealed = cipher->encrypt(nonce, aad, message);
        QVERIFY(sealed.ok());
        QCOMPARE(sealed->ciphertext.toHex(), ciphertext.toHex());
        QCOMPARE(sealed->tag.toHex(), tag.toHex());
    } else {
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().category, ErrorCategory::Authentication);
    }
}

void TestEaxCipher::rejectsWrongKeySizes()
{
    for (int size : {0, 8, 15, 17, 31, 33, 64}) {
        const QByteArray key(size, 'k');
        auto cipher = EaxCipher::create(SecureBytes(key.constData(), std::size_t(key.size())));
        QVERIFY(!cipher.ok());
        QCOMPARE(cipher.error().category, ErrorCategory::Key);
        QVERIFY(cipher.error().message.contains(QString::number(size)));
    }
}

void TestEaxCipher::rejectsShortTag()
{
    const QByteArray key(32, '\x11');
    auto cipher = EaxCipher::create(SecureBytes(key.constData(), 32));
    QVERIFY(cipher.ok());
    auto sealed = cipher->encrypt("nonce", {}, "hello");
    QVERIFY(sealed.ok());
    // A truncated tag must never be accepted, even if it is a prefix of the right one.
    auto opened = cipher->decrypt("nonce", {}, sealed->ciphertext, sealed->tag.left(8));
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().category, ErrorCategory::Authentication);
    auto good = cipher->decrypt("nonce", {}, sealed->ciphertext, sealed->tag);
    QVERIFY(good.ok());
    QCOMPARE(good.value(), QByteArray("hello"));
}

void TestEaxCipher::decryptsInPlaceWithoutTouchingSharedText()
{
    const QByteArray key(16, '\x22');
    auto cipher = EaxCipher::create(SecureBytes(key.constData(), 16));
    QVERIFY(cipher.ok());
    const QByteArray message(3000, 'm');
    auto sealed = cipher->encrypt("nonce-of-sixteen", {}, message);
    QVERIFY(sealed.ok());

    // Its own buffer: decrypted where it lies.
    QByteArray own(sealed->ciphertext.constData(), sealed->ciphertext.size());
    const char *where = own.constData();
    QVERIFY(!cipher->decryptInPlace("nonce-of-sixteen", {}, own, sealed->tag));
    QCOMPARE(own, message);
    QVERIFY(own.constData() == where); // no copy

    // A buffer another value shares: the other value keeps the ciphertext.
    QByteArray shared = sealed->ciphertext;
    QVERIFY(!cipher->decryptInPlace("nonce-of-sixteen", {}, shared, sealed->tag));
    QCOMPARE(shared, message);
    QCOMPARE(sealed->ciphertext.size(), message.size());
    QVERIFY(sealed->ciphertext != message);
    auto again = cipher->decrypt("nonce-of-sixteen", {}, sealed->ciphertext, sealed->tag);
    QVERIFY(again.ok());
    QCOMPARE(again.value(), message);

    // A wrong tag: the text is left for the next key.
    QByteArray kept = sealed->ciphertext;
    kept.detach();
    QByteArray wrongTag = sealed->tag;
    wrongTag[0] = char(wrongTag[0] ^ 1);
    const auto refused = cipher->decryptInPlace("nonce-of-sixteen", {}, kept, wrongTag);
    QVERIFY(refused.has_value());
    QCOMPARE(refused->category, ErrorCategory::Authentication);
    QCOMPARE(kept, sealed->ciphertext);
}

QTEST_GUILESS_MAIN(TestEaxCipher)
#include "tst_EaxCipher.moc"
