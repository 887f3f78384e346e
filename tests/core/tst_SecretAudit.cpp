#include "TestData.h"
#include "audit/SecretAudit.h"
#include "formats/EncryptedSessionFormat.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/FormatRegistry.h"
#include "formats/OpenedCookie.h"
#include "formats/SessionConverter.h"
#include "report/SizeReport.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sessionlens;

namespace {

// Flask's signed cookie with the default signer (HMAC-SHA1, a 20-byte signature).
SealOptions flaskSigned()
{
    SealOptions options;
    options.format = FormatRegistry::builtIn().find(u"signed");
    return options;
}

QByteArray signWith(const QByteArray &secret)
{
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("user"), SessionValue::makeString(QStringLiteral("alice")));
    return FlaskSignedCodec::sign(session,
                                  SecureBytes(secret.constData(), std::size_t(secret.size())),
                                  1795707763, FlaskSignedCodec::Options{})
        .value();
}

// A format known to this test alone whose "signature" is the secret written backwards: the
// audit must find candidates through the format's own SecretCheck, whatever the format.
class BackwardsSecretCheck final : public SecretCheck
{
public:
    explicit BackwardsSecretCheck(QByteArray expected) : m_expected(std::move(expected)) {}
    bool matches(QByteArrayView secret) override
    {
        QByteArray reversed = secret.toByteArray();
        std::reverse(reversed.begin(), reversed.end());
        return reversed == m_expected;
    }
    std::unique_ptr<SecretCheck> clone() const override
    {
        return std::make_unique<BackwardsSecretCheck>(m_expected);
    }

private:
    QByteArray m_expected;
};

class BackwardsFormat final : public CookieFormat
{
public:
    QString id() const override { return QStringLiteral("backwards"); }
    QString displayName() const override { return id(); }
    QString shortName() const override { return id(); }
    int score(QByteArrayView, const FormatDetector::Characters &) const override { return NotMine; }
    KeyKind keyKind() const override { return KeyKind::Secret; }
    int sealOptions() const override { return NoSealOptions; }
    PythonJsonWriter::Style writerStyle() const override
    {
        return PythonJsonWriter::Style::EncryptedSession;
    }
    PythonJsonReader::Dialect readerDialect() const override
    {
        return PythonJsonReader::Dialect::EncryptedSession;
    }
    void open(QByteArrayView, KeySchedules &, const OpenOptions &, OpenedCookie &out) const override
    {
        out.error = Error::make(ErrorCategory::Format, QStringLiteral("not used here"));
    }
    void seal(const SessionValue &, const SecureBytes &, const SealOptions &,
              SealedCookie &) const override
    {
    }
    SessionConverter::Converted convertFrom(const SessionValue &session) const override
    {
        return SessionConverter::toEncryptedSession(session);
    }
    Result<std::unique_ptr<SecretCheck>> prepareSecretCheck(QByteArrayView cookie,
                                                            const OpenOptions &) const override
    {
        if (cookie.isEmpty())
            return Error::make(ErrorCategory::Format, QStringLiteral("empty"));
        return std::unique_ptr<SecretCheck>(new BackwardsSecretCheck(cookie.toByteArray()));
    }
};

} // namespace

class TestSecretAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsPlantedSecretWithAnyThreadCount();
    void pythonLiteralsOnRequest();
    void cancelStopsEarly();
    void missingWordlistIsAnIoError();
    void anyFormatWithASecretCheckIsAudited();
    void formatsWithoutASecretSayIt();
    void builtInListCatchesTutorialSecrets();
    void converterReportsWhatCannotBeCarried();
    void signedSizeReportMatchesRealCookies();
};

