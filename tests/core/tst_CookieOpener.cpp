#include "TestData.h"
#include "document/CookieOpener.h"

#include <QJsonObject>
#include <QTest>

using namespace sessionlens;
using Format = FormatDetector::Format;

namespace {

SecureBytes bytesOf(const QByteArray &raw)
{
    return SecureBytes(raw.constData(), std::size_t(raw.size()));
}

QJsonObject firstVector(const QString &section)
{
    return test::cookieVectors(section).first().toObject();
}

} // namespace

class TestCookieOpener : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensWithWhatTheRingHolds_data();
    void opensWithWhatTheRingHolds();
    void everyVectorOfBothFormats();
};

void TestCookieOpener::opensWithWhatTheRingHolds_data()
{
    QTest::addColumn<QString>("section");
    QTest::addColumn<bool>("withAesKey");
    QTest::addColumn<bool>("withSecret");
    QTest::addColumn<bool>("wrongFirst");
    QTest::addColumn<int>("format");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("readable");
    QTest::addColumn<int>("category");
    QTest::addColumn<int>("keyIndex");

    const int none = -1;
    const int auth = int(ErrorCategory::Authentication);
    QTest::newRow("encrypted, its key")
        << "encrypted_session" << true << false << false << int(Format::EncryptedSession) << true
        << true << none << 0;
    QTest::newRow("encrypted, its key after a wrong one")
        << "encrypted_session" << true << false << true << int(Format::EncryptedSession) << true
        << true << none << 1;
    QTest::newRow("encrypted, only a wrong key")
        << "encrypted_session" << false << false << true << int(Format::EncryptedSession) << false
        << false << auth << -1;
    QTest::newRow("encrypted, only a Flask secret")
        << "encrypted_session" << false << true << false << int(Format::EncryptedSession) << false
        << false << auth << -1;
    QTest::newRow("signed, its secret") << "flask_default" << false << true << false
                                        << int(Format::FlaskSigned) << true << true << none << 0;
    QTest::newRow("signed, no secret: readable, not verified")
        << "flask_default" << true << false << false << int(Format::FlaskSigned) << true << true
        << none << -1;
    QTest::newRow("signed, a wrong secret: readable, flagged")
        << "flask_default" << false << false << true << int(Format::FlaskSigned) << false << true
        << auth << -1;
}

