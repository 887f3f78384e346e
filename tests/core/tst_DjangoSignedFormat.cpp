// Django's signed_cookies session as a format: every known answer comes from Debian's Django
// (tests/data/django_vectors.json, made by make_django_vectors.py), never from our own signer.

#include "Limits.h"
#include "TestData.h"
#include "audit/SizeAudit.h"
#include "capture/Timeline.h"
#include "document/CookieOpener.h"
#include "document/SessionSealer.h"
#include "encoding/Base64.h"
#include "formats/DjangoSignedCodec.h"
#include "formats/DjangoSignedFormat.h"
#include "formats/FormatDetector.h"
#include "formats/FormatRegistry.h"
#include "keys/KeyRing.h"
#include "json/PythonJsonReader.h"

#include <QBuffer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace sessionlens;

namespace {

constexpr int kValidVectors = 14;
constexpr int kInvalidVectors = 14;
constexpr int kExpiryVectors = 3;

SecureBytes secretBytes(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    return SecureBytes::fromByteArray(bytes, true);
}

KeyRing ringWith(const QStringList &secrets)
{
    KeyRing ring;
    int i = 0;
    for (const QString &secret : secrets) {
        auto added = ring.add(SessionKey(QStringLiteral("secret %1").arg(++i), secretBytes(secret),
                                         SessionKey::Kind::SigningSecret));
        if (!added)
            qFatal("ring refused a secret");
    }
    return ring;
}

QJsonArray section(const QString &name, int expected)
{
    const QJsonArray rows =
        test::loadJsonObject(QStringLiteral("django_vectors.json")).value(name).toArray();
    if (rows.size() != expected)
        qWarning("section %s has %lld rows, expected %d", qPrintable(name),
                 static_cast<long long>(rows.size()), expected);
    return rows;
}

const CookieFormat &django()
{
    return *FormatRegistry::builtIn().find(DjangoSignedFormat::formatId());
}

SessionValue read(const QByteArray &json)
{
    PythonJsonReader::Options options;
    options.dialect = PythonJsonReader::Dialect::Plain;
    auto value = PythonJsonReader::read(json, options);
    if (!value)
        qFatal("unreadable JSON");
    return std::move(value).value();
}

} // namespace

class TestDjangoSignedFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registeredAndDetected();
    void scoreFollowsTheShapeRule();
    void opensVerifiesAndResignsDjangoCookies();
    void namesTheStepDjangoFailsAt();
    void judgesAgeAsDjangoDoes();
    void reportsWhichSecretVerified();
    void sizeStagesAddUpToTheCookie();
    void convertNotesWhatDjangoCannotCarry();
    void refusesToSealWhatDjangoCannotWrite();
    void base62TimestampsRoundTrip();
    void auditAndTimelineCountIt();
    void splitKeepsEachSignersErrors();
    void bytesPastAsciiReadAsLatin1Anywhere();
};

void TestDjangoSignedFormat::registeredAndDetected()
{
    QVERIFY(FormatRegistry::builtIn().find(QStringLiteral("django")));
    const QJsonArray rows = section(QStringLiteral("valid"), kValidVectors);
    QCOMPARE(rows.size(), kValidVectors);
    for (const QJsonValue &row : rows) {
        const QByteArray cookie = row[QStringLiteral("cookie")].toString().toLatin1();
        QCOMPARE(FormatRegistry::builtIn().detect(cookie).format, &django());
        QCOMPARE(FormatRegistry::builtIn().detect(cookie).score, int(CookieFormat::Certain));
    }
    // Flask's signed cookie and EncryptedSession's are not Django's, and a cut Django cookie
    // still goes Django's way, so that its own step says what is missing.
    const QJsonArray flask = test::cookieVectors(QStringLiteral("flask_default"));
    for (const QJsonValue &row : flask) {
        const QByteArray cookie = row[QStringLiteral("cookie")].toString().toLatin1();
        QVERIFY(FormatRegistry::builtIn().detect(cookie).format != &django());
    }
    const QByteArray whole = rows.at(0)[QStringLiteral("cookie")].toString().toLatin1();
    const QByteArray cut = whole.first(whole.indexOf(':') + 3);
    QCOMPARE(FormatRegistry::builtIn().detect(cut).format, &django());
    QCOMPARE(FormatRegistry::builtIn().detect(cut).score, int(CookieFormat::Damaged));
}

