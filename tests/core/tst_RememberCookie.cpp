// Flask-Login's remember cookie, against the vectors Flask-Login 0.6.2 itself made
// (tests/data/make_remember_vectors.py): opened, verified, re-signed byte-identically,
// sized as Werkzeug sets it, refused with the failing step named, converted and sealed.

#include "TestData.h"
#include "audit/SizeAudit.h"
#include "capture/Timeline.h"
#include "document/CookieOpener.h"
#include "document/SessionSealer.h"
#include "formats/FormatRegistry.h"
#include "formats/RememberCookieCodec.h"
#include "formats/RememberCookieFormat.h"
#include "keys/KeyRing.h"

#include <QBuffer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace sessionlens;
using namespace sessionlens::test;

namespace {

constexpr int kValidVectors = 9;
constexpr int kInvalidVectors = 7;

SecureBytes secretOf(const QJsonObject &row)
{
    const QByteArray bytes =
        QByteArray::fromHex(row[QStringLiteral("secret_hex")].toString().toLatin1());
    return SecureBytes(bytes.constData(), std::size_t(bytes.size()));
}

KeyRing ringWith(const SecureBytes &secret, const QString &name = QStringLiteral("app"))
{
    KeyRing ring;
    if (!ring.add(SessionKey(name, secret, SessionKey::Kind::SigningSecret)))
        qFatal("the ring refused a secret");
    return ring;
}

QJsonArray section(const char *name, int count)
{
    const QJsonArray rows =
        loadJsonObject(QStringLiteral("remember_vectors.json"))[QLatin1String(name)].toArray();
    if (rows.size() != count)
        qWarning("%s has %lld rows, expected %d", name, qint64(rows.size()), count);
    return rows;
}

const CookieFormat &remember()
{
    return *FormatRegistry::builtIn().find(RememberCookieFormat::formatId());
}

SessionValue treeOf(const QString &userId)
{
    SessionValue tree = SessionValue::makeDict();
    tree.setValue(QStringLiteral("user_id"), SessionValue::makeString(userId));
    return tree;
}

} // namespace

class TestRememberCookie : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vectorsHaveTheirCounts();
    void shapeIsReadFromTheEnd();
    void opensAndVerifiesWhatFlaskLoginWrote();
    void resignsByteIdentically();
    void sizesAreWerkzeugsHeader();
    void refusedRowsNameTheStep();
    void readsWithoutSecretUnverified();
    void reportsWhichSecretVerified();
    void quotingRoundTrips();
    void sealCarriesOnlyTheUserId();
    void convertsAFlaskLoginSession();
    void idsShapedLikeOtherCookiesStayIds();
    void auditCountsThem();
    void captureRecordsNameTheFormat();
    void everyDigestDigitCounts();
};

void TestRememberCookie::vectorsHaveTheirCounts()
{
    QCOMPARE(section("valid", kValidVectors).size(), kValidVectors);
    QCOMPARE(section("invalid", kInvalidVectors).size(), kInvalidVectors);
}

void TestRememberCookie::opensAndVerifiesWhatFlaskLoginWrote()
{
    int opened = 0;
    for (const QJsonValue &item : section("valid", kValidVectors)) {
        const QJsonObject row = item.toObject();
        KeyRing ring = ringWith(secretOf(row));
        const QByteArray cookie = row[QStringLiteral("cookie")].toString().toLatin1();
        const auto result = CookieOpener::open(cookie, ring, {});
        QVERIFY2(result.ok(), qPrintable(QString::fromLatin1(cookie) + QStringLiteral(": ") +
                                         (result.error ? result.error->message : QString())));
        QCOMPARE(result.format->id(), QStringLiteral("remember"));
        QCOMPARE(result.verified, std::optional<bool>(true));
        QCOMPARE(result.keyIndex, 0);
        QCOMPARE(result.session().size(), 1);
        QCOMPARE(result.session().child(0)->key(), QStringLiteral("user_id"));
        QCOMPARE(result.session().child(0)->stringValue(),
                 row[QStringLiteral("user_id")].toString());
        const auto *details = result.detailsAs<RememberCookieFormat::Details>();
        QVERIFY(details);
        QCOMPARE(details->parts.quoted, row[QStringLiteral("quoted")].toBool());
        // "sécret" as a str SECRET_KEY: Flask-Login takes its Latin-1 bytes.
        QCOMPARE(details->latin1Key,
                 row[QStringLiteral("secret_hex")].toString() == QLatin1String("73c3a963726574"));
        ++opened;
    }
    QCOMPARE(opened, kValidVectors);
}

