// Starlette's SessionMiddleware cookie as a format: the vectors made by Debian's Starlette
// (tests/data/make_starlette_vectors.py) open, verify and re-sign byte-identically; a payload
// that Flask's alphabet can also spell is told apart by a stored secret, then by the JSON's
// separators; sizes, conversion, the audit and the timeline know the format by its id.

#include "TestData.h"
#include "audit/SecretAudit.h"
#include "audit/SizeAudit.h"
#include "capture/Timeline.h"
#include "document/CookieOpener.h"
#include "document/SessionSealer.h"
#include "encoding/Base64.h"
#include "formats/CookieText.h"
#include "formats/FormatDetector.h"
#include "formats/FormatRegistry.h"
#include "formats/KeyNeed.h"
#include "formats/SessionDialect.h"
#include "formats/StarletteSessionFormat.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sessionlens;

namespace {

constexpr int kValidVectors = 10;
constexpr int kInvalidVectors = 9;
const QByteArray kSecret = "starlette-test-secret";

const CookieFormat &starlette()
{
    return *FormatRegistry::builtIn().find(StarletteSessionFormat::formatId());
}

SecureBytes bytesOf(const QByteArray &text)
{
    return SecureBytes(text.constData(), std::size_t(text.size()));
}

KeyRing ringWith(const QByteArray &secret, const QString &name = QStringLiteral("app secret"))
{
    KeyRing ring;
    if (!secret.isEmpty())
        (void)ring.add(SessionKey(name, bytesOf(secret), SessionKey::Kind::SigningSecret));
    return ring;
}

QJsonArray section(const QString &name, int expected)
{
    const QJsonArray rows =
        test::loadJsonObject(QStringLiteral("starlette_vectors.json")).value(name).toArray();
    if (rows.size() != expected)
        qFatal("starlette_vectors.json: %s has %d rows, expected %d", qPrintable(name),
               int(rows.size()), expected);
    return rows;
}

/// A cookie of `json` (with `sharedShape`, no '+', '/' or '=' in its base64, so both formats'
/// shape) signed with Flask's signer or with Starlette's.
QByteArray signedAs(const QByteArray &json, const QByteArray &secret, bool starletteSigner,
                    bool sharedShape = true)
{
    const QByteArray payload = Base64::encode(json, Base64::Alphabet::Standard);
    const bool standardOnly =
        payload.contains('+') || payload.contains('/') || payload.contains('=');
    if (standardOnly == sharedShape)
        qFatal("not a shared shape: %s", payload.constData());
    OpenOptions options;
    if (starletteSigner)
        options = StarletteSessionFormat::starletteOptions(options);
    return FlaskSignedCodec::signPayload(payload, bytesOf(secret), 1700000000, options).value();
}

} // namespace

class TestStarletteSessionFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isRegisteredById();
    void opensAndReSignsStarletteVectors();
    void namesTheStepOfInvalidVectors();
    void standardCharactersAreStarletteOnly();
    void separatorsDecideWithoutKey();
    void storedSecretDecidesASharedShape();
    void tieOpensAsFlaskWithANote();
    void expiryUsesMaxAgeUnlessChosen();
    void sealRefusesWhatJsonDumpsCannotWrite();
    void sizeReportListsStagesAndExactKeys();
    void convertNotesTuplesAndBytes();
    void bareCookieWithOnePaddingIsNotANamePair();
    void auditAndTimelineCountIt();
    void crackTriesEveryFormatOfASharedShape();
    void scoreFindsTheSeparatorAfterAnyFirstKey();
};

void TestStarletteSessionFormat::isRegisteredById()
{
    const FormatRegistry &formats = FormatRegistry::builtIn();
    QVERIFY(formats.ids().contains(QStringLiteral("starlette")));
    QCOMPARE(starlette().keyKind(), CookieFormat::KeyKind::Secret);
    QCOMPARE(KeyNeed::toSeal(starlette()), SessionKey::Kind::SigningSecret);
    QVERIFY(starlette().readableWithoutKey());
    QCOMPARE(starlette().readerDialect(), PythonJsonReader::Dialect::Plain);
}

