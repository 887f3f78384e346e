// The size verdict both programs phrase: fine, near Werkzeug's limit, over it, over the
// browsers'. The window's size panel and the command line's warnings ask the same function.
#include "SessionDefaults.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/ZlibCodec.h"
#include "report/SizeReport.h"
#include "report/SizeVerdict.h"

#include <QTest>

using namespace sessionlens;

class TestSizeVerdict : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void boundaries_data();
    void boundaries();
    void reportOfARealSession();
    void signerDefaultsAreFlasks();
};

void TestSizeVerdict::boundaries_data()
{
    QTest::addColumn<qsizetype>("werkzeugHeadroom");
    QTest::addColumn<qsizetype>("browserHeadroom");
    QTest::addColumn<SizeVerdict::Kind>("verdict");
    const qsizetype near = SizeVerdict::kNearLimitHeadroom;
    // Browsers allow 3 bytes more than Werkzeug's Set-Cookie value (`; HttpOnly; Path=/` vs
    // the name); the figures keep about that distance.
    QTest::newRow("roomy") << qsizetype(3000) << qsizetype(3003) << SizeVerdict::Kind::Fine;
    QTest::newRow("last fine byte") << near << near + 3 << SizeVerdict::Kind::Fine;
    QTest::newRow("first near byte") << near - 1 << near + 2 << SizeVerdict::Kind::NearLimit;
    QTest::newRow("exactly at the limit")
        << qsizetype(0) << qsizetype(3) << SizeVerdict::Kind::NearLimit;
    QTest::newRow("one over Werkzeug")
        << qsizetype(-1) << qsizetype(2) << SizeVerdict::Kind::OverWerkzeug;
    QTest::newRow("one over browsers")
        << qsizetype(-4) << qsizetype(-1) << SizeVerdict::Kind::OverBrowsers;
}

void TestSizeVerdict::boundaries()
{
    QFETCH(qsizetype, werkzeugHeadroom);
    QFETCH(qsizetype, browserHeadroom);
    QFETCH(SizeVerdict::Kind, verdict);
    QCOMPARE(SizeVerdict::judge(werkzeugHeadroom, browserHeadroom), verdict);
}

void TestSizeVerdict::reportOfARealSession()
{
    // Uncompressed text of a growing length: the verdict follows the report's headroom.
    SealOptions options;
    options.compression = EncryptedSessionCodec::Compression::Never;
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("pad"), SessionValue::makeString(QString(100, u'x')));
    const SizeReport small = SizeReport::compute(session, options);
    QCOMPARE(SizeVerdict::judge(small), SizeVerdict::Kind::Fine);
    // Grow the value until the headroom is just under the threshold.
    const qsizetype grow = small.werkzeugHeadroom - SizeVerdict::kNearLimitHeadroom + 1;
    // base64 makes 4 of every 3 bytes: grow the plaintext by 3/4 of what is needed, rounded up.
    qsizetype pad = 100 + (grow * 3 + 3) / 4;
    SizeReport near;
    do {
        session.setValue(QStringLiteral("pad"), SessionValue::makeString(QString(pad++, u'x')));
        near = SizeReport::compute(session, options);
    } while (near.werkzeugHeadroom >= SizeVerdict::kNearLimitHeadroom);
    QVERIFY(near.werkzeugHeadroom > SizeVerdict::kNearLimitHeadroom - 8);
    QCOMPARE(SizeVerdict::judge(near), SizeVerdict::Kind::NearLimit);
    session.setValue(QStringLiteral("pad"), SessionValue::makeString(QString(5000, u'x')));
    QCOMPARE(SizeVerdict::judge(SizeReport::compute(session, options)),
             SizeVerdict::Kind::OverBrowsers);
}

void TestSizeVerdict::signerDefaultsAreFlasks()
{
    // Flask's SecureCookieSessionInterface and PERMANENT_SESSION_LIFETIME, and the inflation
    // bound, as the codecs start from them.
    const FlaskSignedCodec::Options options;
    QCOMPARE(options.signer.salt, QByteArray("cookie-session"));
    QCOMPARE(options.lifetimeSeconds, qint64(31) * 24 * 3600);
    QCOMPARE(options.maxInflatedSize, qsizetype(8) * 1024 * 1024);
    QCOMPARE(ZlibCodec::kDefaultMaxInflatedSize, defaults::kMaxInflatedBytes);
    QCOMPARE(qint64(defaults::kSessionLifetimeDays) * 24 * 3600, defaults::kSessionLifetimeSeconds);
}

QTEST_GUILESS_MAIN(TestSizeVerdict)
#include "tst_SizeVerdict.moc"
