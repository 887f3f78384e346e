// Starlette's SessionMiddleware (Debian's python3-starlette, run by its own TestClient through
// starlette_probe.py) and SessionLens, both ways: the middleware's cookies open, verify and
// re-sign byte-identically; ours are read back by the middleware as the session we sealed; a
// wrong secret or an old timestamp gives the middleware's empty session and our named verdict.

#include "PythonProbe.h"
#include "SessionGenerator.h"
#include "TestData.h"
#include "document/CookieOpener.h"
#include "document/SessionSealer.h"
#include "encoding/Base64.h"
#include "formats/FormatRegistry.h"
#include "formats/SessionDialect.h"
#include "formats/StarletteSessionFormat.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sessionlens;

namespace {

const QByteArray kSecret = "starlette-interop-secret-\xc3\xa9";
constexpr int kSessions = 80;
constexpr qint64 kTimestamp = 1760000000;

const CookieFormat &starlette()
{
    return *FormatRegistry::builtIn().find(StarletteSessionFormat::formatId());
}

SecureBytes bytesOf(const QByteArray &text)
{
    return SecureBytes(text.constData(), std::size_t(text.size()));
}

/// Sessions json.dumps can write: the generator's (bytes moved to text by convertFrom) and the
/// ones a test names: unicode, nested, large.
QList<SessionValue> sessions()
{
    QList<SessionValue> all;
    for (const char *json :
         {R"({"name": "Zo\u00eb \ud83c\udf89", "city": "Z\u00fcrich", "lone": "\udc00"})",
          R"({"a": {"b": {"c": [1, {"d": null, "e": [true, false]}]}}, "empty": {}})",
          R"({"big": 1000000000000000000000000000000, "f": 1e-05, "nan": NaN, "g": -0.0})"}) {
        all.append(SessionDialect::readSession(json, starlette()).value());
    }
    SessionValue large = SessionValue::makeDict();
    large.setValue(QStringLiteral("blob"), SessionValue::makeString(QString(6000, u'x')));
    all.append(large);
    test::SessionGenerator generator(21);
    for (int i = 0; i < kSessions; ++i) {
        const auto converted = starlette().convertFrom(generator.session());
        if (!converted.error && converted.session.type() == SessionValue::Type::Dict)
            all.append(converted.session);
    }
    return all;
}

QByteArray jsonOf(const SessionValue &session)
{
    return PythonJsonWriter::write(session, starlette().writerStyle());
}

} // namespace

class TestInteropStarlette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void weOpenAndReSignStarletteCookies();
    void starletteReadsOurCookies();
    void wrongSecretAndOldCookieGiveAnEmptySession();
    void cliConvertMakesACookieStarletteReads();
    void crackFindsTheSecretOfAStarletteCookie();
    void crackFindsTheSecretOfASharedShape();
    void setCookieSizeIsTheMiddlewaresHeader();

private:
    QJsonObject make(const QByteArray &json, qint64 timestamp);
    QJsonObject read(const QByteArray &cookie, const QByteArray &secret, qint64 now);

    test::PythonProbe m_probe;
};

void TestInteropStarlette::initTestCase()
{
    QString error;
    QVERIFY2(m_probe.start(&error, QStringLiteral("interop/starlette_probe.py")),
             qPrintable(error));
}

QJsonObject TestInteropStarlette::make(const QByteArray &json, qint64 timestamp)
{
    return m_probe.ask({{QStringLiteral("op"), QStringLiteral("make")},
                        {QStringLiteral("secret"), QString::fromUtf8(kSecret)},
                        {QStringLiteral("timestamp"), timestamp},
                        {QStringLiteral("session_json"), QString::fromUtf8(json)}});
}

QJsonObject TestInteropStarlette::read(const QByteArray &cookie, const QByteArray &secret,
                                       qint64 now)
{
    return m_probe.ask({{QStringLiteral("op"), QStringLiteral("read")},
                        {QStringLiteral("secret"), QString::fromUtf8(secret)},
                        {QStringLiteral("cookie"), QString::fromLatin1(cookie)},
                        {QStringLiteral("now"), now}});
}