void TestStarletteSessionFormat::opensAndReSignsStarletteVectors()
{
    for (const QJsonValue &value : section(QStringLiteral("valid"), kValidVectors)) {
        const QJsonObject row = value.toObject();
        const QString name = row[QStringLiteral("name")].toString();
        const QByteArray cookie = row[QStringLiteral("cookie")].toString().toLatin1();
        const QByteArray secret = row[QStringLiteral("secret")].toString().toUtf8();
        const QByteArray json = row[QStringLiteral("json")].toString().toUtf8();
        KeyRing ring = ringWith(secret);
        CookieOpener::Opened opened = CookieOpener::open(cookie, ring, {});
        QVERIFY2(opened.ok(), qPrintable(name + QStringLiteral(": ") +
                                         (opened.error ? opened.error->message : QString())));
        QCOMPARE(opened.format->id(), QStringLiteral("starlette"));
        QCOMPARE(opened.detected, opened.format);
        QCOMPARE(opened.verified, std::optional<bool>(true));
        QCOMPARE(opened.keyIndex, 0);
        QVERIFY2(opened.warnings.isEmpty(), qPrintable(opened.warnings.join(u'\n')));
        QCOMPARE(opened.json(), json);
        auto *signature = opened.detailsAs<FlaskSignedCodec::Decoded>();
        QVERIFY(signature);
        const qint64 timestamp = row[QStringLiteral("timestamp")].toInteger();
        QCOMPARE(signature->parts.timestamp, timestamp);
        FlaskSignedCodec::judgeAge(*signature, signature->lifetimeSeconds, timestamp + 60);
        QCOMPARE(signature->expiry, FlaskSignedCodec::Expiry::Fresh);

        // Re-signed with the same secret and timestamp: the middleware's bytes exactly.
        SessionSealer::Options options;
        options.format = &starlette();
        options.timestamp = timestamp;
        const auto sealed = SessionSealer::seal(opened.session(), bytesOf(secret), options);
        QVERIFY2(sealed.ok(), qPrintable(name));
        QCOMPARE(sealed.cookie, cookie);
        QCOMPARE(sealed.report.cookieValueBytes, cookie.size());
    }
}

void TestStarletteSessionFormat::namesTheStepOfInvalidVectors()
{
    const QHash<QString, ErrorCategory> categories = {
        {QStringLiteral("authentication"), ErrorCategory::Authentication},
        {QStringLiteral("base64"), ErrorCategory::Base64},
        {QStringLiteral("json"), ErrorCategory::Json},
        {QStringLiteral("encoding"), ErrorCategory::Encoding},
    };
    int expired = 0;
    for (const QJsonValue &value : section(QStringLiteral("invalid"), kInvalidVectors)) {
        const QJsonObject row = value.toObject();
        const QString name = row[QStringLiteral("name")].toString();
        const QString step = row[QStringLiteral("step")].toString();
        KeyRing ring = ringWith(row[QStringLiteral("secret")].toString().toUtf8());
        CookieOpener::Opened opened =
            CookieOpener::open(row[QStringLiteral("cookie")].toString().toLatin1(), ring, {});
        QCOMPARE(opened.format->id(), QStringLiteral("starlette"));
        // What the middleware made of it: an empty session, or a server error (500) for a
        // validly signed payload that it cannot load.
        const bool starletteFailed =
            row[QStringLiteral("starlette_status")].toInt() != 200 ||
            row[QStringLiteral("starlette_session")].toString() != QStringLiteral("[\"x\"]");
        QVERIFY2(starletteFailed || step == QStringLiteral("json"), qPrintable(name));
        if (step == QStringLiteral("expired")) {
            QVERIFY2(opened.ok(), qPrintable(name));
            auto *signature = opened.detailsAs<FlaskSignedCodec::Decoded>();
            FlaskSignedCodec::judgeAge(*signature, signature->lifetimeSeconds,
                                       row[QStringLiteral("now")].toInteger());
            QVERIFY2(signature->expired, qPrintable(name));
            QCOMPARE(row[QStringLiteral("starlette_session")].toString(), QStringLiteral("{}"));
            ++expired;
            continue;
        }
        QVERIFY2(opened.error, qPrintable(name));
        QVERIFY2(categories.contains(step), qPrintable(step));
        QCOMPARE(opened.error->category, categories.value(step));
    }
    QCOMPARE(expired, 2);
}

