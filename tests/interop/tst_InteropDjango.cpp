// Django's signed_cookies session both ways against Debian's Django 3.2, running a real app
// (django_signed_app.py: SessionMiddleware and the signed_cookies backend behind a WSGI server
// on 127.0.0.1): Django's cookies open, verify and re-sign byte for byte here, and the cookies
// made here are what Django's own request handling reads back.

#include "FlaskServer.h"
#include "SessionGenerator.h"
#include "TestData.h"
#include "document/CookieOpener.h"
#include "document/SessionSealer.h"
#include "formats/DjangoSignedCodec.h"
#include "formats/DjangoSignedFormat.h"
#include "formats/FormatRegistry.h"
#include "formats/SessionDialect.h"
#include "keys/KeyRing.h"
#include "json/PythonJsonWriter.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace sessionlens;

namespace {

const QByteArray kSecret = "django-interop-\xc3\xa9-secret";
constexpr int kSessions = 120;

SecureBytes secret(const QByteArray &bytes = kSecret)
{
    return SecureBytes(bytes.constData(), std::size_t(bytes.size()));
}

const CookieFormat &django()
{
    return *FormatRegistry::builtIn().find(DjangoSignedFormat::formatId());
}

test::FlaskServer::Dump dumpOf(test::FlaskServer &server, const QByteArray &cookie)
{
    return test::FlaskServer::parseDump(server.get(QStringLiteral("/dump"), "sessionid=" + cookie));
}

SessionSealer::Sealed sealed(const SessionValue &session, qint64 timestamp, bool legacySha1 = false,
                             const QByteArray &bytes = kSecret)
{
    SealOptions options;
    options.format = &django();
    options.timestamp = timestamp;
    if (legacySha1) {
        options.signer.signer.derivation = ItsdangerousSigner::KeyDerivation::DjangoConcat;
        options.signer.signer.digest = ItsdangerousSigner::Digest::Sha1;
    }
    return SessionSealer::seal(session, secret(bytes), options);
}

} // namespace

class TestInteropDjango : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void djangoReadsOurCookies();
    void weOpenAndResignDjangoCookies_data();
    void weOpenAndResignDjangoCookies();
    void djangoRefusesWhatWeRefuse();
    void cliConvertGivesACookieDjangoReads();
    void cliCracksDjangoCookies();
    void setCookieSizeIsDjangosHeader();
    void cliSignsLegacySha1WithOneFlag();

private:
    test::FlaskServer m_server;       ///< DEFAULT_HASHING_ALGORITHM = 'sha256' (3.2's default)
    test::FlaskServer m_legacyServer; ///< DEFAULT_HASHING_ALGORITHM = 'sha1'
};

void TestInteropDjango::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(QStringLiteral("interop/django_signed_app.py"),
                            {QString::fromUtf8(kSecret)}, &error),
             qPrintable(error));
    QVERIFY2(m_legacyServer.start(QStringLiteral("interop/django_signed_app.py"),
                                  {QString::fromUtf8(kSecret), QStringLiteral("sha1")}, &error),
             qPrintable(error));
}

void TestInteropDjango::djangoReadsOurCookies()
{
    // Seeded sessions with Flask's tagged types, converted to what Django can carry first.
    test::SessionGenerator generator(77);
    int compressed = 0;
    for (int i = 0; i < kSessions; ++i) {
        const auto converted = django().convertFrom(generator.flaskSession());
        QVERIFY(!converted.error);
        const bool legacy = i % 4 == 3; // Django 3.2 also accepts the legacy SHA-1 signature
        const SessionSealer::Sealed cookie =
            sealed(converted.session, QDateTime::currentSecsSinceEpoch(), legacy);
        QVERIFY2(cookie.ok(), qPrintable(cookie.error ? cookie.error->message : QString()));
        compressed += cookie.cookie.startsWith('.') ? 1 : 0;
        const auto dump = dumpOf(m_server, cookie.cookie);
        QVERIFY2(dump.error.isEmpty(), qPrintable(dump.error));
        QCOMPARE(dump.empty, converted.session.size() == 0);
        QCOMPARE(dump.json, cookie.json);
    }
    QVERIFY(compressed > 0 && compressed < kSessions);
    // With DEFAULT_HASHING_ALGORITHM = 'sha1' Django signs and accepts SHA-1 only (its legacy
    // fallback is SHA-1 too): our legacy cookie passes there, a SHA-256 one does not.
    const SessionValue session = django().convertFrom(generator.flaskSession()).session;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const SessionSealer::Sealed legacy = sealed(session, now, true);
    QCOMPARE(dumpOf(m_legacyServer, legacy.cookie).json, legacy.json);
    QVERIFY(dumpOf(m_legacyServer, sealed(session, now).cookie).empty);
}