void TestDjangoSignedFormat::opensVerifiesAndResignsDjangoCookies()
{
    const QJsonArray rows = section(QStringLiteral("valid"), kValidVectors);
    QCOMPARE(rows.size(), kValidVectors);
    int sha1 = 0, compressed = 0;
    for (const QJsonValue &row : rows) {
        const QByteArray cookie = row[QStringLiteral("cookie")].toString().toLatin1();
        const QByteArray json = row[QStringLiteral("json")].toString().toLatin1();
        const QString secret = row[QStringLiteral("secret")].toString();
        const bool legacy = row[QStringLiteral("algorithm")].toString() == QLatin1String("sha1");
        KeyRing ring = ringWith({QStringLiteral("not this one"), secret});
        OpenOptions options;
        const CookieOpener::Opened opened = CookieOpener::open(cookie, ring, options);
        QVERIFY2(opened.ok(), qPrintable(opened.error ? opened.error->message : QString()));
        QCOMPARE(opened.format, &django());
        QCOMPARE(opened.verified, std::optional<bool>(true));
        QCOMPARE(opened.keyIndex, 1);
        QCOMPARE(opened.json(), json);
        QCOMPARE(opened.compressed, row[QStringLiteral("compressed")].toBool());
        const auto *details = opened.detailsAs<DjangoSignedCodec::Decoded>();
        QVERIFY(details);
        QCOMPARE(details->parts.timestamp, qint64(row[QStringLiteral("timestamp")].toDouble()));
        QCOMPARE(opened.warnings.join(u'\n').contains(QLatin1String("legacy SHA-1")), legacy);
        sha1 += legacy;
        compressed += opened.compressed;

        // Our writer gives Django's JSON, and re-signing gives Django's cookie byte for byte.
        QCOMPARE(PythonJsonWriter::write(opened.session(), django().writerStyle()), json);
        SealOptions seal;
        seal.format = &django();
        seal.timestamp = qint64(row[QStringLiteral("timestamp")].toDouble());
        if (legacy) {
            seal.signer.signer.derivation = ItsdangerousSigner::KeyDerivation::DjangoConcat;
            seal.signer.signer.digest = ItsdangerousSigner::Digest::Sha1;
        }
        const SessionSealer::Sealed sealed =
            SessionSealer::seal(opened.session(), secretBytes(secret), seal);
        QVERIFY(sealed.ok());
        QCOMPARE(sealed.cookie, cookie);
        QCOMPARE(sealed.report.cookieValueBytes, cookie.size());
    }
    QCOMPARE(sha1, kValidVectors / 2);
    QVERIFY(compressed > 0 && compressed < kValidVectors);
}

void TestDjangoSignedFormat::namesTheStepDjangoFailsAt()
{
    const QJsonArray rows = section(QStringLiteral("invalid"), kInvalidVectors);
    QCOMPARE(rows.size(), kInvalidVectors);
    for (const QJsonValue &row : rows) {
        const QByteArray cookie = row[QStringLiteral("cookie")].toString().toLatin1();
        KeyRing ring = ringWith({row[QStringLiteral("secret")].toString()});
        const CookieOpener::Opened opened = CookieOpener::open(cookie, ring, OpenOptions{});
        QVERIFY2(opened.error, cookie.constData());
        // A value without ':' has no Django shape: whichever format takes it names the format.
        if (cookie.contains(':'))
            QCOMPARE(opened.format, &django());
        QCOMPARE(Error::categoryName(opened.error->category),
                 row[QStringLiteral("step")].toString());
        if (opened.error->category == ErrorCategory::Authentication) {
            QCOMPARE(opened.verified, std::optional<bool>(false));
            QVERIFY(opened.readable()); // anyone can read it, only its origin is unproven
        }
    }
}

