// Paths as the window copies them and as the CLI's edit reads them: both directions, with the
// Python form's quotes and escapes, integer versus string keys, and the dotted short form.
#include "json/PythonJsonReader.h"
#include "json/PythonRepr.h"
#include "json/SessionPathText.h"

#include <QTest>

using namespace sessionlens;

namespace {

using Step = SessionPathText::Step;

Step key(const char *text)
{
    return {Step::Kind::Key, QString::fromUtf8(text), 0};
}

Step key(const QString &text)
{
    return {Step::Kind::Key, text, 0};
}

Step index(qint64 i)
{
    return {Step::Kind::Index, {}, i};
}

SessionValue tree(const char *json)
{
    return PythonJsonReader::read(QByteArray(json)).value();
}

} // namespace

class TestSessionPathText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesPythonForm_data();
    void parsesPythonForm();
    void parsesDottedForm_data();
    void parsesDottedForm();
    void rejectsBadSyntaxNamingTheCharacter_data();
    void rejectsBadSyntaxNamingTheCharacter();
    void copiedPathsReadBackToTheSameNode();
    void dottedRoundTripsEveryKey();
    void integerAndStringKeysDiffer();
    void resolveNamesTheStepThatLeadsNowhere();
    void prefixStopsAtTheValue();
    void isBounded();
};

void TestSessionPathText::parsesPythonForm_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<SessionPathText::Steps>("steps");
    QTest::newRow("root") << QByteArray("session") << SessionPathText::Steps{};
    QTest::newRow("issue") << QByteArray("session['cart'][0]['qty']")
                           << SessionPathText::Steps{key("cart"), index(0), key("qty")};
    QTest::newRow("double quotes")
        << QByteArray(R"(session["it's"])") << SessionPathText::Steps{key("it's")};
    QTest::newRow("escaped quote")
        << QByteArray(R"(session['it\'s'])") << SessionPathText::Steps{key("it's")};
    QTest::newRow("backslash") << QByteArray(R"(session['a\\b'])")
                               << SessionPathText::Steps{key("a\\b")};
    QTest::newRow("controls") << QByteArray(R"(session['\t\n\r\x00\x7f'])")
                              << SessionPathText::Steps{
                                     key(QStringLiteral("\t\n\r") + QChar(0) + QChar(0x7f))};
    QTest::newRow("unicode") << QByteArray(R"(session['\u00e9\U0001f600'])")
                             << SessionPathText::Steps{key(QStringLiteral("é😀"))};
    QTest::newRow("lone surrogate") << QByteArray(R"(session['\ud800'])")
                                    << SessionPathText::Steps{key(QString(QChar(0xd800)))};
    QTest::newRow("octal") << QByteArray(R"(session['\101\0'])")
                           << SessionPathText::Steps{key(QStringLiteral("A") + QChar(0))};
    QTest::newRow("brackets and dots in a key")
        << QByteArray("session['a.b][c']") << SessionPathText::Steps{key("a.b][c")};
    QTest::newRow("negative index")
        << QByteArray("session['cart'][-1]") << SessionPathText::Steps{key("cart"), index(-1)};
    QTest::newRow("spaces") << QByteArray("session[ 'a' ][ 2 ]")
                            << SessionPathText::Steps{key("a"), index(2)};
    QTest::newRow("empty key") << QByteArray("session['']") << SessionPathText::Steps{key("")};
}

void TestSessionPathText::parsesPythonForm()
{
    QFETCH(QByteArray, text);
    QFETCH(SessionPathText::Steps, steps);
    auto parsed = SessionPathText::parse(QString::fromUtf8(text));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed.value(), steps);
}

void TestSessionPathText::parsesDottedForm_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<SessionPathText::Steps>("steps");
    const auto either = [](const char *text, qint64 i) {
        return Step{Step::Kind::KeyOrIndex, QString::fromUtf8(text), i};
    };
    QTest::newRow("root") << QByteArray("") << SessionPathText::Steps{};
    QTest::newRow("issue") << QByteArray("cart.0.qty")
                           << SessionPathText::Steps{key("cart"), either("0", 0), key("qty")};
    QTest::newRow("escaped dot") << QByteArray(R"(a\.b.c)")
                                 << SessionPathText::Steps{key("a.b"), key("c")};
    QTest::newRow("escaped backslash")
        << QByteArray(R"(a\\.b)") << SessionPathText::Steps{key("a\\"), key("b")};
    QTest::newRow("escaped equals") << QByteArray(R"(a\=b)") << SessionPathText::Steps{key("a=b")};
    QTest::newRow("key named session")
        << QByteArray(R"(\session)") << SessionPathText::Steps{key("session")};
    QTest::newRow("session.x is dotted")
        << QByteArray("session.x") << SessionPathText::Steps{key("session"), key("x")};
    QTest::newRow("empty segment")
        << QByteArray("a..b") << SessionPathText::Steps{key("a"), key(""), key("b")};
    QTest::newRow("minus") << QByteArray("a.-1")
                           << SessionPathText::Steps{key("a"), either("-1", -1)};
    QTest::newRow("minus alone is a key") << QByteArray("-") << SessionPathText::Steps{key("-")};
}

