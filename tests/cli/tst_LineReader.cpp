// LineReader, the CLI's block reader for --lines, in process: lines cut at every place a
// block can end, over-long lines skipped with a word, and the reads it makes counted.
#include "LineReader.h"
#include "PipeLikeDevice.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

using namespace sessionlens::cli;

namespace {

struct Read
{
    QList<QByteArray> lines; ///< "<too long>" for a skipped line
    LineReader::Status last = LineReader::Status::End;
};

Read readAll(LineReader &reader)
{
    Read read;
    while (true) {
        const LineReader::Next next = reader.next();
        if (next.status == LineReader::Status::Line)
            read.lines.append(next.line.toByteArray());
        else if (next.status == LineReader::Status::TooLong)
            read.lines.append("<too long>");
        else {
            read.last = next.status;
            return read;
        }
    }
}

} // namespace

class TestLineReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linesAcrossBlocks();
    void longLinesAreSkippedWithAWord();
    void lastLineWithoutLineEnd();
    void manyLinesFewReads();
};

void TestLineReader::linesAcrossBlocks()
{
    // Lines of every length up to the limit, so that block ends fall everywhere in a line.
    QRandomGenerator random(42);
    QByteArray text;
    QList<QByteArray> expected;
    constexpr qsizetype kLimit = 5000;
    while (text.size() < 3 * LineReader::kBlockBytes) {
        QByteArray line(qsizetype(random.bounded(int(kLimit + 1))), 'a');
        line[0] = char('a' + expected.size() % 26);
        expected.append(line);
        text += line + '\n';
    }
    for (const qsizetype chunk : {qsizetype(1) << 30, qsizetype(65536), qsizetype(4093)}) {
        sessionlens::test::PipeLikeDevice device(text, chunk);
        LineReader reader(device, kLimit);
        const Read read = readAll(reader);
        QCOMPARE(read.last, LineReader::Status::End);
        QCOMPARE(read.lines.size(), expected.size());
        QVERIFY(read.lines == expected);
    }
}

void TestLineReader::longLinesAreSkippedWithAWord()
{
    constexpr qsizetype kLimit = 100;
    const QByteArray atLimit(kLimit, 'x');
    const QByteArray over(kLimit + 1, 'y');
    const QByteArray huge(3 * LineReader::kBlockBytes + 17, 'z'); // spans several blocks
    QByteArray text = atLimit + '\n' + over + '\n' + "ok\n" + huge + '\n' + "\n" + "after\n" + over;
    sessionlens::test::PipeLikeDevice device(text, 70000);
    LineReader reader(device, kLimit);
    const Read read = readAll(reader);
    QCOMPARE(read.last, LineReader::Status::End);
    const QList<QByteArray> expected = {atLimit, "<too long>", "ok",        "<too long>",
                                        "",      "after",      "<too long>"};
    QCOMPARE(read.lines, expected);
}

void TestLineReader::lastLineWithoutLineEnd()
{
    QByteArray text = "one\r\ntwo";
    QBuffer buffer(&text);
    buffer.open(QIODevice::ReadOnly);
    LineReader reader(buffer, 10);
    const Read read = readAll(reader);
    QCOMPARE(read.lines, (QList<QByteArray>{"one\r", "two"}));
    QBuffer empty;
    empty.open(QIODevice::ReadOnly);
    LineReader nothing(empty, 10);
    QCOMPARE(readAll(nothing).lines.size(), 0);
}

void TestLineReader::manyLinesFewReads()
{
    // 100,000 cookie-sized lines from a device that answers as a pipe does (64 KiB at most).
    constexpr int kLines = 100'000;
    QByteArray text;
    for (int i = 0; i < kLines; ++i)
        text += "z." + QByteArray(200, char('A' + i % 26)) + '.' + QByteArray::number(i) + '\n';
    sessionlens::test::PipeLikeDevice device(text, 65536);
    LineReader reader(device, 1024 * 1024);
    const Read read = readAll(reader);
    QCOMPARE(read.lines.size(), kLines);
    QVERIFY(read.lines.last().endsWith(".99999"));
    // One read per 64 KiB the device hands over, plus the one that sees the end.
    const qint64 expectedReads = (text.size() + 65535) / 65536 + 1;
    QCOMPARE(device.reads(), expectedReads);
    QCOMPARE(reader.reads(), expectedReads);
    QVERIFY(device.reads() < kLines / 100);
}

QTEST_GUILESS_MAIN(TestLineReader)
#include "tst_LineReader.moc"
