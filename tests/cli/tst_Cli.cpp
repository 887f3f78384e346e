#include "Limits.h"
#include "TestData.h"
#include "encoding/Base64.h"
#include "formats/EncryptedSessionCodec.h"
#include "formats/FlaskSignedCodec.h"
#include "json/PythonJsonReader.h"
#include "json/PythonRepr.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/stat.h>

using namespace sessionlens;

namespace {

const QString kKey =
    QStringLiteral("7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd");
const QString kOtherKey = QString(64, u'1');

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &arguments, const QByteArray &input = {},
        const QProcessEnvironment &environment = test::isolatedCliEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(test::cliPath(), arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodeFormats_data();
    void decodeFormats();
    void decodeTree();
    void severalKeysSayWhichOpened();
    void keyFileAndPythonLiteral();
    void exitCodesNameTheStep_data();
    void exitCodesNameTheStep();
    void limitExitCode();
    void usageErrors();
    void decodeSealRoundTrip();
    void compressOverride();
    void statsJson();
    void statsTable();
    void keyInspectAndGenerate();
    void linesStreamsOneLinePerCookie();
    void headerInputOnStdin();
    void decodeSignedVectors_data();
    void decodeSignedVectors();
    void signReproducesFlaskCookies();
    void crackFindsPlantedSecret();
    void crackEndsWithExit4();
    void convertBothWays();
    void stdinIsReadToTheEnd();
    void deepSignedCookieStaysBounded();
    void crackThreadsAreBounded();
    void outOfRangeTimestampIsNamed();
    void sealWarnsAndRefusesOversizedCookies();
    void statsSizesSignedCookies();
    void watchPrintsNewBrowserCookies();
    void importRefusesAFifo();
    void everyCommandExitsWithADocumentedCode_data();
    void everyCommandExitsWithADocumentedCode();
};

void TestCli::decodeFormats_data()
{
    QTest::addColumn<QString>("cookie");
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QString>("repr");
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session")))
        QTest::newRow(qPrintable(v[QStringLiteral("name")].toString()))
            << v[QStringLiteral("cookie")].toString()
            << v[QStringLiteral("plaintext")].toString().toUtf8()
            << v[QStringLiteral("python_repr")].toString();
}

void TestCli::decodeFormats()
{
    QFETCH(QString, cookie);
    QFETCH(QByteArray, plaintext);
    QFETCH(QString, repr);
    const Run json = cli({QStringLiteral("decode"), QStringLiteral("--key"), kKey,
                          QStringLiteral("--format"), QStringLiteral("json"), cookie});
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(json.out, plaintext + '\n');
    QVERIFY(json.err.isEmpty());
    const Run python = cli({QStringLiteral("decode"), QStringLiteral("-k"), kKey,
                            QStringLiteral("--format"), QStringLiteral("python"), cookie});
    QCOMPARE(python.exitCode, 0);
    QCOMPARE(QString::fromUtf8(python.out), repr + u'\n');
}

void TestCli::decodeTree()
{
    const Run run = cli({QStringLiteral("decode"), QStringLiteral("--key"), kKey,
                         test::cookieVector(QStringLiteral("encrypted_session"),
                                            QStringLiteral("types"))[QStringLiteral("cookie")]
                             .toString()});
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.startsWith(QStringLiteral("(dict): 8 items\n")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("  'i' (int): -7\n")));
    QVERIFY(out.contains(
        QStringLiteral("  'l' (list): 3 items\n    [0] (int): 1\n    [1] (str): 'two'\n")));
    QVERIFY(out.contains(QStringLiteral("      'k2' (list): 0 items\n")));
}

void TestCli::severalKeysSayWhichOpened()
{
    const QString cookie = test::cookieVector(QStringLiteral("encrypted_session"),
                                              QStringLiteral("login"))[QStringLiteral("cookie")]
                               .toString();
    const Run run =
        cli({QStringLiteral("decode"), QStringLiteral("--key"), kOtherKey, QStringLiteral("--key"),
             kKey, QStringLiteral("--format"), QStringLiteral("json"), cookie});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("opened with --key #2"), run.err.constData());
    QVERIFY(!run.err.contains(kKey.toLatin1())); // only the fingerprint is shown
    const Run none = cli({QStringLiteral("decode"), QStringLiteral("--key"), kOtherKey,
                          QStringLiteral("--key"), QString(64, u'2'), cookie});
    QCOMPARE(none.exitCode, 4);
    QVERIFY(none.err.contains("authentication"));
}

