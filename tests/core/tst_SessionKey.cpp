#include "keys/SessionKey.h"

#include <QTest>

using namespace sessionlens;

namespace {
SessionKey keyOf(const QByteArray &raw, SessionKey::Kind kind = SessionKey::Kind::AesKey)
{
    return SessionKey(QStringLiteral("k"), SecureBytes(raw.constData(), std::size_t(raw.size())),
                      kind);
}
} // namespace

class TestSessionKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void variantsAndForms_data();
    void variantsAndForms();
    void generatedKeysDiffer();
};

void TestSessionKey::variantsAndForms_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("fingerprint"); // the first 8 bytes of SHA-256, by Python
    QTest::addColumn<QString>("python");
    QByteArray sixteen;
    for (char c = 0; c < 16; ++c)
        sixteen.append(c);
    QTest::newRow("AES-128") << sixteen << QStringLiteral("AES-128")
                             << QStringLiteral("be45:cb26:05bf:36be")
                             << QStringLiteral("b'\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\t"
                                               "\\n\\x0b\\x0c\\r\\x0e\\x0f'");
    QTest::newRow("flask secret") << QByteArray("secret") << QString()
                                  << QStringLiteral("2bb8:0d53:7b1d:a3e3")
                                  << QStringLiteral("b'secret'");
    QTest::newRow("AES-192") << QByteArray(24, 'a') << QStringLiteral("AES-192") << QString()
                             << QString();
    QTest::newRow("AES-256") << QByteArray(32, 'a') << QStringLiteral("AES-256") << QString()
                             << QString();
}

void TestSessionKey::variantsAndForms()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, variant);
    QFETCH(QString, fingerprint);
    QFETCH(QString, python);
    const SessionKey key = keyOf(raw);
    QCOMPARE(key.aesVariant(), variant);
    QCOMPARE(key.size(), std::size_t(raw.size()));
    if (!fingerprint.isEmpty())
        QCOMPARE(key.fingerprint(), fingerprint);
    if (!python.isEmpty())
        QCOMPARE(key.toPythonLiteral(), python);
    QCOMPARE(key.toHex(), QString::fromLatin1(raw.toHex()));
    QCOMPARE(QByteArray::fromBase64(key.toBase64().toLatin1()), raw);
}

void TestSessionKey::generatedKeysDiffer()
{
    auto a = SessionKey::generate(QStringLiteral("a"));
    auto b = SessionKey::generate(QStringLiteral("b"), 16);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->size(), std::size_t(32));
    QCOMPARE(b->aesVariant(), QStringLiteral("AES-128"));
    QVERIFY(a->fingerprint() != keyOf(QByteArray(32, '\0')).fingerprint());
    auto c = SessionKey::generate(QStringLiteral("c"));
    QVERIFY(!a->bytes().equals(c->bytes()));
}

QTEST_GUILESS_MAIN(TestSessionKey)
#include "tst_SessionKey.moc"
