// Chromium's Linux cookie cipher against known answers made outside SessionLens, with
// pycryptodome (tests/data/make_chromium_vectors.py): a mistake made the same way in our
// encryptor and decryptor would pass a round trip, but not these.
#include "TestData.h"
#include "crypto/ChromiumCookieCipher.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace sessionlens;

class TestChromiumCookieCipher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownAnswers_data();
    void knownAnswers();
    void damagedValues();
};

void TestChromiumCookieCipher::knownAnswers_data()
{
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<bool>("hostPrefix");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("encrypted");
    const QJsonArray vectors = test::loadJsonObject(QStringLiteral("chromium_cookie_vectors.json"))
                                   .value(QStringLiteral("vectors"))
                                   .toArray();
    // The file declares no count: tests/data/README.md's six (v10 and v11, with and without
    // the host prefix, empty, one block, 3000 bytes). A renamed section must not pass with no
    // rows, nor damagedValues() read past the end.
    constexpr qsizetype kChromiumVectors = 6;
    QCOMPARE(vectors.size(), kChromiumVectors);
    for (const auto &entry : vectors) {
        const QJsonObject v = entry.toObject();
        const auto hex = [&](const char *field) {
            return QByteArray::fromHex(v.value(QLatin1String(field)).toString().toLatin1());
        };
        QTest::newRow(qPrintable(v.value(QStringLiteral("name")).toString()))
            << v.value(QStringLiteral("version")).toString().toLatin1() << hex("password_hex")
            << v.value(QStringLiteral("host")).toString().toLatin1()
            << v.value(QStringLiteral("host_prefix")).toBool() << hex("value_hex")
            << hex("encrypted_hex");
    }
}

void TestChromiumCookieCipher::knownAnswers()
{
    QFETCH(QByteArray, version);
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, host);
    QFETCH(bool, hostPrefix);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, encrypted);
    const SecureBytes secret(password.constData(), std::size_t(password.size()));
    const auto decrypted = ChromiumCookieCipher::decrypt(encrypted, secret, hostPrefix, host);
    QVERIFY2(decrypted.ok(), qPrintable(decrypted.ok() ? QString() : decrypted.error().toString()));
    QCOMPARE(decrypted.value(), value);
    // The IV is fixed, so encryption is deterministic and must give the same bytes.
    const auto sealed = ChromiumCookieCipher::encrypt(value, secret, version, hostPrefix, host);
    QVERIFY(sealed.ok());
    QCOMPARE(sealed.value(), encrypted);
    if (version == "v10")
        QCOMPARE(
            QByteArray(reinterpret_cast<const char *>(ChromiumCookieCipher::v10Password().data()),
                       qsizetype(ChromiumCookieCipher::v10Password().size())),
            password);
}

void TestChromiumCookieCipher::damagedValues()
{
    const QJsonObject v = test::loadJsonObject(QStringLiteral("chromium_cookie_vectors.json"))
                              .value(QStringLiteral("vectors"))
                              .toArray()
                              .at(4)
                              .toObject();
    const QByteArray encrypted =
        QByteArray::fromHex(v.value(QStringLiteral("encrypted_hex")).toString().toLatin1());
    const QByteArray password =
        QByteArray::fromHex(v.value(QStringLiteral("password_hex")).toString().toLatin1());
    const QByteArray host = v.value(QStringLiteral("host")).toString().toLatin1();
    const SecureBytes right(password.constData(), std::size_t(password.size()));
    const SecureBytes wrong("not-the-password", 16);
    QVERIFY(ChromiumCookieCipher::decrypt(encrypted, right, true, host).ok());
    // A wrong password (PKCS#7 padding almost surely breaks) and a cut value are refused.
    const auto refused = ChromiumCookieCipher::decrypt(encrypted, wrong, true, host);
    if (!refused.ok())
        QCOMPARE(refused.error().category, ErrorCategory::Authentication);
    else
        QVERIFY(refused.value() !=
                QByteArray::fromHex(v.value(QStringLiteral("value_hex")).toString().toLatin1()));
    QVERIFY(!ChromiumCookieCipher::decrypt(encrypted.chopped(5), right, true, host).ok());
}

QTEST_GUILESS_MAIN(TestChromiumCookieCipher)
#include "tst_ChromiumCookieCipher.moc"
