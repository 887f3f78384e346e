#include "SessionGenerator.h"
#include "TestData.h"
#include "encoding/Base64.h"
#include "formats/EncryptedSessionCodec.h"
#include "json/PythonJsonWriter.h"
#include "json/PythonRepr.h"

#include <QTest>

using namespace sessionlens;

namespace {

SecureBytes keyFromHex(const QString &hex)
{
    const QByteArray raw = QByteArray::fromHex(hex.toLatin1());
    return SecureBytes(raw.constData(), std::size_t(raw.size()));
}

EncryptedSessionCodec codecFor(const QString &hex)
{
    auto codec = EncryptedSessionCodec::create(keyFromHex(hex));
    if (!codec)
        qFatal("cannot create codec");
    return std::move(codec).value();
}

const QString kVectorKey =
    QStringLiteral("7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd");

QByteArray joinFields(const EncryptedSessionCodec::Fields &f, const QByteArray &ct,
                      const QByteArray &tag, const QByteArray &nonce)
{
    return f.flag + '.' + Base64::encode(ct, Base64::Alphabet::Standard) + '.' +
           Base64::encode(tag, Base64::Alphabet::Standard) + '.' +
           Base64::encode(nonce, Base64::Alphabet::Standard);
}

} // namespace

class TestEncryptedSessionCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validVectors_data();
    void validVectors();
    void invalidVectors_data();
    void invalidVectors();
    void everyBitFlipIsRejected_data();
    void everyBitFlipIsRejected();
    void compressionRule();
    void zlibBombHitsLimit();
    void nestingHitsLimit();
    void freshNonces();
    void allKeySizes();
    void unknownFlagIsReported();
    void generatedSessionsRoundTrip();
    void rejectsNonDictSession();
};

void TestEncryptedSessionCodec::validVectors_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("cookie");
    QTest::addColumn<bool>("compressed");
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QString>("repr");
    const QJsonArray vectors = test::cookieVectors(QStringLiteral("encrypted_session"));
    QVERIFY(vectors.size() >= 17);
    for (const QJsonValue v : vectors)
        QTest::newRow(qPrintable(v[QStringLiteral("name")].toString()))
            << v[QStringLiteral("key_hex")].toString()
            << v[QStringLiteral("cookie")].toString().toLatin1()
            << v[QStringLiteral("compressed")].toBool()
            << v[QStringLiteral("plaintext")].toString().toUtf8()
            << v[QStringLiteral("python_repr")].toString();
}

void TestEncryptedSessionCodec::validVectors()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, cookie);
    QFETCH(bool, compressed);
    QFETCH(QByteArray, plaintext);
    QFETCH(QString, repr);

    EncryptedSessionCodec codec = codecFor(key);
    const auto decoded = codec.decode(cookie);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error->toString()));
    QCOMPARE(decoded.fields.compressed, compressed);
    QCOMPARE(decoded.plaintext, plaintext);
    QCOMPARE(PythonRepr::repr(decoded.session), repr);
    QVERIFY(decoded.warnings.isEmpty());

    // The batch paths' split and decryption (no field texts, the ciphertext decrypted where
    // it lies) open it the same.
    auto fields =
        EncryptedSessionCodec::split(cookie, nullptr, EncryptedSessionCodec::FieldTexts::Drop);
    QVERIFY(fields.ok());
    QVERIFY(fields->ciphertextText.isEmpty() && fields->tagText.isEmpty() &&
            fields->nonceText.isEmpty());
    QCOMPARE(fields->ciphertext, decoded.fields.ciphertext);
    QCOMPARE(fields->tag, decoded.fields.tag);
    QCOMPARE(fields->nonce, decoded.fields.nonce);
    EncryptedSessionCodec::Decoded batch;
    batch.fields = std::move(fields).value();
    EncryptedSessionCodec::Limits limits;
    limits.keepCiphertext = false;
    codec.setLimits(limits);
    codec.decodeFields(batch);
    QVERIFY(batch.ok());
    QCOMPARE(batch.plaintext, plaintext);
    QVERIFY(batch.fields.ciphertext.isEmpty());
    codec.setLimits({});

    // Unchanged tree re-encodes to the very same plaintext, with the server's compression choice.
    QCOMPARE(PythonJsonWriter::write(decoded.session), plaintext);
    auto sealed = codec.seal(decoded.session);
    QVERIFY(sealed.ok());
    QCOMPARE(sealed->compressed, compressed);
    QCOMPARE(sealed->plaintext, plaintext);
    QCOMPARE(sealed->cookie.size(), cookie.size()); // same length: only the nonce differs
    const auto again = codec.decode(sealed->cookie);
    QVERIFY(again.ok());
    QCOMPARE(again.plaintext, plaintext);
}