void TestRememberCookie::resignsByteIdentically()
{
    int sealed = 0;
    for (const QJsonValue &item : section("valid", kValidVectors)) {
        const QJsonObject row = item.toObject();
        SealOptions options;
        options.format = &remember();
        const auto out = SessionSealer::seal(treeOf(row[QStringLiteral("user_id")].toString()),
                                             secretOf(row), options);
        QVERIFY2(out.ok(), qPrintable(out.error ? out.error->message : QString()));
        QCOMPARE(out.cookie, row[QStringLiteral("cookie")].toString().toLatin1());
        ++sealed;
    }
    QCOMPARE(sealed, kValidVectors);
}

void TestRememberCookie::sizesAreWerkzeugsHeader()
{
    for (const QJsonValue &item : section("valid", kValidVectors)) {
        const QJsonObject row = item.toObject();
        SealOptions options;
        options.format = &remember();
        const auto out = SessionSealer::seal(treeOf(row[QStringLiteral("user_id")].toString()),
                                             SecureBytes(), options);
        QVERIFY(out.error); // no secret: sizes only
        QCOMPARE(out.error->category, ErrorCategory::Key);
        const QString cookie = row[QStringLiteral("cookie")].toString();
        QCOMPARE(out.report.format, QStringLiteral("remember"));
        QCOMPARE(out.report.cookieValueBytes, cookie.size());
        QCOMPARE(out.report.stageBytes(u"digest_hex"), 128);
        QCOMPARE(out.report.nameValueBytes,
                 qsizetype(sizeof("remember_token=") - 1) + cookie.size());
        // The very header Flask-Login's response carried (Expires included).
        QCOMPARE(out.report.setCookieBytes, row[QStringLiteral("set_cookie")].toString().size());
    }
}

void TestRememberCookie::refusedRowsNameTheStep()
{
    const QMap<QString, ErrorCategory> steps = {
        {QStringLiteral("authentication"), ErrorCategory::Authentication},
        {QStringLiteral("format"), ErrorCategory::Format},
        {QStringLiteral("encoding"), ErrorCategory::Encoding}};
    int refused = 0;
    for (const QJsonValue &item : section("invalid", kInvalidVectors)) {
        const QJsonObject row = item.toObject();
        KeyRing ring = ringWith(secretOf(row));
        const auto result =
            CookieOpener::open(row[QStringLiteral("cookie")].toString().toLatin1(), ring, {});
        const QString name = row[QStringLiteral("name")].toString();
        QVERIFY2(result.error, qPrintable(name));
        QVERIFY2(steps.contains(row[QStringLiteral("step")].toString()), qPrintable(name));
        QVERIFY2(result.error->category == steps.value(row[QStringLiteral("step")].toString()),
                 qPrintable(name + QStringLiteral(": ") + result.error->message));
        if (result.error->category == ErrorCategory::Authentication) {
            // A wrong digest keeps what it says readable, as the server reads it unproven.
            QCOMPARE(result.format->id(), QStringLiteral("remember"));
            QCOMPARE(result.verified, std::optional<bool>(false));
            QVERIFY(result.readable());
        }
        ++refused;
    }
    QCOMPARE(refused, kInvalidVectors);
}

