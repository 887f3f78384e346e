// Flask-Login's session keys: explained, and `_id` checked against the identifiers Flask-Login
// 0.6.2's own _create_identifier computed (in a test_request_context with these headers).

#include "formats/FlaskLoginSession.h"
#include "formats/FormatRegistry.h"
#include "formats/SessionDialect.h"

#include <QTest>

using namespace sessionlens;

namespace {

// _create_identifier() with REMOTE_ADDR 127.0.0.1 and User-Agent werkzeug/2.2.2.
constexpr char kLocalWerkzeug[] =
    "cf4fc3f3248c2c7007cff2b4a118045840891d7b613eae654c10073ab8af01bb4d8fac6cd747003b0cfa7ced6bb9"
    "d558422ed7d0f53c020b53d11ea6c281dfb8";
// REMOTE_ADDR 127.0.0.1, no User-Agent: b'127.0.0.1'|None.
constexpr char kNoUserAgent[] =
    "656d8f867997c2a40397700861e67a333b935d82576d85577e2da5109fbf90ba7d035f50908ba54969f8b60c156c"
    "4a762615d025942cb19ae24d329b88d388db";
// REMOTE_ADDR ::1, User-Agent q"x'\ DEL: both quotes, a backslash and a control in the repr.
constexpr char kQuotes[] =
    "a4b3b7b3ce9b45d1e2a4c02634a8a99869783d9dd356c9805342e627ea769b19b3a5344daac2b4136191a5c4da8e"
    "09095e680c77ef61e660d3a81a58d6209ab7";
// REMOTE_ADDR 127.0.0.1, User-Agent 'Möz' (the str Flask reads, hashed as UTF-8).
constexpr char kNonAscii[] =
    "8b289a8d0acf37d910ba359fab89719e4284343eb48b46b522b92b5dedd169e24ae7e591c43b91db2e6b66c24f11"
    "eb66dc20a68d244cec53cb4e477204e106b0";

SessionValue loginSession(const QByteArray &id)
{
    const QByteArray json =
        R"({"_fresh":true,"_id":")" + id + R"(","_remember":"set","_user_id":"42","cart":[]})";
    return SessionDialect::readSession(json, *FormatRegistry::builtIn().find(u"signed")).value();
}

} // namespace

class TestFlaskLoginSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identifierIsFlaskLogins_data();
    void identifierIsFlaskLogins();
    void explainsOnlyItsKeys();
    void checksTheIdentifier();
};

void TestFlaskLoginSession::identifierIsFlaskLogins_data()
{
    QTest::addColumn<FlaskLoginSession::Client>("client");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("werkzeug") << FlaskLoginSession::Client{"127.0.0.1", "werkzeug/2.2.2"}
                              << QByteArray(kLocalWerkzeug);
    QTest::newRow("no user agent")
        << FlaskLoginSession::Client{"127.0.0.1", std::nullopt} << QByteArray(kNoUserAgent);
    QTest::newRow("quotes") << FlaskLoginSession::Client{"::1", QByteArray("q\"x'\\ \x7f")}
                            << QByteArray(kQuotes);
    QTest::newRow("non-ASCII") << FlaskLoginSession::Client{"127.0.0.1", QByteArray("M\xc3\xb6z")}
                               << QByteArray(kNonAscii);
}

void TestFlaskLoginSession::identifierIsFlaskLogins()
{
    QFETCH(FlaskLoginSession::Client, client);
    QFETCH(QByteArray, expected);
    QCOMPARE(FlaskLoginSession::identifier(client), expected);
}

void TestFlaskLoginSession::explainsOnlyItsKeys()
{
    const SessionValue session = loginSession(kLocalWerkzeug);
    const auto notes = FlaskLoginSession::notes(session);
    QCOMPARE(notes.size(), 4); // _fresh, _id, _remember, _user_id; not cart
    QCOMPARE(notes.at(0).key, QStringLiteral("_fresh"));
    QCOMPARE(notes.at(3).key, QStringLiteral("_user_id"));
    QVERIFY(notes.at(3).explanation.contains(QLatin1String("user_loader")));
    QVERIFY(FlaskLoginSession::explain(QStringLiteral("cart")).isEmpty());
    QVERIFY(FlaskLoginSession::isFlaskLoginKey(QStringLiteral("_remember_seconds")));
    // A session without Flask-Login's keys gets no notes, even for a key named "next".
    SessionValue plain = SessionValue::makeDict();
    plain.setValue(QStringLiteral("next"), SessionValue::makeString(QStringLiteral("/")));
    QVERIFY(FlaskLoginSession::notes(plain).isEmpty());
}

void TestFlaskLoginSession::checksTheIdentifier()
{
    using Check = FlaskLoginSession::IdentifierCheck;
    const SessionValue session = loginSession(kLocalWerkzeug);
    const FlaskLoginSession::Client local{"127.0.0.1", "werkzeug/2.2.2"};
    QCOMPARE(FlaskLoginSession::checkIdentifier(session, local), Check::Matches);
    QCOMPARE(FlaskLoginSession::checkIdentifier(session, std::nullopt), Check::NoClient);
    const FlaskLoginSession::Client other{"127.0.0.1", "curl/7.88"};
    QCOMPARE(FlaskLoginSession::checkIdentifier(session, other), Check::DoesNotMatch);
    QCOMPARE(FlaskLoginSession::checkIdentifier(loginSession("custom"), local), Check::NotAHash);
    const QString said = FlaskLoginSession::describe(Check::Matches, local);
    QVERIFY2(said.contains(QLatin1String("b'127.0.0.1'|b'werkzeug/2.2.2'")), qPrintable(said));
    // A hostile user agent (8 KiB of bytes that each take four characters) is quoted short,
    // with its length, while the check itself hashes all of it.
    const FlaskLoginSession::Client huge{"127.0.0.1", QByteArray(8192, '\xff')};
    const QString hostile = FlaskLoginSession::describe(Check::DoesNotMatch, huge);
    QVERIFY2(hostile.size() < 600, qPrintable(hostile.left(700)));
    QVERIFY(hostile.contains(QLatin1String("characters in all")));
    QVERIFY(hostile.contains(QString::number(FlaskLoginSession::identifierBase(huge).size())));
    const FlaskLoginSession::Client unknownAddress{std::nullopt, QByteArray(8192, '\xff'), false};
    QVERIFY(FlaskLoginSession::describe(Check::AddressUnknown, unknownAddress).size() < 600);
    const auto notes = FlaskLoginSession::notes(session, other);
    QCOMPARE(notes.at(1).key, QStringLiteral("_id"));
    QVERIFY2(
        notes.at(1).explanation.contains(QLatin1String("does not match b'127.0.0.1'|b'curl/7.88'")),
        qPrintable(notes.at(1).explanation));
}

QTEST_GUILESS_MAIN(TestFlaskLoginSession)
#include "tst_FlaskLoginSession.moc"