void TestEncryptedSessionCodec::invalidVectors_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("cookie");
    QTest::addColumn<QString>("expected");
    const QJsonArray vectors = test::cookieVectors(QStringLiteral("encrypted_session_invalid"));
    QVERIFY(vectors.size() >= 11);
    for (const QJsonValue v : vectors)
        QTest::newRow(qPrintable(v[QStringLiteral("name")].toString()))
            << v[QStringLiteral("key_hex")].toString()
            << v[QStringLiteral("cookie")].toString().toLatin1()
            << v[QStringLiteral("error")].toString();
}

void TestEncryptedSessionCodec::invalidVectors()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, cookie);
    QFETCH(QString, expected);
    EncryptedSessionCodec codec = codecFor(key);
    const auto decoded = codec.decode(cookie);
    QVERIFY(!decoded.ok());
    // The vectors file files bad base64 under "format"; we name the finer step.
    const ErrorCategory category = decoded.error->category;
    const QString reported = Error::categoryName(category);
    if (expected == QLatin1String("format") && category == ErrorCategory::Base64) {
        QCOMPARE(QString::fromLatin1(QTest::currentDataTag()), QStringLiteral("bad-base64"));
        QCOMPARE(decoded.error->field, int(EncryptedSessionCodec::Field::Ciphertext));
    } else {
        QCOMPARE(reported, expected);
    }
    // What was decoded before the failing step is kept.
    if (category == ErrorCategory::Decompression)
        QVERIFY(!decoded.payload.isEmpty());
    if (category == ErrorCategory::Encoding || category == ErrorCategory::Json)
        QVERIFY(!decoded.plaintext.isEmpty());
    if (category == ErrorCategory::Authentication)
        QCOMPARE(decoded.fields.tag.size(), 16);
}

void TestEncryptedSessionCodec::everyBitFlipIsRejected_data()
{
    QTest::addColumn<QByteArray>("cookie");
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session"))) {
        const QString name = v[QStringLiteral("name")].toString();
        if (name == QLatin1String("login") || name == QLatin1String("compressed-text"))
            QTest::newRow(qPrintable(name)) << v[QStringLiteral("cookie")].toString().toLatin1();
    }
}

void TestEncryptedSessionCodec::everyBitFlipIsRejected()
{
    QFETCH(QByteArray, cookie);
    EncryptedSessionCodec codec = codecFor(kVectorKey);
    auto split = EncryptedSessionCodec::split(cookie);
    QVERIFY(split.ok());
    const auto &f = split.value();
    int flips = 0;
    for (int part = 0; part < 3; ++part) {
        const QByteArray original = part == 0 ? f.ciphertext : part == 1 ? f.tag : f.nonce;
        for (qsizetype bit = 0; bit < original.size() * 8; ++bit) {
            QByteArray flipped = original;
            flipped[bit / 8] = static_cast<char>(flipped[bit / 8] ^ (1 << (bit % 8)));
            const QByteArray tampered =
                joinFields(f, part == 0 ? flipped : f.ciphertext, part == 1 ? flipped : f.tag,
                           part == 2 ? flipped : f.nonce);
            const auto decoded = codec.decode(tampered);
            if (decoded.ok() || decoded.error->category != ErrorCategory::Authentication)
                QFAIL(qPrintable(QStringLiteral("part %1 bit %2 not rejected as authentication")
                                     .arg(part)
                                     .arg(bit)));
            QVERIFY(decoded.plaintext.isEmpty());
            ++flips;
        }
    }
    QCOMPARE(flips, int((f.ciphertext.size() + 32) * 8));
    QVERIFY(codec.decode(joinFields(f, f.ciphertext, f.tag, f.nonce)).ok());
}

void TestEncryptedSessionCodec::compressionRule()
{
    EncryptedSessionCodec codec = codecFor(kVectorKey);
    // {"pad": "<n times p>"} is n + 11 bytes of JSON.
    auto sealedWith = [&codec](int jsonSize, EncryptedSessionCodec::Compression mode) {
        SessionValue s = SessionValue::makeDict();
        s.setValue(QStringLiteral("pad"), SessionValue::makeString(QString(jsonSize - 11, u'p')));
        auto sealed = codec.seal(s, mode);
        if (!sealed)
            qFatal("seal failed");
        if (sealed->plaintext.size() != jsonSize)
            qFatal("bad size");
        return sealed.value();
    };
    using C = EncryptedSessionCodec::Compression;
    QVERIFY(!sealedWith(1024, C::Auto).compressed);
    QVERIFY(sealedWith(1025, C::Auto).compressed);
    QVERIFY(sealedWith(20, C::Always).compressed);
    QVERIFY(!sealedWith(5000, C::Never).compressed);
    const auto forced = sealedWith(20, C::Always);
    QVERIFY(forced.cookie.startsWith("z."));
    const auto decoded = codec.decode(forced.cookie);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.plaintext, forced.plaintext);
}

