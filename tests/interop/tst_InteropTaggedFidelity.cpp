#include "PythonProbe.h"
#include "crypto/SecureBytes.h"
#include "formats/EncryptedSessionCodec.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/SessionConverter.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonWriter.h"
#include "json/PythonRepr.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace sessionlens;

namespace {

const QString kKeyHex =
    QStringLiteral("7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd");
const QString kSecret = QStringLiteral("fidelity-secret");

QJsonObject request(const char *op, std::initializer_list<std::pair<const char *, QJsonValue>> args)
{
    QJsonObject object{{QStringLiteral("op"), QString::fromLatin1(op)}};
    for (const auto &[name, value] : args)
        object.insert(QString::fromLatin1(name), value);
    return object;
}

SecureBytes keyBytes()
{
    const QByteArray key = QByteArray::fromHex(kKeyHex.toLatin1());
    return SecureBytes(key.constData(), std::size_t(key.size()));
}

Result<SessionValue> readAs(const QString &text, PythonJsonReader::Dialect dialect,
                            QStringList *warnings)
{
    PythonJsonReader::Options options;
    options.dialect = dialect;
    return PythonJsonReader::read(text.toUtf8(), options, warnings);
}

QString answerText(const QJsonObject &answer, const char *field)
{
    return answer.value(QLatin1String(field)).toString();
}

} // namespace

class TestInteropTaggedFidelity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void craftedFlaskTags_data();
    void craftedFlaskTags();
    void flaskBase64IsLenient();
    void seedBytesMarkerIsLenient();
    void realCookiesOpenAsTheServersOpenThem();
    void convertSaysWhatTheTargetReadsBack();
    void convertRefusesAMarkerTheSeedCannotLoad();

private:
    test::PythonProbe m_probe;
};

void TestInteropTaggedFidelity::initTestCase()
{
    QString error;
    QVERIFY2(m_probe.start(&error), qPrintable(error));
}