void TestStarletteSessionFormat::standardCharactersAreStarletteOnly()
{
    const QByteArray padded = signedAs(QByteArray(R"({"user": "grace"})"), kSecret, true, false);
    // base64 of `{"user": "grace"}` ends in '=': no Flask cookie has it.
    QVERIFY(padded.contains("=."));
    const auto detection = FormatRegistry::builtIn().detect(padded);
    QCOMPARE(detection.format->id(), QStringLiteral("starlette"));
    QCOMPARE(detection.score, int(CookieFormat::Certain));
    QVERIFY(detection.candidates.isEmpty());
    // A cut one still goes Starlette's way, whose base64 step names what is wrong.
    const QByteArray cut = padded.first(8) + padded.sliced(9);
    KeyRing ring;
    const auto opened = CookieOpener::open(cut, ring, {});
    QCOMPARE(opened.format->id(), QStringLiteral("starlette"));
    QVERIFY(opened.error);
    QCOMPARE(opened.error->category, ErrorCategory::Base64);
}

void TestStarletteSessionFormat::separatorsDecideWithoutKey()
{
    // `{"ab": 1234}` is spaced (json.dumps); `{"ab":12345}` compact (Flask). Both base64
    // texts have no '+', '/' or '=', so both formats' shape fits each.
    const QByteArray spaced = signedAs(QByteArray(R"({"ab": 1234})"), kSecret, true);
    const QByteArray compact = signedAs(QByteArray(R"({"ab":12345})"), kSecret, false);
    KeyRing none;
    const auto spacedDetection = FormatRegistry::builtIn().detect(spaced);
    QCOMPARE(spacedDetection.format->id(), QStringLiteral("starlette"));
    QCOMPARE(spacedDetection.candidates.size(), 2);
    QCOMPARE(spacedDetection.candidates[1].format->id(), QStringLiteral("signed"));
    const auto spacedOpened = CookieOpener::open(spaced, none, {});
    QCOMPARE(spacedOpened.format->id(), QStringLiteral("starlette"));
    QVERIFY(spacedOpened.warnings.isEmpty());

    const auto compactDetection = FormatRegistry::builtIn().detect(compact);
    QCOMPARE(compactDetection.format->id(), QStringLiteral("signed"));
    QCOMPARE(compactDetection.candidates.size(), 2);
    QCOMPARE(compactDetection.candidates[1].score, int(CookieFormat::Possible));
    const auto compactOpened = CookieOpener::open(compact, none, {});
    QCOMPARE(compactOpened.format->id(), QStringLiteral("signed"));
    QVERIFY(compactOpened.warnings.isEmpty());
}

void TestStarletteSessionFormat::storedSecretDecidesASharedShape()
{
    // Each format's signer over the other's JSON style: the stored secret that verifies it
    // wins over the separators.
    const QByteArray flaskSignedSpaced = signedAs(QByteArray(R"({"ab": 1234})"), kSecret, false);
    const QByteArray starletteSignedCompact =
        signedAs(QByteArray(R"({"ab":12345})"), kSecret, true);
    KeyRing ring = ringWith(kSecret);
    const auto flask = CookieOpener::open(flaskSignedSpaced, ring, {});
    QCOMPARE(flask.format->id(), QStringLiteral("signed"));
    QCOMPARE(flask.detected, flask.format);
    QCOMPARE(flask.verified, std::optional<bool>(true));
    QCOMPARE(flask.keyIndex, 0);
    const auto ours = CookieOpener::open(starletteSignedCompact, ring, {});
    QCOMPARE(ours.format->id(), QStringLiteral("starlette"));
    QCOMPARE(ours.verified, std::optional<bool>(true));
    QVERIFY(ours.ok());
    // A secret that verifies neither leaves the separators' choice, with its authentication
    // error.
    KeyRing wrong = ringWith("another secret");
    const auto unverified = CookieOpener::open(flaskSignedSpaced, wrong, {});
    QCOMPARE(unverified.format->id(), QStringLiteral("starlette"));
    QCOMPARE(unverified.verified, std::optional<bool>(false));
    QCOMPARE(unverified.error->category, ErrorCategory::Authentication);
}