void TestSessionPathText::parsesDottedForm()
{
    QFETCH(QByteArray, text);
    QFETCH(SessionPathText::Steps, steps);
    auto parsed = SessionPathText::parse(QString::fromUtf8(text));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed.value(), steps);
}

void TestSessionPathText::rejectsBadSyntaxNamingTheCharacter_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("position");
    QTest::newRow("unclosed quote") << QByteArray("session['cart") << 8;
    QTest::newRow("no bracket") << QByteArray("session['cart'") << 14;
    QTest::newRow("bare word") << QByteArray("session[cart]") << 8;
    QTest::newRow("unknown escape") << QByteArray(R"(session['\q'])") << 9;
    QTest::newRow("short hex") << QByteArray(R"(session['\x4'])") << 12;
    QTest::newRow("past unicode") << QByteArray(R"(session['\U00110000'])") << 9;
    QTest::newRow("trailing text") << QByteArray("session['a']x") << 12;
    QTest::newRow("lone backslash") << QByteArray(R"(a\)") << 1;
    QTest::newRow("float index") << QByteArray("session[1.5]") << 9;
}

void TestSessionPathText::rejectsBadSyntaxNamingTheCharacter()
{
    QFETCH(QByteArray, text);
    QFETCH(int, position);
    auto parsed = SessionPathText::parse(QString::fromUtf8(text));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().category, ErrorCategory::Format);
    QCOMPARE(parsed.error().position, qsizetype(position));
    QVERIFY2(parsed.error().message.contains(QString::number(position + 1)),
             qPrintable(parsed.error().message));
}

void TestSessionPathText::copiedPathsReadBackToTheSameNode()
{
    // Every node of a session with awkward keys: the copied path reads back to that node.
    const SessionValue root = tree(R"({"cart": [{"qty": 2}, [1, {"": 3}]], "it's": {"a\"b": 1},
        "a.b": {"0": [true]}, "\\": null, "\u00e9\ud800\n": "x", "session": 1, "=": 2})");
    int checked = 0;
    std::vector<const SessionValue *> stack{&root};
    while (!stack.empty()) {
        const SessionValue *node = stack.back();
        stack.pop_back();
        for (qsizetype i = 0; i < node->size(); ++i)
            stack.push_back(node->child(i));
        const QString copied = PythonRepr::path(node);
        const SessionPathText::Steps steps = SessionPathText::stepsOf(node);
        QCOMPARE(SessionPathText::python(steps), copied);
        for (const QString &text : {copied, SessionPathText::dotted(steps)}) {
            auto parsed = SessionPathText::parse(text);
            QVERIFY2(parsed.ok(), qPrintable(text));
            auto indices = SessionPathText::resolve(root, parsed.value());
            QVERIFY2(indices.ok(), qPrintable(text));
            const SessionValue *found = &root;
            for (const qsizetype index : indices.value())
                found = found->child(index);
            QVERIFY2(found == node, qPrintable(text));
        }
        ++checked;
    }
    QCOMPARE(checked, 17);
}

void TestSessionPathText::dottedRoundTripsEveryKey()
{
    const SessionPathText::Steps steps{key("a.b"), key("c\\d"), key("e=f"), index(3), key("")};
    const QString text = SessionPathText::dotted(steps);
    QCOMPARE(text, QStringLiteral(R"(a\.b.c\\d.e\=f.3.)"));
    auto parsed = SessionPathText::parse(text);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->size(), 5);
    QCOMPARE(parsed->at(0).key, QStringLiteral("a.b"));
    QCOMPARE(parsed->at(1).key, QStringLiteral("c\\d"));
    QCOMPARE(parsed->at(2).key, QStringLiteral("e=f"));
    QCOMPARE(parsed->at(3).index, 3);
    QCOMPARE(parsed->at(4).key, QString());
    // A top-level empty key has no dotted spelling ("" is the session): the Python form serves.
    QCOMPARE(SessionPathText::dotted({key("")}), QStringLiteral("session['']"));
    QCOMPARE(SessionPathText::dotted({key("session")}), QStringLiteral(R"(\session)"));
    QCOMPARE(SessionPathText::parse(QStringLiteral(R"(\session)"))->first().key,
             QStringLiteral("session"));
}