void TestInteropTaggedFidelity::craftedFlaskTags_data()
{
    QTest::addColumn<QString>("text");
    const char *cases[] = {
        R"({"a":{" t":"abc"}})",
        R"({"a":{" t":"x\ud83d\ude00\udc00"}})",
        R"({"a":{" t":{"y":1,"x":2}}})",
        R"({"a":{" t":""}})",
        R"({"a":{" t":{" b":"AAE="}}})",
        R"({"a":{" t":{" m":"hi"}}})",
        R"({"a":{" t":{" t":[1]}}})",
        R"({"a":{" t":5}})",
        R"({"a":{" t":null}})",
        R"({"a":{" t":{" u":"00000000000000000000000000000000"}}})",
        R"({"a":{" m":5}})",
        R"({"a":{" m":1.5}})",
        R"({"a":{" m":1e16}})",
        R"({"a":{" m":-0.0}})",
        R"({"a":{" m":null}})",
        R"({"a":{" m":true}})",
        R"({"a":{" m":[1,"x",{" t":[1]},{" b":"AAE="}]}})",
        R"({"a":{" m":{"k":"v","n":NaN}}})",
        R"({"a":{" m":{" m":"<b>"}}})",
        R"({"a":{" m":{" u":"0123456789abcdef0123456789abcdef"}}})",
        R"({"a":{" m":{" d":"Sun, 06 Nov 1994 08:49:37 GMT"}}})",
        R"({"a":{" b":"AAAA!"}})",
        R"({"a":{" b":"!!"}})",
        R"({"a":{" b":"A A A A"}})",
        R"({"a":{" b":"AA==AA"}})",
        R"({"a":{" b":"AAA"}})",
        R"({"a":{" b":"A"}})",
        R"({"a":{" b":"\u00e9AAAA"}})",
        R"({"a":{" b":5}})",
        R"({"a":{" b":{" b":"QUFBQQ=="}}})",
        R"({"a":{" b":{" m":"AAAA"}}})",
        R"({"a":{" d":"Sunday, 06-Nov-94 08:49:37 GMT"}})",
        R"({"a":{" d":"Sun Nov  6 08:49:37 1994"}})",
        R"({"a":{" d":"garbage"}})",
        R"({"a":{" d":""}})",
        R"({"a":{" d":"   "}})",
        R"({"a":{" d":null}})",
        R"({"a":{" d":0}})",
        R"({"a":{" d":false}})",
        R"({"a":{" d":[]}})",
        R"({"a":{" d":5}})",
        R"({"a":{" d":[1]}})",
        R"({"a":{" d":"6 Nov 1994 08:49 GMT"}})",
        R"({"a":{" d":"Sun, 06 Nov 1994 08:49:37 +0000"}})",
        R"({"a":{" d":"Sun, 06 Nov 1994 08:49:37 -0000"}})",
        R"({"a":{" d":"Sun, 06 Nov 1994 08:49:37 EST"}})",
        R"({"a":{" d":"Sun, 06 Nov 1994 08:49:37 +0230"}})",
        R"({"a":{" d":"Sun, 06 Nov 1994 08:49:37 +2400"}})",
        R"({"a":{" d":"Sun, 31 Feb 1994 08:49:37 GMT"}})",
        R"({"a":{" d":"Mon, 06 Nov 1994 08:49:37 GMT"}})",
        R"({"a":{" d":"Mon,06 Nov 1994 08.49.37 GMT"}})",
        R"({"a":{" d":"06 November 69 8:49:37"}})",
        R"({"a":{" d":"Nov 06 2024 23:59:60 GMT"}})",
        R"({"a":{" d":"Sun, 06 Nov 1994 08:49:37 GMT"}})",
        R"({"a":{" u":"0123456789ABCDEF0123456789abcdef"}})",
        R"({"a":{" u":"{01234567-89ab-cdef-0123-456789abcdef}"}})",
        R"({"a":{" u":"urn:uuid:01234567-89ab-cdef-0123-456789abcdef"}})",
        R"({"a":{" u":"0x23456789abcdef0123456789abcdef"}})",
        R"({"a":{" u":"0123456789abcdef0123456789abcde"}})",
        R"({"a":{" u":5}})",
        R"({"a":{" di":{"x__":1}}})",
        R"({"a":{" di":{" t__":[1]}}})",
        R"({"a":{" di":{"ab__":1,"cd__":2}}})",
        R"({"a":{" di":{"x":1}}})",
        R"({"a":{" di":{}}})",
        R"({"a":{" di":[1]}})",
        R"({"a":{" di":"xy"}})",
    };
    for (const char *text : cases)
        QTest::newRow(text) << QString::fromUtf8(text);
}

// Each crafted tag goes through Flask's own TaggedJSONSerializer and through our reader: both
// load the same value (or both refuse), Flask's dumps of it is our writer's, and wherever that
// differs from the text given, a warning names the node.
void TestInteropTaggedFidelity::craftedFlaskTags()
{
    QFETCH(QString, text);
    const QJsonObject flask = m_probe.ask(request("tagged_loads", {{"text", text}}));
    QStringList warnings;
    const auto ours = readAs(text, PythonJsonReader::Dialect::FlaskTagged, &warnings);
    if (!flask.value(QLatin1String("ok")).toBool()) {
        if (ours.ok())
            QFAIL(qPrintable(QStringLiteral("Flask refuses (%1), we read %2")
                                 .arg(answerText(flask, "error"), PythonRepr::repr(ours.value()))));
        return;
    }
    QVERIFY2(ours.ok(), qPrintable(QStringLiteral("Flask reads %1, we refuse: %2")
                                       .arg(answerText(flask, "repr"),
                                            ours.ok() ? QString() : ours.error().message)));
    QCOMPARE(PythonRepr::repr(ours.value()), answerText(flask, "repr"));
    const QByteArray rewritten =
        PythonJsonWriter::write(ours.value(), PythonJsonWriter::Style::FlaskTagged);
    QCOMPARE(QString::fromUtf8(rewritten), answerText(flask, "dumps"));
    if (rewritten == text.toUtf8()) {
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    } else {
        QVERIFY2(!warnings.isEmpty(), "no warning for a value Flask never writes so");
        QVERIFY2(warnings.join(u'\n').contains(QLatin1String("session['a']")),
                 qPrintable(warnings.join(u'\n')));
    }
}

