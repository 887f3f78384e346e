// Seeded mutation testing of every decoder: bad input must come back as an
// error value naming a step, never a crash, a hang or an exception. Run it
// under the sanitizer build (SESSIONLENS_SANITIZE=ON) to catch memory errors.

#include "TestData.h"
#include "formats/CookieText.h"
#include "formats/EncryptedSessionCodec.h"
#include "formats/FlaskSignedCodec.h"
#include "keys/KeyTextParser.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonValidator.h"
#include "json/PythonJsonWriter.h"

#include <QRandomGenerator>
#include <QTest>

using namespace sessionlens;

namespace {

constexpr int kMutationsPerInput = 400;

QByteArray mutate(QByteArray input, QRandomGenerator &random)
{
    const int edits = 1 + int(random.bounded(4));
    for (int e = 0; e < edits; ++e) {
        const qsizetype at = input.isEmpty() ? 0 : qsizetype(random.bounded(int(input.size())));
        switch (random.bounded(6)) {
        case 0: // flip a bit
            if (!input.isEmpty())
                input[at] = char(input[at] ^ (1 << random.bounded(8)));
            break;
        case 1: // random byte
            if (!input.isEmpty())
                input[at] = char(random.bounded(256));
            break;
        case 2: // delete a run
            input.remove(at, qsizetype(random.bounded(8)));
            break;
        case 3: // insert structure characters
            input.insert(at, "{[\".,:\\}]"[random.bounded(9)]);
            break;
        case 4: // duplicate a slice
            input.insert(at, input.mid(at, qsizetype(random.bounded(16))));
            break;
        default: // truncate
            input.truncate(at);
            break;
        }
    }
    return input;
}

bool isStepCategory(ErrorCategory category)
{
    switch (category) {
    case ErrorCategory::Format:
    case ErrorCategory::Base64:
    case ErrorCategory::Authentication:
    case ErrorCategory::Decompression:
    case ErrorCategory::Encoding:
    case ErrorCategory::Json:
    case ErrorCategory::Limit:
        return true;
    default:
        return false;
    }
}

} // namespace

class TestMalformedInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encryptedCookies();
    void encryptedPlaintexts();
    void signedCookies();
    void jsonTexts();
    void keyTextAndHeaderLines();
    void sizesOnlyDecodeFailsAlike();
};

void TestMalformedInput::encryptedCookies()
{
    QRandomGenerator random(1);
    const QByteArray raw =
        QByteArray::fromHex("7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd");
    auto codec = EncryptedSessionCodec::create(SecureBytes(raw.constData(), 32));
    QVERIFY(codec.ok());
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session"))) {
        const QByteArray cookie = v[QStringLiteral("cookie")].toString().toLatin1();
        for (int i = 0; i < kMutationsPerInput; ++i) {
            const QByteArray mutated = mutate(cookie, random);
            const auto decoded = codec->decode(mutated);
            if (!decoded.ok())
                QVERIFY(isStepCategory(decoded.error->category));
            else
                QVERIFY(decoded.session.type() == SessionValue::Type::Dict);
        }
    }
}

void TestMalformedInput::encryptedPlaintexts()
{
    // Authenticated but malformed payloads: the steps after EAX see garbage too.
    QRandomGenerator random(2);
    const QByteArray raw(32, '\x07');
    auto codec = EncryptedSessionCodec::create(SecureBytes(raw.constData(), 32));
    QVERIFY(codec.ok());
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session"))) {
        const QByteArray plaintext = v[QStringLiteral("plaintext")].toString().toUtf8();
        for (int i = 0; i < kMutationsPerInput / 4; ++i) {
            const auto mode = random.bounded(2) ? EncryptedSessionCodec::Compression::Always
                                                : EncryptedSessionCodec::Compression::Never;
            auto sealed = codec->sealPlaintext(mutate(plaintext, random), mode);
            QVERIFY(sealed.ok());
            // Corrupt the compressed payload itself, then re-seal it as if it were valid.
            if (mode == EncryptedSessionCodec::Compression::Always && random.bounded(2)) {
                const QByteArray broken = mutate(sealed->payload, random);
                auto resealed = codec->sealPlaintext(
                    broken, EncryptedSessionCodec::Compression::Never, QByteArray(16, 'n'));
                QVERIFY(resealed.ok());
                QByteArray cookie = resealed->cookie;
                cookie[0] = 'z';
                const auto decoded = codec->decode(cookie);
                if (!decoded.ok())
                    QVERIFY(isStepCategory(decoded.error->category));
                continue;
            }
            const auto decoded = codec->decode(sealed->cookie);
            if (!decoded.ok())
                QVERIFY(isStepCategory(decoded.error->category));
        }
    }
}

void TestMalformedInput::signedCookies()
{
    QRandomGenerator random(3);
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("flask_default"))) {
        const QByteArray cookie = v[QStringLiteral("cookie")].toString().toLatin1();
        const QByteArray secret = v[QStringLiteral("secret")].toString().toUtf8();
        for (int i = 0; i < kMutationsPerInput; ++i) {
            const auto decoded = FlaskSignedCodec::decode(
                mutate(cookie, random), FlaskSignedCodec::Options{},
                {SecureBytes(secret.constData(), std::size_t(secret.size()))});
            if (!decoded.ok())
                QVERIFY(isStepCategory(decoded.error->category));
        }
    }
}