void TestInteropDjango::weOpenAndResignDjangoCookies_data()
{
    QTest::addColumn<bool>("legacy");
    QTest::addColumn<QByteArray>("body");
    const QByteArray big = "{\"cart\":[" + QByteArray("{\"sku\":\"A-1\",\"qty\":2},").repeated(80) +
                           "{}],\"user\":\"ada\"}";
    for (const bool legacy : {false, true}) {
        const char *algorithm = legacy ? "sha1" : "sha256";
        QTest::addRow("%s small", algorithm) << legacy << QByteArray(R"({"user_id":"42","n":1})");
        QTest::addRow("%s unicode", algorithm)
            << legacy << QByteArray(R"({"caf\u00e9":"\u2603 \ud83d\ude00","x":[1.5,-0.0,1e+16]})");
        QTest::addRow("%s big int, NaN", algorithm)
            << legacy << QByteArray(R"({"big":1000000000000000000000000000001,"nan":NaN})");
        QTest::addRow("%s compressed", algorithm) << legacy << big;
    }
}

void TestInteropDjango::weOpenAndResignDjangoCookies()
{
    QFETCH(bool, legacy);
    QFETCH(QByteArray, body);
    test::FlaskServer &server = legacy ? m_legacyServer : m_server;
    const auto reply = server.post(QStringLiteral("/set"), body);
    QCOMPARE(reply.status, 200);
    const QByteArray cookie = test::FlaskServer::cookieValue(reply, "sessionid");
    QVERIFY(!cookie.isEmpty());
    const auto dump = dumpOf(server, cookie);
    QVERIFY2(dump.error.isEmpty(), qPrintable(dump.error));

    KeyRing ring;
    QVERIFY(ring.add(
        SessionKey(QStringLiteral("wrong"), secret("nope"), SessionKey::Kind::SigningSecret)));
    QVERIFY(ring.add(SessionKey(QStringLiteral("app"), secret(), SessionKey::Kind::SigningSecret)));
    const CookieOpener::Opened opened = CookieOpener::open(cookie, ring, OpenOptions{});
    QVERIFY2(opened.ok(), qPrintable(opened.error ? opened.error->message : QString()));
    QCOMPARE(opened.format, &django());
    QCOMPARE(opened.verified, std::optional<bool>(true));
    QCOMPARE(ring.at(opened.keyIndex).name(), QStringLiteral("app"));
    QCOMPARE(opened.json(), dump.json);
    QCOMPARE(opened.warnings.join(u'\n').contains(QLatin1String("legacy SHA-1")), legacy);
    QCOMPARE(opened.compressed, cookie.startsWith('.'));

    // Same session, secret, digest and timestamp: Django's cookie, byte for byte.
    const auto *details = opened.detailsAs<DjangoSignedCodec::Decoded>();
    QVERIFY(details);
    QCOMPARE(sealed(opened.session(), details->parts.timestamp, legacy).cookie, cookie);
}

void TestInteropDjango::djangoRefusesWhatWeRefuse()
{
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("user_id"), SessionValue::makeString(QStringLiteral("7")));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    // Signed with another secret: Django loads an empty session, we fail authentication.
    const SessionSealer::Sealed foreign = sealed(session, now, false, "another secret");
    QVERIFY(dumpOf(m_server, foreign.cookie).empty);
    KeyRing ring;
    QVERIFY(ring.add(SessionKey(QStringLiteral("app"), secret(), SessionKey::Kind::SigningSecret)));
    auto opened = CookieOpener::open(foreign.cookie, ring, OpenOptions{});
    QVERIFY(opened.error);
    QCOMPARE(opened.error->category, ErrorCategory::Authentication);
    // Older than SESSION_COOKIE_AGE: Django loads an empty session, we say it expired.
    const SessionSealer::Sealed old =
        sealed(session, now - DjangoSignedCodec::kDefaultCookieAge - 60);
    QVERIFY(dumpOf(m_server, old.cookie).empty);
    opened = CookieOpener::open(old.cookie, ring, OpenOptions{});
    QVERIFY(opened.ok());
    QVERIFY(opened.detailsAs<DjangoSignedCodec::Decoded>()->expired);
    // Within it: both accept.
    const SessionSealer::Sealed fresh =
        sealed(session, now - DjangoSignedCodec::kDefaultCookieAge + 600);
    QCOMPARE(dumpOf(m_server, fresh.cookie).json, QByteArray(R"({"user_id":"7"})"));
    opened = CookieOpener::open(fresh.cookie, ring, OpenOptions{});
    QVERIFY(!opened.detailsAs<DjangoSignedCodec::Decoded>()->expired);
}