void TestDjangoSignedFormat::judgesAgeAsDjangoDoes()
{
    const QJsonArray rows = section(QStringLiteral("expired"), kExpiryVectors);
    QCOMPARE(rows.size(), kExpiryVectors);
    int future = 0;
    for (const QJsonValue &row : rows) {
        const QByteArray cookie = row[QStringLiteral("cookie")].toString().toLatin1();
        const qint64 now = qint64(row[QStringLiteral("now")].toDouble());
        const auto decoded = DjangoSignedCodec::decode(
            cookie, OpenOptions{}, {secretBytes(row[QStringLiteral("secret")].toString())}, now);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.expired, !row[QStringLiteral("accepted")].toBool());
        QCOMPARE(decoded.lifetimeSeconds, DjangoSignedCodec::kDefaultCookieAge);
        if (decoded.ageSeconds < 0) {
            ++future; // Django accepts a timestamp in the future; we say so
            QCOMPARE(decoded.expiry, FlaskSignedCodec::Expiry::Fresh);
            QVERIFY(decoded.warnings.join(u'\n').contains(QLatin1String("future")));
        }
    }
    QCOMPARE(future, 1);
    // A lifetime given (--max-age) is SESSION_COOKIE_AGE.
    OpenOptions options;
    options.lifetimeSeconds = 60;
    options.lifetimeChosen = true;
    const QByteArray cookie = rows.at(0)[QStringLiteral("cookie")].toString().toLatin1();
    const qint64 signedAt = qint64(rows.at(0)[QStringLiteral("timestamp")].toDouble());
    QVERIFY(DjangoSignedCodec::decode(cookie, options, {}, signedAt + 61).expired);
    QVERIFY(!DjangoSignedCodec::decode(cookie, options, {}, signedAt + 60).expired);
    // Given, it holds even when it is Flask's default (31 days, past Django's two weeks).
    options.lifetimeSeconds = FlaskSignedCodec::kDefaultLifetimeSeconds;
    const qint64 threeWeeks = 21 * 24 * 3600;
    QVERIFY(!DjangoSignedCodec::decode(cookie, options, {}, signedAt + threeWeeks).expired);
    // Not given: Django's own two weeks, whatever the Flask lifetime holds.
    options.lifetimeChosen = false;
    QVERIFY(DjangoSignedCodec::decode(cookie, options, {}, signedAt + threeWeeks).expired);
}

void TestDjangoSignedFormat::reportsWhichSecretVerified()
{
    const QJsonObject row = section(QStringLiteral("valid"), kValidVectors).at(1).toObject();
    QCOMPARE(row[QStringLiteral("algorithm")].toString(), QStringLiteral("sha1"));
    const QByteArray cookie = row[QStringLiteral("cookie")].toString().toLatin1();
    auto parts = DjangoSignedCodec::split(cookie);
    QVERIFY(parts);
    auto match =
        DjangoSignedCodec::verify(*parts, {secretBytes(QStringLiteral("a")),
                                           secretBytes(row[QStringLiteral("secret")].toString()),
                                           secretBytes(QStringLiteral("b"))});
    QVERIFY(match);
    QCOMPARE(match->secretIndex, 1);
    QCOMPARE(match->digest, ItsdangerousSigner::Digest::Sha1);
    auto none = DjangoSignedCodec::verify(*parts, {secretBytes(QStringLiteral("a"))});
    QVERIFY(none);
    QCOMPARE(none->secretIndex, -1);
    // Two wrong secrets: the error says how many were tried.
    KeyRing ring = ringWith({QStringLiteral("a"), QStringLiteral("b")});
    const auto opened = CookieOpener::open(cookie, ring, OpenOptions{});
    QVERIFY(opened.error);
    QVERIFY(opened.error->message.contains(QLatin1String("none of the 2")));
}