void TestCli::keyFileAndPythonLiteral()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("dev.key")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    // The Python form of the vector key, with the assignment pasted along.
    const QByteArray raw = QByteArray::fromHex(kKey.toLatin1());
    file.write("app.config['SESSION_CRYPTO_KEY'] = " + PythonRepr::bytesRepr(raw).toLatin1() +
               "\n");
    file.close();
    const Run run = cli({QStringLiteral("decode"), QStringLiteral("--key-file"), file.fileName(),
                         QStringLiteral("--format"), QStringLiteral("json"),
                         test::cookieVector(QStringLiteral("encrypted_session"),
                                            QStringLiteral("login"))[QStringLiteral("cookie")]
                             .toString()});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("{\"user_id\": 42"));
}

void TestCli::exitCodesNameTheStep_data()
{
    QTest::addColumn<QString>("cookie");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("step");
    const QHash<QString, int> codes{{QStringLiteral("format"), 3},
                                    {QStringLiteral("authentication"), 4},
                                    {QStringLiteral("decompression"), 5},
                                    {QStringLiteral("encoding"), 6},
                                    {QStringLiteral("json"), 7}};
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session_invalid"))) {
        const QString name = v[QStringLiteral("name")].toString();
        const QString expected = v[QStringLiteral("error")].toString();
        QByteArray step =
            expected == QLatin1String("json") ? "JSON step" : expected.toLatin1() + " step";
        if (name == QLatin1String("bad-base64"))
            step = "base64 step";
        QTest::newRow(qPrintable(name))
            << v[QStringLiteral("cookie")].toString() << codes.value(expected) << step;
    }
}

void TestCli::exitCodesNameTheStep()
{
    QFETCH(QString, cookie);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, step);
    const Run run = cli({QStringLiteral("decode"), QStringLiteral("--key"), kKey, cookie});
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(step), run.err.constData());
}

void TestCli::limitExitCode()
{
    const QByteArray json = "{\"a\": \"" + QByteArray(9 * 1024 * 1024, 'a') + "\"}";
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("big.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();
    // 9 MiB of JSON is over seal's input limit too.
    const Run tooBig =
        cli({QStringLiteral("seal"), QStringLiteral("--key"), kKey, file.fileName()});
    QCOMPARE(tooBig.exitCode, 8);
    const QByteArray nested = "{\"a\": " + QByteArray(600, '[') + QByteArray(600, ']') + "}";
    const Run deep = cli({QStringLiteral("seal"), QStringLiteral("--key"), kKey}, nested);
    QCOMPARE(deep.exitCode, 8);
    QVERIFY(deep.err.contains("limit step"));
}

void TestCli::usageErrors()
{
    QCOMPARE(cli({}).exitCode, 2);
    QCOMPARE(cli({QStringLiteral("frobnicate")}).exitCode, 2);
    QCOMPARE(cli({QStringLiteral("decode"), QStringLiteral("u.a.b.c")}).exitCode, 2);
    QCOMPARE(cli({QStringLiteral("decode"), QStringLiteral("--key"), kKey,
                  QStringLiteral("--format"), QStringLiteral("yaml"), QStringLiteral("u.a.b.c")})
                 .exitCode,
             2);
    const Run badKey = cli({QStringLiteral("decode"), QStringLiteral("--key"),
                            QStringLiteral("abcd"), QStringLiteral("u.a.b.c")});
    QCOMPARE(badKey.exitCode, 9);
    QVERIFY(badKey.err.contains("2 bytes"));
    QCOMPARE(cli({QStringLiteral("help")}).exitCode, 0);
}

void TestCli::decodeSealRoundTrip()
{
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session"))) {
        const Run decoded = cli({QStringLiteral("decode"), QStringLiteral("--key"), kKey,
                                 QStringLiteral("--format"), QStringLiteral("json"),
                                 v[QStringLiteral("cookie")].toString()});
        QCOMPARE(decoded.exitCode, 0);
        const Run sealed =
            cli({QStringLiteral("seal"), QStringLiteral("--key"), kKey, QStringLiteral("-")},
                decoded.out);
        QCOMPARE(sealed.exitCode, 0);
        const QByteArray cookie = sealed.out.trimmed();
        QVERIFY(cookie != v[QStringLiteral("cookie")].toString().toLatin1()); // fresh nonce
        QCOMPARE(cookie.size(), v[QStringLiteral("cookie")].toString().size());
        QCOMPARE(cookie.left(2), v[QStringLiteral("cookie")].toString().toLatin1().left(2));
        const Run again =
            cli({QStringLiteral("decode"), QStringLiteral("--key"), kKey,
                 QStringLiteral("--format"), QStringLiteral("json"), QString::fromLatin1(cookie)});
        QCOMPARE(again.out, v[QStringLiteral("plaintext")].toString().toUtf8() + '\n');
    }
}

