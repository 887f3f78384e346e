// The nonce source of every sealed cookie: the sizes asked for, draws that never repeat, and
// bytes spread over all 256 values (a generator stuck on zeros or on a counter would fail).
#include "crypto/SecureRandom.h"

#include <QSet>
#include <QTest>

#include <array>

using namespace sessionlens;

class TestSecureRandom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sizes_data();
    void sizes();
    void drawsDoNotRepeat();
    void everyByteValueOccurs();
};

void TestSecureRandom::sizes_data()
{
    QTest::addColumn<int>("count");
    for (const int count : {0, 1, 16, 17, 4096, 1 << 20})
        QTest::newRow(qPrintable(QString::number(count))) << count;
}

void TestSecureRandom::sizes()
{
    QFETCH(int, count);
    const auto drawn = SecureRandom::bytes(count);
    QVERIFY(drawn.ok());
    QCOMPARE(drawn.value().size(), qsizetype(count));
}

void TestSecureRandom::drawsDoNotRepeat()
{
    // 10,000 nonces of 16 bytes: a repeat has probability about 2^-101 for a real generator.
    QSet<QByteArray> seen;
    for (int i = 0; i < 10000; ++i) {
        const auto nonce = SecureRandom::bytes(16);
        QVERIFY(nonce.ok());
        QVERIFY(!seen.contains(nonce.value()));
        seen.insert(nonce.value());
    }
    QCOMPARE(seen.size(), 10000);
}

void TestSecureRandom::everyByteValueOccurs()
{
    // 1 MiB: each value is expected 4096 times with a standard deviation of 64; the bounds are
    // more than 25 deviations away, so only a broken generator falls outside them.
    const auto drawn = SecureRandom::bytes(1 << 20);
    QVERIFY(drawn.ok());
    std::array<int, 256> counts{};
    for (const char c : drawn.value())
        ++counts[static_cast<unsigned char>(c)];
    for (int value = 0; value < 256; ++value) {
        QVERIFY2(
            counts[size_t(value)] > 2048 && counts[size_t(value)] < 6144,
            qPrintable(
                QStringLiteral("byte %1 occurs %2 times").arg(value).arg(counts[size_t(value)])));
    }
}

QTEST_GUILESS_MAIN(TestSecureRandom)
#include "tst_SecureRandom.moc"
