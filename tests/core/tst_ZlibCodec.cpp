#include "formats/ZlibCodec.h"

#include <QTest>

using namespace sessionlens;

class TestZlibCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void bombHitsLimitWithoutLargeBuffer();
    void exactlyAtLimitIsAccepted();
    void truncatedStream();
    void garbage();
    void trailingBytesAreReported();
};

void TestZlibCodec::roundTrip()
{
    const QByteArray text = QByteArray("{\"cart\": [1, 2, 3]}").repeated(300);
    const QByteArray packed = ZlibCodec::deflate(text);
    QVERIFY(packed.size() < text.size() / 10);
    // Same container and level as Python's zlib.compress: Qt's qCompress wraps the
    // same zlib stream behind a 4-byte length.
    QCOMPARE(packed, qCompress(text, 6).mid(4));
    auto inflated = ZlibCodec::inflate(packed);
    QVERIFY(inflated.ok());
    QCOMPARE(inflated->data, text);
    QCOMPARE(inflated->trailingBytes, 0);
}

void TestZlibCodec::bombHitsLimitWithoutLargeBuffer()
{
    // 64 MiB of zeros deflate to ~64 KiB; the limit stops it at 1 MiB.
    const QByteArray bomb = ZlibCodec::deflate(QByteArray(64 * 1024 * 1024, '\0'), 9);
    QVERIFY(bomb.size() < 100 * 1024);
    auto inflated = ZlibCodec::inflate(bomb, 1024 * 1024);
    QVERIFY(!inflated.ok());
    QCOMPARE(inflated.error().category, ErrorCategory::Limit);
    QVERIFY(inflated.error().message.contains(QStringLiteral("1048576")));
}

void TestZlibCodec::exactlyAtLimitIsAccepted()
{
    const QByteArray data(5000, 'x');
    auto inflated = ZlibCodec::inflate(ZlibCodec::deflate(data), 5000);
    QVERIFY(inflated.ok());
    QCOMPARE(inflated->data.size(), 5000);
    auto over = ZlibCodec::inflate(ZlibCodec::deflate(data), 4999);
    QVERIFY(!over.ok());
    QCOMPARE(over.error().category, ErrorCategory::Limit);
}

void TestZlibCodec::truncatedStream()
{
    const QByteArray packed = ZlibCodec::deflate(QByteArray("hello world ").repeated(100));
    auto inflated = ZlibCodec::inflate(packed.left(packed.size() - 3));
    QVERIFY(!inflated.ok());
    QCOMPARE(inflated.error().category, ErrorCategory::Decompression);
    QVERIFY(inflated.error().message.contains(QStringLiteral("truncated")));
}

void TestZlibCodec::garbage()
{
    auto inflated = ZlibCodec::inflate("definitely not zlib");
    QVERIFY(!inflated.ok());
    QCOMPARE(inflated.error().category, ErrorCategory::Decompression);
    auto empty = ZlibCodec::inflate({});
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().category, ErrorCategory::Decompression);
}

void TestZlibCodec::trailingBytesAreReported()
{
    auto inflated = ZlibCodec::inflate(ZlibCodec::deflate("abc") + "junk");
    QVERIFY(inflated.ok());
    QCOMPARE(inflated->data, QByteArray("abc"));
    QCOMPARE(inflated->trailingBytes, 4);
}

QTEST_GUILESS_MAIN(TestZlibCodec)
#include "tst_ZlibCodec.moc"