void TestDjangoSignedFormat::sizeStagesAddUpToTheCookie()
{
    const QJsonArray rows = section(QStringLiteral("valid"), kValidVectors);
    for (const QJsonValue &row : rows) {
        const QByteArray json = row[QStringLiteral("json")].toString().toLatin1();
        SealOptions options;
        options.format = &django();
        options.timestamp = qint64(row[QStringLiteral("timestamp")].toDouble());
        const SessionSealer::Sealed sealed = SessionSealer::seal(
            read(json), secretBytes(row[QStringLiteral("secret")].toString()), options);
        QVERIFY(sealed.ok());
        const SizeReport &report = sealed.report;
        QCOMPARE(report.format, QStringLiteral("django"));
        QCOMPARE(report.jsonBytes, json.size());
        QCOMPARE(report.compressed, row[QStringLiteral("compressed")].toBool());
        // payload base64 (with its '.'), ':', timestamp, ':', signature: the cookie.
        QCOMPARE(report.stageBytes(u"payload_base64") + 1 + report.stageBytes(u"timestamp_base62") +
                     1 + report.stageBytes(u"signature_base64"),
                 sealed.cookie.size());
        QCOMPARE(report.stageBytes(u"signature_base64"), 43); // SHA-256
        QCOMPARE(report.nameValueBytes, qsizetype(sizeof("sessionid=") - 1) + sealed.cookie.size());
        // Django's Set-Cookie, not Flask's (tst_interop_django compares the real one).
        QCOMPARE(report.setCookieBytes,
                 ("sessionid=" + sealed.cookie +
                  "; expires=Thu, 17 Dec 2026 13:00:00 GMT; HttpOnly; Max-Age=1209600; Path=/; "
                  "SameSite=Lax")
                     .size());
        if (!report.compressed)
            QCOMPARE(report.stageBytes(u"payload_bytes"), json.size());
        qsizetype measured = 0;
        for (const SizeReport::KeyShare &share : report.keys)
            measured += share.estimated ? 0 : 1;
        QCOMPARE(measured, read(json).size()); // few keys: every one measured
    }
}

void TestDjangoSignedFormat::convertNotesWhatDjangoCannotCarry()
{
    // A Flask-tagged session with every type Django's JSON has no form for.
    PythonJsonReader::Options tagged;
    tagged.dialect = PythonJsonReader::Dialect::FlaskTagged;
    auto session = PythonJsonReader::read(
        R"({"b":{" b":"AAE="},"d":{" d":"Thu, 01 Jan 1970 00:00:00 GMT"},"m":{" m":"<b>x</b>"},)"
        R"("n":NaN,"t":{" t":[1,2]},"u":{" u":"12345678123456781234567812345678"}})",
        tagged);
    QVERIFY(session);
    const auto converted = django().convertFrom(*session);
    QVERIFY(!converted.error);
    QStringList paths;
    for (const auto &note : converted.notes)
        paths.append(note.path);
    QCOMPARE(paths, QStringList({QStringLiteral("session['b']"), QStringLiteral("session['d']"),
                                 QStringLiteral("session['m']"), QStringLiteral("session['t']"),
                                 QStringLiteral("session['u']")}));
    // NaN is carried (json.dumps writes it, json.loads reads it); the rest as Django reads it.
    QCOMPARE(PythonJsonWriter::write(converted.session, django().writerStyle()),
             QByteArray(R"({"b":"AAE=","d":"Thu, 01 Jan 1970 00:00:00 GMT","m":"<b>x</b>",)"
                        R"("n":NaN,"t":[1,2],"u":"12345678-1234-5678-1234-567812345678"})"));
}

void TestDjangoSignedFormat::refusesToSealWhatDjangoCannotWrite()
{
    PythonJsonReader::Options tagged;
    tagged.dialect = PythonJsonReader::Dialect::FlaskTagged;
    auto session = PythonJsonReader::read(R"({"a":[1,{"x":{" b":"AAE="}}]})", tagged);
    QVERIFY(session);
    SealOptions options;
    options.format = &django();
    const SessionSealer::Sealed sealed =
        SessionSealer::seal(*session, secretBytes(QStringLiteral("s")), options);
    QVERIFY(sealed.error);
    QVERIFY(sealed.cookie.isEmpty());
    QVERIFY2(sealed.error->message.contains(QLatin1String("session['a'][1]['x']")),
             qPrintable(sealed.error->message));
}