void TestInteropDjango::cliConvertGivesACookieDjangoReads()
{
    // A Flask cookie converted by the CLI (all secrets verify, --with picks the one that
    // signs): Django reads it.
    const QByteArray flaskSecret = "flask-secret";
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("user"), SessionValue::makeString(QStringLiteral("ada")));
    auto flask = FlaskSignedCodec::sign(session, secret(flaskSecret),
                                        QDateTime::currentSecsSinceEpoch(), {});
    QVERIFY(flask);
    QProcess cli;
    cli.setProcessEnvironment(test::isolatedCliEnvironment());
    cli.start(test::cliPath(),
              {QStringLiteral("convert"), QStringLiteral("--to"), QStringLiteral("django"),
               QStringLiteral("--secret"), QString::fromUtf8(kSecret), QStringLiteral("--secret"),
               QString::fromLatin1(flaskSecret), QStringLiteral("--with"),
               QStringLiteral("--secret #1"), QString::fromLatin1(*flask)});
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    const QByteArray cookie = cli.readAllStandardOutput().trimmed();
    QCOMPARE(FormatRegistry::builtIn().detect(cookie).format, &django());
    QCOMPARE(dumpOf(m_server, cookie).json, QByteArray(R"({"user":"ada"})"));
}

void TestInteropDjango::cliSignsLegacySha1WithOneFlag()
{
    // seal and edit --django-legacy-sha1: a Django with DEFAULT_HASHING_ALGORITHM = 'sha1'
    // reads the cookie, which without the flag (SHA-256) it refuses; 3.2's default reads both.
    const auto run = [](const QStringList &arguments) {
        QProcess cli;
        cli.setProcessEnvironment(test::isolatedCliEnvironment());
        cli.start(test::cliPath(), arguments + QStringList{QStringLiteral("--no-ring")});
        cli.waitForFinished(60000);
        return std::make_pair(cli.exitCode(), cli.readAllStandardOutput().trimmed() +
                                                  cli.readAllStandardError().trimmed());
    };
    const QStringList seal{QStringLiteral("seal"),          QStringLiteral("--format"),
                           QStringLiteral("django"),        QStringLiteral("--secret"),
                           QString::fromUtf8(kSecret),      QStringLiteral("--set"),
                           QStringLiteral("user_id=\"42\"")};
    const auto legacy = run(seal + QStringList{QStringLiteral("--django-legacy-sha1")});
    QVERIFY2(legacy.first == 0, legacy.second.constData());
    QCOMPARE(dumpOf(m_legacyServer, legacy.second).json, QByteArray(R"({"user_id":"42"})"));
    QCOMPARE(dumpOf(m_server, legacy.second).json, QByteArray(R"({"user_id":"42"})"));
    const auto sha256 = run(seal);
    QVERIFY2(sha256.first == 0, sha256.second.constData());
    QVERIFY(dumpOf(m_legacyServer, sha256.second).empty);

    // edit re-signs Django's own SHA-256 cookie as the legacy server wants it.
    const auto reply = m_server.post(QStringLiteral("/set"), R"({"user_id":"1"})");
    const QByteArray own = test::FlaskServer::cookieValue(reply, "sessionid");
    QVERIFY(!own.isEmpty());
    const auto edited =
        run({QStringLiteral("edit"), QStringLiteral("--secret"), QString::fromUtf8(kSecret),
             QStringLiteral("--set"), QStringLiteral("user_id=\"7\""),
             QStringLiteral("--django-legacy-sha1"), QString::fromLatin1(own)});
    QVERIFY2(edited.first == 0, edited.second.constData());
    QCOMPARE(dumpOf(m_legacyServer, edited.second).json, QByteArray(R"({"user_id":"7"})"));

    // Another format has no legacy Django digest: a usage problem, not a silent no-op.
    const auto misplaced =
        run({QStringLiteral("seal"), QStringLiteral("--format"), QStringLiteral("signed"),
             QStringLiteral("--secret"), QStringLiteral("s"), QStringLiteral("--set"),
             QStringLiteral("a=1"), QStringLiteral("--django-legacy-sha1")});
    QCOMPARE(misplaced.first, 2);
    QVERIFY2(misplaced.second.contains("--django-legacy-sha1 is for Django's cookies only"),
             misplaced.second.constData());
}