void TestCookieOpener::opensWithWhatTheRingHolds()
{
    QFETCH(QString, section);
    QFETCH(bool, withAesKey);
    QFETCH(bool, withSecret);
    QFETCH(bool, wrongFirst);
    QFETCH(int, format);
    QFETCH(bool, ok);
    QFETCH(bool, readable);
    QFETCH(int, category);
    QFETCH(int, keyIndex);

    const QJsonObject v = firstVector(section);
    const bool isSigned = section == QLatin1String("flask_default");
    KeyRing ring;
    if (wrongFirst)
        QVERIFY(ring.add(isSigned
                             ? SessionKey(QStringLiteral("wrong"), bytesOf("not it"),
                                          SessionKey::Kind::SigningSecret)
                             : SessionKey(QStringLiteral("wrong"), bytesOf(QByteArray(32, 'w'))))
                    .ok());
    if (withAesKey)
        QVERIFY(
            ring
                .add(SessionKey(
                    QStringLiteral("aes"),
                    bytesOf(isSigned ? QByteArray(16, 'k')
                                     : QByteArray::fromHex(
                                           v[QStringLiteral("key_hex")].toString().toLatin1()))))
                .ok());
    if (withSecret)
        QVERIFY(
            ring.add(SessionKey(QStringLiteral("secret"),
                                bytesOf(isSigned ? v[QStringLiteral("secret")].toString().toUtf8()
                                                 : QByteArray("unrelated")),
                                SessionKey::Kind::SigningSecret))
                .ok());

    const QByteArray cookie = v[QStringLiteral("cookie")].toString().toLatin1();
    FlaskSignedCodec::Options options;
    options.lifetimeSeconds = std::numeric_limits<qint32>::max(); // the vectors are old
    const CookieOpener::Opened opened = CookieOpener::open(cookie, ring, options);
    QCOMPARE(opened.format->id(), format == int(Format::FlaskSigned) ? QStringLiteral("signed")
                                                                     : QStringLiteral("encrypted"));
    QCOMPARE(opened.ok(), ok);
    QCOMPARE(opened.readable(), readable);
    if (category >= 0) {
        QVERIFY(opened.error);
        QCOMPARE(int(opened.error->category), category);
    }
    if (keyIndex >= 0 && ok)
        QCOMPARE(ring.at(opened.keyIndex).name(),
                 isSigned ? QStringLiteral("secret") : QStringLiteral("aes"));
    if (!ok && !isSigned && !withAesKey && !wrongFirst)
        QVERIFY2(opened.error->message.contains(QStringLiteral("no AES key")),
                 qPrintable(opened.error->message));
    if (readable) {
        const QString expected =
            v[isSigned ? QStringLiteral("payload") : QStringLiteral("plaintext")].toString();
        QCOMPARE(QString::fromUtf8(opened.json()), expected);
        QCOMPARE(opened.session().type(), SessionValue::Type::Dict);
    }

    // The batch paths (no details, no tree) open it the same way: a wrong key first leaves
    // the ciphertext, decrypted where it lies, to the right one.
    options.keepDetails = false;
    options.buildSession = false;
    const CookieOpener::Opened batch = CookieOpener::open(cookie, ring, options);
    QCOMPARE(batch.ok(), ok);
    QCOMPARE(batch.keyIndex, opened.keyIndex);
    QVERIFY(!batch.details.has_value());
    if (ok)
        QCOMPARE(batch.json(), opened.json());
}

void TestCookieOpener::everyVectorOfBothFormats()
{
    for (const QString &section :
         {QStringLiteral("encrypted_session"), QStringLiteral("flask_default")}) {
        for (const QJsonValue value : test::cookieVectors(section)) {
            const QJsonObject v = value.toObject();
            KeyRing ring;
            if (v.contains(QStringLiteral("key_hex")))
                QVERIFY(
                    ring.add(SessionKey(QStringLiteral("k"),
                                        bytesOf(QByteArray::fromHex(
                                            v[QStringLiteral("key_hex")].toString().toLatin1()))))
                        .ok());
            else
                QVERIFY(
                    ring.add(SessionKey(QStringLiteral("k"),
                                        bytesOf(v[QStringLiteral("secret")].toString().toUtf8()),
                                        SessionKey::Kind::SigningSecret))
                        .ok());
            FlaskSignedCodec::Options options;
            options.lifetimeSeconds = std::numeric_limits<qint32>::max();
            const auto opened = CookieOpener::open(
                v[QStringLiteral("cookie")].toString().toLatin1(), ring, options);
            QVERIFY2(opened.ok(), qPrintable(v[QStringLiteral("name")].toString()));
            QCOMPARE(opened.keyIndex, qsizetype(0));
            QVERIFY(opened.details.has_value());
            // A batch drops the format's details: everything else is the same.
            options.keepDetails = false;
            const auto lean = CookieOpener::open(v[QStringLiteral("cookie")].toString().toLatin1(),
                                                 ring, options);
            QVERIFY(lean.ok());
            QVERIFY(!lean.details.has_value());
            QCOMPARE(lean.json(), opened.json());
            QCOMPARE(lean.compressed, opened.compressed);
            QCOMPARE(lean.verified, opened.verified);
            QCOMPARE(lean.keyIndex, opened.keyIndex);
            QCOMPARE(lean.format, opened.format);
        }
    }
}

QTEST_GUILESS_MAIN(TestCookieOpener)
#include "tst_CookieOpener.moc"
