#include "SessionGenerator.h"
#include "TestData.h"
#include "document/SessionSealer.h"
#include "formats/EncryptedSessionCodec.h"
#include "report/SizeReport.h"
#include "json/PythonJsonReader.h"

#include <QRandomGenerator>
#include <QTest>

using namespace sessionlens;

namespace {
SecureBytes testKey()
{
    const QByteArray raw(32, '\x5a');
    return SecureBytes(raw.constData(), 32);
}

EncryptedSessionCodec makeCodec()
{
    auto codec = EncryptedSessionCodec::create(testKey());
    if (!codec)
        qFatal("codec");
    return std::move(codec).value();
}
} // namespace

class TestSizeReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesRealCookies();
    void perKeySavingsMatchResealing();
    void vectorCookieSizes();
    void headroomGoesNegative();
    void largestEntriesPreferTheEarlierOfEqualSizes();
};

void TestSizeReport::matchesRealCookies()
{
    EncryptedSessionCodec codec = makeCodec();
    test::SessionGenerator generator(5);
    for (int i = 0; i < 100; ++i) {
        const SessionValue session = generator.session();
        const SizeReport r = SizeReport::compute(session);
        auto sealed = codec.seal(session);
        QVERIFY(sealed.ok());
        QCOMPARE(r.jsonBytes, sealed->plaintext.size());
        QCOMPARE(r.compressed, sealed->compressed);
        QCOMPARE(r.stageBytes(u"ciphertext_bytes"), sealed->fields.ciphertext.size());
        QCOMPARE(r.compressedBytes, sealed->compressed ? sealed->payload.size() : 0);
        QCOMPARE(r.stageBytes(u"ciphertext_base64"), sealed->fields.ciphertextText.size());
        QCOMPARE(r.stageBytes(u"tag_base64"), sealed->fields.tagText.size());
        QCOMPARE(r.stageBytes(u"nonce_base64"), sealed->fields.nonceText.size());
        QCOMPARE(r.cookieValueBytes, sealed->cookie.size());
        const QByteArray header = "session=" + sealed->cookie + "; HttpOnly; Path=/";
        QCOMPARE(r.nameValueBytes, qsizetype(8) + sealed->cookie.size());
        QCOMPARE(r.setCookieBytes, header.size());
        QCOMPARE(r.setCookieLineBytes, header.size() + 12);
        QCOMPARE(r.werkzeugHeadroom, 4093 - header.size());
        QCOMPARE(r.browserHeadroom, 4096 - (8 + sealed->cookie.size()));
        QCOMPARE(r.keys.size(), session.size());
        // The sealer's one pass gives a cookie of the reported size that opens to the same text.
        const SessionSealer::Sealed prepared = SessionSealer::seal(session, testKey(), {});
        QVERIFY(prepared.ok());
        QCOMPARE(prepared.cookie.size(), r.cookieValueBytes);
        QCOMPARE(prepared.json, sealed->plaintext);
        QCOMPARE(prepared.report.cookieValueBytes, r.cookieValueBytes);
        const auto opened = codec.decode(prepared.cookie);
        QVERIFY(opened.ok());
        QCOMPARE(opened.plaintext, sealed->plaintext);
    }
}

void TestSizeReport::perKeySavingsMatchResealing()
{
    EncryptedSessionCodec codec = makeCodec();
    test::SessionGenerator generator(11);
    for (int i = 0; i < 40; ++i) {
        const SessionValue session = generator.session();
        const SizeReport r = SizeReport::compute(session);
        auto full = codec.seal(session);
        QVERIFY(full.ok());
        for (const SizeReport::KeyShare &share : r.keys) {
            SessionValue without = session;
            without.remove(without.indexOfKey(share.key));
            auto smaller = codec.seal(without);
            QVERIFY(smaller.ok());
            QCOMPARE(share.cookieSaving, full->cookie.size() - smaller->cookie.size());
        }
        for (qsizetype k = 1; k < r.keys.size(); ++k)
            QVERIFY(r.keys[k - 1].jsonBytes >= r.keys[k].jsonBytes);
    }
}

void TestSizeReport::vectorCookieSizes()
{
    // The server's own cookies: the report's cookie size is the real one.
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session"))) {
        auto session = PythonJsonReader::read(v[QStringLiteral("plaintext")].toString().toUtf8());
        QVERIFY(session.ok());
        const SizeReport r = SizeReport::compute(session.value());
        QCOMPARE(r.cookieValueBytes, v[QStringLiteral("cookie")].toString().size());
        QCOMPARE(r.compressed, v[QStringLiteral("compressed")].toBool());
    }
}

void TestSizeReport::headroomGoesNegative()
{
    SessionValue s = SessionValue::makeDict();
    QString noise;
    QRandomGenerator random(3);
    for (int i = 0; i < 4000; ++i)
        noise.append(QLatin1Char(char('!' + random.bounded(90))));
    s.setValue(QStringLiteral("blob"), SessionValue::makeString(noise));
    const SizeReport r = SizeReport::compute(s);
    QVERIFY(r.werkzeugHeadroom < 0);
    QVERIFY(r.browserHeadroom < 0);
    const QJsonObject json = r.toJson();
    QCOMPARE(json.value(QStringLiteral("cookie_value_bytes")).toInteger(), r.cookieValueBytes);
    QCOMPARE(json.value(QStringLiteral("keys")).toArray().size(), 1);
}

void TestSizeReport::largestEntriesPreferTheEarlierOfEqualSizes()
{
    // Which keys a report measures must not depend on how a sort orders equal sizes: of two
    // equal entries the earlier is kept, as the session's order would rank them.
    const QList<qsizetype> starts = {0, 0, 0, 0, 0, 0};
    const QList<qsizetype> ends = {5, 5, 1, 7, 5, 7};
    QCOMPARE(CookieSize::largestEntries(ends, starts, 2),
             QList<bool>({false, false, false, true, false, true}));
    QCOMPARE(CookieSize::largestEntries(ends, starts, 3),
             QList<bool>({true, false, false, true, false, true}));
    QCOMPARE(CookieSize::largestEntries(ends, starts, 4),
             QList<bool>({true, true, false, true, false, true}));
    QCOMPARE(CookieSize::largestEntries({5, 5, 1, 7}, {0, 0, 0, 0}, 2),
             QList<bool>({true, false, false, true}));
    QCOMPARE(CookieSize::largestEntries(ends, starts, 0), QList<bool>(6, false));
    QCOMPARE(CookieSize::largestEntries(ends, starts, -1), QList<bool>(6, false));
    QCOMPARE(CookieSize::largestEntries(ends, starts, 99), QList<bool>(6, true));
}

QTEST_GUILESS_MAIN(TestSizeReport)
#include "tst_SizeReport.moc"