void TestStarletteSessionFormat::tieOpensAsFlaskWithANote()
{
    // Neither writer puts a space before the colon: the separators say nothing.
    const QByteArray json = R"({"abcd" :12})";
    const QByteArray cookie = signedAs(json, kSecret, false);
    const auto detection = FormatRegistry::builtIn().detect(cookie);
    QCOMPARE(detection.candidates.size(), 2);
    QCOMPARE(detection.candidates[0].score, detection.candidates[1].score);
    KeyRing none;
    const auto opened = CookieOpener::open(cookie, none, {});
    QCOMPARE(opened.format->id(), QStringLiteral("signed"));
    QCOMPARE(opened.warnings.size(), 1);
    QVERIFY2(opened.warnings.first().contains(QStringLiteral("Starlette session")),
             qPrintable(opened.warnings.first()));
    // With the secret, no doubt is left and no note.
    KeyRing ring = ringWith(kSecret);
    const auto verified = CookieOpener::open(cookie, ring, {});
    QCOMPARE(verified.format->id(), QStringLiteral("signed"));
    QVERIFY(verified.warnings.isEmpty());
}

void TestStarletteSessionFormat::expiryUsesMaxAgeUnlessChosen()
{
    const QByteArray cookie = signedAs(QByteArray(R"({"ab": 1234})"), kSecret, true);
    KeyRing ring = ringWith(kSecret);
    OpenOptions options; // Flask's 31 days, not chosen: Starlette's 14 days apply
    auto opened = CookieOpener::open(cookie, ring, options);
    auto *signature = opened.detailsAs<FlaskSignedCodec::Decoded>();
    QCOMPARE(signature->lifetimeSeconds, StarletteSessionFormat::kDefaultMaxAgeSeconds);
    FlaskSignedCodec::judgeAge(*signature, signature->lifetimeSeconds,
                               1700000000 + StarletteSessionFormat::kDefaultMaxAgeSeconds + 1);
    QCOMPARE(signature->expiry, FlaskSignedCodec::Expiry::OlderThanLifetime);
    options.lifetimeSeconds = 3600;
    options.lifetimeChosen = true; // --max-age 3600
    opened = CookieOpener::open(cookie, ring, options);
    QCOMPARE(opened.detailsAs<FlaskSignedCodec::Decoded>()->lifetimeSeconds, 3600);

    // max_age=None (the window's "None" preference): itsdangerous checks no age at all, so
    // neither an old cookie nor one from the future is expired, and Set-Cookie has no Max-Age.
    options.ageLimits.insert(StarletteSessionFormat::formatId(),
                             FlaskSignedCodec::kNoLifetimeLimit);
    opened = CookieOpener::open(cookie, ring, options);
    signature = opened.detailsAs<FlaskSignedCodec::Decoded>();
    for (const qint64 now : {qint64(1700000000) + 10 * 365 * 24 * 3600, qint64(1600000000)}) {
        FlaskSignedCodec::judgeAge(*signature, signature->lifetimeSeconds, now);
        QVERIFY(!signature->expired);
        QCOMPARE(signature->expiry, FlaskSignedCodec::Expiry::Fresh);
    }
    QCOMPARE(StarletteSessionFormat::setCookieAttributeBytes(FlaskSignedCodec::kNoLifetimeLimit),
             StarletteSessionFormat::setCookieAttributeBytes(0));
    QVERIFY(StarletteSessionFormat::setCookieAttributeBytes(1209600) >
            StarletteSessionFormat::setCookieAttributeBytes(0));
}