void TestCli::compressOverride()
{
    const Run always = cli({QStringLiteral("seal"), QStringLiteral("--key"), kKey,
                            QStringLiteral("--compress"), QStringLiteral("always")},
                           "{\"a\": 1}");
    QCOMPARE(always.exitCode, 0);
    QVERIFY(always.out.startsWith("z."));
    const Run never = cli({QStringLiteral("seal"), QStringLiteral("--key"), kKey,
                           QStringLiteral("--compress"), QStringLiteral("never")},
                          "{\"a\": \"" + QByteArray(3000, 'x') + "\"}");
    QCOMPARE(never.exitCode, 0);
    QVERIFY(never.out.startsWith("u."));
    const Run bad = cli({QStringLiteral("seal"), QStringLiteral("--key"), kKey}, "[1, 2]");
    QCOMPARE(bad.exitCode, 7);
}

void TestCli::statsJson()
{
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session"))) {
        const QString cookie = v[QStringLiteral("cookie")].toString();
        const Run run = cli({QStringLiteral("stats"), QStringLiteral("--key"), kKey,
                             QStringLiteral("--json"), cookie});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(report.value(QStringLiteral("cookie_value_bytes")).toInt(), cookie.size());
        QCOMPARE(report.value(QStringLiteral("actual_cookie_value_bytes")).toInt(), cookie.size());
        QCOMPARE(report.value(QStringLiteral("json_bytes")).toInt(),
                 v[QStringLiteral("plaintext")].toString().toUtf8().size());
        QCOMPARE(report.value(QStringLiteral("compressed")).toBool(),
                 v[QStringLiteral("compressed")].toBool());
        QCOMPARE(report.value(QStringLiteral("set_cookie_bytes")).toInt(), cookie.size() + 8 + 18);
        QCOMPARE(report.value(QStringLiteral("werkzeug_headroom")).toInt(),
                 4093 - (cookie.size() + 26));
    }
}

void TestCli::statsTable()
{
    const QString cookie =
        test::cookieVector(QStringLiteral("encrypted_session"),
                           QStringLiteral("compressed-cart"))[QStringLiteral("cookie")]
            .toString();
    const Run run = cli({QStringLiteral("stats"), QStringLiteral("--key"), kKey, cookie});
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY(out.contains(QStringLiteral("JSON plaintext")));
    QVERIFY(out.contains(QStringLiteral("3095")));
    QVERIFY(out.contains(QString::number(cookie.size())));
    QVERIFY(out.contains(QStringLiteral("items")));
}

void TestCli::keyInspectAndGenerate()
{
    const Run inspect = cli({QStringLiteral("key"), QStringLiteral("inspect"), kKey});
    QCOMPARE(inspect.exitCode, 0);
    QVERIFY(inspect.out.contains("length:      32 bytes"));
    QVERIFY(inspect.out.contains("AES-256"));
    const QByteArray raw = QByteArray::fromHex(kKey.toLatin1());
    QVERIFY(inspect.out.contains("base64:      " + raw.toBase64()));
    QVERIFY(inspect.out.contains("python:      " + PythonRepr::bytesRepr(raw).toUtf8()));
    for (const char *format : {"hex", "base64", "python"}) {
        const Run generated = cli({QStringLiteral("key"), QStringLiteral("generate"),
                                   QStringLiteral("--format"), QLatin1String(format)});
        QCOMPARE(generated.exitCode, 0);
        const Run back = cli({QStringLiteral("key"), QStringLiteral("inspect"),
                              QString::fromUtf8(generated.out.trimmed())});
        QCOMPARE(back.exitCode, 0);
        QVERIFY(back.out.contains("length:      32 bytes"));
    }
    const Run small =
        cli({QStringLiteral("key"), QStringLiteral("generate"), QStringLiteral("--size"),
             QStringLiteral("16"), QStringLiteral("--format"), QStringLiteral("hex")});
    QCOMPARE(small.out.trimmed().size(), 32);
}