// Seeded random texts through Python's base64.b64decode (what Flask's " b" tag calls) and ours.
void TestInteropTaggedFidelity::flaskBase64IsLenient()
{
    QRandomGenerator random(19);
    static const QString alphabet = QStringLiteral("AQgw+/=!- _\u00e9aZ09");
    QJsonArray texts;
    for (int i = 0; i < 400; ++i) {
        QString text;
        const int length = int(random.bounded(14));
        for (int j = 0; j < length; ++j)
            text.append(alphabet.at(int(random.bounded(int(alphabet.size())))));
        texts.append(text);
    }
    const QJsonObject python = m_probe.ask(request("b64decode_many", {{"texts", texts}}));
    const QJsonArray decoded = python.value(QLatin1String("decoded")).toArray();
    QCOMPARE(decoded.size(), texts.size());
    int accepted = 0;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const QString text = texts.at(i).toString();
        QStringList warnings;
        const QString json = QStringLiteral("{\"a\":{\" b\":\"%1\"}}").arg(text);
        const auto ours = readAs(json, PythonJsonReader::Dialect::FlaskTagged, &warnings);
        const QJsonValue theirs = decoded.at(i);
        if (theirs.isNull()) {
            QVERIFY2(!ours.ok(), qPrintable(text));
            continue;
        }
        ++accepted;
        QVERIFY2(ours.ok(), qPrintable(text));
        QCOMPARE(ours->value(QStringLiteral("a"))->bytesValue().toBase64(),
                 theirs.toString().toLatin1());
    }
    QVERIFY(accepted > 100);
    QVERIFY(accepted < 380);
}

// The seed's hook: base64.b64decode(bytes(obj["b"], "utf-8")), without validate=True.
void TestInteropTaggedFidelity::seedBytesMarkerIsLenient()
{
    const char *cases[] = {
        "!!", "AAAA!", "A A A A", "AA==AA", "\\u00e9AAAA", "AAE=", "", "A", "AAA", "QUFB\\nQQ==",
    };
    for (const char *b : cases) {
        const QString text = QStringLiteral("{\"x\": {\"__type__\": \"bytes\", \"b\": \"%1\"}}")
                                 .arg(QLatin1String(b));
        const QJsonObject seed = m_probe.ask(request("seed_loads", {{"text", text}}));
        QStringList warnings;
        const auto ours = readAs(text, PythonJsonReader::Dialect::EncryptedSession, &warnings);
        if (!seed.value(QLatin1String("ok")).toBool()) {
            QVERIFY2(!ours.ok(), b);
            continue;
        }
        QVERIFY2(ours.ok(), qPrintable(QStringLiteral("%1: %2").arg(
                                QLatin1String(b), ours.ok() ? QString() : ours.error().message)));
        QCOMPARE(PythonRepr::repr(ours.value()), answerText(seed, "repr"));
        const QByteArray rewritten = PythonJsonWriter::write(ours.value());
        QCOMPARE(QString::fromUtf8(rewritten), answerText(seed, "dumps"));
        if (rewritten == text.toUtf8())
            QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
        else
            QVERIFY2(
                warnings.join(u'\n').contains(QLatin1String("session['x']")),
                qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(b), warnings.join(u'\n'))));
    }
}