void TestDjangoSignedFormat::base62TimestampsRoundTrip()
{
    // baseconv.base62.encode(1700000000) == '1r31eq' (the vectors' first timestamp).
    QCOMPARE(DjangoSignedCodec::timestampField(1700000000), QByteArray("1r31eq"));
    QCOMPARE(DjangoSignedCodec::timestampField(0), QByteArray("0"));
    for (const qint64 t :
         {qint64(1), qint64(61), qint64(62), qint64(4102444800), qint64(253402300799)}) {
        auto parts =
            DjangoSignedCodec::split("e30:" + DjangoSignedCodec::timestampField(t) + ":AAAA");
        QVERIFY(parts);
        QCOMPARE(parts->timestamp, t);
        QVERIFY(!parts->timestampOutOfRange);
    }
    auto huge = DjangoSignedCodec::split("e30:zzzzzzzzzzzzzzzzzzzz:AAAA");
    QVERIFY(huge);
    QVERIFY(huge->timestampOutOfRange);
    auto minus = DjangoSignedCodec::split("e30:-:AAAA"); // Django reads a lone '-' as 0
    QVERIFY(minus);
    QCOMPARE(minus->timestamp, qint64(0));
}

void TestDjangoSignedFormat::auditAndTimelineCountIt()
{
    const QJsonArray rows = section(QStringLiteral("valid"), kValidVectors);
    QByteArray lines;
    for (const QJsonValue &row : rows)
        lines += row[QStringLiteral("cookie")].toString().toLatin1() + '\n';
    const QJsonObject flask = test::cookieVectors(QStringLiteral("flask_default")).at(0).toObject();
    lines += flask[QStringLiteral("cookie")].toString().toLatin1() + '\n';
    QBuffer input(&lines);
    QVERIFY(input.open(QIODevice::ReadOnly));
    SizeAudit::Options options;
    options.threads = 1;
    SizeAudit::Report report;
    QList<SizeAudit::Row> found;
    QVERIFY(SizeAudit::run(input, lines.size(), options, report,
                           [&found](const QList<SizeAudit::Row> &block) { found += block; })
                .ok());
    QCOMPARE(report.cookies, quint64(kValidVectors + 1));
    QCOMPARE(report.opened, quint64(kValidVectors + 1));
    const QJsonObject byFormat =
        report.toJson(50, FormatRegistry::builtIn())[QStringLiteral("formats")].toObject();
    QCOMPARE(byFormat[QStringLiteral("django")].toInteger(), kValidVectors);
    QCOMPARE(byFormat[QStringLiteral("signed")].toInteger(), 1);
    QCOMPARE(found.first().format, QStringLiteral("django"));
    QCOMPARE(found.first().plaintextBytes, rows.at(0)[QStringLiteral("json")].toString().size());

    // A captured cookie's record names the format and the secret that verified it.
    KeyRing ring = ringWith({rows.at(0)[QStringLiteral("secret")].toString()});
    Timeline timeline(ring, {}, FormatRegistry::builtIn());
    CapturedCookie cookie;
    cookie.name = DjangoSignedCodec::kCookieName;
    cookie.value = rows.at(0)[QStringLiteral("cookie")].toString().toLatin1();
    const Timeline::Entry &entry = timeline.add(cookie);
    QVERIFY(entry.readable());
    const QJsonObject record = Timeline::toJson(entry);
    QCOMPARE(record[QStringLiteral("format")].toString(), QStringLiteral("django"));
    QCOMPARE(record[QStringLiteral("plaintext")].toString(),
             rows.at(0)[QStringLiteral("json")].toString());
    QCOMPARE(record[QStringLiteral("verified")].toBool(), true);
    QCOMPARE(record[QStringLiteral("opened_with")].toString(), QStringLiteral("secret 1"));
}