void TestCli::linesStreamsOneLinePerCookie()
{
    QByteArray input;
    QList<QByteArray> expected;
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session"))) {
        input += v[QStringLiteral("cookie")].toString().toLatin1() + '\n';
        expected += v[QStringLiteral("plaintext")].toString().toUtf8();
    }
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session_invalid"))) {
        input += v[QStringLiteral("cookie")].toString().toLatin1() + "\r\n";
        expected += "error ";
    }
    input += "\n";
    expected += "error format:";
    const Run run =
        cli({QStringLiteral("decode"), QStringLiteral("--key"), kOtherKey, QStringLiteral("--key"),
             kKey, QStringLiteral("--lines"), QStringLiteral("--format"), QStringLiteral("json")},
            input);
    QCOMPARE(run.exitCode, 3); // the first failing line was a format error
    QList<QByteArray> lines = run.out.split('\n');
    QCOMPARE(lines.takeLast(), QByteArray());
    QCOMPARE(lines.size(), expected.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (expected[i].startsWith("error"))
            QVERIFY2(lines[i].startsWith(expected[i]), lines[i].constData());
        else
            QCOMPARE(lines[i], expected[i]);
    }
    const Run tree =
        cli({QStringLiteral("decode"), QStringLiteral("--key"), kKey, QStringLiteral("--lines")},
            test::cookieVectors(QStringLiteral("encrypted_session"))
                .first()[QStringLiteral("cookie")]
                .toString()
                .toLatin1());
    QCOMPARE(tree.exitCode, 0);
    QCOMPARE(tree.out, QByteArray("{'a': int 1}\n"));

    // JSON with line breaks is rewritten onto one line; broken JSON still says its step.
    const QByteArray raw = QByteArray::fromHex(kKey.toLatin1());
    auto codec =
        EncryptedSessionCodec::create(SecureBytes(raw.constData(), std::size_t(raw.size())));
    QVERIFY(codec.ok());
    const QByteArray multiLine = codec->sealPlaintext("{\n  \"a\": [1,\r\n 2]\n}")->cookie;
    const QByteArray broken = codec->sealPlaintext("{\n  \"a\": [1,\n 2}")->cookie;
    const Run rewritten =
        cli({QStringLiteral("decode"), QStringLiteral("--key"), kKey, QStringLiteral("--lines"),
             QStringLiteral("--format"), QStringLiteral("json")},
            multiLine + '\n' + broken + '\n');
    QCOMPARE(rewritten.out.split('\n').value(0), QByteArray(R"({"a": [1, 2]})"));
    QVERIFY2(rewritten.out.split('\n').value(1).startsWith("error json: "),
             rewritten.out.constData());
}

void TestCli::headerInputOnStdin()
{
    const QByteArray cookie = test::cookieVector(QStringLiteral("encrypted_session"),
                                                 QStringLiteral("login"))[QStringLiteral("cookie")]
                                  .toString()
                                  .toLatin1();
    const Run run = cli({QStringLiteral("decode"), QStringLiteral("--key"), kKey,
                         QStringLiteral("--format"), QStringLiteral("python"), QStringLiteral("-")},
                        "Set-Cookie: session=" + cookie + "; HttpOnly; Path=/\n");
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("{'user_id': 42, 'username': 'alice', 'logged_in': True}\n"));
}

void TestCli::decodeSignedVectors_data()
{
    QTest::addColumn<QString>("cookie");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("repr");
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("flask_default")))
        QTest::newRow(qPrintable(v[QStringLiteral("name")].toString()))
            << v[QStringLiteral("cookie")].toString() << v[QStringLiteral("secret")].toString()
            << v[QStringLiteral("payload")].toString().toUtf8()
            << v[QStringLiteral("python_repr")].toString();
}

void TestCli::decodeSignedVectors()
{
    QFETCH(QString, cookie);
    QFETCH(QString, secret);
    QFETCH(QByteArray, payload);
    QFETCH(QString, repr);
    // No secret: readable, with a note that nothing was checked.
    const Run open =
        cli({QStringLiteral("decode"), QStringLiteral("--format"), QStringLiteral("json"), cookie});
    QCOMPARE(open.exitCode, 0);
    QCOMPARE(open.out, payload + '\n');
    QVERIFY(open.err.contains("not checked"));
    const Run verified = cli({QStringLiteral("decode"), QStringLiteral("--secret"),
                              QStringLiteral("old"), QStringLiteral("--secret"), secret,
                              QStringLiteral("--format"), QStringLiteral("python"), cookie});
    QCOMPARE(verified.exitCode, 0);
    QCOMPARE(QString::fromUtf8(verified.out), repr + u'\n');
    QVERIFY(verified.err.contains("signature valid: --secret #2"));
    const Run wrong =
        cli({QStringLiteral("decode"), QStringLiteral("--secret"), QStringLiteral("nope"), cookie});
    QCOMPARE(wrong.exitCode, 4);
    QVERIFY(wrong.err.contains("authentication"));
}

void TestCli::signReproducesFlaskCookies()
{
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("flask_default"))) {
        const Run run = cli({QStringLiteral("sign"), QStringLiteral("--secret"),
                             v[QStringLiteral("secret")].toString(), QStringLiteral("--timestamp"),
                             QString::number(v[QStringLiteral("timestamp")].toInteger())},
                            v[QStringLiteral("payload")].toString().toUtf8());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), v[QStringLiteral("cookie")].toString().toLatin1());
    }
    const Run sha256 = cli({QStringLiteral("sign"), QStringLiteral("--secret"), QStringLiteral("k"),
                            QStringLiteral("--digest"), QStringLiteral("sha256"),
                            QStringLiteral("--salt"), QStringLiteral("other")},
                           "{\"a\":1}");
    QCOMPARE(sha256.exitCode, 0);
    const QString cookie = QString::fromLatin1(sha256.out.trimmed());
    QCOMPARE(
        cli({QStringLiteral("decode"), QStringLiteral("--secret"), QStringLiteral("k"), cookie})
            .exitCode,
        4);
    QCOMPARE(cli({QStringLiteral("decode"), QStringLiteral("--secret"), QStringLiteral("k"),
                  QStringLiteral("--digest"), QStringLiteral("sha256"), QStringLiteral("--salt"),
                  QStringLiteral("other"), cookie})
                 .exitCode,
             0);
}