void TestRememberCookie::readsWithoutSecretUnverified()
{
    const QJsonObject row = section("valid", kValidVectors).at(0).toObject();
    KeyRing ring;
    const auto result =
        CookieOpener::open(row[QStringLiteral("cookie")].toString().toLatin1(), ring, {});
    QVERIFY(result.ok());
    QCOMPARE(result.verified, std::nullopt);
    QCOMPARE(result.json(), QByteArray(R"({"user_id": "42"})"));
}

void TestRememberCookie::reportsWhichSecretVerified()
{
    const QJsonObject row = section("valid", kValidVectors).at(0).toObject();
    KeyRing ring;
    QVERIFY(ring.add(SessionKey(QStringLiteral("old"), SecureBytes("nope", 4),
                                SessionKey::Kind::SigningSecret)));
    QVERIFY(ring.add(SessionKey(QStringLiteral("aes"), SecureBytes(32), SessionKey::Kind::AesKey)));
    QVERIFY(ring.add(
        SessionKey(QStringLiteral("current"), secretOf(row), SessionKey::Kind::SigningSecret)));
    const auto result =
        CookieOpener::open(row[QStringLiteral("cookie")].toString().toLatin1(), ring, {});
    QVERIFY(result.ok());
    QCOMPARE(result.keyIndex, 2);
    QCOMPARE(ring.at(result.keyIndex).name(), QStringLiteral("current"));
}

void TestRememberCookie::quotingRoundTrips()
{
    for (const QJsonValue &item : section("valid", kValidVectors)) {
        const QJsonObject row = item.toObject();
        const QByteArray cookie = row[QStringLiteral("cookie")].toString().toLatin1();
        const QByteArray raw = RememberCookieCodec::unquote(cookie);
        QVERIFY(raw.startsWith(row[QStringLiteral("user_id")].toString().toUtf8() + '|'));
        QCOMPARE(RememberCookieCodec::quote(raw), cookie);
        // What a paste gives after its quotes were stripped opens the same way.
        if (cookie.startsWith('"')) {
            KeyRing ring = ringWith(secretOf(row));
            const auto bare = CookieOpener::open(cookie.sliced(1, cookie.size() - 2), ring, {});
            QVERIFY2(bare.ok(), cookie.constData());
            QCOMPARE(bare.session().child(0)->stringValue(),
                     row[QStringLiteral("user_id")].toString());
        }
    }
}

void TestRememberCookie::sealCarriesOnlyTheUserId()
{
    SealOptions options;
    options.format = &remember();
    SessionValue extra = treeOf(QStringLiteral("7"));
    extra.setValue(QStringLiteral("admin"), SessionValue::makeBool(true));
    auto out = SessionSealer::seal(extra, SecureBytes("dev", 3), options);
    QVERIFY(out.error);
    QCOMPARE(out.error->category, ErrorCategory::Json);
    QVERIFY2(out.error->message.contains(QLatin1String("session['admin']")),
             qPrintable(out.error->message));
    SessionValue number = SessionValue::makeDict();
    number.setValue(QStringLiteral("user_id"), SessionValue::makeInteger(7));
    out = SessionSealer::seal(number, SecureBytes("dev", 3), options);
    QVERIFY(out.error);
    QVERIFY(out.cookie.isEmpty());
    // The forged cookie for user 7 is the one Flask-Login wrote for user 7 (vector row 2).
    out = SessionSealer::seal(treeOf(QStringLiteral("7")), SecureBytes("dev", 3), options);
    QVERIFY(out.ok());
    QCOMPARE(out.cookie, section("valid", kValidVectors)
                             .at(1)
                             .toObject()[QStringLiteral("cookie")]
                             .toString()
                             .toLatin1());
}

