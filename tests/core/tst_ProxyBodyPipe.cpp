// The proxy's upload pipe on its own: a stream that arrives in pieces leaves in order and
// whole, whatever the sizes of the writes and the reads; it ends only when finished and
// read out; it refuses QIODevice::write; and it says drained() exactly when the reader takes
// it from at least half of kHighWater to below it, the writer's signal to go on.
// (The proxy's own limits, a chunked body over kMaxRequestBody answered 413 and a slow
// upstream held back, are tested end to end in tst_capture and tst_proxysecurity.)

#include "capture/ProxyBodyPipe.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace sessionlens;

class TestProxyBodyPipe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyPipeWaitsForData();
    void piecesLeaveInOrder();
    void endsOnlyWhenFinishedAndReadOut();
    void writeIsRefused();
    void drainedAtHalfTheHighWater();
    void randomPiecesStayWhole();
};

void TestProxyBodyPipe::emptyPipeWaitsForData()
{
    ProxyBodyPipe pipe;
    QVERIFY(pipe.isOpen());
    QVERIFY(pipe.isReadable());
    QVERIFY(pipe.isSequential());
    QCOMPARE(pipe.bytesAvailable(), qint64(0));
    QVERIFY(!pipe.atEnd()); // nothing yet, but more may come
    char byte = 0;
    QCOMPARE(pipe.read(&byte, 1), qint64(0)); // no data now: not an error, not the end
    QSignalSpy ready(&pipe, &QIODevice::readyRead);
    pipe.append({});
    QCOMPARE(ready.count(), 0); // an empty piece is no news
}

void TestProxyBodyPipe::piecesLeaveInOrder()
{
    ProxyBodyPipe pipe;
    QSignalSpy ready(&pipe, &QIODevice::readyRead);
    pipe.append("abc");
    pipe.append("defg");
    QCOMPARE(ready.count(), 2);
    QCOMPARE(pipe.buffered(), qsizetype(7));
    QCOMPARE(pipe.bytesAvailable(), qint64(7));
    QCOMPARE(pipe.read(2), QByteArray("ab"));
    // QIODevice may have taken more than asked into its own buffer: still counted.
    QCOMPARE(pipe.bytesAvailable(), qint64(5));
    pipe.append("h");
    QCOMPARE(pipe.bytesAvailable(), qint64(6));
    QCOMPARE(pipe.readAll(), QByteArray("cdefgh"));
    QCOMPARE(pipe.bytesAvailable(), qint64(0));
    QVERIFY(!pipe.atEnd());
}

void TestProxyBodyPipe::endsOnlyWhenFinishedAndReadOut()
{
    ProxyBodyPipe pipe;
    QSignalSpy finished(&pipe, &QIODevice::readChannelFinished);
    QSignalSpy ready(&pipe, &QIODevice::readyRead);
    pipe.append("tail");
    pipe.finish();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(ready.count(), 2); // the reader hears of the end even with nothing new
    QVERIFY(!pipe.atEnd());     // four bytes still to read
    QCOMPARE(pipe.read(3), QByteArray("tai"));
    QVERIFY(!pipe.atEnd());
    QCOMPARE(pipe.read(10), QByteArray("l"));
    QVERIFY(pipe.atEnd());
    char byte = 0;
    QCOMPARE(pipe.read(&byte, 1), qint64(-1)); // finished and empty: the end
}

void TestProxyBodyPipe::writeIsRefused()
{
    ProxyBodyPipe pipe;
    // Bytes come through append() only: a write through QIODevice must not look taken.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ReadOnly device")));
    QCOMPARE(pipe.write("x"), qint64(-1));
    QCOMPARE(pipe.bytesAvailable(), qint64(0));
}

void TestProxyBodyPipe::drainedAtHalfTheHighWater()
{
    constexpr qsizetype kHalf = ProxyBodyPipe::kHighWater / 2;
    // Reads larger than QIODevice's own buffer go straight to the pipe, so buffered() is
    // exactly what the reader left.
    constexpr qint64 kStep = 64 * 1024;
    ProxyBodyPipe pipe;
    QSignalSpy drained(&pipe, &ProxyBodyPipe::drained);
    const QByteArray piece(kStep, 'p');
    while (pipe.buffered() < ProxyBodyPipe::kHighWater)
        pipe.append(piece);
    QCOMPARE(pipe.buffered(), ProxyBodyPipe::kHighWater); // the writer would stop here
    QCOMPARE(drained.count(), 0);

    // Down to exactly half: still the writer waits.
    while (pipe.buffered() > kHalf)
        QCOMPARE(pipe.read(kStep).size(), kStep);
    QCOMPARE(pipe.buffered(), kHalf);
    QCOMPARE(drained.count(), 0);
    // One byte below half: now.
    QCOMPARE(pipe.read(1).size(), 1);
    QCOMPARE(drained.count(), 1);
    // Further reads below half say nothing new.
    (void)pipe.read(kStep);
    QCOMPARE(drained.count(), 1);

    // Filled past half again and drained again: one more signal.
    (void)pipe.readAll();
    while (pipe.buffered() < kHalf + kStep)
        pipe.append(piece);
    while (pipe.bytesAvailable() > 0)
        (void)pipe.read(kStep);
    QCOMPARE(drained.count(), 2);
    // A pipe that never reached half never says it drained.
    ProxyBodyPipe small;
    QSignalSpy smallDrained(&small, &ProxyBodyPipe::drained);
    small.append(QByteArray(kHalf - 1, 's'));
    (void)small.readAll();
    QCOMPARE(smallDrained.count(), 0);
}

void TestProxyBodyPipe::randomPiecesStayWhole()
{
    // 3 MiB in pieces of 1 byte to 200 KiB, read in pieces of 1 byte to 300 KiB, the writer
    // pausing at the high-water mark as ProxyConnection does.
    QRandomGenerator random(20);
    QByteArray sent;
    sent.resize(3 * 1024 * 1024);
    for (char &c : sent)
        c = char(random.bounded(256));
    ProxyBodyPipe pipe;
    QByteArray received;
    qsizetype written = 0;
    while (received.size() < sent.size()) {
        if (written < sent.size() && pipe.buffered() < ProxyBodyPipe::kHighWater) {
            const qsizetype n =
                std::min<qsizetype>(1 + random.bounded(200 * 1024), sent.size() - written);
            pipe.append(QByteArrayView(sent).sliced(written, n));
            written += n;
            if (written == sent.size())
                pipe.finish();
        }
        QVERIFY(pipe.buffered() < ProxyBodyPipe::kHighWater + 200 * 1024);
        received += pipe.read(1 + random.bounded(300 * 1024));
    }
    QVERIFY(pipe.atEnd());
    QCOMPARE(received.size(), sent.size());
    QVERIFY(received == sent);
}

QTEST_GUILESS_MAIN(TestProxyBodyPipe)
#include "tst_ProxyBodyPipe.moc"
