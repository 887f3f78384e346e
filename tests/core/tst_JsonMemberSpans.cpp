#include "json/JsonMemberSpans.h"

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>
#include <QTest>

#include <cstring>
#include <memory>
#include <utility>

using namespace sessionlens;

class TestJsonMemberSpans : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownSpans();
    void generatedObjectsInExactBuffers();
};

namespace {

QList<std::pair<QByteArray, qsizetype>> spansOf(QByteArrayView json)
{
    QList<std::pair<QByteArray, qsizetype>> spans;
    JsonMemberSpans::forEach(json, [&](QByteArrayView key, qsizetype bytes) {
        spans.append({key.toByteArray(), bytes});
    });
    return spans;
}

// A random JSON value whose text is built here, so the span of a member holding it is known
// without the code under test: strings with brackets, escaped quotes and backslashes inside,
// nested containers long enough to be skipped in 16-byte blocks.
QByteArray randomValue(QRandomGenerator &random, int depth)
{
    static const char *const scalars[] = {"1",
                                          "-2.5e3",
                                          "null",
                                          "true",
                                          "NaN",
                                          "\"s\"",
                                          "\"a]}\"",
                                          "\"\\\"\"",
                                          "\"\\\\\"",
                                          "\"x\\\\\\\"{[y\"",
                                          "\""
                                          "\xc3\xa9"
                                          "\"",
                                          "\"\""};
    const int kind = depth > 3 ? 0 : int(random.bounded(3));
    if (kind == 0)
        return scalars[random.bounded(int(std::size(scalars)))];
    const bool object = kind == 2;
    QByteArray text = object ? "{" : "[";
    const int n = int(random.bounded(6));
    for (int i = 0; i < n; ++i) {
        if (i > 0)
            text += random.bounded(2) ? ", " : ",";
        if (object)
            text += "\"k" + QByteArray::number(i) + "\": ";
        text += randomValue(random, depth + 1);
    }
    return text + (object ? "}" : "]");
}

} // namespace

void TestJsonMemberSpans::knownSpans()
{
    const auto spans = spansOf(R"({"a": 1, "cart": [{"sku": "x]"}, [2]], "q\"k": "v", "e": {}})");
    QCOMPARE(spans.size(), 4);
    QCOMPARE(spans[0], (std::pair<QByteArray, qsizetype>{"a", 6}));
    QCOMPARE(spans[1], (std::pair<QByteArray, qsizetype>{"cart", 28}));
    QCOMPARE(spans[2], (std::pair<QByteArray, qsizetype>{"q\\\"k", 11}));
    QCOMPARE(spans[3], (std::pair<QByteArray, qsizetype>{"e", 7}));
}

// Containers are skipped a block at a time: objects of every size, each viewed in a heap
// buffer with nothing after it (a sanitizer sees a read past the end), against the spans
// known from building them.
void TestJsonMemberSpans::generatedObjectsInExactBuffers()
{
    QRandomGenerator random(2212);
    int members = 0;
    for (int i = 0; i < 5000; ++i) {
        QByteArray text = "{";
        QList<std::pair<QByteArray, qsizetype>> expected;
        const int n = 1 + int(random.bounded(5));
        for (int m = 0; m < n; ++m) {
            if (m > 0)
                text += ", ";
            const QByteArray key = "key" + QByteArray::number(m);
            const QByteArray member = "\"" + key + "\": " + randomValue(random, 1);
            expected.append({key, member.size()});
            text += member;
        }
        text += "}";
        auto exact = std::make_unique<char[]>(std::size_t(text.size()));
        std::memcpy(exact.get(), text.constData(), std::size_t(text.size()));
        QCOMPARE(spansOf(QByteArrayView(exact.get(), text.size())), expected);
        members += n;
    }
    QVERIFY(members > 10000);
}

QTEST_GUILESS_MAIN(TestJsonMemberSpans)
#include "tst_JsonMemberSpans.moc"
