// `sessionlens-cli csrf verify|mint` on tokens and sessions Flask-WTF made
// (tests/data/wtf_csrf_vectors.json): each step's exit code and words, the JSON verdict, and a
// token minted for a session of either format.

#include "TestData.h"
#include "document/SessionSealer.h"
#include "formats/FlaskSignedFormat.h"
#include "formats/FormatRegistry.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace sessionlens;

namespace {

QJsonObject vector(const QString &section, const QString &name)
{
    const QJsonArray rows =
        test::loadJsonObject(QStringLiteral("wtf_csrf_vectors.json"))[section].toArray();
    for (const QJsonValue &row : rows) {
        if (row.toObject()[QStringLiteral("name")].toString() == name)
            return row.toObject();
    }
    qWarning("no vector %s", qPrintable(name));
    return {};
}

QByteArray signedSession(const SessionValue &session, const QByteArray &secret)
{
    SealOptions options;
    options.format = FormatRegistry::builtIn().find(FlaskSignedFormat::formatId());
    return SessionSealer::seal(session, SecureBytes(secret.constData(), std::size_t(secret.size())),
                               options)
        .cookie;
}

test::CliRun csrf(const QStringList &arguments)
{
    return test::runCli(QStringList{QStringLiteral("csrf")} + arguments +
                        QStringList{QStringLiteral("--no-ring")});
}

QList<QByteArray> lines(const QByteArray &text)
{
    QList<QByteArray> out = text.trimmed().split('\n');
    out.removeAll(QByteArray());
    return out;
}

} // namespace

class TestCsrfCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verifiesFlaskWtfsToken()
    {
        const QJsonObject v = vector(QStringLiteral("valid"), QStringLiteral("default"));
        const QString session = v[QStringLiteral("session_cookie")].toString();
        const QString token = v[QStringLiteral("token")].toString();
        const QStringList base = {QStringLiteral("verify"),
                                  QStringLiteral("--session"),
                                  session,
                                  QStringLiteral("--token"),
                                  token,
                                  QStringLiteral("--secret"),
                                  QStringLiteral("decoy"),
                                  QStringLiteral("--secret"),
                                  v[QStringLiteral("secret")].toString()};
        // The vectors were signed in 2025: only with no time limit are they valid now.
        const auto valid =
            csrf(base + QStringList{QStringLiteral("--time-limit"), QStringLiteral("none")});
        QVERIFY2(valid.exitCode == 0, valid.err.constData());
        QVERIFY2(valid.out.startsWith("valid: signed with --secret #2"), valid.out.constData());
        QVERIFY(valid.out.contains("time limit: none"));

        const auto expired = csrf(base);
        QCOMPARE(expired.exitCode, 4);
        QVERIFY2(expired.err.contains("fails at step expired: The CSRF token has expired."),
                 expired.err.constData());

        const auto json = csrf(base + QStringList{QStringLiteral("--json")});
        const QJsonObject verdict = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(verdict[QStringLiteral("valid")].toBool(), false);
        QCOMPARE(verdict[QStringLiteral("step")].toString(), QStringLiteral("expired"));
        QCOMPARE(verdict[QStringLiteral("secret")].toString(), QStringLiteral("--secret #2"));
        QCOMPARE(verdict[QStringLiteral("timestamp")].toInteger(),
                 v[QStringLiteral("timestamp")].toInteger());
        QCOMPARE(verdict[QStringLiteral("time_limit")].toInteger(), 3600);
    }

    void decodePrintsTheTokensTime_data()
    {
        QTest::addColumn<QString>("output");
        QTest::newRow("tree") << QStringLiteral("tree");
        QTest::newRow("json") << QStringLiteral("json");
    }

    void decodePrintsTheTokensTime()
    {
        // decode says when a CSRF token was signed, how old it is and which secret verified
        // it, as it does for the session cookie Flask-WTF signed in the same second.
        QFETCH(QString, output);
        const QJsonObject v = vector(QStringLiteral("valid"), QStringLiteral("default"));
        const QString secret = v[QStringLiteral("secret")].toString();
        const auto decode = [&](const QString &cookie) {
            return test::runCli({QStringLiteral("decode"), QStringLiteral("--no-ring"),
                                 QStringLiteral("--format"), output, QStringLiteral("--secret"),
                                 secret, cookie});
        };
        const auto token = decode(v[QStringLiteral("token")].toString());
        const auto session = decode(v[QStringLiteral("session_cookie")].toString());
        QVERIFY2(token.exitCode == 0, token.err.constData());
        QVERIFY2(session.exitCode == 0, session.err.constData());
        const QByteArray signedAt =
            QDateTime::fromSecsSinceEpoch(v[QStringLiteral("timestamp")].toInteger(),
                                          QTimeZone::utc())
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                .toLatin1();
        const QByteArray sessionLine = lines(session.err).value(0);
        QVERIFY2(sessionLine.startsWith("Flask / Quart signed session, signed " + signedAt),
                 session.err.constData());
        QByteArray expected = sessionLine;
        expected.replace("Flask / Quart signed session", "Flask-WTF CSRF token");
        QVERIFY2(lines(token.err).contains(expected), token.err.constData());
        QVERIFY2(lines(token.err).contains("signature valid: --secret #1"), token.err.constData());
        // Signed in 2025: over WTF_CSRF_TIME_LIMIT's hour, said once, by the format's warning.
        QCOMPARE(token.err.count("WTF_CSRF_TIME_LIMIT"), 1);
        QVERIFY(!token.err.contains("session lifetime"));
        if (output == QLatin1String("json"))
            QCOMPARE(QJsonDocument::fromJson(token.out)
                         .object()[QStringLiteral("csrf_token")]
                         .toString(),
                     v[QStringLiteral("raw")].toString());
    }

    void maxAgeJudgesTheToken()
    {
        // --max-age is the age limit of whatever decode opens: Starlette's and Django's
        // sessions take it, and so does a Flask-WTF token (WTF_CSRF_TIME_LIMIT's hour otherwise).
        const QJsonObject v = vector(QStringLiteral("valid"), QStringLiteral("default"));
        const auto decode = [&](const QStringList &extra) {
            return test::runCli(QStringList{QStringLiteral("decode"), QStringLiteral("--no-ring"),
                                            QStringLiteral("--secret"),
                                            v[QStringLiteral("secret")].toString()} +
                                extra + QStringList{v[QStringLiteral("token")].toString()});
        };
        const auto byDefault = decode({});
        QVERIFY2(byDefault.err.contains("WTF_CSRF_TIME_LIMIT's 3600 s"), byDefault.err.constData());
        const auto longer = decode({QStringLiteral("--max-age"), QStringLiteral("3153600000")});
        QVERIFY2(longer.exitCode == 0, longer.err.constData());
        QVERIFY2(!longer.err.contains("WTF_CSRF_TIME_LIMIT"), longer.err.constData());
        const auto shorter = decode({QStringLiteral("--max-age"), QStringLiteral("60")});
        QVERIFY2(shorter.err.contains("WTF_CSRF_TIME_LIMIT's 60 s"), shorter.err.constData());
    }

    void namesEachFailingStep_data()
    {
        QTest::addColumn<QString>("tokenCase");
        QTest::addColumn<bool>("withCsrfToken");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("words");
        QTest::newRow("wrong secret")
            << "valid" << true << "nope" << 4 << QByteArray("step authentication");
        QTest::newRow("another session") << "other" << true << "dev" << 4
                                         << QByteArray("step mismatch: The CSRF tokens do not "
                                                       "match.");
        QTest::newRow("missing in session")
            << "valid" << false << "dev" << 4
            << QByteArray("step missing-in-session: The CSRF session token is missing.");
        QTest::newRow("two parts") << "cut" << true << "dev" << 3 << QByteArray("step format");
        QTest::newRow("empty") << "empty" << true << "dev" << 3 << QByteArray("step missing-token");
    }

    void namesEachFailingStep()
    {
        QFETCH(QString, tokenCase);
        QFETCH(bool, withCsrfToken);
        QFETCH(QString, secret);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, words);
        const QJsonObject v = vector(QStringLiteral("valid"), QStringLiteral("default"));
        SessionValue session = SessionValue::makeDict();
        session.setValue(QStringLiteral("user"), SessionValue::makeString(QStringLiteral("ada")));
        if (withCsrfToken)
            session.setValue(QStringLiteral("csrf_token"),
                             SessionValue::makeString(v[QStringLiteral("raw")].toString()));
        const QString token =
            tokenCase == QLatin1String("other")
                ? vector(QStringLiteral("invalid"),
                         QStringLiteral("another session's token"))[QStringLiteral("token")]
                      .toString()
            : tokenCase == QLatin1String("cut")
                ? vector(QStringLiteral("invalid"),
                         QStringLiteral("two parts"))[QStringLiteral("token")]
                      .toString()
            : tokenCase == QLatin1String("empty") ? QString()
                                                  : v[QStringLiteral("token")].toString();
        const auto run = csrf({QStringLiteral("verify"), QStringLiteral("--session"),
                               QString::fromLatin1(signedSession(session, "dev")),
                               QStringLiteral("--token"), token, QStringLiteral("--secret"), secret,
                               QStringLiteral("--time-limit"), QStringLiteral("none")});
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(words), run.err.constData());
    }

    void mintsForASignedSessionWithoutAToken()
    {
        SessionValue session = SessionValue::makeDict();
        session.setValue(QStringLiteral("user"), SessionValue::makeString(QStringLiteral("ada")));
        const QByteArray cookie = signedSession(session, "dev");
        const auto minted =
            csrf({QStringLiteral("mint"), QStringLiteral("--session"), QString::fromLatin1(cookie),
                  QStringLiteral("--secret"), QStringLiteral("dev")});
        QVERIFY2(minted.exitCode == 0, minted.err.constData());
        const QList<QByteArray> out = lines(minted.out);
        QCOMPARE(out.size(), 2);
        QVERIFY(out.at(0).startsWith('I')); // a JSON string
        QVERIFY(minted.err.contains("had no csrf_token"));
        const auto verified = csrf({QStringLiteral("verify"), QStringLiteral("--session"),
                                    QString::fromLatin1(out.at(1)), QStringLiteral("--token"),
                                    QString::fromLatin1(out.at(0)), QStringLiteral("--secret"),
                                    QStringLiteral("dev")});
        QVERIFY2(verified.exitCode == 0, verified.err.constData());
        // The old session has no raw token for it.
        const auto stale = csrf({QStringLiteral("verify"), QStringLiteral("--session"),
                                 QString::fromLatin1(cookie), QStringLiteral("--token"),
                                 QString::fromLatin1(out.at(0)), QStringLiteral("--secret"),
                                 QStringLiteral("dev")});
        QCOMPARE(stale.exitCode, 4);
        QVERIFY(stale.err.contains("missing-in-session"));
    }

    void mintsForAnEncryptedSessionFromStandardInput()
    {
        const QByteArray aes(32, 'k');
        SessionValue session = SessionValue::makeDict();
        session.setValue(QStringLiteral("cart"), SessionValue::makeInteger(3));
        SealOptions options; // EncryptedSession
        const QByteArray cookie =
            SessionSealer::seal(session, SecureBytes(aes.constData(), std::size_t(aes.size())),
                                options)
                .cookie;
        QVERIFY(!cookie.isEmpty());
        const QStringList keys = {QStringLiteral("--key"), QString::fromLatin1(aes.toHex()),
                                  QStringLiteral("--secret"), QStringLiteral("dev"),
                                  QStringLiteral("--no-ring")};
        const auto minted =
            test::runCli(QStringList{QStringLiteral("csrf"), QStringLiteral("mint"),
                                     QStringLiteral("--session"), QStringLiteral("-")} +
                             keys,
                         cookie + '\n');
        QVERIFY2(minted.exitCode == 0, minted.err.constData());
        const QList<QByteArray> out = lines(minted.out);
        QCOMPARE(out.size(), 2);
        QVERIFY(out.at(1).startsWith("u.")); // sealed again as EncryptedSession
        const auto verified =
            test::runCli(QStringList{QStringLiteral("csrf"), QStringLiteral("verify"),
                                     QStringLiteral("--session"), QString::fromLatin1(out.at(1)),
                                     QStringLiteral("--token"), QString::fromLatin1(out.at(0))} +
                         keys);
        QVERIFY2(verified.exitCode == 0, verified.err.constData());
    }

    void crackFindsTheTokensSecret()
    {
        // The secret of the app that signed the token, planted in a wordlist.
        const QJsonObject v =
            vector(QStringLiteral("valid"), QStringLiteral("WTF_CSRF_SECRET_KEY"));
        QTemporaryDir dir;
        QFile list(dir.filePath(QStringLiteral("words.txt")));
        QVERIFY(list.open(QIODevice::WriteOnly));
        const int planted = 123;
        for (int line = 1; line <= 300; ++line)
            list.write(line == planted ? v[QStringLiteral("secret")].toString().toUtf8() + '\n'
                                       : "candidate-" + QByteArray::number(line) + '\n');
        list.close();
        const auto run = test::runCli({QStringLiteral("crack"), QStringLiteral("--no-builtin"),
                                       QStringLiteral("--wordlist"), list.fileName(),
                                       v[QStringLiteral("token")].toString()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out.trimmed(), v[QStringLiteral("secret")].toString().toUtf8());
        QVERIFY2(run.err.contains("found at line 123"), run.err.constData());
        // The session's SECRET_KEY did not sign the token: not found.
        QFile other(dir.filePath(QStringLiteral("other.txt")));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write(v[QStringLiteral("session_secret")].toString().toUtf8() + '\n');
        other.close();
        QCOMPARE(test::runCli({QStringLiteral("crack"), QStringLiteral("--no-builtin"),
                               QStringLiteral("--wordlist"), other.fileName(),
                               v[QStringLiteral("token")].toString()})
                     .exitCode,
                 4);
    }

    void refusesSessionsFlaskWtfKeepsNoTokenIn()
    {
        // Each holds a csrf_token key, but Flask-WTF reads only Flask's sessions: a token
        // minted for them is one no app accepts.
        SessionValue session = SessionValue::makeDict();
        session.setValue(QStringLiteral("csrf_token"),
                         SessionValue::makeString(QStringLiteral("5f8a9c2e4b1d7a3e9f0c")));
        for (const QString &id : {QStringLiteral("starlette"), QStringLiteral("django")}) {
            SealOptions options;
            options.format = FormatRegistry::builtIn().find(id);
            const QByteArray cookie =
                SessionSealer::seal(session, SecureBytes("dev", 3), options).cookie;
            QVERIFY2(!cookie.isEmpty(), qPrintable(id));
            for (const QString &sub : {QStringLiteral("mint"), QStringLiteral("verify")}) {
                QStringList arguments{sub, QStringLiteral("--session"), QString::fromLatin1(cookie),
                                      QStringLiteral("--secret"), QStringLiteral("dev")};
                if (sub == QLatin1String("verify"))
                    arguments << QStringLiteral("--token") << QStringLiteral("x.y.z");
                const auto run = csrf(arguments);
                QVERIFY2(run.exitCode != 0, qPrintable(id + u' ' + sub));
                QVERIFY2(run.out.isEmpty(), run.out.constData());
                QVERIFY2(run.err.contains("Flask-WTF keeps its csrf_token in a Flask session"),
                         run.err.constData());
            }
        }
    }

    void usageProblems()
    {
        QCOMPARE(csrf({}).exitCode, 2);
        QCOMPARE(csrf({QStringLiteral("verify"), QStringLiteral("--token"), QStringLiteral("x")})
                     .exitCode,
                 2);
        const auto help = test::runCli({QStringLiteral("help"), QStringLiteral("csrf")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("verify") && help.out.contains("mint"));
        const auto limit =
            csrf({QStringLiteral("verify"), QStringLiteral("--session"), QStringLiteral("x.y.z"),
                  QStringLiteral("--time-limit"), QStringLiteral("soon")});
        QCOMPARE(limit.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCsrfCli)
#include "tst_CsrfCli.moc"
