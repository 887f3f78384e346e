// The edits a script gives (`sessionlens-cli edit --set/--delete/--rename`), applied to a
// document through the core: values read in the format's dialect, errors that name the step.
#include "document/SessionEdit.h"
#include "formats/FormatRegistry.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonWriter.h"

#include <QTest>

using namespace sessionlens;

namespace {

const CookieFormat &format(const char *id)
{
    return *FormatRegistry::builtIn().find(QString::fromLatin1(id));
}

SessionDocument document(const char *json)
{
    SessionDocument doc;
    doc.reset(PythonJsonReader::read(QByteArray(json)).value());
    return doc;
}

QByteArray text(const SessionDocument &doc)
{
    return PythonJsonWriter::write(doc.root());
}

// Applies `edit` (already parsed) and returns the error message, or empty.
QString apply(SessionDocument &doc, const Result<SessionEdit> &edit)
{
    if (!edit)
        return QStringLiteral("parse: ") + edit.error().message;
    auto applied = edit->applyTo(doc);
    return applied ? QString() : applied.error().message;
}

} // namespace

class TestSessionEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setReplacesKeepingThePlace();
    void setAddsNewKeysAndItemsAtTheEnd();
    void setReplacesTheWholeSessionOnlyWithADict();
    void valuesKeepTheirTypesInTheDialect();
    void deleteAndRename();
    void failuresNameTheStepAndChangeNothing_data();
    void failuresNameTheStepAndChangeNothing();
    void badValuesAreTheReadersErrors();
    void nestingIsBoundedAsInTheWindow();
};

void TestSessionEdit::setReplacesKeepingThePlace()
{
    SessionDocument doc = document(R"({"user": "ada", "cart": [{"qty": 1}], "n": 1})");
    const CookieFormat &encrypted = format("encrypted");
    QCOMPARE(apply(doc, SessionEdit::set(u"session['cart'][0]['qty']=5", encrypted)), QString());
    QCOMPARE(apply(doc, SessionEdit::set(u"user=\"grace\"", encrypted)), QString());
    QCOMPARE(apply(doc, SessionEdit::set(u"cart.-1={\"id\": 7}", encrypted)), QString());
    QCOMPARE(text(doc), QByteArray(R"({"user": "grace", "cart": [{"id": 7}], "n": 1})"));
}

void TestSessionEdit::setAddsNewKeysAndItemsAtTheEnd()
{
    SessionDocument doc = document(R"({"cart": [1]})");
    const CookieFormat &encrypted = format("encrypted");
    QCOMPARE(apply(doc, SessionEdit::set(u"role=\"admin\"", encrypted)), QString());
    QCOMPARE(apply(doc, SessionEdit::set(u"cart.1=2", encrypted)), QString());
    QCOMPARE(apply(doc, SessionEdit::set(u"session['a.b']=[]", encrypted)), QString());
    QCOMPARE(apply(doc, SessionEdit::set(u"a\\.b.0=true", encrypted)), QString());
    QCOMPARE(text(doc), QByteArray(R"({"cart": [1, 2], "role": "admin", "a.b": [true]})"));
    // Past the end by more than one is no item to add.
    QCOMPARE(apply(doc, SessionEdit::set(u"cart.5=0", encrypted)),
             QStringLiteral("session['cart'] has no item 5 (it holds 2)"));
}

void TestSessionEdit::setReplacesTheWholeSessionOnlyWithADict()
{
    SessionDocument doc = document(R"({"a": 1})");
    const CookieFormat &encrypted = format("encrypted");
    QCOMPARE(apply(doc, SessionEdit::set(u"session={\"b\": 2}", encrypted)), QString());
    QCOMPARE(text(doc), QByteArray(R"({"b": 2})"));
    QCOMPARE(apply(doc, SessionEdit::set(u"=[]", encrypted)).isEmpty(), false);
    QCOMPARE(text(doc), QByteArray(R"({"b": 2})"));
}

void TestSessionEdit::valuesKeepTheirTypesInTheDialect()
{
    SessionDocument doc = document(R"({})");
    const CookieFormat &encrypted = format("encrypted");
    QCOMPARE(apply(doc, SessionEdit::set(u"big=123456789012345678901234567890", encrypted)),
             QString());
    QCOMPARE(apply(doc, SessionEdit::set(u"nan=NaN", encrypted)), QString());
    QCOMPARE(
        apply(doc, SessionEdit::set(u"raw={\"__type__\": \"bytes\", \"b\": \"AAE=\"}", encrypted)),
        QString());
    QCOMPARE(doc.root().value(QStringLiteral("big"))->integerText(),
             QByteArray("123456789012345678901234567890"));
    QVERIFY(qIsNaN(doc.root().value(QStringLiteral("nan"))->floatValue()));
    QCOMPARE(doc.root().value(QStringLiteral("raw"))->type(), SessionValue::Type::Bytes);
    QCOMPARE(doc.root().value(QStringLiteral("raw"))->bytesValue(), QByteArray("\x00\x01", 2));

    // Flask's tags in the signed format's dialect; the same text is a plain dict in the other.
    const CookieFormat &signedFormat = format("signed");
    QCOMPARE(apply(doc, SessionEdit::set(u"t={\" t\": [1, 2]}", signedFormat)), QString());
    QCOMPARE(apply(doc, SessionEdit::set(u"u={\" u\": \"0123456789abcdef0123456789abcdef\"}",
                                         signedFormat)),
             QString());
    QCOMPARE(doc.root().value(QStringLiteral("t"))->type(), SessionValue::Type::Tuple);
    QCOMPARE(doc.root().value(QStringLiteral("u"))->type(), SessionValue::Type::Uuid);
    QCOMPARE(apply(doc, SessionEdit::set(u"t={\" t\": [1, 2]}", encrypted)), QString());
    QCOMPARE(doc.root().value(QStringLiteral("t"))->type(), SessionValue::Type::Dict);
}