void TestStarletteSessionFormat::sealRefusesWhatJsonDumpsCannotWrite()
{
    SessionValue session = SessionValue::makeDict();
    SessionValue inner = SessionValue::makeDict();
    inner.setValue(QStringLiteral("raw"), SessionValue::makeBytes("\x01\x02"));
    session.setValue(QStringLiteral("box"), inner);
    SessionSealer::Options options;
    options.format = &starlette();
    const auto sealed = SessionSealer::seal(session, bytesOf(kSecret), options);
    QVERIFY(sealed.error);
    QCOMPARE(sealed.error->category, ErrorCategory::Json);
    QCOMPARE(sealed.error->detail, QStringLiteral("session['box']['raw']"));
    QVERIFY(sealed.cookie.isEmpty());
    QCOMPARE(sealed.report.format, QStringLiteral("starlette"));
    // No secret: the report, and a key error.
    SessionValue plain = SessionValue::makeDict();
    plain.setValue(QStringLiteral("a"), SessionValue::makeString(QStringLiteral("b")));
    const auto keyless = SessionSealer::seal(plain, SecureBytes(), options);
    QCOMPARE(keyless.error->category, ErrorCategory::Key);
    QVERIFY(keyless.report.cookieValueBytes > 0);
}

void TestStarletteSessionFormat::sizeReportListsStagesAndExactKeys()
{
    const QByteArray json = R"({"user": "ada", "cart": [1, 2, 3], "n": 1})";
    const SessionValue session = SessionDialect::readSession(json, starlette()).value();
    SessionSealer::Options options;
    options.format = &starlette();
    options.timestamp = 1700000000;
    const auto sealed = SessionSealer::seal(session, bytesOf(kSecret), options);
    QVERIFY(sealed.ok());
    const SizeReport &report = sealed.report;
    QCOMPARE(report.jsonBytes, json.size());
    QCOMPARE(report.stageBytes(u"payload_bytes"), json.size());
    QCOMPARE(report.stageBytes(u"payload_base64"), (json.size() + 2) / 3 * 4);
    QCOMPARE(report.stageBytes(u"timestamp_base64"), 6);
    QCOMPARE(report.stageBytes(u"signature_base64"), 27);
    QCOMPARE(report.cookieValueBytes, sealed.cookie.size());
    QCOMPARE(report.keys.size(), 3);
    // Each key's saving is the cookie of the session without it, measured by sealing it.
    for (const SizeReport::KeyShare &share : report.keys) {
        SessionValue without = session;
        without.remove(without.indexOfKey(share.key));
        const auto smaller = SessionSealer::seal(without, bytesOf(kSecret), options);
        QCOMPARE(share.cookieSaving, sealed.cookie.size() - smaller.cookie.size());
        QVERIFY(!share.estimated);
    }
    QCOMPARE(report.keys.first().key, QStringLiteral("cart"));
    // SessionMiddleware's Set-Cookie, not Flask's (tst_interop_starlette compares the real one).
    QCOMPARE(
        report.setCookieBytes,
        ("session=" + sealed.cookie + "; path=/; Max-Age=1209600; httponly; samesite=lax").size());
    options.signer.lifetimeSeconds = 600;
    options.signer.lifetimeChosen = true;
    QCOMPARE(SessionSealer::seal(session, bytesOf(kSecret), options).report.setCookieBytes,
             ("session=" + sealed.cookie + "; path=/; Max-Age=600; httponly; samesite=lax").size());
}

void TestStarletteSessionFormat::convertNotesTuplesAndBytes()
{
    const CookieFormat &flask = *FormatRegistry::builtIn().find(u"signed");
    const SessionValue flaskSession =
        SessionDialect::readSession(R"({"pair":{" t":[1,2]},"raw":{" b":"aGk="}})", flask).value();
    const auto converted = starlette().convertFrom(flaskSession);
    QVERIFY(!converted.error);
    QCOMPARE(converted.notes.size(), 2);
    QCOMPARE(converted.notes[0].path, QStringLiteral("session['pair']"));
    QCOMPARE(converted.notes[1].path, QStringLiteral("session['raw']"));
    SessionSealer::Options options;
    options.format = &starlette();
    options.timestamp = 1700000000;
    const auto sealed = SessionSealer::seal(converted.session, bytesOf(kSecret), options);
    QVERIFY(sealed.ok());
    QCOMPARE(sealed.json, QByteArray(R"({"pair": [1, 2], "raw": "aGk="})"));
    // EncryptedSession's bytes marker is a plain dict to Starlette: no note, no change.
    const SessionValue marker =
        SessionDialect::readSession(R"({"m": {"__type__": "bytes", "b": "aGk="}})", starlette())
            .value();
    QCOMPARE(marker.child(0)->type(), SessionValue::Type::Dict);
    QVERIFY(starlette().convertFrom(marker).notes.isEmpty());
}