void TestInteropStarlette::weOpenAndReSignStarletteCookies()
{
    KeyRing ring;
    QVERIFY(ring.add(SessionKey(QStringLiteral("app"), bytesOf(kSecret),
                                SessionKey::Kind::SigningSecret))
                .ok());
    int sharedShape = 0;
    const QList<SessionValue> all = sessions();
    QVERIFY(all.size() > kSessions / 2);
    for (const SessionValue &session : all) {
        const QByteArray json = jsonOf(session);
        const QJsonObject made = make(json, kTimestamp);
        QVERIFY2(made[QStringLiteral("ok")].toBool(),
                 qPrintable(made[QStringLiteral("error")].toString() + QString::fromUtf8(json)));
        const QByteArray cookie = made[QStringLiteral("cookie")].toString().toLatin1();
        const QByteArray payload = cookie.first(cookie.indexOf('.'));
        sharedShape +=
            payload.contains('+') || payload.contains('/') || payload.contains('=') ? 0 : 1;
        const CookieOpener::Opened opened = CookieOpener::open(cookie, ring, {});
        QVERIFY2(opened.ok(), qPrintable(opened.error ? opened.error->message : QString()));
        QCOMPARE(opened.format->id(), QStringLiteral("starlette"));
        QCOMPARE(opened.verified, std::optional<bool>(true));
        QCOMPARE(opened.keyIndex, 0);
        // json.dumps wrote what our writer writes, and what we read is what it wrote.
        QCOMPARE(opened.json(), json);
        SessionSealer::Options options;
        options.format = &starlette();
        options.timestamp = kTimestamp;
        const auto sealed = SessionSealer::seal(opened.session(), bytesOf(kSecret), options);
        QVERIFY(sealed.ok());
        QCOMPARE(sealed.cookie, cookie);
    }
    qInfo("%d of %d Starlette cookies had a payload of Flask's alphabet", sharedShape,
          int(all.size()));
}

void TestInteropStarlette::starletteReadsOurCookies()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const SessionValue &session : sessions()) {
        SessionSealer::Options options;
        options.format = &starlette();
        options.timestamp = now;
        const auto sealed = SessionSealer::seal(session, bytesOf(kSecret), options);
        QVERIFY(sealed.ok());
        const QJsonObject back = read(sealed.cookie, kSecret, now + 5);
        QCOMPARE(back[QStringLiteral("status")].toInt(), 200);
        QCOMPARE(back[QStringLiteral("session_json")].toString().toUtf8(), sealed.json);
    }
}

void TestInteropStarlette::wrongSecretAndOldCookieGiveAnEmptySession()
{
    const SessionValue session =
        SessionDialect::readSession(R"({"user": "ada"})", starlette()).value();
    SessionSealer::Options options;
    options.format = &starlette();
    options.timestamp = kTimestamp;
    const QByteArray cookie = SessionSealer::seal(session, bytesOf(kSecret), options).cookie;
    // The middleware accepts it within max_age, not after, nor under another secret.
    QCOMPARE(read(cookie, kSecret, kTimestamp + 60)[QStringLiteral("session_json")].toString(),
             QStringLiteral(R"({"user": "ada"})"));
    const qint64 old = kTimestamp + StarletteSessionFormat::kDefaultMaxAgeSeconds + 1;
    QCOMPARE(read(cookie, kSecret, old)[QStringLiteral("session_json")].toString(),
             QStringLiteral("{}"));
    QCOMPARE(read(cookie, "other", kTimestamp + 60)[QStringLiteral("session_json")].toString(),
             QStringLiteral("{}"));
    KeyRing ring;
    QVERIFY(ring.add(SessionKey(QStringLiteral("other"), bytesOf("other"),
                                SessionKey::Kind::SigningSecret))
                .ok());
    const auto wrong = CookieOpener::open(cookie, ring, {});
    QCOMPARE(wrong.error->category, ErrorCategory::Authentication);
    KeyRing right;
    QVERIFY(right
                .add(SessionKey(QStringLiteral("app"), bytesOf(kSecret),
                                SessionKey::Kind::SigningSecret))
                .ok());
    auto opened = CookieOpener::open(cookie, right, {});
    auto *signature = opened.detailsAs<FlaskSignedCodec::Decoded>();
    FlaskSignedCodec::judgeAge(*signature, signature->lifetimeSeconds, old);
    QCOMPARE(signature->expiry, FlaskSignedCodec::Expiry::OlderThanLifetime);
}

