#include "TestData.h"
#include "crypto/ItsdangerousSigner.h"
#include "encoding/Base64.h"
#include "formats/FlaskSignedCodec.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonWriter.h"
#include "json/PythonRepr.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace sessionlens;

namespace {

SecureBytes secretOf(const QByteArray &text)
{
    return SecureBytes(text.constData(), std::size_t(text.size()));
}

} // namespace

class TestFlaskSignedCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vectors_data();
    void vectors();
    void verificationWithFallbacks();
    void expiry();
    void signerOptionsMatchReferenceHmac_data();
    void signerOptionsMatchReferenceHmac();
    void legacyEpoch();
    void taggedTypesRoundTrip();
    void diEscape();
    void malformed_data();
    void malformed();
};

void TestFlaskSignedCodec::vectors_data()
{
    QTest::addColumn<QByteArray>("cookie");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<qint64>("timestamp");
    QTest::addColumn<bool>("compressed");
    QTest::addColumn<QString>("repr");
    const QJsonArray vectors = test::cookieVectors(QStringLiteral("flask_default"));
    QVERIFY(vectors.size() >= 5);
    for (const QJsonValue v : vectors)
        QTest::newRow(qPrintable(v[QStringLiteral("name")].toString()))
            << v[QStringLiteral("cookie")].toString().toLatin1()
            << v[QStringLiteral("secret")].toString().toUtf8()
            << v[QStringLiteral("payload")].toString().toUtf8()
            << qint64(v[QStringLiteral("timestamp")].toInteger())
            << v[QStringLiteral("compressed")].toBool()
            << v[QStringLiteral("python_repr")].toString();
}

void TestFlaskSignedCodec::vectors()
{
    QFETCH(QByteArray, cookie);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, payload);
    QFETCH(qint64, timestamp);
    QFETCH(bool, compressed);
    QFETCH(QString, repr);
    const FlaskSignedCodec::Options options;

    // Without any secret: readable, marked unchecked.
    const auto open = FlaskSignedCodec::decode(cookie, options, {}, timestamp + 60);
    QVERIFY2(open.ok(), qPrintable(open.ok() ? QString() : open.error->toString()));
    QCOMPARE(open.verification, FlaskSignedCodec::Verification::NotChecked);
    QCOMPARE(open.json, payload);
    QCOMPARE(open.parts.timestamp, timestamp);
    QCOMPARE(open.parts.compressed, compressed);
    QCOMPARE(PythonRepr::repr(open.session), repr);
    QCOMPARE(open.ageSeconds, 60);
    QVERIFY(!open.expired);

    // With the secret: valid.
    const auto checked = FlaskSignedCodec::decode(cookie, options, {secretOf(secret)}, timestamp);
    QVERIFY(checked.ok());
    QCOMPARE(checked.verification, FlaskSignedCodec::Verification::Valid);
    QCOMPARE(checked.secretIndex, 0);

    // Writing the tree back gives Flask's payload byte for byte, and signing with the same
    // timestamp reproduces the cookie exactly (HMAC is deterministic).
    QCOMPARE(PythonJsonWriter::write(open.session, PythonJsonWriter::Style::FlaskTagged), payload);
    auto signedAgain = FlaskSignedCodec::sign(open.session, secretOf(secret), timestamp, options);
    QVERIFY(signedAgain.ok());
    QCOMPARE(signedAgain.value(), cookie);
}

void TestFlaskSignedCodec::verificationWithFallbacks()
{
    const QJsonObject v = test::cookieVectors(QStringLiteral("flask_default")).first().toObject();
    const QByteArray cookie = v[QStringLiteral("cookie")].toString().toLatin1();
    const QByteArray secret = v[QStringLiteral("secret")].toString().toUtf8();
    const FlaskSignedCodec::Options options;
    const auto fallback =
        FlaskSignedCodec::decode(cookie, options, {secretOf("new-key"), secretOf(secret)});
    QCOMPARE(fallback.verification, FlaskSignedCodec::Verification::Valid);
    QCOMPARE(fallback.secretIndex, 1);
    const auto wrong = FlaskSignedCodec::decode(cookie, options, {secretOf("a"), secretOf("b")});
    QCOMPARE(wrong.verification, FlaskSignedCodec::Verification::Invalid);
    QCOMPARE(wrong.error->category, ErrorCategory::Authentication);
    QCOMPARE(wrong.error->field, int(FlaskSignedCodec::Part::Signature));
    QVERIFY(wrong.session.size() > 0); // the payload is still shown
    // A flipped signature character fails.
    QByteArray tampered = cookie;
    tampered[tampered.size() - 2] = tampered[tampered.size() - 2] == 'A' ? 'B' : 'A';
    QCOMPARE(FlaskSignedCodec::decode(tampered, options, {secretOf(secret)}).verification,
             FlaskSignedCodec::Verification::Invalid);
}

