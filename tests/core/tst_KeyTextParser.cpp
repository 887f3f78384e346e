#include "keys/KeyTextParser.h"
#include "keys/SessionKey.h"

#include <QRandomGenerator>
#include <QTest>

using namespace sessionlens;

namespace {
QByteArray bytesOf(const KeyTextParser::Parsed &parsed)
{
    return parsed.bytes.exposeCopy();
}
} // namespace

class TestKeyTextParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forms_data();
    void forms();
    void pythonLiteralRoundTrip();
    void wrongLengthsNameTheLength_data();
    void wrongLengthsNameTheLength();
    void fingerprintIsStableAndShort();
};

void TestKeyTextParser::forms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<int>("form");
    const QByteArray key =
        QByteArray::fromHex("8e3ba93d11f70d27225c6e6f7a0001ff80273d3a3b3c3d3e3f40414243444546");
    const int python = int(KeyTextParser::Form::PythonLiteral);
    const int hex = int(KeyTextParser::Form::Hex);
    const int b64 = int(KeyTextParser::Form::Base64);
    // Exactly what Python 3 prints for these 32 bytes: print(key)
    const QString printed =
        QStringLiteral(R"(b'\x8e;\xa9=\x11\xf7\r\'"\\noz\x00\x01\xff\x80\'=:;<=>?@ABCDEF')");
    QTest::newRow("python literal") << printed << key << python;
    QTest::newRow("python double quotes")
        << QStringLiteral(R"(b"\x8e;\xa9=\x11\xf7\r'\"\\noz\x00\x01\xff\x80'=:;<=>?@ABCDEF")")
        << key << python;
    QTest::newRow("with config prefix")
        << (QStringLiteral("app.config['SESSION_CRYPTO_KEY'] = ") + printed) << key << python;
    QTest::newRow("with crypto_key prefix")
        << (QStringLiteral("  app.crypto_key = ") + printed + QStringLiteral("  # dev key")) << key
        << python;
    QTest::newRow("hex") << QString::fromLatin1(key.toHex()) << key << hex;
    QTest::newRow("hex upper 0x") << (QStringLiteral("0x") +
                                      QString::fromLatin1(key.toHex()).toUpper())
                                  << key << hex;
    QTest::newRow("hex colons") << QString::fromLatin1(key.toHex(':')) << key << hex;
    QTest::newRow("hex spaces") << QString::fromLatin1(key.toHex(' ')) << key << hex;
    QTest::newRow("base64") << QString::fromLatin1(key.toBase64()) << key << b64;
    QTest::newRow("base64 unpadded")
        << QString::fromLatin1(key.toBase64(QByteArray::OmitTrailingEquals)) << key << b64;
    QTest::newRow("base64 urlsafe")
        << QString::fromLatin1(key.toBase64(QByteArray::Base64UrlEncoding)) << key << b64;
    QTest::newRow("octal and named escapes")
        << QStringLiteral(R"(b'\0\7\a\b\f\v\t\n\r\101abcdefghijklmnopqrstu')")
        << QByteArray("\0\7\a\b\f\v\t\n\rA"
                      "abcdefghijklmnopqrstu",
                      31)
        << python;
}

void TestKeyTextParser::forms()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QFETCH(int, form);
    auto parsed = KeyTextParser::parseBytes(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(bytesOf(parsed.value()).toHex(), expected.toHex());
    QCOMPARE(int(parsed->form), form);
}

void TestKeyTextParser::pythonLiteralRoundTrip()
{
    // Our own Python-style printing reads back to the same bytes, for every byte value.
    QRandomGenerator random(99);
    for (int i = 0; i < 500; ++i) {
        QByteArray raw(32, Qt::Uninitialized);
        for (char &c : raw)
            c = static_cast<char>(random.bounded(256));
        const SessionKey key(QStringLiteral("k"), SecureBytes(raw.constData(), 32));
        auto parsed = KeyTextParser::parseAesKey(key.toPythonLiteral());
        QVERIFY2(parsed.ok(), qPrintable(key.toPythonLiteral()));
        QCOMPARE(bytesOf(parsed.value()), raw);
        auto fromHex = KeyTextParser::parseAesKey(key.toHex());
        QVERIFY(fromHex.ok());
        QCOMPARE(bytesOf(fromHex.value()), raw);
        auto fromBase64 = KeyTextParser::parseAesKey(key.toBase64());
        QVERIFY(fromBase64.ok());
        QCOMPARE(bytesOf(fromBase64.value()), raw);
    }
}

void TestKeyTextParser::wrongLengthsNameTheLength_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mention");
    QTest::newRow("31 bytes hex") << QString(62, u'a') << QStringLiteral("31 bytes");
    QTest::newRow("python 5 bytes") << QStringLiteral("b'hello'") << QStringLiteral("5 bytes");
    QTest::newRow("unterminated") << QStringLiteral("b'abc") << QStringLiteral("closing quote");
    QTest::newRow("empty") << QStringLiteral("   ") << QStringLiteral("empty");
    QTest::newRow("garbage") << QStringLiteral("not a key!") << QStringLiteral("base64");
    QTest::newRow("bad x escape") << QStringLiteral(R"(b'\xZZ')") << QStringLiteral("\\x");
}

void TestKeyTextParser::wrongLengthsNameTheLength()
{
    QFETCH(QString, text);
    QFETCH(QString, mention);
    auto parsed = KeyTextParser::parseAesKey(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().category, ErrorCategory::Key);
    QVERIFY2(parsed.error().message.contains(mention), qPrintable(parsed.error().message));
}

void TestKeyTextParser::fingerprintIsStableAndShort()
{
    const QByteArray raw(32, '\x42');
    const SessionKey a(QStringLiteral("a"), SecureBytes(raw.constData(), 32));
    const SessionKey b(QStringLiteral("b"), SecureBytes(raw.constData(), 32));
    QCOMPARE(a.fingerprint(), b.fingerprint());
    QCOMPARE(a.fingerprint().size(), 19); // xxxx:xxxx:xxxx:xxxx
    QVERIFY(!a.fingerprint().contains(QString::fromLatin1(raw.toHex().left(8))));
    QCOMPARE(a.aesVariant(), QStringLiteral("AES-256"));
}

QTEST_GUILESS_MAIN(TestKeyTextParser)
#include "tst_KeyTextParser.moc"
