#include "PythonProbe.h"
#include "TestData.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace sessionlens;

namespace {

const QString kKeyHex =
    QStringLiteral("7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd");
const QString kSecret = QStringLiteral("fidelity-secret");
const QString kPayload = QStringLiteral(R"({"u":1})");

QJsonObject request(const char *op, std::initializer_list<std::pair<const char *, QJsonValue>> args)
{
    QJsonObject object{{QStringLiteral("op"), QString::fromLatin1(op)}};
    for (const auto &[name, value] : args)
        object.insert(QString::fromLatin1(name), value);
    return object;
}

QString text(const QJsonObject &answer, const char *field)
{
    return answer.value(QLatin1String(field)).toString();
}

QString arg(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestInteropCliFidelity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void timestampZeroRoundTrips();
    void emptySecretVerifiesButNeverSigns();
    void crackReadsFlaskUnsignWordlists();
    void crackStripsWhenAsked();
    void serializerTokenIsNamed();
    void bareNumberIsNamed();
    void otherDigestIsNamed();
    void bytesSecretOnTheCommandLine();
    void resealOfTheServersPlaintextIsByteExact();
    void futureTimeIsWorded();
    void outOfRangeTimestampIsWorded();
    void signOfCraftedTagsSaysHowFlaskWritesThem();

private:
    QString signRaw(const QString &secret, qint64 timestamp, const QString &payload = kPayload,
                    const char *digest = "sha1")
    {
        return signRawAt(secret, QString::number(timestamp), payload, digest);
    }
    QString signRawAt(const QString &secret, const QString &timestamp,
                      const QString &payload = kPayload, const char *digest = "sha1");
    test::PythonProbe m_probe;
};

void TestInteropCliFidelity::initTestCase()
{
    QString error;
    QVERIFY2(m_probe.start(&error), qPrintable(error));
}

QString TestInteropCliFidelity::signRawAt(const QString &secret, const QString &timestamp,
                                          const QString &payload, const char *digest)
{
    const QJsonObject answer =
        m_probe.ask(request("sign_raw", {{"secret", secret},
                                         {"payload", payload},
                                         {"timestamp", timestamp},
                                         {"digest", QString::fromLatin1(digest)}}));
    return text(answer, "cookie");
}

// itsdangerous writes timestamp 0 as an empty part and reads it back as 0.
void TestInteropCliFidelity::timestampZeroRoundTrips()
{
    const QString theirs = signRaw(kSecret, 0);
    QVERIFY(theirs.contains(QLatin1String("..")));
    const QJsonObject read =
        m_probe.ask(request("unsign_timestamp", {{"secret", kSecret}, {"cookie", theirs}}));
    QVERIFY2(read.value(QLatin1String("ok")).toBool(), qPrintable(text(read, "error")));
    QCOMPARE(read.value(QLatin1String("timestamp")).toInt(-1), 0);

    const test::CliRun sign = test::runCli(
        {arg("sign"), arg("--secret"), kSecret, arg("--timestamp"), arg("0"), arg("-")},
        kPayload.toUtf8());
    QVERIFY2(sign.exitCode == 0, sign.err.constData());
    QCOMPARE(QString::fromLatin1(sign.out.trimmed()), theirs);

    const test::CliRun decode = test::runCli(
        {arg("decode"), arg("--secret"), kSecret, arg("--format"), arg("json"), theirs});
    QVERIFY2(decode.exitCode == 0, decode.err.constData());
    QCOMPARE(decode.out.trimmed(), kPayload.toUtf8());
    QVERIFY2(decode.err.contains("1970-01-01 00:00:00 UTC"), decode.err.constData());
    QVERIFY2(decode.err.contains("signature valid"), decode.err.constData());
}

// itsdangerous signs and verifies with an empty key; Flask never signs with one.
void TestInteropCliFidelity::emptySecretVerifiesButNeverSigns()
{
    const QString cookie = signRaw(QString(), QDateTime::currentSecsSinceEpoch());
    QVERIFY(!cookie.isEmpty());
    QVERIFY(!m_probe.ask(request("flask_signs_with", {{"secret", QString()}}))
                 .value(QLatin1String("signs"))
                 .toBool(true));

    const test::CliRun decode = test::runCli({arg("decode"), arg("--secret"), QString(), cookie});
    QVERIFY2(decode.exitCode == 0, decode.err.constData());
    QVERIFY2(decode.err.contains("signature valid"), decode.err.constData());
    QVERIFY2(decode.err.contains("empty"), decode.err.constData());
    const test::CliRun wrong =
        test::runCli({arg("decode"), arg("--secret"), QString(), signRaw(kSecret, 1700000000)});
    QVERIFY(wrong.exitCode != 0);

    const test::CliRun sign =
        test::runCli({arg("sign"), arg("--secret"), QString(), arg("-")}, kPayload.toUtf8());
    QVERIFY(sign.exitCode != 0);
    QVERIFY(sign.out.trimmed().isEmpty());
    QVERIFY2(sign.err.contains("Flask never signs"), sign.err.constData());
}

// Every line of a wordlist in flask-unsign's format (tests/data/flask_unsign_wordlist.txt):
// flask-unsign's reading of it (ast.literal_eval of the stripped line) signs a cookie, and crack
// finds that line.
void TestInteropCliFidelity::crackReadsFlaskUnsignWordlists()
{
    const QString wordlist = test::dataPath(QStringLiteral("flask_unsign_wordlist.txt"));
    QFile file(wordlist);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 23); // 22 lines and the final newline
    QSet<QString> seen;
    int checked = 0;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i));
        const QJsonObject parsed = m_probe.ask(request("literal_eval", {{"line", line + u'\n'}}));
        const QString secretHex = text(parsed, "hex");
        QVERIFY2(!secretHex.isEmpty() || line == QLatin1String("''"), qPrintable(line));
        if (seen.contains(secretHex) || line.trimmed() != line)
            continue; // the first line with a secret wins; padded lines are crackStripsWhenAsked's
        seen.insert(secretHex);
        const QString cookie = text(
            m_probe.ask(request(
                "sign_raw", {{"secret_hex", secretHex},
                             {"payload", kPayload},
                             {"timestamp", QString::number(QDateTime::currentSecsSinceEpoch())}})),
            "cookie");
        QVERIFY(!cookie.isEmpty());
        const test::CliRun run =
            test::runCli({arg("crack"), arg("--no-builtin"), arg("--python-literals"),
                          arg("--threads"), arg("1"), arg("--wordlist"), wordlist, cookie});
        QVERIFY2(run.exitCode == 0, qPrintable(line + u' ' + QString::fromUtf8(run.err)));
        QVERIFY2(run.err.contains(QStringLiteral("found at line %1 ").arg(i + 1).toUtf8()),
                 qPrintable(line + u' ' + QString::fromUtf8(run.err)));
        ++checked;
    }
    QCOMPARE(checked, 20);
}