void TestSecretAudit::findsPlantedSecretWithAnyThreadCount()
{
    const QByteArray secret = "correct horse \xe2\x9c\x93";
    const QByteArray cookie = signWith(secret);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("list.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int line = 1; line <= 50000; ++line)
        file.write(line == 31337 ? secret + "\r\n" : QByteArray::number(line * 31) + '\n');
    file.write("no-newline-at-the-end");
    file.close();
    for (int threads : {1, 2, 3, 8}) {
        SecretAudit::Options options;
        options.threads = threads;
        options.builtIn = false;
        int progressCalls = 0;
        auto outcome =
            SecretAudit::run(cookie, path, options, nullptr, [&](const SecretAudit::Progress &p) {
                ++progressCalls;
                QVERIFY(p.bytesDone <= p.bytesTotal);
            });
        QVERIFY(outcome.ok());
        QVERIFY(outcome->found.has_value());
        QCOMPARE(outcome->found->secret.exposeCopy(), secret);
        QCOMPARE(outcome->found->line, 31337);
        QVERIFY(progressCalls >= 1);
    }
    // The last line without a newline is a candidate too.
    const QByteArray lastCookie = signWith("no-newline-at-the-end");
    SecretAudit::Options options;
    options.builtIn = false;
    options.threads = 1; // one thread: every line before the hit is tried, so the count is exact
    auto last = SecretAudit::run(lastCookie, path, options);
    QVERIFY(last.ok() && last->found);
    QCOMPARE(last->found->line, 50001);
    QCOMPARE(last->tried, 50001);
}

void TestSecretAudit::pythonLiteralsOnRequest()
{
    const QByteArray secret("_5#y2L\"F4Q8z\n\xec]/");
    const QByteArray cookie = signWith(secret);
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("list.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("b'nope'\nb'_5#y2L\"F4Q8z\\n\\xec]/'\n");
    file.close();
    SecretAudit::Options options;
    options.builtIn = false;
    auto literal = SecretAudit::run(cookie, file.fileName(), options);
    QVERIFY(literal.ok());
    QVERIFY(!literal->found); // lines are bytes as they stand...
    options.pythonLiterals = true;
    literal = SecretAudit::run(cookie, file.fileName(), options);
    QVERIFY(literal.ok() && literal->found); // ...unless asked to read literals
    QCOMPARE(literal->found->line, 2);
}

void TestSecretAudit::cancelStopsEarly()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("big.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray chunk;
    for (int i = 0; i < 400000; ++i)
        chunk += "candidate" + QByteArray::number(i) + '\n';
    file.write(chunk);
    file.close();
    std::atomic<bool> cancel{true}; // cancelled before it starts: stops at the first check
    SecretAudit::Options options;
    options.builtIn = false;
    auto outcome = SecretAudit::run(signWith("zzz"), file.fileName(), options, &cancel);
    QVERIFY(outcome.ok());
    QVERIFY(outcome->cancelled);
    QVERIFY(!outcome->found);
    QVERIFY(outcome->tried < 400000);
}

void TestSecretAudit::missingWordlistIsAnIoError()
{
    auto outcome = SecretAudit::run(signWith("x"), QStringLiteral("/nonexistent/words.txt"),
                                    SecretAudit::Options{});
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().category, ErrorCategory::Io);
    auto notSigned = SecretAudit::run("u.abc.def.ghi", QString(), SecretAudit::Options{});
    QVERIFY(!notSigned.ok());
}

void TestSecretAudit::anyFormatWithASecretCheckIsAudited()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("list.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int line = 1; line <= 20000; ++line)
        file.write(line == 12345 ? QByteArray("terces\n") : QByteArray::number(line) + '\n');
    file.close();
    const BackwardsFormat format;
    for (int threads : {1, 2, 5}) {
        SecretAudit::Options options;
        options.format = &format;
        options.threads = threads;
        options.builtIn = false;
        options.known = {{QStringLiteral("stored"), SecureBytes("nope", 4)}};
        auto outcome = SecretAudit::run("secret", path, options);
        QVERIFY(outcome.ok());
        QVERIFY(outcome->found);
        QCOMPARE(outcome->found->secret.exposeCopy(), QByteArray("terces"));
        QCOMPARE(outcome->found->line, 12345);
    }
    // The stored secrets come first, through the same check.
    SecretAudit::Options options;
    options.format = &format;
    options.known = {{QStringLiteral("stored"), SecureBytes("terces", 6)}};
    auto stored = SecretAudit::run("secret", path, options);
    QVERIFY(stored.ok() && stored->found);
    QCOMPARE(stored->found->source, QStringLiteral("stored"));
    // The format's own step failure comes back as it is.
    auto empty = SecretAudit::run(QByteArray(), path, options);
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().message, QStringLiteral("empty"));
}

void TestSecretAudit::formatsWithoutASecretSayIt()
{
    const EncryptedSessionFormat encrypted;
    SecretAudit::Options options;
    options.format = &encrypted;
    auto outcome = SecretAudit::run("u.abc.def.ghi", QString(), options);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().category, ErrorCategory::Key);
    QVERIFY2(outcome.error().message.contains(QStringLiteral("no signing secret")),
             qPrintable(outcome.error().message));
    // Without a format, a cookie of the shape of one that takes no secret is audited as the
    // first format that takes one, whose format step says what is wrong.
    const FormatRegistry &registry = FormatRegistry::builtIn();
    QCOMPARE(SecretAudit::formatsFor("u.abc.def.ghi", SecretAudit::Options{}),
             QList<const CookieFormat *>({registry.find(u"signed")}));
    QCOMPARE(SecretAudit::formatsFor(signWith("x"), SecretAudit::Options{}),
             QList<const CookieFormat *>({registry.find(u"signed")}));
}

