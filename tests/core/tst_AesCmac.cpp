#include "TestData.h"
#include "crypto/AesCmac.h"

#include <QTest>

using namespace sessionlens;

class TestAesCmac : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wycheproof_data();
    void wycheproof();
    void reusesKeyAcrossComputations();
};

void TestAesCmac::wycheproof_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("tag");
    QTest::addColumn<int>("tagBytes");
    QTest::addColumn<bool>("valid");
    const QJsonObject root = test::loadJsonObject(QStringLiteral("wycheproof_aes_cmac_test.json"));
    int count = 0;
    for (const QJsonValue group : root.value(QStringLiteral("testGroups")).toArray()) {
        const int tagBytes = group[QStringLiteral("tagSize")].toInt() / 8;
        for (const QJsonValue t : group[QStringLiteral("tests")].toArray()) {
            QTest::addRow("tc%d", t[QStringLiteral("tcId")].toInt())
                << QByteArray::fromHex(t[QStringLiteral("key")].toString().toLatin1())
                << QByteArray::fromHex(t[QStringLiteral("msg")].toString().toLatin1())
                << QByteArray::fromHex(t[QStringLiteral("tag")].toString().toLatin1()) << tagBytes
                << (t[QStringLiteral("result")].toString() == QLatin1String("valid"));
            ++count;
        }
    }
    // The file declares its own count; both must be there, so a renamed section or a renamed
    // count cannot agree on zero.
    QVERIFY(count > 0);
    QCOMPARE(count, root.value(QStringLiteral("numberOfTests")).toInt());
}

void TestAesCmac::wycheproof()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, tag);
    QFETCH(int, tagBytes);
    QFETCH(bool, valid);

    auto cmac = AesCmac::create(SecureBytes(key.constData(), std::size_t(key.size())));
    const bool aesKeySize = key.size() == 16 || key.size() == 24 || key.size() == 32;
    if (!aesKeySize) {
        QVERIFY(!cmac.ok());
        QCOMPARE(cmac.error().category, ErrorCategory::Key);
        QVERIFY(!valid);
        return;
    }
    QVERIFY(cmac.ok());
    AesCmac::Tag computed{};
    QVERIFY(cmac->compute(message, &computed));
    const QByteArray truncated(reinterpret_cast<const char *>(computed.data()), tagBytes);
    QCOMPARE(truncated == tag, valid);
}

void TestAesCmac::reusesKeyAcrossComputations()
{
    const QByteArray key = QByteArray::fromHex("2b7e151628aed2a6abf7158809cf4f3c");
    auto cmac = AesCmac::create(SecureBytes(key.constData(), 16));
    QVERIFY(cmac.ok());
    AesCmac::Tag first{}, second{}, other{};
    QVERIFY(cmac->compute("abc", &first));
    QVERIFY(cmac->compute("xyz", &other));
    QVERIFY(cmac->compute("abc", &second));
    QCOMPARE(first, second);
    QVERIFY(first != other);
    // RFC 4493 example 1: the empty message.
    AesCmac::Tag empty{};
    QVERIFY(cmac->compute({}, &empty));
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(empty.data()), 16).toHex(),
             QByteArray("bb1d6929e95937287fa37d129b756746"));
}

QTEST_GUILESS_MAIN(TestAesCmac)
#include "tst_AesCmac.moc"