void TestFlaskSignedCodec::expiry()
{
    const QJsonObject v = test::cookieVectors(QStringLiteral("flask_default")).first().toObject();
    const QByteArray cookie = v[QStringLiteral("cookie")].toString().toLatin1();
    const qint64 signedAt = v[QStringLiteral("timestamp")].toInteger();
    FlaskSignedCodec::Options options;
    const auto last = FlaskSignedCodec::decode(
        cookie, options, {}, signedAt + FlaskSignedCodec::kDefaultLifetimeSeconds);
    QVERIFY(!last.expired);
    QCOMPARE(last.expiry, FlaskSignedCodec::Expiry::Fresh);
    const auto old = FlaskSignedCodec::decode(
        cookie, options, {}, signedAt + FlaskSignedCodec::kDefaultLifetimeSeconds + 1);
    QVERIFY(old.expired);
    QVERIFY(old.ok()); // flagged, not refused: the inspector still shows it
    // Decided once, as the expiry verdict (front ends phrase it), not again among the warnings.
    QCOMPARE(old.expiry, FlaskSignedCodec::Expiry::OlderThanLifetime);
    QCOMPARE(old.ageSeconds, FlaskSignedCodec::kDefaultLifetimeSeconds + 1);
    QVERIFY(old.warnings.isEmpty());
    QCOMPARE(old.lifetimeSeconds, FlaskSignedCodec::kDefaultLifetimeSeconds);
    options.lifetimeSeconds = 3600;
    QVERIFY(FlaskSignedCodec::decode(cookie, options, {}, signedAt + 3601).expired);
    const auto future = FlaskSignedCodec::decode(cookie, options, {}, signedAt - 5);
    QVERIFY(future.expired); // from the future
    QCOMPARE(future.expiry, FlaskSignedCodec::Expiry::SignedInFuture);
    QCOMPARE(future.ageSeconds, -5);
}

void TestFlaskSignedCodec::signerOptionsMatchReferenceHmac_data()
{
    QTest::addColumn<int>("digest");
    QTest::addColumn<int>("derivation");
    for (int d = 0; d < 3; ++d)
        for (int k = 0; k < 4; ++k)
            QTest::addRow("digest%d-derivation%d", d, k) << d << k;
}

void TestFlaskSignedCodec::signerOptionsMatchReferenceHmac()
{
    // itsdangerous' derivations, computed independently with Qt's HMAC and hashes.
    QFETCH(int, digest);
    QFETCH(int, derivation);
    ItsdangerousSigner::Options options;
    options.digest = static_cast<ItsdangerousSigner::Digest>(digest);
    options.derivation = static_cast<ItsdangerousSigner::KeyDerivation>(derivation);
    options.salt = "my-salt";
    const QCryptographicHash::Algorithm algorithm = digest == 0   ? QCryptographicHash::Sha1
                                                    : digest == 1 ? QCryptographicHash::Sha256
                                                                  : QCryptographicHash::Sha512;
    for (const QByteArray &secret :
         {QByteArray("s"), QByteArray(200, 'x'), QByteArray("\x00\xff\x10", 3)}) {
        QByteArray key;
        switch (options.derivation) {
        case ItsdangerousSigner::KeyDerivation::Hmac:
            key = QMessageAuthenticationCode::hash(options.salt, secret, algorithm);
            break;
        case ItsdangerousSigner::KeyDerivation::Concat:
            key = QCryptographicHash::hash(options.salt + secret, algorithm);
            break;
        case ItsdangerousSigner::KeyDerivation::DjangoConcat:
            key = QCryptographicHash::hash(options.salt + "signer" + secret, algorithm);
            break;
        case ItsdangerousSigner::KeyDerivation::None:
            key = secret;
            break;
        }
        const QByteArray value = "eyJhIjoxfQ.awhTcw";
        const QByteArray expected = QMessageAuthenticationCode::hash(value, key, algorithm);
        auto signer = ItsdangerousSigner::create(options);
        QVERIFY(signer.ok());
        QByteArray signature;
        QVERIFY(signer->sign(secret, value, &signature));
        QCOMPARE(signature.toHex(), expected.toHex());
        QVERIFY(signer->verify(secret, value, expected));
        QVERIFY(!signer->verify(secret + "!", value, expected));
    }
}

void TestFlaskSignedCodec::legacyEpoch()
{
    FlaskSignedCodec::Options legacy;
    legacy.legacyEpoch = true;
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("a"), SessionValue::makeInteger(1));
    const qint64 when = 1700000000;
    auto cookie = FlaskSignedCodec::sign(session, secretOf("k"), when, legacy);
    QVERIFY(cookie.ok());
    const QByteArray field = cookie->split('.').at(1);
    QCOMPARE(field, FlaskSignedCodec::timestampField(when - FlaskSignedCodec::kLegacyEpoch, false));
    const auto decoded = FlaskSignedCodec::decode(cookie.value(), legacy, {secretOf("k")}, when);
    QCOMPARE(decoded.parts.timestamp, when);
    QCOMPARE(decoded.verification, FlaskSignedCodec::Verification::Valid);
    // Read without the legacy option, the same cookie looks 41 years old.
    QVERIFY(
        FlaskSignedCodec::decode(cookie.value(), FlaskSignedCodec::Options{}, {}, when).expired);
}