void TestCli::crackFindsPlantedSecret()
{
    // A generated wordlist with the secret planted at a known line.
    const QJsonObject v = test::cookieVectors(QStringLiteral("flask_default")).first().toObject();
    QTemporaryDir dir;
    QFile list(dir.filePath(QStringLiteral("words.txt")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    const int planted = 23456;
    for (int line = 1; line <= 40000; ++line) {
        if (line == planted)
            list.write(v[QStringLiteral("secret")].toString().toUtf8() + "\r\n");
        else
            list.write("candidate-" + QByteArray::number(line * 7919) + '\n');
    }
    list.close();
    for (const char *threads : {"1", "2"}) {
        const Run run =
            cli({QStringLiteral("crack"), QStringLiteral("--no-builtin"),
                 QStringLiteral("--threads"), QLatin1String(threads), QStringLiteral("--wordlist"),
                 list.fileName(), v[QStringLiteral("cookie")].toString()});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), v[QStringLiteral("secret")].toString().toUtf8());
        QVERIFY2(run.err.contains("found at line " + QByteArray::number(planted)),
                 run.err.constData());
    }
}

void TestCli::crackEndsWithExit4()
{
    const QJsonObject v = test::cookieVectors(QStringLiteral("flask_default")).first().toObject();
    QTemporaryDir dir;
    QFile list(dir.filePath(QStringLiteral("words.txt")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    for (int line = 0; line < 5000; ++line)
        list.write("wrong-" + QByteArray::number(line) + '\n');
    list.close();
    const Run run = cli({QStringLiteral("crack"), QStringLiteral("--wordlist"), list.fileName(),
                         v[QStringLiteral("cookie")].toString()});
    QCOMPARE(run.exitCode, 4);
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.contains("tried 5"));
    // A tutorial secret is caught by the built-in list without any wordlist.
    const Run signedWithDev = cli({QStringLiteral("sign"), QStringLiteral("--secret"),
                                   QStringLiteral("you-will-never-guess")},
                                  "{\"a\":1}");
    const Run builtIn =
        cli({QStringLiteral("crack"), QString::fromLatin1(signedWithDev.out.trimmed())});
    QCOMPARE(builtIn.exitCode, 0);
    QCOMPARE(builtIn.out.trimmed(), QByteArray("you-will-never-guess"));
}

void TestCli::convertBothWays()
{
    const QJsonObject tagged = test::cookieVectors(QStringLiteral("flask_default"))[1].toObject();
    QCOMPARE(tagged[QStringLiteral("name")].toString(), QStringLiteral("d-tagged"));
    const Run toEncrypted = cli(
        {QStringLiteral("convert"), QStringLiteral("--to"), QStringLiteral("encrypted"),
         QStringLiteral("--key"), kKey, QStringLiteral("--secret"),
         tagged[QStringLiteral("secret")].toString(), tagged[QStringLiteral("cookie")].toString()});
    QCOMPARE(toEncrypted.exitCode, 0);
    // Every type EncryptedSession cannot carry is named.
    for (const char *what : {"session['id']: UUID", "session['safe']: Markup",
                             "session['tup']: tuple", "session['when']: datetime"})
        QVERIFY2(toEncrypted.err.contains(what), toEncrypted.err.constData());
    const Run opened =
        cli({QStringLiteral("decode"), QStringLiteral("--key"), kKey, QStringLiteral("--format"),
             QStringLiteral("json"), QString::fromLatin1(toEncrypted.out.trimmed())});
    QCOMPARE(
        opened.out,
        QByteArray(
            R"({"id": "12345678-1234-5678-1234-567812345678", "raw": {"__type__": "bytes", "b": "AAFiaW5hcnk="}, "safe": "<b>hi</b>", "tup": [1, 2, "x"], "when": "Fri, 17 May 2024 12:30:45 GMT"})") +
            '\n');

    const QString login = test::cookieVector(QStringLiteral("encrypted_session"),
                                             QStringLiteral("login"))[QStringLiteral("cookie")]
                              .toString();
    const Run toSigned = cli({QStringLiteral("convert"), QStringLiteral("--to"),
                              QStringLiteral("signed"), QStringLiteral("--secret"),
                              QStringLiteral("s3"), QStringLiteral("--key"), kKey, login});
    QCOMPARE(toSigned.exitCode, 0);
    QVERIFY(toSigned.err.contains("sorted order"));
    const Run back = cli({QStringLiteral("decode"), QStringLiteral("--secret"),
                          QStringLiteral("s3"), QStringLiteral("--format"), QStringLiteral("json"),
                          QString::fromLatin1(toSigned.out.trimmed())});
    QCOMPARE(back.exitCode, 0);
    QCOMPARE(back.out, QByteArray(R"({"logged_in":true,"user_id":42,"username":"alice"})") + '\n');
}

namespace {

// A Flask signed cookie around this JSON (compressed when shorter); the signature is junk,
// as a stranger's would be: reading needs no secret.
QString signedCookieOf(const QByteArray &json,
                       const QByteArray &timestamp = QByteArray("\x66\x00\x00\x00", 4))
{
    return QString::fromLatin1(FlaskSignedCodec::payloadField(json) + '.' +
                               Base64::encode(timestamp, Base64::Alphabet::UrlSafe) +
                               ".AAAAAAAAAAAAAAAAAAAAAAAAAAA");
}

} // namespace

void TestCli::stdinIsReadToTheEnd()
{
    // Far more than one pipe buffer (64 KiB): a single read would cut it.
    QByteArray json = "{\"items\": [";
    for (int i = 0; i < 30000; ++i)
        json.append(i ? ", \"item-" : "\"item-").append(QByteArray::number(i)).append('"');
    json.append("]}");
    QVERIFY(json.size() > 300 * 1024);
    const Run sealed =
        cli({QStringLiteral("seal"), QStringLiteral("--key"), kKey, QStringLiteral("-")}, json);
    QCOMPARE(sealed.exitCode, 0);
    const QByteArray cookie = sealed.out.trimmed();

    // The cookie itself through a pipe, as a header line.
    QByteArray big = "{\"blob\": \"";
    for (int i = 0; i < 200000; ++i)
        big.append(char('a' + (i * 7 + i / 13) % 26));
    big.append("\"}");
    const Run bigSealed = cli({QStringLiteral("seal"), QStringLiteral("--key"), kKey,
                               QStringLiteral("--compress"), QStringLiteral("never")},
                              big);
    QCOMPARE(bigSealed.exitCode, 0);
    QVERIFY(bigSealed.out.size() > 256 * 1024);
    QVERIFY(bigSealed.err.contains("over the browsers"));
    const Run opened =
        cli({QStringLiteral("decode"), QStringLiteral("--key"), kKey, QStringLiteral("--format"),
             QStringLiteral("json"), QStringLiteral("-")},
            "Cookie: session=" + bigSealed.out.trimmed() + "\n");
    QCOMPARE(opened.exitCode, 0);
    QCOMPARE(opened.out, big + '\n');
    const Run small = cli({QStringLiteral("decode"), QStringLiteral("--key"), kKey,
                           QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-")},
                          cookie);
    QCOMPARE(small.out, json + '\n');
}

void TestCli::deepSignedCookieStaysBounded()
{
    // 900 branches of 500 nested lists: 450,000 values from about a kilobyte of cookie. The
    // tree text once indented each line by its depth and grew until the process died.
    const QByteArray branch = QByteArray(500, '[') + QByteArray(500, ']');
    QByteArray json = "{\"a\":[" + branch;
    for (int i = 1; i < 900; ++i)
        json.append(',').append(branch);
    json.append("]}");
    const QString cookie = signedCookieOf(json);
    QVERIFY(cookie.size() < 16 * 1024); // a small cookie: zlib folds the repetition
    const Run tree = cli({QStringLiteral("decode"), cookie});
    QCOMPARE(tree.exitCode, 0);
    QVERIFY(tree.out.size() < limits::kMaxOutputChars);
    QVERIFY(tree.out.contains("[depth 500] "));
    const Run python = cli(
        {QStringLiteral("decode"), QStringLiteral("--format"), QStringLiteral("python"), cookie});
    QCOMPARE(python.exitCode, 0);
    // Wider still: past the node limit, a limit error (exit 8), not a crash.
    QByteArray wider = "{\"a\":[" + branch;
    for (int i = 1; i < 1100; ++i)
        wider.append(',').append(branch);
    wider.append("]}");
    const Run limited = cli({QStringLiteral("decode"), signedCookieOf(wider)});
    QCOMPARE(limited.exitCode, 8);
    QVERIFY(limited.err.contains("limit step"));
}

void TestCli::crackThreadsAreBounded()
{
    const QString cookie = signedCookieOf(R"({"a":1})");
    const Run huge = cli(
        {QStringLiteral("crack"), QStringLiteral("--threads"), QStringLiteral("100000"), cookie});
    QCOMPARE(huge.exitCode, 2);
    QVERIFY(huge.err.contains("--threads"));
    const Run negative =
        cli({QStringLiteral("crack"), QStringLiteral("--threads"), QStringLiteral("-3"), cookie});
    QCOMPARE(negative.exitCode, 2);
}

void TestCli::outOfRangeTimestampIsNamed()
{
    const Run run =
        cli({QStringLiteral("decode"), signedCookieOf(R"({"a":1})", QByteArray(8, '\xff'))});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("out of range"), run.err.constData());
    QVERIFY(!run.err.contains("s ago"));
}

void TestCli::sealWarnsAndRefusesOversizedCookies()
{
    const Run fits = cli({QStringLiteral("seal"), QStringLiteral("--key"), kKey}, "{\"a\": 1}");
    QCOMPARE(fits.exitCode, 0);
    QVERIFY(fits.err.isEmpty());
    QByteArray noisy = "{\"n\": \"";
    for (qint64 i = 0; i < 900 * 1024; ++i)
        noisy.append(char('a' + (i * 7919 + i / 7) % 26));
    noisy.append("\"}");
    const Run refused = cli({QStringLiteral("seal"), QStringLiteral("--key"), kKey,
                             QStringLiteral("--compress"), QStringLiteral("never")},
                            noisy);
    QCOMPARE(refused.exitCode, 8);
    QVERIFY(refused.out.isEmpty());
    QVERIFY2(refused.err.contains("more than the 1048576 bytes"), refused.err.constData());
}

void TestCli::statsSizesSignedCookies()
{
    const QJsonObject v = test::cookieVectors(QStringLiteral("flask_default"))[0].toObject();
    const Run run = cli({QStringLiteral("stats"), QStringLiteral("--json"),
                         v[QStringLiteral("cookie")].toString()});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report[QStringLiteral("format")].toString(), QStringLiteral("signed"));
    QCOMPARE(report[QStringLiteral("json_bytes")].toInt(),
             v[QStringLiteral("payload")].toString().toUtf8().size());
    const Run table = cli({QStringLiteral("stats"), v[QStringLiteral("cookie")].toString()});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains("signature, base64"));
}

