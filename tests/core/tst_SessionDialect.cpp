#include "document/SessionFile.h"
#include "formats/FormatRegistry.h"
#include "formats/SessionDialect.h"
#include "text/TimeText.h"
#include "json/PythonJsonWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sessionlens;

namespace {

const CookieFormat &format(const char *id)
{
    return *FormatRegistry::builtIn().find(QString::fromLatin1(id));
}

} // namespace

class TestSessionDialect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachFormatReadsItsOwnTags_data();
    void eachFormatReadsItsOwnTags();
    void aSessionIsADict_data();
    void aSessionIsADict();
    void sessionFilesRoundTripAndAreBounded();
    void durations_data();
    void durations();
    void signedAt();
};

void TestSessionDialect::eachFormatReadsItsOwnTags_data()
{
    QTest::addColumn<QByteArray>("formatId");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("flask tagged bytes")
        << QByteArray("signed") << QByteArray(R"({"b":{" b":"AP8="}})");
    QTest::newRow("encrypted session bytes")
        << QByteArray("encrypted") << QByteArray(R"({"b": {"__type__": "bytes", "b": "AP8="}})");
}

void TestSessionDialect::eachFormatReadsItsOwnTags()
{
    QFETCH(QByteArray, formatId);
    QFETCH(QByteArray, json);
    const CookieFormat &dialect = format(formatId.constData());
    const auto session = SessionDialect::readSession(json, dialect);
    QVERIFY(session.ok());
    QCOMPARE(session->child(0)->type(), SessionValue::Type::Bytes);
    QCOMPARE(session->child(0)->bytesValue(), QByteArray("\x00\xff", 2));
    // Written back in the same dialect, it reads the same.
    const QByteArray written = PythonJsonWriter::write(session.value(), dialect.writerStyle());
    QVERIFY(SessionDialect::readSession(written, dialect).value() == session.value());
}

void TestSessionDialect::aSessionIsADict_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::newRow("dict") << QByteArray("{}") << true;
    QTest::newRow("list") << QByteArray("[1]") << false;
    QTest::newRow("string") << QByteArray("\"x\"") << false;
    QTest::newRow("not JSON") << QByteArray("{") << false;
}

void TestSessionDialect::aSessionIsADict()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    for (const CookieFormat *dialect : FormatRegistry::builtIn().formats()) {
        const auto session = SessionDialect::readSession(json, *dialect);
        QCOMPARE(session.ok(), ok);
        if (!ok)
            QCOMPARE(session.error().category, ErrorCategory::Json);
    }
}

void TestSessionDialect::sessionFilesRoundTripAndAreBounded()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.json"));
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("b"), SessionValue::makeBytes("\x01"));
    QVERIFY(SessionFile::write(path, session, format("signed")).ok());
    QVERIFY(SessionFile::read(path, format("signed")).value() == session);

    QFile big(dir.filePath(QStringLiteral("big.json")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write(QByteArray(SessionFile::kMaxFileBytes + 1, ' '));
    big.close();
    const auto tooBig = SessionFile::read(big.fileName(), format("encrypted"));
    QVERIFY(!tooBig.ok());
    QCOMPARE(tooBig.error().category, ErrorCategory::Limit);
    const auto missing = SessionFile::read(dir.filePath(QStringLiteral("none")), format("signed"));
    QCOMPARE(missing.error().category, ErrorCategory::Io);
}

void TestSessionDialect::durations_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    // Without a catalogue, English keeps its "(s)" forms: the plural forms come from the .qm.
    QTest::newRow("seconds") << qint64(42) << QStringLiteral("42 second(s)");
    QTest::newRow("minutes") << qint64(5 * 60 + 3) << QStringLiteral("5 minute(s)");
    QTest::newRow("hours") << qint64(3 * 3600) << QStringLiteral("3 hour(s)");
    QTest::newRow("days") << qint64(31 * 86400) << QStringLiteral("31 day(s)");
    QTest::newRow("future") << qint64(-90) << QStringLiteral("in the future by 90 second(s)");
    QTest::newRow("extreme") << std::numeric_limits<qint64>::min()
                             << QStringLiteral("in the future by 2147483647 day(s)");
}

void TestSessionDialect::durations()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(TimeText::duration(seconds), text);
}

void TestSessionDialect::signedAt()
{
    FlaskSignedCodec::Parts parts;
    parts.timestamp = 1700000000;
    QCOMPARE(TimeText::signedAt(parts), QStringLiteral("2023-11-14 22:13:20 UTC"));
    parts.timestampOutOfRange = true;
    QCOMPARE(TimeText::signedAt(parts), QStringLiteral("after the year 9999"));
}

QTEST_GUILESS_MAIN(TestSessionDialect)
#include "tst_SessionDialect.moc"