// flask-unsign strips each line; crack does when asked.
void TestInteropCliFidelity::crackStripsWhenAsked()
{
    const QString wordlist = test::dataPath(QStringLiteral("flask_unsign_wordlist.txt"));
    const QJsonObject parsed =
        m_probe.ask(request("literal_eval", {{"line", arg("   hunter2   \n")}}));
    QCOMPARE(text(parsed, "hex"), QString::fromLatin1(QByteArray("hunter2").toHex()));
    const QString cookie = signRaw(arg("hunter2"), QDateTime::currentSecsSinceEpoch());
    const QStringList base{arg("crack"), arg("--no-builtin"), arg("--threads"),
                           arg("1"),     arg("--wordlist"),   wordlist};
    const test::CliRun plain = test::runCli(base + QStringList{cookie});
    QCOMPARE(plain.exitCode, 4);
    const test::CliRun stripped = test::runCli(base + QStringList{arg("--strip"), cookie});
    QVERIFY2(stripped.exitCode == 0, stripped.err.constData());
    QVERIFY2(stripped.err.contains("found at line 17 "), stripped.err.constData());
    QCOMPARE(stripped.out.trimmed(), QByteArray("hunter2"));
}

// Tokens itsdangerous makes that are no Flask session are named by their shape.
void TestInteropCliFidelity::serializerTokenIsNamed()
{
    const QString token = text(
        m_probe.ask(request("serializer_token", {{"secret", kSecret}, {"value", QJsonArray{42}}})),
        "token");
    QVERIFY(!token.isEmpty());
    QVERIFY(m_probe.ask(request("open_flask", {{"secret", kSecret}, {"cookie", token}}))
                .value(QLatin1String("empty"))
                .toBool());
    const test::CliRun serializer = test::runCli({arg("decode"), arg("--secret"), kSecret, token});
    QVERIFY(serializer.exitCode != 0);
    QVERIFY2(serializer.err.contains(
                 "signed with no timestamp: an itsdangerous Serializer token, not a Flask session"),
             serializer.err.constData());
    QVERIFY2(!serializer.err.contains("--key"), serializer.err.constData());
}