// The same crafted payloads as real cookies: Flask's session interface and the seed's open them.
void TestInteropTaggedFidelity::realCookiesOpenAsTheServersOpenThem()
{
    const QString flaskPayload = QStringLiteral(
        R"({"b":{" b":"AAAA!"},"d":{" d":"Sunday, 06-Nov-94 08:49:37 GMT"},"m":{" m":42},)"
        R"("n":{" d":"nonsense"},"t":{" t":"xy"},"z":{" d":"Sun, 06 Nov 1994 08:49:37 EST"}})");
    const QJsonObject signedCookie = m_probe.ask(
        request("sign_raw", {{"secret", kSecret},
                             {"payload", flaskPayload},
                             {"timestamp", QString::number(QDateTime::currentSecsSinceEpoch())}}));
    QVERIFY(signedCookie.value(QLatin1String("ok")).toBool());
    const QByteArray cookie = answerText(signedCookie, "cookie").toLatin1();
    const QJsonObject flask = m_probe.ask(
        request("open_flask", {{"secret", kSecret}, {"cookie", QString::fromLatin1(cookie)}}));
    QVERIFY2(flask.value(QLatin1String("ok")).toBool(), qPrintable(answerText(flask, "error")));
    FlaskSignedCodec::Options options;
    options.lifetimeSeconds = std::numeric_limits<qint64>::max() / 2;
    const QByteArray secret = kSecret.toUtf8();
    const auto decoded = FlaskSignedCodec::decode(
        cookie, options, {SecureBytes(secret.constData(), std::size_t(secret.size()))});
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error->message));
    QCOMPARE(PythonRepr::repr(decoded.session), answerText(flask, "repr"));
    QVERIFY(decoded.warnings.size() >= 6);

    const QString plaintext = QStringLiteral(
        R"({"a": {"__type__": "bytes", "b": "AAAA!"}, "b": {"__type__": "bytes", "b": "!!"}})");
    const QJsonObject sealed =
        m_probe.ask(request("seal_raw", {{"key_hex", kKeyHex}, {"plaintext", plaintext}}));
    QVERIFY(sealed.value(QLatin1String("ok")).toBool());
    const QByteArray seedCookie = answerText(sealed, "cookie").toLatin1();
    const QJsonObject seed = m_probe.ask(
        request("open_seed", {{"key_hex", kKeyHex}, {"cookie", QString::fromLatin1(seedCookie)}}));
    QVERIFY(seed.value(QLatin1String("ok")).toBool());
    QVERIFY(!seed.value(QLatin1String("empty")).toBool());
    auto codec = EncryptedSessionCodec::create(keyBytes());
    QVERIFY(codec.ok());
    const auto opened = codec->decode(seedCookie);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error->message));
    QCOMPARE(PythonRepr::repr(opened.session), answerText(seed, "repr"));
    QCOMPARE(opened.warnings.size(), 2);
}