void TestInteropDjango::cliCracksDjangoCookies()
{
    // A wordlist with the app's SECRET_KEY planted at a known line; the cookies are Django's own,
    // SHA-256 and legacy SHA-1.
    QTemporaryDir dir;
    QFile list(dir.filePath(QStringLiteral("words.txt")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    const int planted = 3001;
    for (int line = 1; line <= 5000; ++line)
        list.write(line == planted ? kSecret + '\n' : "django-" + QByteArray::number(line) + '\n');
    list.close();
    for (test::FlaskServer *server : {&m_server, &m_legacyServer}) {
        const auto reply = server->post(QStringLiteral("/set"), R"({"user_id":"1"})");
        const QByteArray cookie = test::FlaskServer::cookieValue(reply, "sessionid");
        QVERIFY(!cookie.isEmpty());
        QProcess cli;
        cli.setProcessEnvironment(test::isolatedCliEnvironment());
        cli.start(test::cliPath(),
                  {QStringLiteral("crack"), QStringLiteral("--no-builtin"),
                   QStringLiteral("--wordlist"), list.fileName(), QString::fromLatin1(cookie)});
        QVERIFY(cli.waitForFinished(120000));
        const QByteArray err = cli.readAllStandardError();
        QVERIFY2(cli.exitCode() == 0, err.constData());
        QCOMPARE(cli.readAllStandardOutput().trimmed(), kSecret);
        QVERIFY2(err.contains("found at line " + QByteArray::number(planted)), err.constData());
    }
}

void TestInteropDjango::setCookieSizeIsDjangosHeader()
{
    // The size report's Set-Cookie figure is the length of the header Django's
    // SessionMiddleware sends (`sessionid=...; expires=...; HttpOnly; Max-Age=1209600; Path=/;
    // SameSite=Lax`), compressed or not, SHA-256 or the legacy SHA-1.
    const QByteArray big = "{\"cart\":[" + QByteArray("{\"sku\":\"B-2\",\"qty\":3},").repeated(60) +
                           "{}],\"user\":\"ada\"}";
    int compared = 0;
    for (const bool legacy : {false, true}) {
        for (const QByteArray &body :
             {QByteArray(R"({"user_id":"42"})"),
              QByteArray(R"({"caf\u00e9":"\u2603","n":[1,2.5,null]})"), big}) {
            const auto reply =
                (legacy ? m_legacyServer : m_server).post(QStringLiteral("/set"), body);
            QCOMPARE(reply.status, 200);
            QByteArray header;
            for (const QByteArray &line : reply.setCookies) {
                if (line.trimmed().startsWith("sessionid="))
                    header = line.trimmed();
            }
            QVERIFY2(!header.isEmpty(), body.constData());
            const QByteArray cookie = test::FlaskServer::cookieValue(reply, "sessionid");
            auto session = SessionDialect::readSession(body, django());
            QVERIFY(session.ok());
            const SessionSealer::Sealed ours =
                sealed(*session, QDateTime::currentSecsSinceEpoch(), legacy);
            QVERIFY(ours.ok());
            QCOMPARE(ours.cookie.size(), cookie.size());
            QCOMPARE(ours.report.setCookieBytes, header.size());
            QCOMPARE(ours.report.nameValueBytes, header.indexOf(';'));
            ++compared;
        }
    }
    QCOMPARE(compared, 6);
}

QTEST_GUILESS_MAIN(TestInteropDjango)
#include "tst_InteropDjango.moc"