void TestSessionEdit::deleteAndRename()
{
    SessionDocument doc = document(R"({"a": 1, "b": [1, 2, 3], "c": {"d": 4}})");
    QCOMPARE(apply(doc, SessionEdit::remove(u"b.1")), QString());
    QCOMPARE(apply(doc, SessionEdit::remove(u"session['a']")), QString());
    QCOMPARE(apply(doc, SessionEdit::rename(u"c.d=e.f")), QString());
    QCOMPARE(apply(doc, SessionEdit::rename(u"session['c']=x=y")), QString());
    QCOMPARE(text(doc), QByteArray(R"({"b": [1, 3], "x=y": {"e.f": 4}})"));
    // Renaming to its own name changes nothing and is no error.
    QCOMPARE(apply(doc, SessionEdit::rename(u"b=b")), QString());
}

void TestSessionEdit::failuresNameTheStepAndChangeNothing_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("edit");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("delete missing")
        << 1 << QByteArray("cart.9") << QByteArray("session['cart'] has no item 9 (it holds 1)");
    QTest::newRow("delete root") << 1 << QByteArray("session")
                                 << QByteArray("the session itself cannot be deleted");
    QTest::newRow("delete in a scalar")
        << 1 << QByteArray("n.x") << QByteArray("session['n'] is a int, not a dict or list");
    QTest::newRow("rename onto existing")
        << 2 << QByteArray("n=cart")
        << QByteArray("session['n'] cannot be renamed to 'cart': session['cart'] exists");
    QTest::newRow("rename an item")
        << 2 << QByteArray("cart.0=x")
        << QByteArray("session['cart'][0] is an item of a list, not a key: it cannot be renamed");
    QTest::newRow("rename root") << 2 << QByteArray("session=x")
                                 << QByteArray("the session itself has no key to rename");
    QTest::newRow("set under missing")
        << 0 << QByteArray("no.such=1") << QByteArray("session has no key 'no'");
    QTest::newRow("set key of a list")
        << 0 << QByteArray("session['cart']['x']=1")
        << QByteArray("session['cart'] is a list: it has no key 'x'");
}

void TestSessionEdit::failuresNameTheStepAndChangeNothing()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, edit);
    QFETCH(QByteArray, message);
    SessionDocument doc = document(R"({"cart": [1], "n": 1})");
    const QByteArray before = text(doc);
    const QString editText = QString::fromUtf8(edit);
    const Result<SessionEdit> parsed = kind == 0   ? SessionEdit::set(editText, format("encrypted"))
                                       : kind == 1 ? SessionEdit::remove(editText)
                                                   : SessionEdit::rename(editText);
    QVERIFY(parsed.ok());
    auto applied = parsed->applyTo(doc);
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().category, ErrorCategory::Json);
    QCOMPARE(applied.error().message, QString::fromUtf8(message));
    QCOMPARE(text(doc), before);
}

void TestSessionEdit::badValuesAreTheReadersErrors()
{
    auto bad = SessionEdit::set(u"a={\"x\": tru}", format("encrypted"));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().category, ErrorCategory::Json);
    QCOMPARE(bad.error().position, 6);
    auto noValue = SessionEdit::set(u"a", format("encrypted"));
    QVERIFY(!noValue.ok());
    QCOMPARE(noValue.error().category, ErrorCategory::Format);
    auto badPath = SessionEdit::remove(u"session['a'");
    QVERIFY(!badPath.ok());
    QCOMPARE(badPath.error().category, ErrorCategory::Format);
    // A duplicate key is the reader's note, as Python would drop the first.
    QStringList warnings;
    QVERIFY(SessionEdit::set(u"a={\"x\": 1, \"x\": 2}", format("encrypted"), &warnings).ok());
    QCOMPARE(warnings.size(), 1);
}

void TestSessionEdit::nestingIsBoundedAsInTheWindow()
{
    // A value one level short of the limit fits at the top, not one level further down.
    QByteArray nested;
    for (int i = 0; i < SessionDocument::kMaxDepth - 1; ++i)
        nested += '[';
    for (int i = 0; i < SessionDocument::kMaxDepth - 1; ++i)
        nested += ']';
    SessionDocument doc = document(R"({"a": {}})");
    QCOMPARE(apply(doc, SessionEdit::set(QString::fromLatin1("x=" + nested), format("encrypted"))),
             QString());
    auto deeper = SessionEdit::set(QString::fromLatin1("a.y=" + nested), format("encrypted"));
    QVERIFY(deeper.ok());
    auto applied = deeper->applyTo(doc);
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().category, ErrorCategory::Limit);
    QVERIFY(!doc.root().value(QStringLiteral("a"))->value(QStringLiteral("y")));
}

QTEST_GUILESS_MAIN(TestSessionEdit)
#include "tst_SessionEdit.moc"
