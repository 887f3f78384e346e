#include "document/CookieOpener.h"
#include "document/SessionSealer.h"
#include "formats/FormatRegistry.h"
#include "json/PythonJsonReader.h"

#include <QTest>

using namespace sessionlens;
using Format = FormatDetector::Format;
using Compression = EncryptedSessionCodec::Compression;

namespace {

// The registered format for a row's FormatDetector::Format.
const CookieFormat *formatOf(int format)
{
    return FormatRegistry::builtIn().find(Format(format) == Format::FlaskSigned ? u"signed"
                                                                                : u"encrypted");
}
SecureBytes bytesOf(const QByteArray &raw)
{
    return SecureBytes(raw.constData(), std::size_t(raw.size()));
}

SessionValue sessionOf(qsizetype padBytes)
{
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("user"), SessionValue::makeInteger(42));
    session.setValue(QStringLiteral("pad"), SessionValue::makeString(QString(padBytes, u'p')));
    session.setValue(QStringLiteral("raw"), SessionValue::makeBytes(QByteArray("\x00\xff", 2)));
    return session;
}
} // namespace

class TestSessionSealer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sealsWhatTheOpenerReadsBack_data();
    void sealsWhatTheOpenerReadsBack();
    void withoutAKeyTheReportIsStillThere_data();
    void withoutAKeyTheReportIsStillThere();
    void notASessionIsAJsonError();
    void compressionNames_data();
    void compressionNames();
};

void TestSessionSealer::sealsWhatTheOpenerReadsBack_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("compression");
    QTest::addColumn<int>("pad");
    QTest::addColumn<bool>("compressed");
    QTest::newRow("encrypted, small, auto")
        << int(Format::EncryptedSession) << int(Compression::Auto) << 10 << false;
    QTest::newRow("encrypted, large, auto")
        << int(Format::EncryptedSession) << int(Compression::Auto) << 3000 << true;
    QTest::newRow("encrypted, small, forced")
        << int(Format::EncryptedSession) << int(Compression::Always) << 10 << true;
    QTest::newRow("encrypted, large, never")
        << int(Format::EncryptedSession) << int(Compression::Never) << 3000 << false;
    QTest::newRow("signed, small")
        << int(Format::FlaskSigned) << int(Compression::Auto) << 10 << false;
    QTest::newRow("signed, large")
        << int(Format::FlaskSigned) << int(Compression::Auto) << 3000 << true;
}

void TestSessionSealer::sealsWhatTheOpenerReadsBack()
{
    QFETCH(int, format);
    QFETCH(int, compression);
    QFETCH(int, pad);
    QFETCH(bool, compressed);
    const bool isSigned = Format(format) == Format::FlaskSigned;
    const SecureBytes key = bytesOf(isSigned ? QByteArray("dev secret") : QByteArray(32, 'k'));
    SessionSealer::Options options;
    options.format = formatOf(format);
    options.compression = Compression(compression);
    const SessionValue session = sessionOf(pad);
    const auto sealed = SessionSealer::seal(session, key, options);
    QVERIFY2(sealed.ok(), qPrintable(sealed.ok() ? QString() : sealed.error->message));
    QCOMPARE(sealed.report.cookieValueBytes, sealed.cookie.size());
    QCOMPARE(sealed.report.compressed, compressed);

    KeyRing ring;
    QVERIFY(
        ring.add(SessionKey(QStringLiteral("k"), key,
                            isSigned ? SessionKey::Kind::SigningSecret : SessionKey::Kind::AesKey))
            .ok());
    const auto opened = CookieOpener::open(sealed.cookie, ring, FlaskSignedCodec::Options{});
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error->message));
    QCOMPARE(opened.format, formatOf(format));
    QCOMPARE(opened.json(), sealed.json);
    // Flask writes its keys sorted; each value comes back as it went in.
    QCOMPARE(opened.session().size(), session.size());
    for (qsizetype i = 0; i < session.size(); ++i) {
        const SessionValue *back = opened.session().value(session.child(i)->key());
        QVERIFY(back && *back == *session.child(i));
    }
}

void TestSessionSealer::withoutAKeyTheReportIsStillThere_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("encrypted") << int(Format::EncryptedSession);
    QTest::newRow("signed") << int(Format::FlaskSigned);
}

void TestSessionSealer::withoutAKeyTheReportIsStillThere()
{
    QFETCH(int, format);
    SessionSealer::Options options;
    options.format = formatOf(format);
    const auto sealed = SessionSealer::seal(sessionOf(100), SecureBytes(), options);
    QVERIFY(!sealed.ok());
    QCOMPARE(sealed.error->category, ErrorCategory::Key);
    QVERIFY(sealed.cookie.isEmpty());
    QVERIFY(sealed.report.cookieValueBytes > 100);
    QVERIFY(!sealed.json.isEmpty());
}

void TestSessionSealer::notASessionIsAJsonError()
{
    SessionValue list = SessionValue::makeList();
    list.append(SessionValue::makeInteger(1));
    for (const Format format : {Format::EncryptedSession, Format::FlaskSigned}) {
        SessionSealer::Options options;
        options.format = formatOf(int(format));
        const auto sealed = SessionSealer::seal(list, bytesOf(QByteArray(32, 'k')), options);
        QVERIFY(!sealed.ok());
        QCOMPARE(sealed.error->category, ErrorCategory::Json);
    }
}

void TestSessionSealer::compressionNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("expected"); // -1: rejected
    QTest::newRow("auto") << QStringLiteral("auto") << int(Compression::Auto);
    QTest::newRow("always") << QStringLiteral("always") << int(Compression::Always);
    QTest::newRow("never") << QStringLiteral("never") << int(Compression::Never);
    QTest::newRow("typo") << QStringLiteral("alwys") << -1;
    QTest::newRow("unset means auto") << QString() << int(Compression::Auto);
}

void TestSessionSealer::compressionNames()
{
    QFETCH(QString, name);
    QFETCH(int, expected);
    const auto parsed = SessionSealer::compressionFromName(name);
    QCOMPARE(parsed.has_value(), expected >= 0);
    if (parsed)
        QCOMPARE(int(*parsed), expected);
}

QTEST_GUILESS_MAIN(TestSessionSealer)
#include "tst_SessionSealer.moc"
