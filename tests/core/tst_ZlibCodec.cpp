#include "formats/ZlibCodec.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
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
    void limitBoundaryPastTheFirstBuffer();
    void truncatedAtEveryLength();
    void headerVerdictsAreZlibs();
    void mutatedStreamsGetZlibsVerdicts();
};

namespace {

// The verdict of one inflate: what a caller can see of it.
QString verdict(const Result<ZlibCodec::Inflated> &r)
{
    if (r.ok())
        return QStringLiteral("ok %1 bytes, %2 trailing, %3")
            .arg(r->data.size())
            .arg(r->trailingBytes)
            .arg(QString::fromLatin1(
                QCryptographicHash::hash(r->data, QCryptographicHash::Sha1).toHex()));
    return QStringLiteral("error %1: %2 at %3")
        .arg(Error::categoryName(r.error().category), r.error().message)
        .arg(r.error().position);
}

// Session-like text: some repetition, some noise, as cookies compress.
QByteArray sessionText(QRandomGenerator &random, int items)
{
    QByteArray text = "{\"_user_id\": \"" + QByteArray::number(random.bounded(100000)) + "\"";
    for (int i = 0; i < items; ++i)
        text += ", \"item" + QByteArray::number(i) + "\": {\"sku\": \"SKU-" +
                QByteArray::number(random.bounded(99999)) +
                "\", \"qty\": " + QByteArray::number(random.bounded(5)) + "}";
    return text + "}";
}

} // namespace

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

void TestZlibCodec::limitBoundaryPastTheFirstBuffer()
{
    // Larger than the fast path's first buffer, so the limit is met after it has grown.
    const QByteArray text = QByteArray("0123456789abcdef").repeated(20000); // 320,000 bytes
    const QByteArray packed = ZlibCodec::deflate(text);
    auto exact = ZlibCodec::inflate(packed, text.size());
    QVERIFY(exact.ok());
    QCOMPARE(exact->data, text);
    auto over = ZlibCodec::inflate(packed, text.size() - 1);
    QVERIFY(!over.ok());
    QCOMPARE(over.error().category, ErrorCategory::Limit);
    QCOMPARE(over.error().message, QStringLiteral("inflates to more than 319999 bytes"));
    QCOMPARE(verdict(over), verdict(ZlibCodec::inflateWithZlib(packed, text.size() - 1)));
    // At the limit with bytes after the stream: accepted, and the bytes counted, as zlib does.
    auto trailing = ZlibCodec::inflate(packed + "xyz", text.size());
    QVERIFY(trailing.ok());
    QCOMPARE(trailing->trailingBytes, 3);
    QCOMPARE(verdict(trailing), verdict(ZlibCodec::inflateWithZlib(packed + "xyz", text.size())));
    // The default limit stops a bomb too.
    const QByteArray bomb =
        ZlibCodec::deflate(QByteArray(int(ZlibCodec::kDefaultMaxInflatedSize) + 1, 'a'), 9);
    auto exploded = ZlibCodec::inflate(bomb);
    QVERIFY(!exploded.ok());
    QCOMPARE(exploded.error().category, ErrorCategory::Limit);
    auto fits = ZlibCodec::inflate(bomb.first(bomb.size()), ZlibCodec::kDefaultMaxInflatedSize + 1);
    QVERIFY(fits.ok());
    QCOMPARE(fits->data.size(), ZlibCodec::kDefaultMaxInflatedSize + 1);
}

void TestZlibCodec::truncatedAtEveryLength()
{
    QRandomGenerator random(7);
    const QByteArray packed = ZlibCodec::deflate(sessionText(random, 40));
    int truncated = 0;
    for (qsizetype length = 0; length < packed.size(); ++length) {
        const QByteArray cut = packed.first(length);
        auto fast = ZlibCodec::inflate(cut);
        QVERIFY2(!fast.ok(), qPrintable(QString::number(length)));
        QCOMPARE(verdict(fast), verdict(ZlibCodec::inflateWithZlib(cut)));
        truncated += fast.error().message == QLatin1String("incomplete or truncated stream");
    }
    // zlib calls every cut of a stream truncated, even one inside the header.
    QCOMPARE(truncated, packed.size());
}

void TestZlibCodec::headerVerdictsAreZlibs()
{
    const QByteArray body = ZlibCodec::deflate("{\"a\": 1}").mid(2);
    const QList<QByteArray> headers = {
        QByteArray::fromHex("789c"),  // the usual one
        QByteArray::fromHex("7801"),  // level 0 flags
        QByteArray::fromHex("08 1d"), // window of 256 bytes
        QByteArray::fromHex("789d"),  // check bits wrong
        QByteArray::fromHex("79 9b"), // method 9
        QByteArray::fromHex("88 98"), // window too large
        QByteArray::fromHex("78bb"),  // preset dictionary asked for
    };
    for (const QByteArray &header : headers) {
        const QByteArray stream = header + body;
        QCOMPARE(verdict(ZlibCodec::inflate(stream)), verdict(ZlibCodec::inflateWithZlib(stream)));
    }
    QVERIFY(ZlibCodec::inflate(headers[0] + body).ok());
    QVERIFY(!ZlibCodec::inflate(headers[3] + body).ok());
    // A stored block (level 0), and its length check broken.
    const QByteArray stored = ZlibCodec::deflate("stored as it is", 0);
    QCOMPARE(ZlibCodec::inflate(stored)->data, QByteArray("stored as it is"));
    QByteArray broken = stored;
    broken[5] = char(broken[5] ^ 0x01);
    QCOMPARE(verdict(ZlibCodec::inflate(broken)), verdict(ZlibCodec::inflateWithZlib(broken)));
    QVERIFY(!ZlibCodec::inflate(broken).ok());
}

void TestZlibCodec::mutatedStreamsGetZlibsVerdicts()
{
    // A differential check: flipped bits, changed, cut and added bytes, each through both paths.
    QRandomGenerator random(20261203);
    int accepted = 0;
    int refused = 0;
    constexpr int kCases = 6000;
    for (int i = 0; i < kCases; ++i) {
        QByteArray stream = ZlibCodec::deflate(sessionText(random, int(random.bounded(60))),
                                               int(random.bounded(10)));
        switch (random.bounded(4)) {
        case 0: {
            const qsizetype at = random.bounded(stream.size());
            stream[at] = char(stream[at] ^ (1 << random.bounded(8)));
            break;
        }
        case 1:
            stream[random.bounded(stream.size())] = char(random.bounded(256));
            break;
        case 2:
            stream.chop(random.bounded(stream.size()));
            break;
        default:
            stream.append(QByteArray(int(random.bounded(8)), char(random.bounded(256))));
            break;
        }
        const qsizetype limit =
            random.bounded(4) == 0 ? random.bounded(2000) + 1 : ZlibCodec::kDefaultMaxInflatedSize;
        const auto fast = ZlibCodec::inflate(stream, limit);
        QCOMPARE(verdict(fast), verdict(ZlibCodec::inflateWithZlib(stream, limit)));
        (fast.ok() ? accepted : refused) += 1;
    }
    QCOMPARE(accepted + refused, kCases);
    QVERIFY(accepted > kCases / 5);
    QVERIFY(refused > kCases / 5);
}

QTEST_GUILESS_MAIN(TestZlibCodec)
#include "tst_ZlibCodec.moc"