void TestRememberCookie::convertsAFlaskLoginSession()
{
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("_fresh"), SessionValue::makeBool(true));
    session.setValue(QStringLiteral("_id"), SessionValue::makeString(QStringLiteral("ab")));
    session.setValue(QStringLiteral("_user_id"), SessionValue::makeString(QStringLiteral("42")));
    const auto converted = remember().convertFrom(session);
    QVERIFY(!converted.error);
    QCOMPARE(converted.session, treeOf(QStringLiteral("42")));
    QCOMPARE(converted.notes.size(), 3); // renamed, and two members dropped
    QCOMPARE(converted.notes.at(0).path, QStringLiteral("session['_user_id']"));
    QCOMPARE(converted.notes.at(1).path, QStringLiteral("session['_fresh']"));
    // An int id becomes its text, as str() makes it; no id at all is an error.
    SessionValue number = SessionValue::makeDict();
    number.setValue(QStringLiteral("user_id"), SessionValue::makeInteger(7));
    const auto fromInt = remember().convertFrom(number);
    QCOMPARE(fromInt.session, treeOf(QStringLiteral("7")));
    QCOMPARE(fromInt.notes.size(), 1);
    QVERIFY(remember().convertFrom(SessionValue::makeDict()).error);
}

void TestRememberCookie::idsShapedLikeOtherCookiesStayIds()
{
    // User ids are any text: one shaped like an EncryptedSession or a Flask cookie seals and
    // opens again as a remember cookie.
    SealOptions options;
    options.format = &remember();
    for (const char *id : {"u.AAAA.AAAAAAAAAAAAAAAAAAAAAA==.AAAAAAAAAAAAAAAAAAAAAA==",
                           "eyJhIjoxfQ.ZXhhbQ.c2lnbmF0dXJl"}) {
        const auto sealed =
            SessionSealer::seal(treeOf(QString::fromLatin1(id)), SecureBytes("dev", 3), options);
        QVERIFY(sealed.ok());
        KeyRing ring = ringWith(SecureBytes("dev", 3));
        const auto opened = CookieOpener::open(sealed.cookie, ring, {});
        QVERIFY2(opened.ok(), id);
        QCOMPARE(opened.format->id(), QStringLiteral("remember"));
        QCOMPARE(opened.session().child(0)->stringValue(), QString::fromLatin1(id));
    }
}

void TestRememberCookie::auditCountsThem()
{
    QByteArray lines;
    int rows = 0;
    for (const QJsonValue &item : section("valid", kValidVectors)) {
        lines += item.toObject()[QStringLiteral("cookie")].toString().toLatin1() + '\n';
        ++rows;
    }
    lines += "not-a-cookie\n";
    QBuffer input(&lines);
    QVERIFY(input.open(QIODevice::ReadOnly));
    SizeAudit::Options options;
    options.threads = 1;
    SizeAudit::Report report;
    QList<SizeAudit::Row> found;
    QVERIFY(SizeAudit::run(input, lines.size(), options, report,
                           [&found](const QList<SizeAudit::Row> &block) { found += block; })
                .ok());
    QCOMPARE(report.cookies, quint64(rows + 1));
    QCOMPARE(report.formats.value(QStringLiteral("remember")), quint64(rows));
    const QJsonObject byFormat =
        report.toJson(50, FormatRegistry::builtIn())[QStringLiteral("formats")].toObject();
    QCOMPARE(byFormat[QStringLiteral("remember")].toInteger(), rows);
    QCOMPARE(found.first().format, QStringLiteral("remember"));
    QCOMPARE(report.keys.value(QStringLiteral("user_id")).cookies, quint64(rows));
}

void TestRememberCookie::captureRecordsNameTheFormat()
{
    const QJsonObject row = section("valid", kValidVectors).at(0).toObject();
    KeyRing ring = ringWith(secretOf(row), QStringLiteral("app"));
    Timeline timeline(ring, {});
    CapturedCookie cookie;
    cookie.source = CapturedCookie::Source::Response;
    cookie.name = RememberCookieFormat::kCookieName;
    cookie.value = row[QStringLiteral("cookie")].toString().toLatin1();
    const Timeline::Entry &entry = timeline.add(cookie);
    QVERIFY(entry.readable());
    QCOMPARE(entry.openedWith, QStringLiteral("app"));
    const QJsonObject record = Timeline::toJson(entry);
    QCOMPARE(record[QStringLiteral("format")].toString(), QStringLiteral("remember"));
    QCOMPARE(record[QStringLiteral("verified")].toBool(), true);
    QCOMPARE(record[QStringLiteral("plaintext")].toString(),
             QStringLiteral(R"({"user_id": "42"})"));
}