void TestInteropCliFidelity::bareNumberIsNamed()
{
    QVERIFY(m_probe.ask(request("open_flask", {{"secret", kSecret}, {"cookie", arg("12345")}}))
                .value(QLatin1String("empty"))
                .toBool());

    const test::CliRun bare = test::runCli({arg("decode"), arg("--secret"), kSecret, arg("12345")});
    QVERIFY(bare.exitCode != 0);
    QVERIFY2(!bare.err.contains("--key"), bare.err.constData());
    QVERIFY2(bare.err.contains("not a session cookie"), bare.err.constData());
}

void TestInteropCliFidelity::otherDigestIsNamed()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString sha256 = signRaw(kSecret, now, kPayload, "sha256");
    QVERIFY(!m_probe
                 .ask(request("open_flask",
                              {{"secret", kSecret}, {"cookie", sha256}, {"digest", arg("sha256")}}))
                 .value(QLatin1String("empty"))
                 .toBool(true));
    const test::CliRun digest = test::runCli({arg("decode"), arg("--secret"), kSecret, sha256});
    QVERIFY(digest.exitCode != 0);
    QVERIFY2(digest.err.contains("the signature is 32 bytes: try --digest sha256"),
             digest.err.constData());
    const test::CliRun right = test::runCli(
        {arg("decode"), arg("--secret"), kSecret, arg("--digest"), arg("sha256"), sha256});
    QVERIFY2(right.exitCode == 0, right.err.constData());
}

// Flask's quickstart uses a bytes SECRET_KEY: b'...' on the command line is that key.
void TestInteropCliFidelity::bytesSecretOnTheCommandLine()
{
    const QByteArray key("\x8e;\xa9=\x11\xf7\r\x00\xff\\'", 11);
    const QString cookie =
        text(m_probe.ask(request(
                 "sign_raw", {{"secret_hex", QString::fromLatin1(key.toHex())},
                              {"payload", kPayload},
                              {"timestamp", QString::number(QDateTime::currentSecsSinceEpoch())}})),
             "cookie");
    QVERIFY(!m_probe
                 .ask(request("open_flask", {{"secret_hex", QString::fromLatin1(key.toHex())},
                                             {"cookie", cookie}}))
                 .value(QLatin1String("empty"))
                 .toBool(true));
    const QString literal = arg(R"(b'\x8e;\xa9=\x11\xf7\r\x00\xff\\\'')");
    const test::CliRun run = test::runCli({arg("decode"), arg("--secret"), literal, cookie});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("signature valid"), run.err.constData());
    // The same literal signs as Flask does with that key.
    const test::CliRun sign = test::runCli(
        {arg("sign"), arg("--secret"), literal, arg("--timestamp"), arg("1700000000"), arg("-")},
        kPayload.toUtf8());
    QVERIFY2(sign.exitCode == 0, sign.err.constData());
    const QString theirs =
        text(m_probe.ask(request("sign_raw", {{"secret_hex", QString::fromLatin1(key.toHex())},
                                              {"payload", kPayload},
                                              {"timestamp", arg("1700000000")}})),
             "cookie");
    QCOMPARE(QString::fromLatin1(sign.out.trimmed()), theirs);
}