// A Flask session holding a dict shaped like the seed's bytes marker: the seed would load
// bytes. convert says so and hands over what the seed reads back; the seed agrees.
void TestInteropTaggedFidelity::convertSaysWhatTheTargetReadsBack()
{
    const QString payload = QStringLiteral(
        R"({"m":{"__type__":"bytes","b":"AAE="},"o":{"__type__":"x","k":1},"t":{" t":[1]}})");
    const QJsonObject signedCookie = m_probe.ask(
        request("sign_raw", {{"secret", kSecret},
                             {"payload", payload},
                             {"timestamp", QString::number(QDateTime::currentSecsSinceEpoch())}}));
    const QString cookie = answerText(signedCookie, "cookie");
    const QJsonObject flask =
        m_probe.ask(request("open_flask", {{"secret", kSecret}, {"cookie", cookie}}));
    QCOMPARE(answerText(flask, "repr"),
             QStringLiteral("{'m': {'__type__': 'bytes', 'b': 'AAE='}, 'o': {'__type__': 'x', "
                            "'k': 1}, 't': (1,)}"));

    const test::CliRun run =
        test::runCli({QStringLiteral("convert"), QStringLiteral("--to"),
                      QStringLiteral("encrypted"), QStringLiteral("--key"), kKeyHex,
                      QStringLiteral("--max-age"), QStringLiteral("999999999"), cookie});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString notes = QString::fromUtf8(run.err);
    QVERIFY2(notes.contains(QLatin1String("session['m']")), run.err.constData());
    QVERIFY2(notes.contains(QLatin1String("session['o']")), run.err.constData());
    QVERIFY2(notes.contains(QLatin1String("session['t']")), run.err.constData());
    const QString converted = QString::fromLatin1(run.out.trimmed());
    const QJsonObject seed =
        m_probe.ask(request("open_seed", {{"key_hex", kKeyHex}, {"cookie", converted}}));
    QVERIFY(seed.value(QLatin1String("ok")).toBool());
    QCOMPARE(answerText(seed, "repr"),
             QStringLiteral("{'m': b'\\x00\\x01', 'o': {'k': 1, '__type__': 'x'}, 't': [1]}"));

    // Back to Flask: a seed session holding dicts shaped like Flask's tags stays dicts.
    const QString seedPlaintext = QStringLiteral(
        R"({"t": {" t": [1]}, "d": {" di": {" b__": "x"}}, "m": {"__type__": "bytes", "b": "AAE="}})");
    const QString seedCookie = answerText(
        m_probe.ask(request("seal_raw", {{"key_hex", kKeyHex}, {"plaintext", seedPlaintext}})),
        "cookie");
    const test::CliRun back = test::runCli(
        {QStringLiteral("convert"), QStringLiteral("--to"), QStringLiteral("signed"),
         QStringLiteral("--key"), kKeyHex, QStringLiteral("--secret"), kSecret, seedCookie});
    QVERIFY2(back.exitCode == 0, back.err.constData());
    QVERIFY2(back.err.contains("sorted"), back.err.constData());
    const QJsonObject flaskAgain = m_probe.ask(request(
        "open_flask", {{"secret", kSecret}, {"cookie", QString::fromLatin1(back.out.trimmed())}}));
    QCOMPARE(answerText(flaskAgain, "repr"),
             QStringLiteral("{'d': {' di': {' b__': 'x'}}, 'm': b'\\x00\\x01', 't': {' t': [1]}}"));
}

// A marker the seed cannot load at all (its hook raises, so the whole session is dropped) is
// refused, not written.
void TestInteropTaggedFidelity::convertRefusesAMarkerTheSeedCannotLoad()
{
    const QString payload = QStringLiteral(R"({"m":{"__type__":"bytes"},"u":"x"})");
    const QString cookie = answerText(
        m_probe.ask(request("sign_raw",
                            {{"secret", kSecret},
                             {"payload", payload},
                             {"timestamp", QString::number(QDateTime::currentSecsSinceEpoch())}})),
        "cookie");
    const QString asIs = answerText(
        m_probe.ask(
            request("seal_raw",
                    {{"key_hex", kKeyHex},
                     {"plaintext", QStringLiteral(R"({"m": {"__type__": "bytes"}, "u": "x"})")}})),
        "cookie");
    QVERIFY(m_probe.ask(request("open_seed", {{"key_hex", kKeyHex}, {"cookie", asIs}}))
                .value(QLatin1String("empty"))
                .toBool());
    const test::CliRun run =
        test::runCli({QStringLiteral("convert"), QStringLiteral("--to"),
                      QStringLiteral("encrypted"), QStringLiteral("--key"), kKeyHex,
                      QStringLiteral("--max-age"), QStringLiteral("999999999"), cookie});
    QVERIFY2(run.exitCode != 0, run.out.constData());
    QVERIFY(run.out.trimmed().isEmpty());
    QVERIFY2(run.err.contains("session['m']"), run.err.constData());
}

QTEST_GUILESS_MAIN(TestInteropTaggedFidelity)
#include "tst_InteropTaggedFidelity.moc"
