// The encoding step against the well-formed UTF-8 table of the Unicode standard (Table 3-7),
// spelled out here byte by byte: every kind of bad sequence at every offset around the 8-byte
// ASCII fast path, seeded random byte strings, and the leading U+FEFF that must survive.
#include "json/Utf8Validator.h"

#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTest>

#include <memory>

#include <cstring>

using namespace sessionlens;

namespace {

// Length of the well-formed sequence at `i`, or 0 where the first bad byte is.
int wellFormedLength(QByteArrayView b, qsizetype i)
{
    const auto at = [&](qsizetype k) { return static_cast<unsigned char>(b[k]); };
    const unsigned char c = at(i);
    if (c <= 0x7f)
        return 1;
    int length = 0;
    unsigned char low = 0x80, high = 0xbf; // the second byte's range
    if (c >= 0xc2 && c <= 0xdf) {
        length = 2;
    } else if (c == 0xe0) {
        length = 3, low = 0xa0;
    } else if ((c >= 0xe1 && c <= 0xec) || c == 0xee || c == 0xef) {
        length = 3;
    } else if (c == 0xed) {
        length = 3, high = 0x9f; // no encoded surrogates
    } else if (c == 0xf0) {
        length = 4, low = 0x90;
    } else if (c >= 0xf1 && c <= 0xf3) {
        length = 4;
    } else if (c == 0xf4) {
        length = 4, high = 0x8f; // nothing past U+10FFFF
    } else {
        return 0;
    }
    if (i + length > b.size())
        return 0;
    if (at(i + 1) < low || at(i + 1) > high)
        return 0;
    for (int k = 2; k < length; ++k) {
        if (at(i + k) < 0x80 || at(i + k) > 0xbf)
            return 0;
    }
    return length;
}

qsizetype referenceFirstInvalid(QByteArrayView b)
{
    for (qsizetype i = 0; i < b.size();) {
        const int n = wellFormedLength(b, i);
        if (n == 0) {
            return i;
        }
        i += n;
    }
    return -1;
}

} // namespace

class TestUtf8Validator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyBadSequenceAtEveryOffset();
    void goodSequencesAtEveryOffset();
    void seededRandomBytes();
    void decodeKeepsALeadingByteOrderMark();
    void textsEndingOnABlockAreNotReadPast();
};

void TestUtf8Validator::everyBadSequenceAtEveryOffset()
{
    const QList<QByteArray> bad = {
        "\x80",             // a continuation byte alone
        "\xbf",             //
        "\xc0\xaf",         // overlong '/'
        "\xc1\xbf",         // overlong
        "\xe0\x80\xaf",     // overlong in three bytes
        "\xed\xa0\x80",     // an encoded surrogate (U+D800)
        "\xed\xbf\xbf",     // U+DFFF
        "\xf0\x80\x80\xaf", // overlong in four bytes
        "\xf4\x90\x80\x80", // U+110000
        "\xf5\x80\x80\x80", // no such lead byte
        "\xff",             //
        "\xc3",             // cut short at the end
        "\xe2\x82",         //
        "\xf0\x9f\x98",     //
        "\xc3\x28",         // a lead byte followed by ASCII
    };
    int cases = 0;
    for (const QByteArray &sequence : bad) {
        for (int before = 0; before <= 24; ++before) {
            for (int after = 0; after <= 9; ++after) {
                const QByteArray text = QByteArray(before, 'a') + sequence + QByteArray(after, 'b');
                const qsizetype expected = referenceFirstInvalid(text);
                QVERIFY(expected >= before);
                QCOMPARE(Utf8Validator::firstInvalid(text), expected);
                ++cases;
            }
        }
    }
    QCOMPARE(cases, 15 * 25 * 10);
}

void TestUtf8Validator::goodSequencesAtEveryOffset()
{
    const QList<QByteArray> good = {"\xc2\x80",         "\xdf\xbf",         "\xe0\xa0\x80",
                                    "\xed\x9f\xbf",     "\xee\x80\x80",     "\xef\xbf\xbf",
                                    "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "\xef\xbb\xbf"};
    for (const QByteArray &sequence : good) {
        for (int before = 0; before <= 17; ++before) {
            const QByteArray text = QByteArray(before, 'x') + sequence + QByteArray(before, 'y');
            QCOMPARE(Utf8Validator::firstInvalid(text), qsizetype(-1));
            // A decoder told to keep a leading U+FEFF, as Python does.
            QStringDecoder keepMark(QStringConverter::Utf8,
                                    QStringConverter::Flag::Stateless |
                                        QStringConverter::Flag::ConvertInitialBom);
            QCOMPARE(Utf8Validator::decode(text), QString(keepMark(text)));
        }
    }
}

void TestUtf8Validator::seededRandomBytes()
{
    QRandomGenerator random(20261203);
    int valid = 0, invalid = 0;
    for (int round = 0; round < 20000; ++round) {
        QByteArray text(int(random.bounded(40)), Qt::Uninitialized);
        for (char &c : text) {
            // Mostly ASCII, so that the fast path runs, with bytes of every kind in between.
            const quint32 r = random.bounded(100);
            c = char(r < 60 ? random.bounded(0x20, 0x7f) : random.bounded(0x80, 0x100));
        }
        const qsizetype expected = referenceFirstInvalid(text);
        QCOMPARE(Utf8Validator::firstInvalid(text), expected);
        (expected < 0 ? valid : invalid) += 1;
    }
    QVERIFY(valid > 1000);
    QVERIFY(invalid > 1000);
}

// Views over buffers with nothing after them (no terminating NUL, unlike QByteArray): under
// AddressSanitizer a read past the last byte fails the test. The fast paths take 16 and 8
// bytes at a time, so every size up to four blocks is tried, with and without a multi-byte
// character at the end.
void TestUtf8Validator::textsEndingOnABlockAreNotReadPast()
{
    for (qsizetype size = 1; size <= 64; ++size) {
        auto ascii = std::make_unique<char[]>(std::size_t(size));
        std::memset(ascii.get(), 'a', std::size_t(size));
        QCOMPARE(Utf8Validator::firstInvalid(QByteArrayView(ascii.get(), size)), -1);
        if (size < 2)
            continue;
        auto accented = std::make_unique<char[]>(std::size_t(size));
        std::memset(accented.get(), 'a', std::size_t(size));
        accented[std::size_t(size - 2)] = char(0xc3);
        accented[std::size_t(size - 1)] = char(0xa9);
        QCOMPARE(Utf8Validator::firstInvalid(QByteArrayView(accented.get(), size)), -1);
        accented[std::size_t(size - 1)] = 'a'; // a lead byte with no continuation
        QCOMPARE(Utf8Validator::firstInvalid(QByteArrayView(accented.get(), size)), size - 2);
    }
}

void TestUtf8Validator::decodeKeepsALeadingByteOrderMark()
{
    const QString decoded = Utf8Validator::decode("\xef\xbb\xbf t");
    QCOMPARE(decoded.size(), 3);
    QCOMPARE(decoded.at(0), QChar(0xfeff));
    QCOMPARE(decoded.mid(1), QStringLiteral(" t"));
}

QTEST_GUILESS_MAIN(TestUtf8Validator)
#include "tst_Utf8Validator.moc"