void TestInteropStarlette::cliConvertMakesACookieStarletteReads()
{
    // A Flask cookie with a tuple and bytes (the app kept its secret when it moved to
    // Starlette), converted by the command line: Starlette reads
    // what the notes say it will.
    SessionSealer::Options flask;
    flask.format = FormatRegistry::builtIn().find(u"signed");
    flask.timestamp = QDateTime::currentSecsSinceEpoch();
    const SessionValue session =
        SessionDialect::readSession(R"({"cart":{" t":[1,2]},"raw":{" b":"aGk="},"u":"\u00e9"})",
                                    *flask.format)
            .value();
    const QByteArray flaskCookie = SessionSealer::seal(session, bytesOf(kSecret), flask).cookie;
    const test::CliRun run = test::runCli(
        {QStringLiteral("convert"), QStringLiteral("--to"), QStringLiteral("starlette"),
         QStringLiteral("--secret"), QString::fromUtf8(kSecret), QString::fromLatin1(flaskCookie)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("session['cart']") && run.err.contains("session['raw']"),
             run.err.constData());
    const QByteArray cookie = run.out.trimmed();
    const QJsonObject back = read(cookie, kSecret, QDateTime::currentSecsSinceEpoch());
    QCOMPARE(back[QStringLiteral("session_json")].toString(),
             QStringLiteral(R"({"cart": [1, 2], "raw": "aGk=", "u": "\u00e9"})"));
    // And the command line opens it as Starlette's, verified by that secret.
    const test::CliRun decoded = test::runCli(
        {QStringLiteral("decode"), QStringLiteral("--format"), QStringLiteral("json"),
         QStringLiteral("--secret"), QString::fromUtf8(kSecret), QString::fromLatin1(cookie)});
    QCOMPARE(decoded.exitCode, 0);
    QCOMPARE(decoded.out.trimmed(),
             QByteArray(R"({"cart": [1, 2], "raw": "aGk=", "u": "\u00e9"})"));
    QVERIFY2(decoded.err.contains("Starlette session"), decoded.err.constData());
    QVERIFY2(decoded.err.contains("signature valid: --secret #1"), decoded.err.constData());
}

void TestInteropStarlette::crackFindsTheSecretOfAStarletteCookie()
{
    // A cookie the middleware made under a weak secret, and a wordlist with it at line 300.
    const QByteArray weak = "fastapi-dev-secret";
    const QJsonObject made = m_probe.ask(
        {{QStringLiteral("op"), QStringLiteral("make")},
         {QStringLiteral("secret"), QString::fromLatin1(weak)},
         {QStringLiteral("timestamp"), QDateTime::currentSecsSinceEpoch()},
         {QStringLiteral("session_json"), QStringLiteral(R"({"user": "ada", "role": "admin"})")}});
    QVERIFY(made[QStringLiteral("ok")].toBool());
    const QString cookie = made[QStringLiteral("cookie")].toString();
    QTemporaryDir dir;
    QFile list(dir.filePath(QStringLiteral("words.txt")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    for (int line = 1; line <= 1000; ++line)
        list.write(line == 300 ? weak + '\n' : "guess-" + QByteArray::number(line) + '\n');
    list.close();
    const test::CliRun run = test::runCli({QStringLiteral("crack"), QStringLiteral("--no-builtin"),
                                           QStringLiteral("--wordlist"), list.fileName(), cookie});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out.trimmed(), weak);
    QVERIFY2(run.err.contains("found at line 300"), run.err.constData());
    // And the opener takes it as Starlette's, verified by what crack found.
    KeyRing ring;
    QVERIFY(
        ring.add(SessionKey(QStringLiteral("weak"), bytesOf(weak), SessionKey::Kind::SigningSecret))
            .ok());
    QCOMPARE(CookieOpener::open(cookie.toLatin1(), ring, {}).format->id(),
             QStringLiteral("starlette"));
}

void TestInteropStarlette::crackFindsTheSecretOfASharedShape()
{
    // Cookies whose payload Flask's alphabet spells too, so that Flask's signed format and
    // Starlette's both fit: the middleware's own, which json.dumps' separators mark as
    // Starlette's, and one its signer made of JSON neither writer's separators mark, which
    // detection ties and gives to Flask's, registered first. crack finds the planted secret in
    // both, trying each format's signer.
    const QByteArray weak = "fastapi-shared-shape";
    QByteArray alike;
    for (int n = 0; n < 200 && alike.isEmpty(); ++n) {
        const QByteArray json = R"({"user": "ada", "n": )" + QByteArray::number(n) + '}';
        const QByteArray payload = Base64::encode(json, Base64::Alphabet::Standard);
        if (payload.contains('+') || payload.contains('/') || payload.contains('='))
            continue;
        const QJsonObject made =
            m_probe.ask({{QStringLiteral("op"), QStringLiteral("make")},
                         {QStringLiteral("secret"), QString::fromLatin1(weak)},
                         {QStringLiteral("timestamp"), kTimestamp},
                         {QStringLiteral("session_json"), QString::fromLatin1(json)}});
        QVERIFY(made[QStringLiteral("ok")].toBool());
        alike = made[QStringLiteral("cookie")].toString().toLatin1();
    }
    QVERIFY(!alike.isEmpty());
    const QJsonObject tie = m_probe.ask(
        {{QStringLiteral("op"), QStringLiteral("sign")},
         {QStringLiteral("secret"), QString::fromLatin1(weak)},
         {QStringLiteral("timestamp"), kTimestamp},
         {QStringLiteral("payload"),
          QString::fromLatin1(Base64::encode(R"({"abcd" :12})", Base64::Alphabet::Standard))}});
    QVERIFY(tie[QStringLiteral("ok")].toBool());
    const QByteArray tied = tie[QStringLiteral("cookie")].toString().toLatin1();
    QCOMPARE(FormatRegistry::builtIn().detect(alike).format->id(), QStringLiteral("starlette"));
    QCOMPARE(FormatRegistry::builtIn().detect(alike).candidates.size(), 2);
    QCOMPARE(FormatRegistry::builtIn().detect(tied).format->id(), QStringLiteral("signed"));
    QCOMPARE(FormatRegistry::builtIn().detect(tied).candidates.size(), 2);

    QTemporaryDir dir;
    QFile list(dir.filePath(QStringLiteral("words.txt")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    for (int line = 1; line <= 2000; ++line)
        list.write(line == 1234 ? weak + '\n' : "shared-" + QByteArray::number(line) + '\n');
    list.close();
    for (const QByteArray &cookie : {alike, tied}) {
        const test::CliRun run = test::runCli(
            {QStringLiteral("crack"), QStringLiteral("--no-builtin"), QStringLiteral("--wordlist"),
             list.fileName(), QString::fromLatin1(cookie)});
        QVERIFY2(run.exitCode == 0, (cookie + '\n' + run.err).constData());
        QCOMPARE(run.out.trimmed(), weak);
        QVERIFY2(run.err.contains("found at line 1234"), run.err.constData());
    }
}

void TestInteropStarlette::setCookieSizeIsTheMiddlewaresHeader()
{
    // The size report's Set-Cookie figure is the length of the header the middleware sends
    // (`session=...; path=/; Max-Age=...; httponly; samesite=lax`), for its default max_age
    // and for one the user chose (--max-age).
    const QList<SessionValue> all = sessions();
    for (const qint64 maxAge : {StarletteSessionFormat::kDefaultMaxAgeSeconds, qint64(3600)}) {
        for (qsizetype i = 0; i < all.size(); i += 7) {
            const QByteArray json = jsonOf(all[i]);
            const QJsonObject made =
                m_probe.ask({{QStringLiteral("op"), QStringLiteral("make")},
                             {QStringLiteral("secret"), QString::fromUtf8(kSecret)},
                             {QStringLiteral("timestamp"), kTimestamp},
                             {QStringLiteral("max_age"), maxAge},
                             {QStringLiteral("session_json"), QString::fromUtf8(json)}});
            QVERIFY(made[QStringLiteral("ok")].toBool());
            const QByteArray header = made[QStringLiteral("set_cookie")].toString().toUtf8();
            SessionSealer::Options options;
            options.format = &starlette();
            options.timestamp = kTimestamp;
            if (maxAge != StarletteSessionFormat::kDefaultMaxAgeSeconds) {
                options.signer.lifetimeSeconds = maxAge;
                options.signer.lifetimeChosen = true;
            }
            const auto sealed = SessionSealer::seal(all[i], bytesOf(kSecret), options);
            QVERIFY(sealed.ok());
            QVERIFY(header.startsWith("session=" + sealed.cookie + ';'));
            QCOMPARE(sealed.report.setCookieBytes, header.size());
            QCOMPARE(sealed.report.setCookieLineBytes, header.size() + 12);
            QCOMPARE(sealed.report.nameValueBytes, header.indexOf(';'));
        }
    }
}

QTEST_GUILESS_MAIN(TestInteropStarlette)
#include "tst_InteropStarlette.moc"
