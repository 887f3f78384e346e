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
    void namesAreUnique();
    void everyChangeIsSeen();
    void keysKeptForSomeFormats();
    void canAddSaysWhatAddWould_data();
    void canAddSaysWhatAddWould();
};

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

void TestKeyRing::everyChangeIsSeen()
{
    // Caches keyed by ring index (KeySchedules) forget when the generation moves.
    KeyRing ring;
    quint64 seen = ring.generation();
    const auto changed = [&] {
        const bool moved = ring.generation() != seen;
        seen = ring.generation();
        return moved;
    };
    QVERIFY(ring.add(keyFromHex(QStringLiteral("dev"), kVectorKey)).ok());
    QVERIFY(changed());
    QVERIFY(!ring.add(keyFromHex(QStringLiteral("dev"), kVectorKey)).ok());
    QVERIFY(!changed());
    QVERIFY(ring.rename(QStringLiteral("dev"), QStringLiteral("qa")).ok());
    QVERIFY(changed());
    QVERIFY(ring.setFormats(QStringLiteral("qa"), {QStringLiteral("encrypted")}).ok());
    QVERIFY(changed());
    QCOMPARE(ring.at(0).formats(), QStringList{QStringLiteral("encrypted")});
    QVERIFY(!ring.setFormats(QStringLiteral("nobody"), {}).ok());
    QVERIFY(ring.remove(QStringLiteral("qa")));
    QVERIFY(changed());
    // A ring moved in holds other keys: its generation differs from every one seen before.
    KeyRing other;
    QVERIFY(other.add(keyFromHex(QStringLiteral("x"), kVectorKey)).ok());
    ring = std::move(other);
    QVERIFY(changed());
    QCOMPARE(ring.names(), QStringList{QStringLiteral("x")});
}

void TestKeyRing::keysKeptForSomeFormats()
{
    SessionKey key = keyFromHex(QStringLiteral("shared"), kVectorKey);
    QVERIFY(key.serves(u"signed"));
    key.setFormats(
        {QStringLiteral("django"), QStringLiteral("starlette"), QStringLiteral("django")});
    QCOMPARE(key.formats(), (QStringList{QStringLiteral("django"), QStringLiteral("starlette")}));
    QVERIFY(key.serves(u"django"));
    QVERIFY(!key.serves(u"signed"));
    key.setFormats({});
    QVERIFY(key.serves(u"signed"));
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