void TestFlaskSignedCodec::taggedTypesRoundTrip()
{
    PythonJsonReader::Options flask;
    flask.dialect = PythonJsonReader::Dialect::FlaskTagged;
    const QByteArray json =
        R"({"a":{" t":[1,{" t":[]},{" b":"AAE="}]},"b":{" m":"<i>x</i>"},"c":{" u":"0123456789abcdef0123456789abcdef"},"d":{" d":"Thu, 01 Jan 1970 00:00:00 GMT"},"e":[{" t":["x"]}],"f":NaN,"g":"\ud800"})";
    auto value = PythonJsonReader::read(json, flask);
    QVERIFY2(value.ok(), qPrintable(value.ok() ? QString() : value.error().toString()));
    QCOMPARE(value->child(0)->type(), SessionValue::Type::Tuple);
    QCOMPARE(value->child(1)->type(), SessionValue::Type::Markup);
    QCOMPARE(value->child(2)->type(), SessionValue::Type::Uuid);
    QCOMPARE(value->child(3)->type(), SessionValue::Type::DateTime);
    QCOMPARE(PythonJsonWriter::write(value.value(), PythonJsonWriter::Style::FlaskTagged), json);
    QCOMPARE(
        PythonRepr::repr(value.value()),
        QStringLiteral("{'a': (1, (), b'\\x00\\x01'), 'b': Markup('<i>x</i>'), "
                       "'c': UUID('01234567-89ab-cdef-0123-456789abcdef'), "
                       "'d': datetime.datetime(1970, 1, 1, 0, 0, tzinfo=datetime.timezone.utc), "
                       "'e': [('x',)], 'f': nan, 'g': '\\ud800'}"));
}

void TestFlaskSignedCodec::diEscape()
{
    // A dict whose only key is a tag name travels in " di" with the key suffixed "__".
    SessionValue session = SessionValue::makeDict();
    SessionValue *inner = session.setValue(QStringLiteral("x"), SessionValue::makeDict());
    inner->setValue(QStringLiteral(" t"), SessionValue::makeInteger(5));
    const QByteArray json = PythonJsonWriter::write(session, PythonJsonWriter::Style::FlaskTagged);
    QCOMPARE(json, QByteArray(R"({"x":{" di":{" t__":5}}})"));
    PythonJsonReader::Options flask;
    flask.dialect = PythonJsonReader::Dialect::FlaskTagged;
    auto back = PythonJsonReader::read(json, flask);
    QVERIFY(back.ok());
    QVERIFY(back.value() == session);
    // Keys sort by code point, as Python's sorted() does: U+FFFF before U+10000.
    SessionValue order = SessionValue::makeDict();
    const char32_t astral = 0x10000;
    order.setValue(QString::fromUcs4(&astral, 1), SessionValue::makeInteger(1));
    order.setValue(QString(QChar(0xffff)), SessionValue::makeInteger(2));
    order.setValue(QStringLiteral("b"), SessionValue::makeInteger(3));
    QCOMPARE(PythonJsonWriter::write(order, PythonJsonWriter::Style::FlaskTagged),
             QByteArray(R"({"b":3,"\uffff":2,"\ud800\udc00":1})"));
}

void TestFlaskSignedCodec::malformed_data()
{
    QTest::addColumn<QByteArray>("cookie");
    QTest::addColumn<int>("category");
    QTest::newRow("one part") << QByteArray("eyJhIjoxfQ") << int(ErrorCategory::Format);
    QTest::newRow("empty signature")
        << QByteArray("eyJhIjoxfQ.awhTcw.") << int(ErrorCategory::Format);
    QTest::newRow("bad payload base64")
        << QByteArray("ey+hIjoxfQ.awhTcw.abc") << int(ErrorCategory::Base64);
    QTest::newRow("not zlib") << QByteArray(".eyJhIjoxfQ.awhTcw.abc")
                              << int(ErrorCategory::Decompression);
    QTest::newRow("not json") << (Base64::encode("{nope", Base64::Alphabet::UrlSafe) +
                                  ".awhTcw.abc")
                              << int(ErrorCategory::Json);
    QTest::newRow("list") << (Base64::encode("[1]", Base64::Alphabet::UrlSafe) + ".awhTcw.abc")
                          << int(ErrorCategory::Json);
    QTest::newRow("bad tag") << (Base64::encode(R"({"a":{" u":"zz"}})", Base64::Alphabet::UrlSafe) +
                                 ".awhTcw.abc")
                             << int(ErrorCategory::Json);
    QTest::newRow("long timestamp")
        << QByteArray("eyJhIjoxfQ.AAAAAAAAAAAAAA.abc") << int(ErrorCategory::Format);
}

void TestFlaskSignedCodec::malformed()
{
    QFETCH(QByteArray, cookie);
    QFETCH(int, category);
    const auto decoded = FlaskSignedCodec::decode(cookie, FlaskSignedCodec::Options{});
    QVERIFY(!decoded.ok());
    QCOMPARE(int(decoded.error->category), category);
}

QTEST_GUILESS_MAIN(TestFlaskSignedCodec)
#include "tst_FlaskSignedCodec.moc"