void TestDjangoSignedFormat::splitKeepsEachSignersErrors()
{
    // Django's split and Flask's share their steps, not their rules: each names its own shape,
    // Django reads a '.' before the payload as zlib's and an empty part as data (its signature
    // check fails on it), Flask refuses an empty part; a payload's bad base64 names the part.
    const FlaskSignedCodec::Options flask;
    auto noShape = FlaskSignedCodec::split("eyJhIjoxfQ:1r31eq:c2ln", flask);
    QCOMPARE(noShape.error().category, ErrorCategory::Format);
    QCOMPARE(noShape.error().message,
             QStringLiteral("expected [.]<payload>.<timestamp>.<signature>"));
    noShape = DjangoSignedCodec::split("eyJhIjoxfQ.AAAA.c2ln");
    QCOMPARE(noShape.error().category, ErrorCategory::Format);
    QCOMPARE(noShape.error().message,
             QStringLiteral("expected [.]<payload>:<timestamp>:<signature>"));

    const auto django = DjangoSignedCodec::split(".eJyrVspMUbJSMDJQqgUAEIoCuQ:1r31eq:");
    QVERIFY(django.ok());
    QVERIFY(django->compressed);
    QCOMPARE(django->payloadText, QByteArray("eJyrVspMUbJSMDJQqgUAEIoCuQ"));
    QCOMPARE(django->timestampText, QByteArray("1r31eq"));
    QCOMPARE(django->signedValue, QByteArray(".eJyrVspMUbJSMDJQqgUAEIoCuQ:1r31eq"));
    QVERIFY(django->signatureText.isEmpty());
    const auto emptyPart = FlaskSignedCodec::split("eyJhIjoxfQ.AAAA.", flask);
    QCOMPARE(emptyPart.error().message, QStringLiteral("a part of the cookie is empty"));

    for (const auto &bad : {FlaskSignedCodec::split("ey+hIjoxfQ.AAAA.c2ln", flask),
                            DjangoSignedCodec::split("ey+hIjoxfQ:1r31eq:c2ln")}) {
        QCOMPARE(bad.error().category, ErrorCategory::Base64);
        QCOMPARE(bad.error().field, int(FlaskSignedCodec::Part::Payload));
        QCOMPARE(bad.error().detail, QStringLiteral("in the payload"));
    }
    const QByteArray huge(limits::kMaxCookieBytes + 1, 'a');
    QCOMPARE(FlaskSignedCodec::split(huge, flask).error().category, ErrorCategory::Limit);
    QCOMPARE(DjangoSignedCodec::split(huge).error().category, ErrorCategory::Limit);
}

// The shape rule, character by character, as the score first wrote it: the score now scans
// the payload 16 bytes at a time and must answer the same for every text.
int shapeRuleScore(QByteArrayView cookie)
{
    const auto urlSafe = [](char c) {
        return c == '-' || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
               (c >= 'A' && c <= 'Z');
    };
    if (FormatDetector::characters(cookie).urlSafeOnly)
        return CookieFormat::NotMine;
    const qsizetype payloadStart = cookie.startsWith('.') ? 1 : 0;
    qsizetype colons = 0;
    qsizetype firstColon = -1;
    for (qsizetype i = payloadStart; i < cookie.size(); ++i) {
        const char c = cookie[i];
        if (c == ':') {
            if (++colons == 1)
                firstColon = i;
            continue;
        }
        const bool fits =
            colons == 0   ? urlSafe(c)
            : colons == 1 ? (c > 0x20 && c < 0x7f && c != ';' && c != ',' && c != '"' && c != '\\')
                          : urlSafe(c) || c == '=';
        if (!fits)
            return CookieFormat::NotMine;
    }
    if (colons == 2)
        return CookieFormat::Certain;
    if (colons == 1 && firstColon > payloadStart &&
        (cookie.startsWith("eyJ") || cookie.startsWith(".eJ")))
        return CookieFormat::Damaged;
    return CookieFormat::NotMine;
}