void TestSecretAudit::builtInListCatchesTutorialSecrets()
{
    for (const QByteArray &secret : {QByteArray("dev"), QByteArray("you-will-never-guess"),
                                     QByteArray("_5#y2L\"F4Q8z\n\xec]/")}) {
        auto outcome = SecretAudit::run(signWith(secret), QString(), SecretAudit::Options{});
        QVERIFY(outcome.ok() && outcome->found);
        QCOMPARE(outcome->found->line, 0);
        QCOMPARE(outcome->found->secret.exposeCopy(), secret);
    }
    QVERIFY(SecretAudit::builtInSecrets().size() >= 50);
}

void TestSecretAudit::converterReportsWhatCannotBeCarried()
{
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("z"), SessionValue::makeTuple())
        ->append(SessionValue::makeInteger(1));
    session.setValue(QStringLiteral("m"), SessionValue::makeMarkup(QStringLiteral("<b>")));
    session.setValue(QStringLiteral("u"), SessionValue::makeUuid(QByteArray(16, '\x11')));
    session.setValue(QStringLiteral("d"), SessionValue::makeDateTime(0));
    session.setValue(QStringLiteral("b"), SessionValue::makeBytes("x"));
    const auto toEncrypted = SessionConverter::toEncryptedSession(session);
    QCOMPARE(toEncrypted.notes.size(), 4);
    QCOMPARE(toEncrypted.session.value(QStringLiteral("z"))->type(), SessionValue::Type::List);
    QCOMPARE(toEncrypted.session.value(QStringLiteral("u"))->stringValue(),
             QStringLiteral("11111111-1111-1111-1111-111111111111"));
    QCOMPARE(toEncrypted.session.value(QStringLiteral("d"))->stringValue(),
             QStringLiteral("Thu, 01 Jan 1970 00:00:00 GMT"));
    QCOMPARE(toEncrypted.session.value(QStringLiteral("b"))->type(), SessionValue::Type::Bytes);
    const auto toSigned = SessionConverter::toFlaskSigned(toEncrypted.session);
    QCOMPARE(toSigned.notes.size(), 1); // only the key order
    QVERIFY(toSigned.notes.first().message.contains(QStringLiteral("sorted")));
}

void TestSecretAudit::signedSizeReportMatchesRealCookies()
{
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("flask_default"))) {
        const auto decoded = FlaskSignedCodec::decode(
            v[QStringLiteral("cookie")].toString().toLatin1(), FlaskSignedCodec::Options{});
        QVERIFY(decoded.ok());
        const SizeReport r = SizeReport::compute(decoded.session, flaskSigned());
        QCOMPARE(r.format, QStringLiteral("signed"));
        QCOMPARE(r.jsonBytes, decoded.json.size());
        QCOMPARE(r.compressed, decoded.parts.compressed);
        // Same length as the reference cookie (the timestamp field has the same width today).
        QCOMPARE(r.cookieValueBytes, v[QStringLiteral("cookie")].toString().size());
        // Its stages by their own names: the payload, the timestamp and the signature.
        QCOMPARE(r.stageBytes(u"payload_base64"),
                 decoded.parts.payloadText.size() + (decoded.parts.compressed ? 1 : 0));
        QCOMPARE(r.stageBytes(u"timestamp_base64"), decoded.parts.timestampText.size());
        QCOMPARE(r.stageBytes(u"signature_base64"), decoded.parts.signatureText.size());
        QCOMPARE(r.stageBytes(u"nonce_base64"), -1);
        // The report's JSON keeps the older keys of the same figures for scripts that read them.
        const QJsonObject json = r.toJson();
        QCOMPARE(json[QStringLiteral("timestamp_base64")].toInteger(),
                 decoded.parts.timestampText.size());
        QCOMPARE(json[QStringLiteral("nonce_base64")].toInteger(),
                 decoded.parts.timestampText.size());
        QCOMPARE(json[QStringLiteral("tag_base64")].toInteger(),
                 decoded.parts.signatureText.size());
        const SecureBytes secret("k", 1);
        for (const SizeReport::KeyShare &share : r.keys) {
            SessionValue without = decoded.session;
            without.remove(without.indexOfKey(share.key));
            const qsizetype smaller =
                FlaskSignedCodec::sign(without, secret, decoded.parts.timestamp,
                                       FlaskSignedCodec::Options{})
                    ->size();
            QCOMPARE(share.cookieSaving, r.cookieValueBytes - smaller);
        }
    }
}

QTEST_GUILESS_MAIN(TestSecretAudit)
#include "tst_SecretAudit.moc"