void TestCli::watchPrintsNewBrowserCookies()
{
    // A Firefox database that a "browser" (this test) keeps writing to while watch runs.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cookies.sqlite"));
    const QString connection = QStringLiteral("watch-writer");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        QVERIFY(QSqlQuery(db).exec(
            QStringLiteral("CREATE TABLE moz_cookies (id INTEGER PRIMARY KEY, originAttributes "
                           "TEXT NOT NULL DEFAULT '', name TEXT, "
                           "value TEXT, host TEXT, path TEXT, expiry INTEGER, lastAccessed "
                           "INTEGER, creationTime INTEGER, isSecure INTEGER, "
                           "isHttpOnly INTEGER)")));
    }
    const auto insert = [&](const QString &value, qint64 when) {
        QSqlQuery query(QSqlDatabase::database(connection));
        query.prepare(QStringLiteral(
            "INSERT INTO moz_cookies (name, value, host, path, lastAccessed, isSecure) "
            "VALUES ('session', ?, 'app.test', '/', ?, 0)"));
        query.addBindValue(value);
        query.addBindValue(when);
        return query.exec();
    };
    const QJsonArray vectors = test::cookieVectors(QStringLiteral("flask_default"));
    QVERIFY(insert(vectors[0][QStringLiteral("cookie")].toString(), 1700000000000000));
    QProcess watch;
    watch.setProcessEnvironment(test::isolatedCliEnvironment());
    watch.start(test::cliPath(),
                {QStringLiteral("watch"), QStringLiteral("--interval"), QStringLiteral("0.1"),
                 QStringLiteral("--format"), QStringLiteral("jsonl"), dir.path()});
    QVERIFY(watch.waitForStarted());
    QByteArray lines;
    while (lines.count('\n') < 1 && watch.waitForReadyRead(30000))
        lines += watch.readAllStandardOutput();
    QVERIFY(insert(vectors[1][QStringLiteral("cookie")].toString(), 1700000100000000));
    while (lines.count('\n') < 2 && watch.waitForReadyRead(30000))
        lines += watch.readAllStandardOutput();
    const QList<QByteArray> entries = lines.trimmed().split('\n');
    QCOMPARE(entries.size(), 2);
    const QJsonObject second = QJsonDocument::fromJson(entries[1]).object();
    QCOMPARE(second[QStringLiteral("source")].toString(), QStringLiteral("store"));
    QCOMPARE(second[QStringLiteral("value")].toString(),
             vectors[1][QStringLiteral("cookie")].toString());
    QCOMPARE(second[QStringLiteral("url")].toString(), QStringLiteral("http://app.test/"));
    ::kill(pid_t(watch.processId()), SIGINT);
    QVERIFY(watch.waitForFinished(30000));
    QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
    QCOMPARE(watch.exitCode(), 0);
    QSqlDatabase::removeDatabase(connection);
}