void TestSessionPathText::integerAndStringKeysDiffer()
{
    const SessionValue root = tree(R"({"7": "seven", "list": ["a", "b"]})");
    // As in Python: session[7] is no key of a dict, session['7'] is.
    auto asIndex = SessionPathText::resolve(root, SessionPathText::parse(u"session[7]").value());
    QVERIFY(!asIndex.ok());
    QCOMPARE(asIndex.error().category, ErrorCategory::Json);
    QVERIFY2(asIndex.error().message.contains(QStringLiteral("['7']")),
             qPrintable(asIndex.error().message));
    QCOMPARE(
        SessionPathText::resolve(root, SessionPathText::parse(u"session['7']").value()).value(),
        QList<qsizetype>{0});
    // The dotted form means the key in a dict and the index in a list.
    QCOMPARE(SessionPathText::resolve(root, SessionPathText::parse(u"7").value()).value(),
             QList<qsizetype>{0});
    QCOMPARE(SessionPathText::resolve(root, SessionPathText::parse(u"list.1").value()).value(),
             (QList<qsizetype>{1, 1}));
    auto keyOfList =
        SessionPathText::resolve(root, SessionPathText::parse(u"session['list']['1']").value());
    QVERIFY(!keyOfList.ok());
    QCOMPARE(SessionPathText::resolve(root, SessionPathText::parse(u"session['list'][-1]").value())
                 .value(),
             (QList<qsizetype>{1, 1}));
}

void TestSessionPathText::resolveNamesTheStepThatLeadsNowhere()
{
    const SessionValue root = tree(R"({"cart": [{"qty": 2}], "n": 1})");
    const auto message = [&root](const char16_t *text) {
        auto resolved = SessionPathText::resolve(root, SessionPathText::parse(text).value());
        return resolved.ok() ? QString() : resolved.error().message;
    };
    QCOMPARE(message(u"cart.5.qty"), QStringLiteral("session['cart'] has no item 5 (it holds 1)"));
    QCOMPARE(message(u"cart.0.price"), QStringLiteral("session['cart'][0] has no key 'price'"));
    QCOMPARE(message(u"n.x"), QStringLiteral("session['n'] is a int, not a dict or list"));
    QCOMPARE(message(u"missing"), QStringLiteral("session has no key 'missing'"));
}

void TestSessionPathText::prefixStopsAtTheValue()
{
    auto python = SessionPathText::parsePrefix(u"session['a=b']=[1]");
    QVERIFY(python.ok());
    QCOMPARE(python->end, 14);
    QCOMPARE(python->steps.first().key, QStringLiteral("a=b"));
    auto dotted = SessionPathText::parsePrefix(u"cart.0=5");
    QVERIFY(dotted.ok());
    QCOMPARE(dotted->end, 6);
    auto root = SessionPathText::parsePrefix(u"={}");
    QVERIFY(root.ok());
    QCOMPARE(root->end, 0);
    QVERIFY(root->steps.isEmpty());
}

void TestSessionPathText::isBounded()
{
    QString deep = QStringLiteral("session");
    for (int i = 0; i <= SessionPathText::kMaxSteps; ++i)
        deep += QStringLiteral("[0]");
    auto parsed = SessionPathText::parse(deep);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().category, ErrorCategory::Limit);
    QString dots = QStringLiteral("a");
    for (int i = 0; i <= SessionPathText::kMaxSteps; ++i)
        dots += QStringLiteral(".a");
    QCOMPARE(SessionPathText::parse(dots).error().category, ErrorCategory::Limit);
    const QString huge(SessionPathText::kMaxChars + 1, u'a');
    QCOMPARE(SessionPathText::parse(huge).error().category, ErrorCategory::Limit);
}

QTEST_GUILESS_MAIN(TestSessionPathText)
#include "tst_SessionPathText.moc"