void TestStarletteSessionFormat::bareCookieWithOnePaddingIsNotANamePair()
{
    // `eyJ...In0=.ZVPxBg.sig` is no cookie named `eyJ...In0`: Flask's values after a name have
    // a third dot when they begin with one.
    const QString bare =
        QStringLiteral("eyJ1c2VyIjogImdyYWNlIn0=.ZVPxBg.nN0I3jXxQzWd-FDe3WbHby2OYw4");
    for (const QString &text : {bare, QStringLiteral("Cookie: session=") + bare}) {
        const auto extracted = CookieText::extract(text, QStringLiteral("session"));
        QVERIFY(extracted.ok());
        QCOMPARE(extracted->value, bare.toLatin1());
    }
    const auto named = CookieText::extract(QStringLiteral("session=.eJwrzs9NBQALfwJp.ZVPxBg.sig"),
                                           QStringLiteral("session"));
    QCOMPARE(named->name, QStringLiteral("session"));
}

void TestStarletteSessionFormat::auditAndTimelineCountIt()
{
    QByteArray lines;
    int rows = 0;
    for (const QJsonValue &value : section(QStringLiteral("valid"), kValidVectors)) {
        lines += value.toObject()[QStringLiteral("cookie")].toString().toLatin1() + '\n';
        ++rows;
    }
    QBuffer input(&lines);
    QVERIFY(input.open(QIODevice::ReadOnly));
    SizeAudit::Options options;
    options.threads = 1;
    SizeAudit::Report report;
    QVERIFY(SizeAudit::run(input, lines.size(), options, report, {}).ok());
    QCOMPARE(report.cookies, quint64(rows));
    QCOMPARE(report.formats.value(QStringLiteral("starlette")), quint64(rows));
    const QJsonObject byFormat =
        report.toJson(50, FormatRegistry::builtIn())[QStringLiteral("formats")].toObject();
    QCOMPARE(byFormat[QStringLiteral("starlette")].toInteger(), rows);
    QCOMPARE(byFormat[QStringLiteral("signed")].toInteger(), 0);

    KeyRing ring = ringWith("starlette-vector-secret");
    Timeline timeline(ring, {});
    CapturedCookie cookie;
    cookie.value = section(QStringLiteral("valid"), kValidVectors)
                       .first()
                       .toObject()[QStringLiteral("cookie")]
                       .toString()
                       .toLatin1();
    const Timeline::Entry &entry = timeline.add(cookie);
    const QJsonObject record = Timeline::toJson(entry);
    QCOMPARE(record[QStringLiteral("format")].toString(), QStringLiteral("starlette"));
    QCOMPARE(record[QStringLiteral("verified")].toBool(), true);
}