void TestCli::importRefusesAFifo()
{
    // A FIFO nobody writes to blocked `import` for ever: it is refused at once as an io error,
    // and the files after it are still read.
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("export.har"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QString list = dir.filePath(QStringLiteral("cookies.list"));
    {
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(test::cookieVectors(QStringLiteral("flask_default"))[0]
                       .toObject()[QStringLiteral("cookie")]
                       .toString()
                       .toLatin1());
    }
    QProcess import;
    import.setProcessEnvironment(test::isolatedCliEnvironment());
    import.start(test::cliPath(), {QStringLiteral("import"), QStringLiteral("--format"),
                                   QStringLiteral("jsonl"), fifo, list});
    QVERIFY(import.waitForStarted());
    // A deadline for a process that would otherwise never end, not a measure of speed.
    if (!import.waitForFinished(60000)) {
        import.kill();
        import.waitForFinished();
        QFAIL("import of a FIFO did not end");
    }
    QCOMPARE(import.exitStatus(), QProcess::NormalExit);
    const QByteArray err = import.readAllStandardError();
    QVERIFY2(err.contains("input/output step failed") && err.contains("not a regular file"),
             err.constData());
    QCOMPARE(import.exitCode(), 10);
    QCOMPARE(import.readAllStandardOutput().count('\n'), 1);
}

void TestCli::everyCommandExitsWithADocumentedCode_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    const QString signedCookie = signedCookieOf(R"({"a":1})");
    const auto row = [](const char *name, QStringList arguments, QByteArray input = {}) {
        QTest::newRow(name) << arguments << input;
    };
    row("decode garbage",
        {QStringLiteral("decode"), QStringLiteral("--key"), kKey, QStringLiteral("-")},
        "\x01\x02\xff");
    row("decode empty stdin",
        {QStringLiteral("decode"), QStringLiteral("--key"), kKey, QStringLiteral("-")});
    row("decode missing file", {QStringLiteral("decode"), QStringLiteral("--key-file"),
                                QStringLiteral("/nonexistent/key"), QStringLiteral("x")});
    row("seal not json", {QStringLiteral("seal"), QStringLiteral("--key"), kKey}, "{nope");
    row("seal two keys",
        {QStringLiteral("seal"), QStringLiteral("--key"), kKey, QStringLiteral("--key"), kOtherKey},
        "{}");
    row("stats garbage",
        {QStringLiteral("stats"), QStringLiteral("--key"), kKey, QStringLiteral("u.x.y.z")});
    row("stats no key", {QStringLiteral("stats"), QStringLiteral("u.x.y.z")});
    row("sign no secret", {QStringLiteral("sign")}, "{}");
    row("sign bad timestamp",
        {QStringLiteral("sign"), QStringLiteral("--secret"), QStringLiteral("s"),
         QStringLiteral("--timestamp"), QStringLiteral("99999999999999")},
        "{}");
    row("convert secret first", {QStringLiteral("convert"), QStringLiteral("--to"),
                                 QStringLiteral("encrypted"), QStringLiteral("--secret"),
                                 QStringLiteral("s"), QStringLiteral("--key"), kKey, signedCookie});
    row("convert bad compression",
        {QStringLiteral("convert"), QStringLiteral("--to"), QStringLiteral("encrypted"),
         QStringLiteral("--key"), kKey, QStringLiteral("--compress"), QStringLiteral("sometimes"),
         signedCookie});
    row("convert nowhere",
        {QStringLiteral("convert"), QStringLiteral("--to"), QStringLiteral("yaml"), signedCookie});
    row("crack no wordlist file", {QStringLiteral("crack"), QStringLiteral("--wordlist"),
                                   QStringLiteral("/nonexistent"), signedCookie});
    row("crack encrypted cookie", {QStringLiteral("crack"), QStringLiteral("u.AAAA.AAAA.AAAA")});
    row("key inspect junk",
        {QStringLiteral("key"), QStringLiteral("inspect"), QStringLiteral("zz")});
    row("key nothing", {QStringLiteral("key")});
}

void TestCli::everyCommandExitsWithADocumentedCode()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    const Run run = cli(arguments, input);
    QVERIFY2(run.exitCode >= 0 && run.exitCode <= 10 && run.exitCode != 1,
             qPrintable(
                 QStringLiteral("exit %1: %2").arg(run.exitCode).arg(QString::fromUtf8(run.err))));
    if (run.exitCode != 0)
        QVERIFY2(!run.err.isEmpty(), "a failure says why on stderr");
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_Cli.moc"
