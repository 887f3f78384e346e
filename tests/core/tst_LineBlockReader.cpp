// The block reader both audits read through: blocks of whole lines, the unfinished line
// carried over, a line longer than a block skipped and reported, from a file or a pipe.
#include "PipeLikeDevice.h"
#include "audit/LineBlockReader.h"

#include <QBuffer>
#include <QTest>

#include <algorithm>
#include <cstring>

using namespace sessionlens;

class TestLineBlockReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blocksOfWholeLines_data();
    void blocksOfWholeLines();
    void wipedCarryGrows();
};

namespace {

// Every block, an overlong line as "<skipped>".
QStringList readAll(QIODevice &input, qsizetype blockBytes, LineBlockReader::Wipe wipe,
                    qint64 *bytesRead)
{
    LineBlockReader reader(input, blockBytes, wipe);
    QStringList blocks;
    QByteArray block;
    for (int guard = 0; !reader.atEnd() && guard < 100; ++guard) {
        const auto read = reader.next(block);
        if (!read)
            return {QStringLiteral("error")};
        blocks.append(read->overlongLine ? QStringLiteral("<skipped>")
                                         : QString::fromLatin1(block));
    }
    *bytesRead = reader.bytesRead();
    return blocks;
}

} // namespace

void TestLineBlockReader::blocksOfWholeLines_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("blocks");
    QTest::newRow("empty") << QByteArray() << QStringList{QString()};
    QTest::newRow("one short line, no end")
        << QByteArray("ab") << QStringList{QStringLiteral("ab")};
    QTest::newRow("cut at the last line end, the last block whole")
        << QByteArray("ab\ncd\nefgh\nij")
        << QStringList{QStringLiteral("ab\ncd\n"), QStringLiteral("efgh\nij")};
    QTest::newRow("ends exactly at a block")
        << QByteArray("abc\nefg\n")
        << QStringList{QStringLiteral("abc\nefg\n"), QStringLiteral("")};
    QTest::newRow("a line longer than a block is skipped to its end")
        << QByteArray("ab\ncdef\n0123456789abcdef\nxy")
        << QStringList{QStringLiteral("ab\ncdef\n"), QStringLiteral("<skipped>"),
                       QStringLiteral("xy")};
    QTest::newRow("an overlong last line without an end")
        << QByteArray("ab\n0123456789abcdefghij")
        << QStringList{QStringLiteral("ab\n"), QStringLiteral("<skipped>")};
}

void TestLineBlockReader::blocksOfWholeLines()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, blocks);
    for (const auto wipe : {LineBlockReader::Wipe::No, LineBlockReader::Wipe::Yes}) {
        QBuffer file(&input);
        QVERIFY(file.open(QIODevice::ReadOnly));
        qint64 bytes = -1;
        QCOMPARE(readAll(file, 8, wipe, &bytes), blocks);
        QCOMPARE(bytes, qint64(input.size()));
        test::PipeLikeDevice pipe(input, 3); // a few bytes a read
        QCOMPARE(readAll(pipe, 8, wipe, &bytes), blocks);
        QCOMPARE(bytes, qint64(input.size()));
    }
}

void TestLineBlockReader::wipedCarryGrows()
{
    // The carry grows from nothing to most of a block (reallocated under Wipe::Yes by hand):
    // its bytes must survive the move.
    QByteArray input = "a\n" + QByteArray(1000, 'x') + "\nb\n";
    QBuffer file(&input);
    QVERIFY(file.open(QIODevice::ReadOnly));
    qint64 bytes = -1;
    const QStringList blocks = readAll(file, 600, LineBlockReader::Wipe::Yes, &bytes);
    QCOMPARE(blocks.join(QString()), QString::fromLatin1(input));
}

QTEST_GUILESS_MAIN(TestLineBlockReader)
#include "tst_LineBlockReader.moc"