void TestEncryptedSessionCodec::zlibBombHitsLimit()
{
    EncryptedSessionCodec codec = codecFor(kVectorKey);
    const QByteArray json = "{\"a\": \"" + QByteArray(16 * 1024 * 1024, 'a') + "\"}";
    auto sealed = codec.sealPlaintext(json, EncryptedSessionCodec::Compression::Always);
    QVERIFY(sealed.ok());
    QVERIFY(sealed->cookie.size() < 64 * 1024);
    const auto decoded = codec.decode(sealed->cookie);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error->category, ErrorCategory::Limit);
    QVERIFY(!decoded.payload.isEmpty());

    EncryptedSessionCodec::Limits generous;
    generous.maxInflatedSize = 32 * 1024 * 1024;
    auto roomy = EncryptedSessionCodec::create(keyFromHex(kVectorKey), generous);
    QVERIFY(roomy.ok());
    const auto opened = roomy->decode(sealed->cookie);
    QVERIFY(opened.ok());
    QCOMPARE(opened.plaintext.size(), json.size());
}

void TestEncryptedSessionCodec::nestingHitsLimit()
{
    EncryptedSessionCodec codec = codecFor(kVectorKey);
    const QByteArray json = "{\"a\": " + QByteArray(600, '[') + QByteArray(600, ']') + "}";
    auto sealed = codec.sealPlaintext(json);
    QVERIFY(sealed.ok());
    const auto decoded = codec.decode(sealed->cookie);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error->category, ErrorCategory::Limit);
    QCOMPARE(decoded.plaintext, json);
}

void TestEncryptedSessionCodec::freshNonces()
{
    EncryptedSessionCodec codec = codecFor(kVectorKey);
    SessionValue s = SessionValue::makeDict();
    s.setValue(QStringLiteral("a"), SessionValue::makeInteger(1));
    QSet<QByteArray> nonces;
    for (int i = 0; i < 100; ++i) {
        auto sealed = codec.seal(s);
        QVERIFY(sealed.ok());
        QCOMPARE(sealed->fields.nonce.size(), 16);
        nonces.insert(sealed->fields.nonce);
    }
    QCOMPARE(nonces.size(), 100);
}

void TestEncryptedSessionCodec::allKeySizes()
{
    for (int size : {16, 24, 32}) {
        const QByteArray raw(size, static_cast<char>(size));
        auto codec = EncryptedSessionCodec::create(SecureBytes(raw.constData(), std::size_t(size)));
        QVERIFY(codec.ok());
        auto sealed = codec->sealPlaintext(R"({"k": "v"})");
        QVERIFY(sealed.ok());
        QVERIFY(codec->decode(sealed->cookie).ok());
    }
    const QByteArray bad(20, 'x');
    auto refused = EncryptedSessionCodec::create(SecureBytes(bad.constData(), 20));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().category, ErrorCategory::Key);
}

void TestEncryptedSessionCodec::unknownFlagIsReported()
{
    EncryptedSessionCodec codec = codecFor(kVectorKey);
    auto sealed = codec.sealPlaintext(R"({"k": "v"})");
    QVERIFY(sealed.ok());
    QByteArray cookie = sealed->cookie;
    cookie[0] = 'x';
    const auto decoded = codec.decode(cookie);
    QVERIFY(decoded.ok()); // the flag is not authenticated; the server reads it as "u"
    QCOMPARE(decoded.warnings.size(), 1);
    QVERIFY(decoded.warnings.first().contains(QStringLiteral("uncompressed")));
    QVERIFY(decoded.fields.unknownFlag);
}

void TestEncryptedSessionCodec::generatedSessionsRoundTrip()
{
    EncryptedSessionCodec codec = codecFor(kVectorKey);
    test::SessionGenerator generator(2024);
    for (int i = 0; i < 300; ++i) {
        const SessionValue session = generator.session();
        auto sealed = codec.seal(session);
        QVERIFY(sealed.ok());
        const auto decoded = codec.decode(sealed->cookie);
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error->toString()));
        QVERIFY(decoded.session == session);
        QCOMPARE(PythonJsonWriter::write(decoded.session), sealed->plaintext);
    }
}

void TestEncryptedSessionCodec::rejectsNonDictSession()
{
    EncryptedSessionCodec codec = codecFor(kVectorKey);
    auto sealed = codec.seal(SessionValue::makeList());
    QVERIFY(!sealed.ok());
    QCOMPARE(sealed.error().category, ErrorCategory::Json);
}

QTEST_GUILESS_MAIN(TestEncryptedSessionCodec)
#include "tst_EncryptedSessionCodec.moc"
