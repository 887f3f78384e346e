#include "TestData.h"
#include "keys/KeyRing.h"

#include <QTest>

using namespace sessionlens;

namespace {
SessionKey keyFromHex(const QString &name, const QByteArray &hex)
{
    const QByteArray raw = QByteArray::fromHex(hex);
    return SessionKey(name, SecureBytes(raw.constData(), std::size_t(raw.size())));
}
const QByteArray kVectorKey = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";
} // namespace

class TestKeyRing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saysWhichKeyOpens();
    void noKeyOpens();
    void namesAreUnique();
    void formatErrorsComeFirst();
    void canAddSaysWhatAddWould_data();
    void canAddSaysWhatAddWould();
};

void TestKeyRing::saysWhichKeyOpens()
{
    KeyRing ring;
    QVERIFY(ring.add(keyFromHex(QStringLiteral("staging"), QByteArray(64, 'a'))).ok());
    QVERIFY(ring.add(keyFromHex(QStringLiteral("short"), QByteArray(32, 'b'))).ok());
    QVERIFY(ring.add(keyFromHex(QStringLiteral("production"), kVectorKey)).ok());
    const QJsonArray vectors = test::cookieVectors(QStringLiteral("encrypted_session"));
    for (const QJsonValue v : vectors) {
        const QByteArray cookie = v[QStringLiteral("cookie")].toString().toLatin1();
        auto index = ring.findOpeningKey(cookie);
        QVERIFY(index.ok());
        QCOMPARE(index.value(), 2);
        const KeyRing::Opened opened = ring.open(cookie, {});
        QVERIFY(opened.decoded.ok());
        QCOMPARE(opened.keyIndex, 2);
        QCOMPARE(ring.at(opened.keyIndex).name(), QStringLiteral("production"));
        QCOMPARE(opened.decoded.plaintext, v[QStringLiteral("plaintext")].toString().toUtf8());
    }
}

void TestKeyRing::noKeyOpens()
{
    KeyRing ring;
    QVERIFY(ring.add(keyFromHex(QStringLiteral("one"), QByteArray(64, 'a'))).ok());
    QVERIFY(ring.add(keyFromHex(QStringLiteral("two"), QByteArray(64, 'c'))).ok());
    const QByteArray cookie = test::cookieVectors(QStringLiteral("encrypted_session"))
                                  .first()[QStringLiteral("cookie")]
                                  .toString()
                                  .toLatin1();
    QCOMPARE(ring.findOpeningKey(cookie).value(), -1);
    const KeyRing::Opened opened = ring.open(cookie, {});
    QCOMPARE(opened.keyIndex, -1);
    QVERIFY(!opened.decoded.ok());
    QCOMPARE(opened.decoded.error->category, ErrorCategory::Authentication);
    QVERIFY(opened.decoded.error->message.contains(QStringLiteral("2 AES keys")));
    QVERIFY(opened.decoded.plaintext.isEmpty());
}

void TestKeyRing::namesAreUnique()
{
    KeyRing ring;
    QVERIFY(ring.add(keyFromHex(QStringLiteral("dev"), kVectorKey)).ok());
    auto duplicate = ring.add(keyFromHex(QStringLiteral("dev"), QByteArray(32, 'd')));
    QVERIFY(!duplicate.ok());
    QCOMPARE(duplicate.error().category, ErrorCategory::Key);
    auto badLength = ring.add(keyFromHex(QStringLiteral("odd"), QByteArray(40, 'd')));
    QVERIFY(!badLength.ok());
    QVERIFY(badLength.error().message.contains(QStringLiteral("20")));
    QVERIFY(ring.add(keyFromHex(QStringLiteral("other"), QByteArray(32, 'e'))).ok());
    QVERIFY(!ring.rename(QStringLiteral("other"), QStringLiteral("dev")).ok());
    QVERIFY(ring.rename(QStringLiteral("other"), QStringLiteral("qa")).ok());
    QCOMPARE(ring.names(), (QStringList{QStringLiteral("dev"), QStringLiteral("qa")}));
    QVERIFY(ring.remove(QStringLiteral("dev")));
    QVERIFY(!ring.remove(QStringLiteral("dev")));
    QCOMPARE(ring.size(), 1);
}

void TestKeyRing::formatErrorsComeFirst()
{
    KeyRing ring;
    QVERIFY(ring.add(keyFromHex(QStringLiteral("dev"), kVectorKey)).ok());
    const KeyRing::Opened opened = ring.open("u.abc", {});
    QCOMPARE(opened.decoded.error->category, ErrorCategory::Format);
    QVERIFY(!ring.findOpeningKey("u.abc").ok());
}

void TestKeyRing::canAddSaysWhatAddWould_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("bytes");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("allowed");
    const int aes = int(SessionKey::Kind::AesKey);
    const int secret = int(SessionKey::Kind::SigningSecret);
    QTest::newRow("AES-256") << QStringLiteral("new") << 32 << aes << true;
    QTest::newRow("AES of 20 bytes") << QStringLiteral("new") << 20 << aes << false;
    QTest::newRow("secret of any length") << QStringLiteral("new") << 7 << secret << true;
    QTest::newRow("empty secret") << QStringLiteral("new") << 0 << secret << false;
    QTest::newRow("no name") << QStringLiteral("  ") << 32 << aes << false;
    QTest::newRow("name taken") << QStringLiteral("taken") << 32 << aes << false;
}

void TestKeyRing::canAddSaysWhatAddWould()
{
    QFETCH(QString, name);
    QFETCH(int, bytes);
    QFETCH(int, kind);
    QFETCH(bool, allowed);
    KeyRing ring;
    QVERIFY(ring.add(keyFromHex(QStringLiteral("taken"), kVectorKey)).ok());
    const QByteArray raw(bytes, '\x11');
    const SessionKey key(name, SecureBytes(raw.constData(), std::size_t(raw.size())),
                         SessionKey::Kind(kind));
    const auto answer = ring.canAdd(key);
    QCOMPARE(answer.ok(), allowed);
    if (!allowed)
        QCOMPARE(answer.error().category, ErrorCategory::Key);
    QCOMPARE(ring.add(key).ok(), allowed); // the same verdict
    QCOMPARE(ring.size(), allowed ? 2 : 1);
}

QTEST_GUILESS_MAIN(TestKeyRing)
#include "tst_KeyRing.moc"
