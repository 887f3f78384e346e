#include "crypto/SecureBytes.h"

#include <QTest>

using namespace sessionlens;

class TestSecureBytes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void copiesMovesAndCompares_data();
    void copiesMovesAndCompares();
    void fromByteArrayWipesTheSource();
    void constantTimeEqualsCases_data();
    void constantTimeEqualsCases();
    void clearEmpties();
};

void TestSecureBytes::copiesMovesAndCompares_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one byte") << QByteArray("x");
    QTest::newRow("key with NULs") << QByteArray("\0a\0b", 4);
    QTest::newRow("large") << QByteArray(100000, '\x5a');
}

void TestSecureBytes::copiesMovesAndCompares()
{
    QFETCH(QByteArray, data);
    SecureBytes a(data.constData(), std::size_t(data.size()));
    QCOMPARE(a.size(), std::size_t(data.size()));
    QCOMPARE(a.isEmpty(), data.isEmpty());
    QCOMPARE(a.exposeCopy(), data);
    SecureBytes copy = a;
    QVERIFY(copy.equals(a));
    SecureBytes moved = std::move(copy);
    QVERIFY(moved.equals(a));
    QVERIFY(copy.isEmpty()); // NOLINT(bugprone-use-after-move): moved-from is empty by contract
    SecureBytes other(QByteArray(data.size(), '\x01').constData(), std::size_t(data.size()));
    QCOMPARE(other.equals(a), data.isEmpty());
}

void TestSecureBytes::fromByteArrayWipesTheSource()
{
    QByteArray source("top secret");
    const SecureBytes kept = SecureBytes::fromByteArray(source, true);
    QCOMPARE(kept.exposeCopy(), QByteArray("top secret"));
    QVERIFY(source.isEmpty() || source.count('\0') == source.size());
    QByteArray visible("visible");
    const SecureBytes copied = SecureBytes::fromByteArray(visible, false);
    QCOMPARE(visible, QByteArray("visible"));
    QCOMPARE(copied.exposeCopy(), visible);
}

void TestSecureBytes::constantTimeEqualsCases_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << QByteArray("abc") << QByteArray("abc") << true;
    QTest::newRow("last byte") << QByteArray("abc") << QByteArray("abd") << false;
    QTest::newRow("prefix") << QByteArray("ab") << QByteArray("abc") << false;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
}

void TestSecureBytes::constantTimeEqualsCases()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(constantTimeEquals(a.constData(), std::size_t(a.size()), b.constData(),
                                std::size_t(b.size())),
             equal);
}

void TestSecureBytes::clearEmpties()
{
    SecureBytes bytes("abc", 3);
    bytes.clear();
    QVERIFY(bytes.isEmpty());
    QCOMPARE(bytes.exposeCopy(), QByteArray());
    QByteArray plain("wipe me");
    wipeByteArray(plain);
    QCOMPARE(plain.count('\0'), plain.size());
}

QTEST_GUILESS_MAIN(TestSecureBytes)
#include "tst_SecureBytes.moc"