// The digest is read from its hex on the stack: each digit counts, and a caller's own Parts
// with upper-case hex (which split() refuses) still reads as the same bytes.
void TestRememberCookie::everyDigestDigitCounts()
{
    const QByteArray text = "digest secret";
    const SecureBytes secret(text.constData(), std::size_t(text.size()));
    auto cookie = RememberCookieCodec::sign("42", secret);
    QVERIFY(cookie);
    auto parts = RememberCookieCodec::split(*cookie);
    QVERIFY(parts);
    QVERIFY(RememberCookieCodec::matches(*parts, secret));
    for (qsizetype i = 0; i < parts->digestText.size(); ++i) {
        RememberCookieCodec::Parts changed = *parts;
        changed.digestText[i] = changed.digestText[i] == '0' ? 'f' : '0';
        QVERIFY2(!RememberCookieCodec::matches(changed, secret), qPrintable(QString::number(i)));
    }
    RememberCookieCodec::Parts upper = *parts;
    upper.digestText = upper.digestText.toUpper();
    QVERIFY(RememberCookieCodec::matches(upper, secret));
    RememberCookieCodec::Parts cut = *parts;
    cut.digestText.chop(2);
    QVERIFY(!RememberCookieCodec::matches(cut, secret));
}

void TestRememberCookie::shapeIsReadFromTheEnd()
{
    // The shape tests read the value from its end; the rules they keep, spelled out with a
    // search for the last '|', on values near both lengths and shapes.
    const auto isHex = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    };
    const auto body = [](const QByteArray &cookie) {
        return cookie.size() >= 2 && cookie.startsWith('"') && cookie.endsWith('"')
                   ? cookie.mid(1, cookie.size() - 2)
                   : cookie;
    };
    const auto hexAfter = [&](const QByteArray &value, qsizetype bar) {
        return std::all_of(value.begin() + bar + 1, value.end(), isHex);
    };
    QRandomGenerator random(61);
    const QByteArray alphabet = "0123456789abcdefABCDEFgxz|\":.";
    qsizetype shaped = 0, damaged = 0;
    for (int i = 0; i < 20000; ++i) {
        QByteArray cookie;
        if (random.bounded(2)) {
            cookie = QByteArray::number(random.bounded(1000)) + '|';
            for (int n = 127 + int(random.bounded(3)); n > 0; --n)
                cookie += "0123456789abcdef"[random.bounded(16)];
        }
        for (int n = int(random.bounded(3)); n > 0; --n) {
            const auto at = qsizetype(random.bounded(int(cookie.size()) + 1));
            cookie.insert(at, alphabet[random.bounded(int(alphabet.size()))]);
        }
        if (random.bounded(4) == 0)
            cookie = '"' + cookie + '"';
        const QByteArray value = body(cookie);
        const qsizetype bar = value.lastIndexOf('|');
        const bool shape = bar >= 0 &&
                           value.size() - bar - 1 == RememberCookieCodec::kDigestHexChars &&
                           hexAfter(value, bar);
        const bool cut = bar >= 0 && bar + 1 < value.size() && hexAfter(value, bar);
        QCOMPARE(RememberCookieCodec::hasShape(cookie), shape);
        QCOMPARE(RememberCookieCodec::looksDamaged(cookie), cut);
        shaped += shape ? 1 : 0;
        damaged += cut && !shape ? 1 : 0;
    }
    QVERIFY(shaped > 1000);
    QVERIFY(damaged > 1000);
}

QTEST_GUILESS_MAIN(TestRememberCookie)
#include "tst_RememberCookie.moc"