// The seed's own plaintext, re-sealed unchanged, is the same bytes, even with a nested dict whose
// "__type__" (not bytes) comes first; seal notes that the seed reads that key last.
void TestInteropCliFidelity::resealOfTheServersPlaintextIsByteExact()
{
    const QString plaintext =
        QStringLiteral(R"({"n": {"__type__": "x", "a": [1, {"__type__": 5, "z": null}]}, )"
                       R"("b": {"__type__": "bytes", "b": "AAE="}, "f": 1.5e+300})");
    const QString cookie =
        text(m_probe.ask(request("seal_raw", {{"key_hex", kKeyHex}, {"plaintext", plaintext}})),
             "cookie");
    const test::CliRun decode =
        test::runCli({arg("decode"), arg("--key"), kKeyHex, arg("--format"), arg("json"), cookie});
    QVERIFY2(decode.exitCode == 0, decode.err.constData());
    QCOMPARE(QString::fromUtf8(decode.out.trimmed()), plaintext);

    const test::CliRun seal =
        test::runCli({arg("seal"), arg("--key"), kKeyHex, arg("-")}, decode.out.trimmed());
    QVERIFY2(seal.exitCode == 0, seal.err.constData());
    const QJsonObject seed = m_probe.ask(request(
        "open_seed", {{"key_hex", kKeyHex}, {"cookie", QString::fromLatin1(seal.out.trimmed())}}));
    QVERIFY2(seed.value(QLatin1String("ok")).toBool(), qPrintable(text(seed, "error")));
    QCOMPARE(text(seed, "plaintext"), plaintext);
    QVERIFY2(seal.err.contains("session['n']"), seal.err.constData());
    QVERIFY2(seal.err.contains("session['n']['a'][1]"), seal.err.constData());

    // An edited tree is written in the tree's order: the server's order after reading.
    const test::CliRun edited = test::runCli({arg("seal"), arg("--key"), kKeyHex, arg("-")},
                                             R"({"n": {"__type__": "x", "a": 2}})");
    QVERIFY2(edited.exitCode == 0, edited.err.constData());
    QCOMPARE(text(m_probe.ask(request("open_seed",
                                      {{"key_hex", kKeyHex},
                                       {"cookie", QString::fromLatin1(edited.out.trimmed())}})),
                  "repr"),
             arg("{'n': {'a': 2, '__type__': 'x'}}"));
}

void TestInteropCliFidelity::futureTimeIsWorded()
{
    const QString future = signRaw(kSecret, QDateTime::currentSecsSinceEpoch() + 3660);
    QVERIFY(m_probe.ask(request("open_flask", {{"secret", kSecret}, {"cookie", future}}))
                .value(QLatin1String("empty"))
                .toBool());
    const test::CliRun decode = test::runCli({arg("decode"), arg("--secret"), kSecret, future});
    QVERIFY2(decode.err.contains("in the future by 6"), decode.err.constData());
    for (const QByteArray &line : decode.err.split('\n')) {
        if (line.contains("in the future by"))
            QVERIFY2(!line.contains("ago"), line.constData());
    }
}

void TestInteropCliFidelity::outOfRangeTimestampIsWorded()
{
    const QString outOfRange = arg("18446744073709551615");
    const QString theirs = signRawAt(kSecret, outOfRange);
    QVERIFY(!theirs.isEmpty());
    // itsdangerous signs it, but Flask keeps no session from it (its loader even raises).
    const QJsonObject flask =
        m_probe.ask(request("open_flask", {{"secret", kSecret}, {"cookie", theirs}}));
    QVERIFY(!flask.value(QLatin1String("ok")).toBool() ||
            flask.value(QLatin1String("empty")).toBool());
    const test::CliRun sign = test::runCli(
        {arg("sign"), arg("--secret"), kSecret, arg("--timestamp"), outOfRange, arg("-")},
        kPayload.toUtf8());
    QVERIFY(sign.exitCode != 0);
    QVERIFY2(sign.err.contains("out of range"), sign.err.constData());
    QVERIFY2(!sign.err.contains("takes UNIX seconds"), sign.err.constData());
}

// A crafted tag Flask reads (" t" of a str) is signed as Flask writes that value, with a warning;
// Flask reads the same session from both cookies.
void TestInteropCliFidelity::signOfCraftedTagsSaysHowFlaskWritesThem()
{
    const QString payload = arg(R"({"t":{" t":"ab"}})");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString theirs = signRaw(kSecret, now, payload);
    const QJsonObject flask =
        m_probe.ask(request("open_flask", {{"secret", kSecret}, {"cookie", theirs}}));
    QCOMPARE(text(flask, "repr"), arg("{'t': ('a', 'b')}"));
    const test::CliRun sign =
        test::runCli({arg("sign"), arg("--secret"), kSecret, arg("-")}, payload.toUtf8());
    QVERIFY2(sign.exitCode == 0, sign.err.constData());
    QVERIFY2(sign.err.contains("session['t']"), sign.err.constData());
    const QJsonObject ours = m_probe.ask(request(
        "open_flask", {{"secret", kSecret}, {"cookie", QString::fromLatin1(sign.out.trimmed())}}));
    QCOMPARE(text(ours, "repr"), text(flask, "repr"));
}

QTEST_GUILESS_MAIN(TestInteropCliFidelity)
#include "tst_InteropCliFidelity.moc"
