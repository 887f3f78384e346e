// `sessionlens-cli edit`, `seal --format` and `convert --to` (issue 21, crafting from a script),
// against the real Flask apps the interop tests use: a cookie the app made, edited by path and
// sealed again, is read by the app as edited; a template sealed from scratch too.
#include "FlaskServer.h"
#include "TestData.h"

#include <QRandomGenerator>
#include <QTest>

using namespace sessionlens;

namespace {

const QByteArray kKeyHex = "8e3ba93d11f70d5a9c4e2b7f6a1d3c5e8f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c";
const QByteArray kSecret = "edit-secret";

QString key()
{
    return QString::fromLatin1(kKeyHex);
}

QString secret()
{
    return QString::fromLatin1(kSecret);
}

// The cookie the app makes for `json` (its own /set endpoint).
QByteArray appCookie(test::FlaskServer &app, const QByteArray &json)
{
    return test::FlaskServer::cookieValue(app.post(QStringLiteral("/set"), json));
}

QByteArray cookieOut(const test::CliRun &run)
{
    return run.out.trimmed();
}

} // namespace

class TestEditCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void editedEncryptedCookieIsReadByTheApp();
    void editedSignedCookieIsReadByTheApp();
    void keptTimestampReproducesTheAppsCookie();
    void valuesKeepTheirTypes();
    void compressionFollowsTheRuleOrIsKept();
    void errorsNameTheEditAndTheStep_data();
    void errorsNameTheEditAndTheStep();
    void unverifiedCookieSaysWhoSignsIt();
    void headerLineOnStdinIsEdited();
    void sizeVerdictGoesToStderr();
    void sealTemplatesForEveryFormat();
    void convertListsWhatTheTargetCannotCarry();

private:
    test::FlaskServer m_encrypted;
    test::FlaskServer m_signed;
};

void TestEditCli::initTestCase()
{
    QString error;
    QVERIFY2(m_encrypted.start(QStringLiteral("interop/encrypted_session_app.py"), {key()}, &error),
             qPrintable(error));
    QVERIFY2(m_signed.start(QStringLiteral("interop/flask_default_app.py"), {secret()}, &error),
             qPrintable(error));
}