void TestMalformedInput::jsonTexts()
{
    QRandomGenerator random(4);
    QList<QByteArray> seeds;
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session")))
        seeds.append(v[QStringLiteral("plaintext")].toString().toUtf8());
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("flask_default")))
        seeds.append(v[QStringLiteral("payload")].toString().toUtf8());
    for (const auto dialect :
         {PythonJsonReader::Dialect::EncryptedSession, PythonJsonReader::Dialect::FlaskTagged}) {
        PythonJsonReader::Options options;
        options.dialect = dialect;
        for (const QByteArray &seed : seeds) {
            for (int i = 0; i < kMutationsPerInput; ++i) {
                const QByteArray text = mutate(seed, random);
                // Small limits now and then, so that the validator meets them too.
                options.maxDepth = random.bounded(4) ? PythonJsonReader::kDefaultMaxDepth : 2;
                options.maxNodes = random.bounded(4) ? limits::kMaxNodes : 6;
                auto value = PythonJsonReader::read(text, options);
                // What the validator vouches for, the reader reads as a session.
                if (PythonJsonValidator::readsAsSession(text, options)) {
                    QVERIFY2(value.ok(), text.constData());
                    QCOMPARE(value->type(), SessionValue::Type::Dict);
                }
                if (!value) {
                    QVERIFY(isStepCategory(value.error().category));
                    continue;
                }
                // Whatever parses must write and read back to the same tree.
                const auto style = dialect == PythonJsonReader::Dialect::FlaskTagged
                                       ? PythonJsonWriter::Style::FlaskTagged
                                       : PythonJsonWriter::Style::EncryptedSession;
                auto again =
                    PythonJsonReader::read(PythonJsonWriter::write(value.value(), style), options);
                QVERIFY(again.ok());
                QCOMPARE(PythonJsonWriter::write(again.value(), style),
                         PythonJsonWriter::write(value.value(), style));
            }
        }
    }
}

void TestMalformedInput::keyTextAndHeaderLines()
{
    QRandomGenerator random(5);
    const QByteArray seeds[] = {
        "b'\\x8e;\\xa9=\\x11\\xf7\\r\\'\"\\\\noz\\x00\\x01\\xff\\x80\\'=:;<=>?@ABCDEF'",
        "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd",
        "Cookie: theme=dark; session=u.abc=.def==.ghi=="};
    for (const QByteArray &seed : seeds) {
        for (int i = 0; i < kMutationsPerInput; ++i) {
            const QString text = QString::fromUtf8(mutate(seed, random));
            auto key = KeyTextParser::parseAesKey(text);
            if (key)
                QVERIFY(key->bytes.size() == 16 || key->bytes.size() == 24 ||
                        key->bytes.size() == 32);
            else
                QCOMPARE(key.error().category, ErrorCategory::Key);
            auto cookie = CookieText::extract(text);
            if (!cookie)
                QVERIFY(cookie.error().category == ErrorCategory::Format ||
                        cookie.error().category == ErrorCategory::Limit);
        }
    }
}

void TestMalformedInput::sizesOnlyDecodeFailsAlike()
{
    // The audit decodes without a tree (buildSession = false): the same cookies must fail at
    // the same step with the same words, and open to the same JSON text.
    QRandomGenerator random(6);
    const QByteArray raw(32, '\x07');
    auto tree = EncryptedSessionCodec::create(SecureBytes(raw.constData(), 32));
    EncryptedSessionCodec::Limits sizesOnly;
    sizesOnly.buildSession = false;
    auto sizes = EncryptedSessionCodec::create(SecureBytes(raw.constData(), 32), sizesOnly);
    QVERIFY(tree.ok() && sizes.ok());
    const auto sameOutcome = [](const std::optional<Error> &a, const std::optional<Error> &b) {
        if (a.has_value() != b.has_value())
            return false;
        return !a || (a->category == b->category && a->message == b->message &&
                      a->field == b->field && a->position == b->position);
    };
    int fast = 0;
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session"))) {
        const QByteArray plaintext = v[QStringLiteral("plaintext")].toString().toUtf8();
        for (int i = 0; i < kMutationsPerInput; ++i) {
            const QByteArray text = i == 0 ? plaintext : mutate(plaintext, random);
            auto sealed = tree->sealPlaintext(text);
            QVERIFY(sealed.ok());
            const auto full = tree->decode(sealed->cookie);
            const auto light = sizes->decode(sealed->cookie);
            QVERIFY2(sameOutcome(full.error, light.error), text.constData());
            QCOMPARE(light.plaintext, full.plaintext);
            QVERIFY(light.session.type() != SessionValue::Type::Dict || light.session.size() == 0);
            fast += full.ok() ? 1 : 0;
        }
    }
    QVERIFY(fast > 0);
    FlaskSignedCodec::Options treeOptions, sizesOptions;
    sizesOptions.buildSession = false;
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("flask_default"))) {
        const QByteArray cookie = v[QStringLiteral("cookie")].toString().toLatin1();
        const QByteArray secret = v[QStringLiteral("secret")].toString().toUtf8();
        const QList<SecureBytes> secrets = {
            SecureBytes(secret.constData(), std::size_t(secret.size()))};
        for (int i = 0; i < kMutationsPerInput; ++i) {
            const QByteArray text = i == 0 ? cookie : mutate(cookie, random);
            const auto full = FlaskSignedCodec::decode(text, treeOptions, secrets, 0);
            const auto light = FlaskSignedCodec::decode(text, sizesOptions, secrets, 0);
            QVERIFY2(sameOutcome(full.error, light.error), text.constData());
            QCOMPARE(light.json, full.json);
            QCOMPARE(light.verification, full.verification);
            QCOMPARE(light.secretIndex, full.secretIndex);
        }
    }
}

QTEST_GUILESS_MAIN(TestMalformedInput)
#include "tst_MalformedInput.moc"
