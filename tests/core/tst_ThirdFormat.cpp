// The proof that a cookie format is one thing: a third format, defined in this file only (plain
// base64 of the session's JSON, no key), registers with one line and is then detected, opened,
// sized as named stages, sealed, converted to and audited by the core's own paths, none of which
// names it.

#include "audit/SizeAudit.h"
#include "capture/Timeline.h"
#include "document/CookieOpener.h"
#include "document/RecoveryStore.h"
#include "document/SessionDocument.h"
#include "document/SessionFile.h"
#include "document/SessionSealer.h"
#include "formats/FormatRegistry.h"
#include "formats/SessionDialect.h"

#include <QBuffer>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sessionlens;

namespace {

/// Plain standard base64 (with padding) of json.dumps(session): anyone reads and writes it.
class PlainJsonFormat final : public CookieFormat
{
public:
    [[nodiscard]] QString id() const override { return QStringLiteral("plain"); }
    [[nodiscard]] QString displayName() const override
    {
        return QStringLiteral("plain base64 JSON");
    }
    [[nodiscard]] QString shortName() const override { return QStringLiteral("plain"); }
    [[nodiscard]] int score(QByteArrayView cookie,
                            const FormatDetector::Characters &characters) const override
    {
        if (characters.dots != 0 || !characters.cookieCharsOnly)
            return NotMine;
        const auto decoded = decode(cookie);
        return decoded && decoded->startsWith('{') && decoded->endsWith('}') ? Certain : NotMine;
    }
    [[nodiscard]] KeyKind keyKind() const override { return KeyKind::None; }
    [[nodiscard]] int sealOptions() const override { return NoSealOptions; }
    [[nodiscard]] PythonJsonWriter::Style writerStyle() const override
    {
        return PythonJsonWriter::Style::EncryptedSession; // json.dumps' defaults, bytes tagged
    }
    [[nodiscard]] PythonJsonReader::Dialect readerDialect() const override
    {
        return PythonJsonReader::Dialect::EncryptedSession;
    }
    void open(QByteArrayView cookie, KeyRing &, const OpenOptions &,
              OpenedCookie &out) const override
    {
        const auto json = decode(cookie);
        if (!json) {
            out.error = Error::make(ErrorCategory::Base64, QStringLiteral("not standard base64"));
            return;
        }
        out.jsonText = *json;
        auto session = SessionDialect::readSession(*json, *this, &out.warnings);
        if (!session) {
            out.error = session.error();
            return;
        }
        out.sessionValue = std::move(session).value();
    }
    void seal(const SessionValue &session, const SecureBytes &, const SealOptions &options,
              SealedCookie &out) const override
    {
        out.json = PythonJsonWriter::write(session, writerStyle());
        const QByteArray cookie = out.json.toBase64();
        out.report.format = id();
        out.report.jsonBytes = out.json.size();
        out.report.stages = {{QStringLiteral("base64"),
                              QStringLiteral("JSON, base64"),
                              cookie.size(),
                              QStringLiteral("base64"),
                              {}}};
        out.report.setCookieValueBytes(cookie.size(), options.cookieName);
        if ((out.error = SessionDialect::checkIsSession(session)))
            return;
        out.cookie = cookie;
    }
    [[nodiscard]] SessionConverter::Converted
    convertFrom(const SessionValue &session) const override
    {
        return SessionConverter::toEncryptedSession(session); // the same JSON, unencrypted
    }

private:
    static std::optional<QByteArray> decode(QByteArrayView text)
    {
        auto result = QByteArray::fromBase64Encoding(text.toByteArray(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
        if (!result)
            return std::nullopt;
        return *result;
    }
};

// Made by Python: base64.b64encode(json.dumps({"user": "ada", "cart": [1, 2], "n": 1}).encode())
constexpr char kPlainCookie[] = "eyJ1c2VyIjogImFkYSIsICJjYXJ0IjogWzEsIDJdLCAibiI6IDF9";
constexpr char kPlainJson[] = R"({"user": "ada", "cart": [1, 2], "n": 1})";
// base64.b64encode(json.dumps({"user": "grace", "admin": True}).encode())
constexpr char kPaddedCookie[] = "eyJ1c2VyIjogImdyYWNlIiwgImFkbWluIjogdHJ1ZX0=";

FormatRegistry withPlain()
{
    FormatRegistry formats = FormatRegistry::withBuiltIns();
    formats.add(std::make_shared<PlainJsonFormat>()); // the registration: one line
    return formats;
}

} // namespace

class TestThirdFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registersOnceById();
    void isDetectedOnlyWhenRegistered();
    void opensWithNoKey();
    void namesTheFailingStep();
    void sizeReportListsItsStages();
    void sealsToWhatPythonWrites();
    void sealsWithoutAnyKey();
    void sessionsConvertToIt();
    void auditCountsIt();
    void timelineAndDocumentKnowIt();
};

void TestThirdFormat::registersOnceById()
{
    FormatRegistry formats = withPlain();
    QCOMPARE(formats.ids(), QStringList({QStringLiteral("encrypted"), QStringLiteral("signed"),
                                         QStringLiteral("wtf-csrf"), QStringLiteral("plain")}));
    QVERIFY(!formats.add(std::make_shared<PlainJsonFormat>()));
    QCOMPARE(formats.formats().size(), 4);
    QCOMPARE(formats.fallback()->id(), QStringLiteral("encrypted"));
    // The shipped table stays as it was.
    QCOMPARE(FormatRegistry::builtIn().ids().size(), 3);
}

void TestThirdFormat::isDetectedOnlyWhenRegistered()
{
    const FormatRegistry formats = withPlain();
    for (const char *cookie : {kPlainCookie, kPaddedCookie}) {
        const auto detection = formats.detect(cookie);
        QVERIFY(detection.format);
        QCOMPARE(detection.format->id(), QStringLiteral("plain"));
        QCOMPARE(detection.score, int(CookieFormat::Certain));
    }
    // "eyJ" is also how a cut Flask cookie begins: without the format, that guess is all there
    // is, and the opener calls the text no session cookie.
    const auto builtIn = FormatRegistry::builtIn().detect(kPlainCookie);
    QVERIFY(builtIn.score < CookieFormat::Certain);
    KeyRing ring;
    QVERIFY(!CookieOpener::open(kPlainCookie, ring, {}).ok());
    // The built-in formats are still detected as before with the third one registered.
    QCOMPARE(
        formats.detect("u.AAAA.AAAAAAAAAAAAAAAAAAAAAA==.AAAAAAAAAAAAAAAAAAAAAA==").format->id(),
        QStringLiteral("encrypted"));
    QCOMPARE(formats.detect("eyJhIjoxfQ.ZXhhbQ.c2lnbmF0dXJl").format->id(),
             QStringLiteral("signed"));
}

void TestThirdFormat::opensWithNoKey()
{
    const FormatRegistry formats = withPlain();
    KeyRing ring;
    const CookieOpener::Opened opened = CookieOpener::open(kPlainCookie, ring, {}, formats);
    QVERIFY2(opened.ok(), qPrintable(opened.error ? opened.error->message : QString()));
    QCOMPARE(opened.format->id(), QStringLiteral("plain"));
    QCOMPARE(opened.detected, opened.format);
    QCOMPARE(opened.json(), QByteArray(kPlainJson));
    QCOMPARE(opened.session().size(), 3);
    QCOMPARE(opened.session().child(0)->stringValue(), QStringLiteral("ada"));
    QCOMPARE(opened.keyIndex, -1);
    QVERIFY(opened.readable());
}

void TestThirdFormat::namesTheFailingStep()
{
    const FormatRegistry formats = withPlain();
    KeyRing ring;
    // Base64 of `{"user": 1` (no closing brace is not its shape) is not detected as plain ...
    QVERIFY(formats.detect(QByteArray(R"({"user": 1)").toBase64()).format == nullptr ||
            formats.detect(QByteArray(R"({"user": 1)").toBase64()).format->id() !=
                QStringLiteral("plain"));
    // ... while a whole object that the reader refuses fails in the json step, not silently.
    const QByteArray badJson = QByteArray(R"({"user": tru})").toBase64();
    QCOMPARE(formats.detect(badJson).format->id(), QStringLiteral("plain"));
    const CookieOpener::Opened opened = CookieOpener::open(badJson, ring, {}, formats);
    QVERIFY(opened.error);
    QCOMPARE(opened.error->category, ErrorCategory::Json);
    QVERIFY(!opened.readable());
}

void TestThirdFormat::sizeReportListsItsStages()
{
    const FormatRegistry formats = withPlain();
    const CookieFormat *plain = formats.find(u"plain");
    KeyRing ring;
    const SessionValue session = CookieOpener::open(kPlainCookie, ring, {}, formats).session();
    SessionSealer::Options options;
    options.format = plain;
    const SizeReport report = SessionSealer::seal(session, SecureBytes(), options).report;
    QCOMPARE(report.format, QStringLiteral("plain"));
    QCOMPARE(report.jsonBytes, qsizetype(sizeof(kPlainJson) - 1));
    QCOMPARE(report.stages.size(), 1);
    QCOMPARE(report.stageBytes(u"base64"), qsizetype(sizeof(kPlainCookie) - 1));
    QCOMPARE(report.stageBytes(u"nonce_base64"), -1);
    QCOMPARE(report.cookieValueBytes, qsizetype(sizeof(kPlainCookie) - 1));
    // `session=<value>; HttpOnly; Path=/`, as for every format.
    QCOMPARE(report.setCookieBytes,
             SizeReport::setCookieValueSize(7, qsizetype(sizeof(kPlainCookie) - 1)));
    const QJsonObject json = report.toJson();
    QCOMPARE(json[QStringLiteral("format")].toString(), QStringLiteral("plain"));
    QCOMPARE(json[QStringLiteral("base64")].toInteger(), qint64(sizeof(kPlainCookie) - 1));
    QVERIFY(!json.contains(QStringLiteral("nonce_base64")));
}

void TestThirdFormat::sealsToWhatPythonWrites()
{
    const FormatRegistry formats = withPlain();
    SessionSealer::Options options;
    options.format = formats.find(u"plain");
    const SessionValue session = SessionDialect::readSession(kPlainJson, *options.format).value();
    const SessionSealer::Sealed sealed = SessionSealer::seal(session, SecureBytes(), options);
    QVERIFY(sealed.ok());
    QCOMPARE(sealed.cookie, QByteArray(kPlainCookie));
    QCOMPARE(sealed.report.cookieValueBytes, sealed.cookie.size());
    // And the opener reads back what the sealer made.
    KeyRing ring;
    QCOMPARE(CookieOpener::open(sealed.cookie, ring, {}, formats).json(), sealed.json);
}

void TestThirdFormat::sealsWithoutAnyKey()
{
    const FormatRegistry formats = withPlain();
    const CookieFormat *plain = formats.find(u"plain");
    QCOMPARE(plain->keyKind(), CookieFormat::KeyKind::None);
    QVERIFY(plain->readableWithoutKey());
    QVERIFY(!SessionKey::kindFor(*plain).has_value());
    QCOMPARE(SessionKey::kindFor(*formats.find(u"signed")), SessionKey::Kind::SigningSecret);
    QCOMPARE(SessionKey::kindFor(*formats.find(u"encrypted")), SessionKey::Kind::AesKey);
    // A session that is no dict is refused by the format's own check, with its report.
    SessionSealer::Options options;
    options.format = plain;
    const auto refused =
        SessionSealer::seal(SessionValue::makeString(QStringLiteral("x")), SecureBytes(), options);
    QVERIFY(refused.error);
    QCOMPARE(refused.error->category, ErrorCategory::Json);
    QCOMPARE(refused.report.format, QStringLiteral("plain"));
}

void TestThirdFormat::sessionsConvertToIt()
{
    const FormatRegistry formats = withPlain();
    const CookieFormat *plain = formats.find(u"plain");
    // A Flask signed session with a tuple: the plain format (json.dumps) makes it a list.
    const SessionValue signedSession =
        SessionDialect::readSession(R"({"pair":{" t":[1,2]}})", *formats.find(u"signed")).value();
    QCOMPARE(signedSession.child(0)->type(), SessionValue::Type::Tuple);
    const SessionConverter::Converted converted = plain->convertFrom(signedSession);
    QVERIFY(!converted.error);
    QCOMPARE(converted.notes.size(), 1);
    QCOMPARE(converted.notes.first().path, QStringLiteral("session['pair']"));
    SessionSealer::Options options;
    options.format = plain;
    const auto sealed = SessionSealer::seal(converted.session, SecureBytes(), options);
    QVERIFY(sealed.ok());
    QCOMPARE(sealed.cookie, QByteArray(R"({"pair": [1, 2]})").toBase64());
    // And back: into Flask's signed format, sorted, with a secret.
    SessionSealer::Options back;
    back.format = formats.find(u"signed");
    back.timestamp = 1700000000;
    const auto resigned = SessionSealer::seal(
        formats.find(u"signed")->convertFrom(converted.session).session, SecureBytes("s", 1), back);
    QVERIFY(resigned.ok());
    KeyRing ring;
    QCOMPARE(CookieOpener::open(resigned.cookie, ring, {}, formats).format->id(),
             QStringLiteral("signed"));
}

void TestThirdFormat::auditCountsIt()
{
    const FormatRegistry formats = withPlain();
    QByteArray lines;
    for (int i = 0; i < 5; ++i)
        lines += QByteArray(kPlainCookie) + '\n';
    lines += QByteArray(kPaddedCookie) + '\n';
    lines += "not-a-cookie\n";
    QBuffer input(&lines);
    QVERIFY(input.open(QIODevice::ReadOnly));
    SizeAudit::Options options;
    options.formats = &formats;
    options.threads = 1;
    SizeAudit::Report report;
    QList<SizeAudit::Row> rows;
    QVERIFY(SizeAudit::run(input, lines.size(), options, report,
                           [&rows](const QList<SizeAudit::Row> &block) { rows += block; })
                .ok());
    QCOMPARE(report.cookies, quint64(7));
    QCOMPARE(report.opened, quint64(6));
    QCOMPARE(report.formats.value(QStringLiteral("plain")), quint64(6));
    QCOMPARE(report.unknownShape, quint64(1));
    QCOMPARE(rows.size(), 7);
    QCOMPARE(rows.first().format, QStringLiteral("plain"));
    QCOMPARE(rows.first().plaintextBytes, qsizetype(sizeof(kPlainJson) - 1));
    const QJsonObject byFormat = report.toJson(50, formats)[QStringLiteral("formats")].toObject();
    QCOMPARE(byFormat[QStringLiteral("plain")].toInteger(), 6);
    QCOMPARE(byFormat[QStringLiteral("encrypted")].toInteger(), 0);
    QCOMPARE(byFormat[QStringLiteral("signed")].toInteger(), 0);
    QCOMPARE(byFormat[QStringLiteral("unknown")].toInteger(), 1);
    QCOMPARE(report.keys.value(QStringLiteral("user")).cookies, quint64(6));
}

void TestThirdFormat::timelineAndDocumentKnowIt()
{
    const FormatRegistry formats = withPlain();
    KeyRing ring;
    Timeline timeline(ring, {}, formats);
    CapturedCookie cookie;
    cookie.value = kPlainCookie;
    const Timeline::Entry &entry = timeline.add(cookie);
    QVERIFY(entry.readable());
    const QJsonObject record = Timeline::toJson(entry);
    QCOMPARE(record[QStringLiteral("format")].toString(), QStringLiteral("plain"));
    QVERIFY(record[QStringLiteral("verified")].isNull());
    QCOMPARE(record[QStringLiteral("plaintext")].toString(), QString::fromLatin1(kPlainJson));

    SessionDocument document;
    document.reset(entry.opened.session(), cookie.value);
    document.setFormat(entry.opened.format);
    QCOMPARE(document.format()->id(), QStringLiteral("plain"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("session.json"));
    QVERIFY(SessionFile::write(path, document.root(), *document.format()).ok());
    QVERIFY(SessionFile::read(path, *document.format()).value() == document.root());

    // The autosave keeps the format by id, and the id finds it again.
    RecoveryStore store(dir.path(), [] { return Result<SecureBytes>(SecureBytes(32)); });
    RecoveryStore::Autosave autosave;
    autosave.sessionJson = kPlainJson;
    autosave.format = document.format()->id();
    QVERIFY(store.writeAutosave(autosave).ok());
    const auto restored = store.readAutosave();
    QVERIFY(restored);
    QCOMPARE(formats.find(restored->format), document.format());
}

QTEST_GUILESS_MAIN(TestThirdFormat)
#include "tst_ThirdFormat.moc"