void TestEditCli::editedEncryptedCookieIsReadByTheApp()
{
    const QByteArray cookie =
        appCookie(m_encrypted, R"({"user": "ada", "cart": [{"qty": 1}], "role": "user"})");
    QVERIFY(cookie.startsWith("u."));
    const test::CliRun run = test::runCli(
        {QStringLiteral("edit"), QStringLiteral("--no-ring"), QStringLiteral("--key"), key(),
         QStringLiteral("--set"), QStringLiteral("session['cart'][0]['qty']=5"),
         QStringLiteral("--set"), QStringLiteral("role=\"admin\""), QStringLiteral("--rename"),
         QStringLiteral("user=name"), QStringLiteral("--set"), QStringLiteral("cart.1={\"id\": 7}"),
         QStringLiteral("--delete"), QStringLiteral("cart.0.qty"), QString::fromLatin1(cookie)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const test::FlaskServer::Dump dump = m_encrypted.dump(cookieOut(run));
    QVERIFY2(dump.error.isEmpty(), qPrintable(dump.error));
    // In the order given: the qty set to 5 and then deleted, the item appended after.
    QCOMPARE(dump.json, QByteArray(R"({"name": "ada", "cart": [{}, {"id": 7}], "role": "admin"})"));
    // The app's /admin reads the role from the edited session.
    QCOMPARE(m_encrypted.get(QStringLiteral("/admin"), "session=" + cookieOut(run)).status, 200);
}

void TestEditCli::editedSignedCookieIsReadByTheApp()
{
    const QByteArray cookie = appCookie(m_signed, R"({"user": "ada", "role": "user"})");
    QVERIFY(!cookie.isEmpty());
    const test::CliRun run = test::runCli(
        {QStringLiteral("edit"), QStringLiteral("--no-ring"), QStringLiteral("--secret"), secret(),
         QStringLiteral("--set"), QStringLiteral("role=\"admin\""), QString::fromLatin1(cookie)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_signed.get(QStringLiteral("/admin"), "session=" + cookieOut(run)).status, 200);
    const test::FlaskServer::Dump dump = m_signed.dump(cookieOut(run));
    QCOMPARE(dump.repr, QStringLiteral("{'role': 'admin', 'user': 'ada'}"));
    // Before the edit the app refused the page.
    QCOMPARE(m_signed.get(QStringLiteral("/admin"), "session=" + cookie).status, 403);
}

void TestEditCli::keptTimestampReproducesTheAppsCookie()
{
    const QByteArray cookie = appCookie(m_signed, R"({"cart": [1, 2], "user": "grace"})");
    // No edit and the cookie's own time: Flask's very bytes, signature included.
    const test::CliRun same = test::runCli(
        {QStringLiteral("edit"), QStringLiteral("--no-ring"), QStringLiteral("--secret"), secret(),
         QStringLiteral("--keep-timestamp"), QString::fromLatin1(cookie)});
    QVERIFY2(same.exitCode == 0, same.err.constData());
    QCOMPARE(cookieOut(same), cookie);
    // An edit keeps the timestamp field; without --keep-timestamp it is now.
    const test::CliRun edited = test::runCli(
        {QStringLiteral("edit"), QStringLiteral("--no-ring"), QStringLiteral("--secret"), secret(),
         QStringLiteral("--keep-timestamp"), QStringLiteral("--set"), QStringLiteral("cart.0=9"),
         QString::fromLatin1(cookie)});
    QVERIFY2(edited.exitCode == 0, edited.err.constData());
    QCOMPARE(cookieOut(edited).split('.').at(1), cookie.split('.').at(1));
    const test::CliRun old = test::runCli(
        {QStringLiteral("edit"), QStringLiteral("--no-ring"), QStringLiteral("--secret"), secret(),
         QStringLiteral("--timestamp"), QStringLiteral("1500000000"), QString::fromLatin1(cookie)});
    QVERIFY2(old.exitCode == 0, old.err.constData());
    QVERIFY(cookieOut(old).split('.').at(1) != cookie.split('.').at(1));
    // Flask refuses a cookie signed in 2017: the timestamp given was used.
    QVERIFY(m_signed.dump(cookieOut(old)).empty);
    QCOMPARE(m_signed.dump(cookieOut(edited)).repr,
             QStringLiteral("{'cart': [9, 2], 'user': 'grace'}"));
}

void TestEditCli::valuesKeepTheirTypes()
{
    const QByteArray encrypted = appCookie(m_encrypted, R"({"a": 1})");
    const test::CliRun run = test::runCli(
        {QStringLiteral("edit"), QStringLiteral("--no-ring"), QStringLiteral("--key"), key(),
         QStringLiteral("--set"), QStringLiteral("big=1000000000000000000000000000000"),
         QStringLiteral("--set"), QStringLiteral("x=NaN"), QStringLiteral("--set"),
         QStringLiteral("raw={\"__type__\": \"bytes\", \"b\": \"AAE=\"}"),
         QString::fromLatin1(encrypted)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_encrypted.dump(cookieOut(run)).repr,
             QStringLiteral("{'a': 1, 'big': 1000000000000000000000000000000, 'x': nan, "
                            "'raw': b'\\x00\\x01'}"));

    const QByteArray signedCookie = appCookie(m_signed, R"({"a": 1})");
    const test::CliRun tagged = test::runCli(
        {QStringLiteral("edit"), QStringLiteral("--no-ring"), QStringLiteral("--secret"), secret(),
         QStringLiteral("--set"), QStringLiteral("t={\" t\": [1, {\" b\": \"AAE=\"}]}"),
         QStringLiteral("--set"),
         QStringLiteral("u={\" u\": \"12345678123456781234567812345678\"}"),
         QString::fromLatin1(signedCookie)});
    QVERIFY2(tagged.exitCode == 0, tagged.err.constData());
    QCOMPARE(m_signed.dump(cookieOut(tagged)).repr,
             QStringLiteral("{'a': 1, 't': (1, b'\\x00\\x01'), "
                            "'u': UUID('12345678-1234-5678-1234-567812345678')}"));
}

void TestEditCli::compressionFollowsTheRuleOrIsKept()
{
    const QByteArray small = appCookie(m_encrypted, R"({"a": 1})");
    QVERIFY(small.startsWith("u."));
    const auto edit = [&](const QByteArray &cookie, const QString &mode) {
        return test::runCli({QStringLiteral("edit"), QStringLiteral("--no-ring"),
                             QStringLiteral("--key"), key(), QStringLiteral("--compress"), mode,
                             QStringLiteral("--set"), QStringLiteral("b=2"),
                             QString::fromLatin1(cookie)});
    };
    const test::CliRun always = edit(small, QStringLiteral("always"));
    QVERIFY2(always.exitCode == 0, always.err.constData());
    QVERIFY(cookieOut(always).startsWith("z."));
    QCOMPARE(m_encrypted.dump(cookieOut(always)).json, QByteArray(R"({"a": 1, "b": 2})"));
    // keep: compressed because the cookie was, though the server's rule would not.
    const test::CliRun kept = edit(cookieOut(always), QStringLiteral("keep"));
    QVERIFY(cookieOut(kept).startsWith("z."));
    const test::CliRun automatic = edit(cookieOut(always), QStringLiteral("auto"));
    QVERIFY(cookieOut(automatic).startsWith("u."));
    QCOMPARE(m_encrypted.dump(cookieOut(automatic)).json, QByteArray(R"({"a": 1, "b": 2})"));
}

void TestEditCli::errorsNameTheEditAndTheStep_data()
{
    QTest::addColumn<QStringList>("edits");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no such path")
        << QStringList{QStringLiteral("--set"), QStringLiteral("cart.5.qty=1")} << 7
        << QByteArray("sessionlens-cli: JSON step failed: session['cart'] has no item 5 (it holds "
                      "1) (--set cart.5.qty=1)");
    QTest::newRow("bad value") << QStringList{QStringLiteral("--set"), QStringLiteral("a={bad")}
                               << 7 << QByteArray("(--set a={bad)");
    QTest::newRow("bad path") << QStringList{QStringLiteral("--delete"),
                                             QStringLiteral("session['cart'")}
                              << 2 << QByteArray("--delete session['cart': path, character 15");
    QTest::newRow("rename onto a key")
        << QStringList{QStringLiteral("--rename"), QStringLiteral("user=cart")} << 7
        << QByteArray("session['user'] cannot be renamed to 'cart': session['cart'] exists");
    QTest::newRow("the second fails")
        << QStringList{QStringLiteral("--delete"), QStringLiteral("user"), QStringLiteral("--set"),
                       QStringLiteral("user.x=1")}
        << 7 << QByteArray("session has no key 'user' (--set user.x=1)");
}

void TestEditCli::errorsNameTheEditAndTheStep()
{
    QFETCH(QStringList, edits);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, message);
    const QByteArray cookie = appCookie(m_signed, R"({"cart": [1], "user": "ada"})");
    const test::CliRun run =
        test::runCli(QStringList{QStringLiteral("edit"), QStringLiteral("--no-ring"),
                                 QStringLiteral("--secret"), secret()} +
                     edits + QStringList{QString::fromLatin1(cookie)});
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

void TestEditCli::unverifiedCookieSaysWhoSignsIt()
{
    const QByteArray cookie = appCookie(m_signed, R"({"user": "ada"})");
    const test::CliRun run =
        test::runCli({QStringLiteral("edit"), QStringLiteral("--no-ring"),
                      QStringLiteral("--secret"), QStringLiteral("guess"), QStringLiteral("--set"),
                      QStringLiteral("user=\"eve\""), QString::fromLatin1(cookie)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("note: no secret verified the cookie; --secret #1 signs it"),
             run.err.constData());
    // Signed with the guess: the app refuses it.
    QVERIFY(m_signed.dump(cookieOut(run)).empty);
}

void TestEditCli::headerLineOnStdinIsEdited()
{
    // A script pipes what it captured: the Set-Cookie line, on standard input.
    const QByteArray cookie = appCookie(m_encrypted, R"({"user": "ada"})");
    const test::CliRun run = test::runCli({QStringLiteral("edit"), QStringLiteral("--no-ring"),
                                           QStringLiteral("--key"), key(), QStringLiteral("--set"),
                                           QStringLiteral("user=\"grace\""), QStringLiteral("-")},
                                          "Set-Cookie: session=" + cookie + "; HttpOnly; Path=/\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_encrypted.dump(cookieOut(run)).json, QByteArray(R"({"user": "grace"})"));
}

void TestEditCli::sizeVerdictGoesToStderr()
{
    const QByteArray cookie = appCookie(m_signed, R"({"user": "ada"})");
    // Seeded random letters do not compress: the cookie passes the browsers' limit.
    QRandomGenerator random(21);
    QByteArray big;
    for (int i = 0; i < 5000; ++i)
        big += char('a' + random.bounded(26));
    const test::CliRun run = test::runCli(
        {QStringLiteral("edit"), QStringLiteral("--no-ring"), QStringLiteral("--secret"), secret(),
         QStringLiteral("--set"), QStringLiteral("blob=\"%1\"").arg(QString::fromLatin1(big)),
         QString::fromLatin1(cookie)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("over the browsers' 4096-byte limit"), run.err.constData());
    QVERIFY(cookieOut(run).size() > 4096);
}

void TestEditCli::sealTemplatesForEveryFormat()
{
    // From scratch: no file, only --set. Each app reads what was sealed for it.
    const test::CliRun encrypted = test::runCli(
        {QStringLiteral("seal"), QStringLiteral("--format"), QStringLiteral("encrypted"),
         QStringLiteral("--no-ring"), QStringLiteral("--key"), key(), QStringLiteral("--set"),
         QStringLiteral("user=\"ada\""), QStringLiteral("--set"), QStringLiteral("cart=[]"),
         QStringLiteral("--set"), QStringLiteral("cart.0=3")});
    QVERIFY2(encrypted.exitCode == 0, encrypted.err.constData());
    QCOMPARE(m_encrypted.dump(cookieOut(encrypted)).json,
             QByteArray(R"({"user": "ada", "cart": [3]})"));
    const test::CliRun signedCookie =
        test::runCli({QStringLiteral("seal"), QStringLiteral("--format"), QStringLiteral("signed"),
                      QStringLiteral("--no-ring"), QStringLiteral("--secret"), secret(),
                      QStringLiteral("--set"), QStringLiteral("user=\"ada\""),
                      QStringLiteral("--set"), QStringLiteral("role=\"admin\"")});
    QVERIFY2(signedCookie.exitCode == 0, signedCookie.err.constData());
    QCOMPARE(m_signed.get(QStringLiteral("/admin"), "session=" + cookieOut(signedCookie)).status,
             200);
    // A file and --set: the edits apply to the file's session.
    const test::CliRun both =
        test::runCli({QStringLiteral("seal"), QStringLiteral("--format"), QStringLiteral("signed"),
                      QStringLiteral("--no-ring"), QStringLiteral("--secret"), secret(),
                      QStringLiteral("--set"), QStringLiteral("b=2"), QStringLiteral("-")},
                     R"({"a": 1})");
    QVERIFY2(both.exitCode == 0, both.err.constData());
    QCOMPARE(m_signed.dump(cookieOut(both)).repr, QStringLiteral("{'a': 1, 'b': 2}"));
    // An unknown format names the registry's.
    const test::CliRun unknown =
        test::runCli({QStringLiteral("seal"), QStringLiteral("--format"), QStringLiteral("nope"),
                      QStringLiteral("--set"), QStringLiteral("a=1")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("encrypted") && unknown.err.contains("signed"),
             unknown.err.constData());
}

void TestEditCli::convertListsWhatTheTargetCannotCarry()
{
    // Flask's cookie with a tuple and unsorted keys into EncryptedSession: the tuple is noted.
    const QByteArray signedCookie = appCookie(m_signed, R"({"t": {" t": [1, 2]}, "a": 1})");
    const test::CliRun toEncrypted = test::runCli(
        {QStringLiteral("convert"), QStringLiteral("--to"), QStringLiteral("encrypted"),
         QStringLiteral("--no-ring"), QStringLiteral("--secret"), secret(), QStringLiteral("--key"),
         key(), QString::fromLatin1(signedCookie)});
    QVERIFY2(toEncrypted.exitCode == 0, toEncrypted.err.constData());
    QVERIFY2(toEncrypted.err.contains("note: session['t']:"), toEncrypted.err.constData());
    QCOMPARE(m_encrypted.dump(cookieOut(toEncrypted)).json, QByteArray(R"({"a": 1, "t": [1, 2]})"));
    // EncryptedSession's key order into Flask's: Flask sorts keys, and says so.
    const QByteArray encrypted = appCookie(m_encrypted, R"({"b": 1, "a": 2})");
    const test::CliRun toSigned =
        test::runCli({QStringLiteral("convert"), QStringLiteral("--to"), QStringLiteral("signed"),
                      QStringLiteral("--no-ring"), QStringLiteral("--secret"), secret(),
                      QStringLiteral("--key"), key(), QString::fromLatin1(encrypted)});
    QVERIFY2(toSigned.exitCode == 0, toSigned.err.constData());
    QVERIFY2(toSigned.err.contains("note: session: keys are written in sorted order"),
             toSigned.err.constData());
    QCOMPARE(m_signed.dump(cookieOut(toSigned)).repr, QStringLiteral("{'a': 2, 'b': 1}"));
}

QTEST_MAIN(TestEditCli)
#include "tst_EditCli.moc"