void TestStarletteSessionFormat::crackTriesEveryFormatOfASharedShape()
{
    // The middleware's own cookie whose payload Flask's alphabet spells too (a vector), and
    // Starlette's signer over JSON no writer marks (a tie, which detection gives to Flask's,
    // registered first). The planted secret is found in each, under its signer. Flask's signer
    // over json.dumps' separators (which Flask never writes) is tried as Starlette only: both
    // signers on every such cookie would cost the commonest Flask cookies a second signature
    // per guess.
    QJsonObject alike;
    for (const QJsonValue &row : section(QStringLiteral("valid"), kValidVectors)) {
        if (row[QStringLiteral("name")].toString() == QLatin1String("flask-alike shape"))
            alike = row.toObject();
    }
    QVERIFY(!alike.isEmpty());
    const struct
    {
        QByteArray cookie;
        QByteArray secret;
        QString format;
    } cases[] = {
        {alike[QStringLiteral("cookie")].toString().toLatin1(),
         alike[QStringLiteral("secret")].toString().toUtf8(), QStringLiteral("starlette")},
        {signedAs(R"({"abcd" :12})", kSecret, true), kSecret, QStringLiteral("starlette")},
    };
    QTemporaryDir dir;
    int count = 0;
    for (const auto &c : cases) {
        QCOMPARE(FormatRegistry::builtIn().detect(c.cookie).candidates.size(), 2);
        QFile list(dir.filePath(QStringLiteral("words%1.txt").arg(++count)));
        QVERIFY(list.open(QIODevice::WriteOnly));
        for (int line = 1; line <= 3000; ++line)
            list.write(line == 2345 ? c.secret + '\n' : "guess-" + QByteArray::number(line) + '\n');
        list.close();
        SecretAudit::Options options;
        options.builtIn = false;
        options.threads = 2;
        auto outcome = SecretAudit::run(c.cookie, list.fileName(), options);
        QVERIFY(outcome.ok());
        QVERIFY2(outcome->found, c.cookie.constData());
        QCOMPARE(outcome->found->line, 2345);
        QCOMPARE(outcome->found->format->id(), c.format);
        // A stored secret is found the same way.
        options.known = {{QStringLiteral("app"), bytesOf(c.secret)}};
        outcome = SecretAudit::run(c.cookie, QString(), options);
        QVERIFY(outcome.ok() && outcome->found);
        QCOMPARE(outcome->found->source, QStringLiteral("app"));
        QCOMPARE(outcome->found->format->id(), c.format);
    }
    QCOMPARE(count, 2);
    // A Flask cookie in Flask's own JSON is one format's, and tried as that one only.
    const QByteArray flask = signedAs(R"({"ab":12345})", kSecret, false);
    QCOMPARE(SecretAudit::formatsFor(flask, {}).size(), 1);
    QCOMPARE(SecretAudit::formatsFor(flask, {}).first()->id(), QStringLiteral("signed"));
    // A format named by the caller is the only one tried.
    SecretAudit::Options flaskOnly;
    flaskOnly.format = FormatRegistry::builtIn().find(u"signed");
    flaskOnly.known = {{QStringLiteral("app"), bytesOf(kSecret)}};
    auto outcome =
        SecretAudit::run(signedAs(R"({"abcd" :12})", kSecret, true), QString(), flaskOnly);
    QVERIFY(outcome.ok());
    QVERIFY(!outcome->found);
}

void TestStarletteSessionFormat::scoreFindsTheSeparatorAfterAnyFirstKey()
{
    // The score reads json.dumps' mark from the payload's beginning when it can: first keys
    // of every length around that beginning, escaped quotes in them, either writer's
    // separators.
    const auto character = [](QByteArrayView cookie) { return FormatDetector::characters(cookie); };
    int flaskSpellable = 0;
    for (int keyLength = 0; keyLength < 120; ++keyLength) {
        for (const bool spaced : {false, true}) {
            QByteArray key(keyLength, 'k');
            if (keyLength > 3)
                key[keyLength / 2] = '"'; // escaped below: the key's end is further on
            key.replace("\"", "\\\"");
            QByteArray json = "{\"" + key + (spaced ? "\": 1, \"b\": 2}" : "\":1,\"b\":2}");
            // Grow the value until the payload is a whole number of quanta without padding,
            // so that Flask's alphabet spells it too (no '=', and none of '+' '/').
            QByteArray payload;
            for (int pad = 0; pad < 60; ++pad) {
                const QByteArray candidate =
                    json.left(json.size() - 1) + ", \"p\": \"" + QByteArray(pad, 'x') + "\"}";
                payload = candidate.toBase64();
                if (!payload.contains('=') && !payload.contains('+') && !payload.contains('/')) {
                    json = candidate;
                    break;
                }
                payload.clear();
            }
            if (payload.isEmpty())
                continue;
            ++flaskSpellable;
            const QByteArray cookie = payload + ".ZZZZZZ.c2lnbmF0dXJlc2lnbmF0dXJlc2k";
            QCOMPARE(starlette().score(cookie, character(cookie)),
                     spaced ? int(CookieFormat::Distinct) : int(CookieFormat::Possible));
        }
    }
    QVERIFY(flaskSpellable > 200);
}

QTEST_GUILESS_MAIN(TestStarletteSessionFormat)
#include "tst_StarletteSessionFormat.moc"