void TestDjangoSignedFormat::scoreFollowsTheShapeRule()
{
    QRandomGenerator random(20261203);
    const QByteArray alphabet = "aZ9-_:.=+/;, \"\\|~";
    const QByteArray starts[] = {"", "", "eyJ", ".eJ", ".", "u."};
    int certain = 0;
    int damaged = 0;
    for (int i = 0; i < 200000; ++i) {
        QByteArray cookie = starts[random.bounded(int(std::size(starts)))];
        const auto run = [&](int most) {
            for (int n = int(random.bounded(most)); n > 0; --n)
                cookie.append(alphabet[random.bounded(5)]);
        };
        // payload:timestamp:signature (with '=' and a character of any kind now and then), or
        // long URL-safe runs broken by a few other characters.
        if (random.bounded(2) == 0) {
            run(60);
            cookie.append(':');
            run(8);
            if (random.bounded(4) != 0)
                cookie.append(':');
            run(30);
            if (random.bounded(3) == 0)
                cookie.append('=');
            if (random.bounded(3) == 0)
                cookie[int(random.bounded(int(cookie.size())))] =
                    alphabet[random.bounded(int(alphabet.size()))];
        } else {
            for (int part = int(random.bounded(5)); part >= 0; --part) {
                run(40);
                cookie.append(alphabet[random.bounded(int(alphabet.size()))]);
            }
        }
        const int expected = shapeRuleScore(cookie);
        QCOMPARE(django().score(cookie, FormatDetector::characters(cookie)), expected);
        certain += expected == CookieFormat::Certain ? 1 : 0;
        damaged += expected == CookieFormat::Damaged ? 1 : 0;
    }
    QVERIFY(certain > 1000);
    QVERIFY(damaged > 100);
}

// JSONSerializer.loads decodes Latin-1: a byte past ASCII is noted and read as its character,
// wherever it stands (the check reads eight bytes at a time, then the rest one by one).
void TestDjangoSignedFormat::bytesPastAsciiReadAsLatin1Anywhere()
{
    const SecureBytes secret = secretBytes(QStringLiteral("latin-1 secret"));
    const qint64 timestamp = 1700000000;
    const QByteArray ascii = R"({"k":"abcdefghijklmnopqrstuvw"})";
    const auto open = [&](const QByteArray &json) {
        const QByteArray cookie =
            DjangoSignedCodec::signPayload(Base64::encode(json, Base64::Alphabet::UrlSafe), secret,
                                           timestamp, DjangoSignedCodec::Digest::Sha256)
                .value();
        return DjangoSignedCodec::decode(cookie, OpenOptions{}, {secret}, timestamp);
    };
    const auto notesLatin1 = [](const DjangoSignedCodec::Decoded &decoded) {
        return decoded.warnings.join(u'\n').contains(QLatin1String("Latin-1"));
    };
    const DjangoSignedCodec::Decoded plain = open(ascii);
    QVERIFY(plain.ok());
    QVERIFY(!notesLatin1(plain));
    const qsizetype first = ascii.indexOf('a');
    for (qsizetype at = first; at < ascii.size() - 2; ++at) {
        QByteArray json = ascii;
        json[at] = char(0xe9);
        const DjangoSignedCodec::Decoded decoded = open(json);
        QVERIFY2(decoded.ok(), qPrintable(QString::number(at)));
        QCOMPARE(decoded.verification, FlaskSignedCodec::Verification::Valid);
        QVERIFY2(notesLatin1(decoded), qPrintable(QString::number(at)));
        QString expected = QString::fromLatin1(ascii.mid(first, ascii.size() - 2 - first));
        expected[at - first] = QChar(0xe9);
        QCOMPARE(decoded.session.child(0)->stringValue(), expected);
    }
}

QTEST_GUILESS_MAIN(TestDjangoSignedFormat)
#include "tst_DjangoSignedFormat.moc"
