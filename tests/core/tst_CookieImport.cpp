// Importers and browser stores: HAR as Chrome and Firefox write it, sanitized and broken
// HARs, cookies.txt, lists, and Chromium and Firefox databases built here with each
// browser's schema and encryption; and hostile files: FIFOs and devices, a HAR entry of
// 80,000 cookies, files of newlines or tabs alone (tst_BrowserCookieStore has the hostile
// databases).
#include "CookieDatabases.h"
#include "TestData.h"
#include "capture/BrowserCookieStore.h"
#include "capture/CookieImporter.h"
#include "crypto/ChromiumCookieCipher.h"
#include "document/CookieOpener.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sys/stat.h>

using namespace sessionlens;
using namespace sessionlens::test;

namespace {

QString fixture(const QString &name)
{
    return test::dataPath(QStringLiteral("capture/") + name);
}

QByteArray vectorCookie(const QString &section, const QString &name)
{
    return test::cookieVector(section, name)[QStringLiteral("cookie")].toString().toLatin1();
}

} // namespace

class TestCookieImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsByContent_data();
    void detectsByContent();
    void chromeHar();
    void firefoxHar();
    void sanitizedHarWarns();
    void brokenFilesGiveClearErrors_data();
    void brokenFilesGiveClearErrors();
    void cookiesTxt();
    void cookieList();
    void hostFilter();
    void importFileSizeLimit();
    void chromiumV10_data();
    void chromiumV10();
    void chromiumV11WithGivenPassword();
    void chromiumV11WithoutSecretService();
    void firefoxWalWhileTheBrowserHoldsIt();
    void findsProfiles();
    void harDeduplicatesManyCookiesInOneEntry();
    void harHeaderLinesAreCounted();
    void harObjectsAreCountedBeforeParsing();
    void textWarningsKeepTheirCount();
    void linesAreReadOneAtATime();
    void cookiesTxtLinesAreBoundedBeforeSplit();
    void onlyRegularFilesAreRead();
};

void TestCookieImport::detectsByContent_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("kind");
    QTest::newRow("chrome HAR") << QStringLiteral("chrome.har") << int(CookieImporter::Kind::Har);
    QTest::newRow("cookies.txt") << QStringLiteral("cookies.txt")
                                 << int(CookieImporter::Kind::CookiesTxt);
    QTest::newRow("list") << QStringLiteral("cookies.list") << int(CookieImporter::Kind::List);
}

void TestCookieImport::detectsByContent()
{
    QFETCH(QString, file);
    QFETCH(int, kind);
    QFile f(fixture(file));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(int(CookieImporter::detect(f.readAll())), kind);
    // The name does not matter: the same content under another name is read the same way.
    QTemporaryDir dir;
    const QString renamed = dir.filePath(QStringLiteral("export.bin"));
    QVERIFY(QFile::copy(fixture(file), renamed));
    auto imported = CookieImporter::importFile(renamed, {});
    QVERIFY(imported.ok());
    QCOMPARE(int(imported->kind), kind);
}

void TestCookieImport::chromeHar()
{
    auto imported = CookieImporter::importFile(fixture(QStringLiteral("chrome.har")), {});
    QVERIFY(imported.ok());
    QVERIFY(imported->warnings.isEmpty());
    // login sets; account sends (list and header hold the same value: once) and sets; other sets.
    QCOMPARE(imported->cookies.size(), 4);
    const CapturedCookie &first = imported->cookies[0];
    QCOMPARE(first.source, CapturedCookie::Source::Response);
    QCOMPARE(first.status, 302);
    QCOMPARE(first.url, QStringLiteral("http://app.test/login"));
    QCOMPARE(first.value,
             vectorCookie(QStringLiteral("encrypted_session"), QStringLiteral("login")));
    QCOMPARE(*first.time,
             QDateTime::fromString(QStringLiteral("2026-11-20T10:00:00.000Z"), Qt::ISODateWithMs));
    QCOMPARE(imported->cookies[1].source, CapturedCookie::Source::Request);
    QCOMPARE(imported->cookies[2].source, CapturedCookie::Source::Response);
    QCOMPARE(imported->cookies[2].value,
             vectorCookie(QStringLiteral("encrypted_session"), QStringLiteral("flash")));
    QCOMPARE(imported->cookies[3].url, QStringLiteral("http://other.test/"));
}

void TestCookieImport::firefoxHar()
{
    // Headers only, no cookies lists, and a time with an offset.
    auto imported = CookieImporter::importFile(fixture(QStringLiteral("firefox.har")), {});
    QVERIFY(imported.ok());
    QCOMPARE(imported->cookies.size(), 2);
    QCOMPARE(imported->cookies[0].source, CapturedCookie::Source::Response);
    QCOMPARE(imported->cookies[1].source, CapturedCookie::Source::Request);
    QCOMPARE(imported->cookies[1].value, imported->cookies[0].value);
    QCOMPARE(imported->cookies[0].time->toUTC().time().hour(), 10);
}

void TestCookieImport::sanitizedHarWarns()
{
    auto imported = CookieImporter::importFile(fixture(QStringLiteral("sanitized.har")), {});
    QVERIFY(imported.ok());
    QVERIFY(imported->cookies.isEmpty());
    QCOMPARE(imported->warnings.size(), 1);
    QVERIFY2(imported->warnings[0].contains(QStringLiteral("sanitized")),
             qPrintable(imported->warnings[0]));
}

void TestCookieImport::brokenFilesGiveClearErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("category");
    QFile truncated(fixture(QStringLiteral("truncated.har")));
    QVERIFY(truncated.open(QIODevice::ReadOnly));
    QTest::newRow("truncated HAR") << truncated.readAll() << int(ErrorCategory::Json);
    QFile notHar(fixture(QStringLiteral("not-a-har.json")));
    QVERIFY(notHar.open(QIODevice::ReadOnly));
    QTest::newRow("no entries") << notHar.readAll() << int(ErrorCategory::Format);
    QTest::newRow("HAR of garbage")
        << QByteArray("{\"log\": [1, 2, \x01\xff") << int(ErrorCategory::Json);
    QTest::newRow("entries not a list")
        << QByteArray(R"({"log": {"entries": 5}})") << int(ErrorCategory::Format);
}

void TestCookieImport::brokenFilesGiveClearErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(int, category);
    auto imported = CookieImporter::importData(content, {});
    QVERIFY(!imported.ok());
    QCOMPARE(int(imported.error().category), category);
    QVERIFY(!imported.error().message.isEmpty());
    // Every prefix of a good HAR is an error or a result, never a crash.
    QFile chrome(fixture(QStringLiteral("chrome.har")));
    QVERIFY(chrome.open(QIODevice::ReadOnly));
    const QByteArray whole = chrome.readAll();
    for (qsizetype cut = 0; cut < whole.size(); cut += 97)
        (void)CookieImporter::importData(whole.left(cut), {});
}

void TestCookieImport::cookiesTxt()
{
    auto imported = CookieImporter::importFile(fixture(QStringLiteral("cookies.txt")), {});
    QVERIFY(imported.ok());
    QCOMPARE(imported->cookies.size(), 2); // the #HttpOnly_ line and the secure subdomain one
    QCOMPARE(imported->cookies[0].url, QStringLiteral("http://app.test/"));
    QCOMPARE(imported->cookies[0].value,
             vectorCookie(QStringLiteral("encrypted_session"), QStringLiteral("login")));
    QCOMPARE(imported->cookies[1].url, QStringLiteral("https://other.test/"));
    QCOMPARE(imported->warnings.size(), 1);
    QVERIFY(imported->warnings[0].startsWith(QStringLiteral("line 7:")));
}

void TestCookieImport::cookieList()
{
    auto imported = CookieImporter::importFile(fixture(QStringLiteral("cookies.list")), {});
    QVERIFY(imported.ok());
    QCOMPARE(imported->cookies.size(), 4);
    QCOMPARE(imported->cookies[1].value,
             vectorCookie(QStringLiteral("encrypted_session"), QStringLiteral("flash")));
    QCOMPARE(imported->warnings.size(), 1);
    QVERIFY2(imported->warnings[0].startsWith(QStringLiteral("line 6:")),
             qPrintable(imported->warnings[0]));
    // A line whose session cookie is empty gives a warning, never an empty cookie (a fuzz find).
    auto empty = CookieImporter::importData("\"\"\n", {});
    QVERIFY(empty.ok());
    QVERIFY(empty->cookies.isEmpty());
    QCOMPARE(empty->warnings.size(), 1);
    // Each one opens: two with the vectors' key, two without any (signed).
    KeyRing ring;
    const QByteArray raw =
        QByteArray::fromHex("7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd");
    QVERIFY(ring.add(SessionKey(QStringLiteral("vectors"), SecureBytes(raw.constData(), 32))).ok());
    for (const CapturedCookie &cookie : std::as_const(imported->cookies)) {
        const auto opened = CookieOpener::open(cookie.value, ring, {});
        QVERIFY(opened.ok() ||
                (opened.format->id() == QLatin1String("signed") && !opened.verified.has_value()));
    }
}

void TestCookieImport::hostFilter()
{
    CookieImporter::Options options;
    options.host = QStringLiteral("other.test");
    auto har = CookieImporter::importFile(fixture(QStringLiteral("chrome.har")), options);
    QCOMPARE(har->cookies.size(), 1);
    auto txt = CookieImporter::importFile(fixture(QStringLiteral("cookies.txt")), options);
    QCOMPARE(txt->cookies.size(), 1);
    QVERIFY(CookieImporter::hostMatches(QStringLiteral(".example.com"),
                                        QStringLiteral("www.example.com")));
    QVERIFY(!CookieImporter::hostMatches(QStringLiteral("evil-example.com"),
                                         QStringLiteral("example.com")));
}

void TestCookieImport::importFileSizeLimit()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.har"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(CookieImporter::kMaxFileBytes + 1)); // sparse: no disk is spent
    file.close();
    auto imported = CookieImporter::importFile(path, {});
    QVERIFY(!imported.ok());
    QCOMPARE(imported.error().category, ErrorCategory::Limit);
}

void TestCookieImport::chromiumV10_data()
{
    QTest::addColumn<int>("metaVersion");
    QTest::newRow("v10, meta 18") << 18;
    QTest::newRow("v10 with host hash, meta 24") << 24;
}

void TestCookieImport::chromiumV10()
{
    QFETCH(int, metaVersion);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Cookies"));
    const QByteArray value =
        vectorCookie(QStringLiteral("encrypted_session"), QStringLiteral("login"));
    {
        TestDatabase db(path);
        QVERIFY(db.ok());
        QVERIFY(db.exec(QStringLiteral(
            "CREATE TABLE meta(key LONGVARCHAR NOT NULL UNIQUE PRIMARY KEY, value LONGVARCHAR)")));
        QVERIFY(db.exec(QStringLiteral("INSERT INTO meta VALUES ('version', ?)"),
                        {QString::number(metaVersion)}));
        QVERIFY(db.exec(QLatin1String(kChromiumSchema)));
        auto encrypted = ChromiumCookieCipher::encrypt(value, ChromiumCookieCipher::v10Password(),
                                                       "v10", metaVersion >= 24, "app.test");
        QVERIFY(encrypted.ok());
        QVERIFY(addChromiumCookie(db, QStringLiteral("app.test"), "session", encrypted.value()));
        QVERIFY(addChromiumCookie(db, QStringLiteral("app.test"), "theme", encrypted.value()));
    }
    auto imported = BrowserCookieStore::read(path, {});
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    QCOMPARE(imported->kind, CookieImporter::Kind::ChromiumDatabase);
    QCOMPARE(imported->cookies.size(), 1);
    QCOMPARE(imported->cookies[0].value, value);
    QCOMPARE(imported->cookies[0].source, CapturedCookie::Source::Store);
    QCOMPARE(imported->cookies[0].url, QStringLiteral("http://app.test/"));
    // 13380000000000000 µs after 1601-01-01 is 1735526400 s after 1970.
    QCOMPARE(*imported->cookies[0].time,
             QDateTime::fromSecsSinceEpoch(1735526400, QTimeZone::utc()));
}

void TestCookieImport::chromiumV11WithGivenPassword()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Cookies"));
    const QByteArray password = "v11-password-from-keyring";
    const QByteArray value =
        vectorCookie(QStringLiteral("flask_default"), QStringLiteral("d-tagged"));
    {
        TestDatabase db(path);
        QVERIFY(db.exec(QStringLiteral(
            "CREATE TABLE meta(key LONGVARCHAR NOT NULL UNIQUE PRIMARY KEY, value LONGVARCHAR)")));
        QVERIFY(db.exec(QStringLiteral("INSERT INTO meta VALUES ('version', '24')")));
        QVERIFY(db.exec(QLatin1String(kChromiumSchema)));
        auto encrypted = ChromiumCookieCipher::encrypt(
            value, SecureBytes(password.constData(), std::size_t(password.size())), "v11", true,
            ".app.test");
        QVERIFY(addChromiumCookie(db, QStringLiteral(".app.test"), "session", encrypted.value()));
    }
    QStringList asked;
    const auto provider = [&](const QString &application) -> Result<std::optional<SecureBytes>> {
        asked.append(application);
        if (application == QLatin1String("chromium"))
            return std::optional<SecureBytes>(
                SecureBytes(password.constData(), std::size_t(password.size())));
        return std::optional<SecureBytes>();
    };
    auto imported = BrowserCookieStore::read(path, {}, provider);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    QCOMPARE(imported->cookies.size(), 1);
    QCOMPARE(imported->cookies[0].value, value);
    QCOMPARE(asked, QStringList{QStringLiteral("chromium")});
    // The wrong password is an authentication error, not garbage.
    const auto wrong = [](const QString &) -> Result<std::optional<SecureBytes>> {
        return std::optional<SecureBytes>(SecureBytes("nope", 4));
    };
    auto refused = BrowserCookieStore::read(path, {}, wrong);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().category, ErrorCategory::Authentication);
}

void TestCookieImport::chromiumV11WithoutSecretService()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Cookies"));
    {
        TestDatabase db(path);
        QVERIFY(db.exec(QLatin1String(kChromiumSchema)));
        QVERIFY(addChromiumCookie(db, QStringLiteral("app.test"), "session",
                                  QByteArray("v11") + QByteArray(32, 'x')));
    }
    const auto locked = [](const QString &) -> Result<std::optional<SecureBytes>> {
        return Error::make(ErrorCategory::Key, QStringLiteral("the Secret Service is locked"));
    };
    auto imported = BrowserCookieStore::read(path, {}, locked);
    QVERIFY(!imported.ok());
    QCOMPARE(imported.error().category, ErrorCategory::Key);
    QVERIFY(imported.error().message.contains(QStringLiteral("locked")));
    const auto empty = [](const QString &) -> Result<std::optional<SecureBytes>> {
        return std::optional<SecureBytes>();
    };
    auto none = BrowserCookieStore::read(path, {}, empty);
    QVERIFY(!none.ok());
    QVERIFY2(none.error().message.contains(QStringLiteral("holds no Chromium password")),
             qPrintable(none.error().message));
}

void TestCookieImport::firefoxWalWhileTheBrowserHoldsIt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cookies.sqlite"));
    const QByteArray older =
        vectorCookie(QStringLiteral("encrypted_session"), QStringLiteral("login"));
    const QByteArray newest =
        vectorCookie(QStringLiteral("encrypted_session"), QStringLiteral("flash"));
    TestDatabase browser(path); // stays open, as a running Firefox does
    QVERIFY(browser.ok());
    QVERIFY(browser.exec(QStringLiteral("PRAGMA journal_mode=WAL")));
    QVERIFY(browser.exec(QLatin1String(kFirefoxSchema)));
    QVERIFY(browser.exec(
        QStringLiteral(
            "INSERT INTO moz_cookies (name, value, host, path, expiry, lastAccessed, creationTime, "
            "isSecure, isHttpOnly) VALUES ('session', ?, 'app.test', '/', 0, 1700000000000000, "
            "1700000000000000, 0, 1)"),
        {QString::fromLatin1(older)}));
    QVERIFY(browser.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    // Firefox's exclusive mode, and the newest row only in the WAL.
    QVERIFY(browser.exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE")));
    QVERIFY(browser.exec(
        QStringLiteral(
            "INSERT INTO moz_cookies (name, value, host, path, expiry, lastAccessed, creationTime, "
            "isSecure, isHttpOnly) VALUES ('session', ?, '.shop.test', '/', 0, 1700000100000000, "
            "1700000100000000, 1, 1)"),
        {QString::fromLatin1(newest)}));
    QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
    const QByteArray before = [&] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    auto imported = BrowserCookieStore::read(path, {});
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    QCOMPARE(imported->kind, CookieImporter::Kind::FirefoxDatabase);
    QCOMPARE(imported->cookies.size(), 2);
    QCOMPARE(imported->cookies[1].value, newest);
    QCOMPARE(imported->cookies[1].url, QStringLiteral("https://shop.test/"));
    // The browser's files were only read.
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);
    // And the browser can still write.
    QVERIFY(
        browser.exec(QStringLiteral("UPDATE moz_cookies SET value = 'x' WHERE host = 'app.test'")));
}

void TestCookieImport::findsProfiles()
{
    QTemporaryDir home;
    QVERIFY(QDir().mkpath(home.filePath(QStringLiteral(".config/chromium/Default/Network"))));
    QVERIFY(QDir().mkpath(home.filePath(QStringLiteral(".mozilla/firefox/abcd.default-release"))));
    QVERIFY(
        QDir().mkpath(home.filePath(QStringLiteral("snap/chromium/common/chromium/Profile 1"))));
    for (const char *file : {".config/chromium/Default/Network/Cookies",
                             ".mozilla/firefox/abcd.default-release/cookies.sqlite",
                             "snap/chromium/common/chromium/Profile 1/Cookies"}) {
        QFile f(home.filePath(QLatin1String(file)));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    const QList<BrowserCookieStore::Profile> profiles =
        BrowserCookieStore::findProfiles(home.path());
    QCOMPARE(profiles.size(), 3);
    QCOMPARE(profiles[0].browser, QStringLiteral("Chromium"));
    QCOMPARE(profiles[0].name, QStringLiteral("Default"));
    QCOMPARE(profiles[1].browser, QStringLiteral("Chromium (snap)"));
    QCOMPARE(profiles[2].browser, QStringLiteral("Firefox"));
}

void TestCookieImport::harDeduplicatesManyCookiesInOneEntry()
{
    // One entry of 80,000 cookies, 60,000 of them distinct (every fourth repeats an earlier
    // one), and a Cookie header that repeats the first: counted once each, in linear time
    // (the fuzz target's time bound catches a quadratic path).
    constexpr int kCookies = 80'000;
    QByteArray har = R"({"log": {"entries": [{"request": {"url": "http://app.test/", )"
                     R"("headers": [{"name": "Cookie", "value": "session=value-0"}], "cookies": [)";
    int distinct = 0;
    for (int i = 0; i < kCookies; ++i) {
        const int value = i % 4 == 3 ? i / 2 : distinct++;
        har += (i ? "," : "") + QByteArray(R"({"name": "session", "value": "value-)") +
               QByteArray::number(value) + R"("})";
    }
    har += "]}}]}}";
    QCOMPARE(distinct, 60'000);
    auto imported = CookieImporter::importData(har, {});
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    QCOMPARE(imported->cookies.size(), qsizetype(distinct));
    QCOMPARE(imported->cookies.first().value, QByteArray("value-0"));
    QCOMPARE(imported->cookies.last().value, QByteArray("value-59999"));
}

void TestCookieImport::harHeaderLinesAreCounted()
{
    // A Set-Cookie header of sixteen million newlines: counted against the record limit one
    // line at a time, never split into a list of sixteen million.
    const QByteArray har = R"({"log": {"entries": [{"request": {"url": "http://app.test/"}, )"
                           R"("response": {"status": 200, "headers": [{"name": "Set-Cookie", )"
                           R"("value": ")" +
                           QByteArray(16 * 1024 * 1024, 'x').replace('x', "\\n") + R"("}]}}]}})";
    const ChildRun run = ChildRun::run([&] {
        return refusedWith(CookieImporter::importData(har, {}), ErrorCategory::Limit,
                           QStringLiteral("records"));
    });
    QVERIFY2(run.exited && run.code == 0, qPrintable(describe(run)));
    if (ChildRun::measuresMemory())
        QVERIFY2(run.growthKiB < 256 * 1024, qPrintable(describe(run)));
}

void TestCookieImport::harObjectsAreCountedBeforeParsing()
{
    // One object more than the limit, as tiny cookies (30 MB of text): refused before the
    // document is built, which took some 400 bytes per cookie. Braces inside strings do not
    // count: the same number of them in one value is read.
    const qsizetype objects = CookieImporter::kMaxHarContainers + 1;
    QByteArray har = R"({"log": {"entries": [{"request": {"url": "http://app.test/", "cookies": [)";
    for (qsizetype i = 0; i < objects - 6; ++i) // the document's, log's, entries, ... are six
        har += (i ? "," : "") + QByteArray(R"({"name": "s", "value": ")") + QByteArray::number(i) +
               R"("})";
    QCOMPARE(har.count('{') + har.count('['), objects);
    har += "]}}]}}";
    const ChildRun run = ChildRun::run([&] {
        return refusedWith(CookieImporter::importData(har, {}), ErrorCategory::Limit,
                           QStringLiteral("JSON objects"));
    });
    QVERIFY2(run.exited && run.code == 0, qPrintable(describe(run)));
    if (ChildRun::measuresMemory())
        QVERIFY2(run.growthKiB < 64 * 1024, qPrintable(describe(run)));
    const QByteArray braces =
        R"({"log": {"entries": [{"request": {"url": "http://app.test/", "cookies": [)"
        R"({"name": "session", "value": ")" +
        QByteArray(objects, '{') + R"(\"["}]}}]}})";
    auto read = CookieImporter::importData(braces, {});
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
    QCOMPARE(read->cookies.size(), 1);
}

void TestCookieImport::textWarningsKeepTheirCount()
{
    // The line that counts the warnings not kept reaches the caller (it was appended after the
    // result had been moved out, and lost).
    QByteArray list;
    for (int i = 0; i < 150; ++i)
        list += "not a cookie\n";
    auto imported = CookieImporter::importData(list, {});
    QVERIFY(imported.ok());
    QCOMPARE(imported->warnings.size(), CookieImporter::kMaxWarnings + 1);
    QCOMPARE(imported->warnings.last(), QStringLiteral("50 more warnings not shown"));
}

void TestCookieImport::linesAreReadOneAtATime()
{
    // 32 MiB of newlines alone: the record limit, found without a list of 32 million lines.
    const QByteArray newlines(32 * 1024 * 1024, '\n');
    const ChildRun run = ChildRun::run([&] {
        return refusedWith(CookieImporter::importData(newlines, {}), ErrorCategory::Limit,
                           QStringLiteral("records"));
    });
    QVERIFY2(run.exited && run.code == 0, qPrintable(describe(run)));
    if (ChildRun::measuresMemory())
        QVERIFY2(run.growthKiB < 64 * 1024, qPrintable(describe(run)));
}

void TestCookieImport::cookiesTxtLinesAreBoundedBeforeSplit()
{
    // A cookies.txt line of 16 million tabs is reported, not split into 16 million fields, and
    // a shorter line of too many fields says how many it has.
    const QByteArray cookiesTxt =
        "# Netscape HTTP Cookie File\n" + QByteArray(16 * 1024 * 1024, '\t') + "\n" + 'x' +
        QByteArray(500'000, '\t') + "\napp.test\tFALSE\t/\tFALSE\t0\tsession\tvalue\n";
    const ChildRun run = ChildRun::run([&] {
        auto imported = CookieImporter::importData(cookiesTxt, {});
        if (!imported.ok() || imported->cookies.size() != 1 || imported->warnings.size() != 2 ||
            !imported->warnings[0].startsWith(QStringLiteral("line 2 has 16777216 bytes")) ||
            imported->warnings[1] != QStringLiteral("line 3: 500001 fields, a cookies.txt line "
                                                    "has 7")) {
            qWarning("unexpected: %s", qPrintable(imported.ok() ? imported->warnings.join(u'|')
                                                                : imported.error().toString()));
            return 1;
        }
        return 0;
    });
    QVERIFY2(run.exited && run.code == 0, qPrintable(describe(run)));
    if (ChildRun::measuresMemory())
        QVERIFY2(run.growthKiB < 64 * 1024, qPrintable(describe(run)));
}

void TestCookieImport::onlyRegularFilesAreRead()
{
    // A FIFO nobody writes to would block the import for ever; a device never ends; a folder
    // has nothing to read. Each is an io error at once.
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("capture.har"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QString database = dir.filePath(QStringLiteral("cookies.sqlite"));
    QVERIFY(makeDatabase(database, {QLatin1String(kFirefoxSchema)}));
    // A browser's WAL beside it that is a FIFO.
    QCOMPARE(::mkfifo(QFile::encodeName(database + QStringLiteral("-wal")).constData(), 0600), 0);
    const ChildRun run = ChildRun::run(
        [&] {
            const QString reason = QStringLiteral("not a regular file");
            for (const auto &imported :
                 {CookieImporter::importFile(fifo, {}), BrowserCookieStore::read(fifo, {}),
                  CookieImporter::importFile(database, {}),
                  CookieImporter::importFile(dir.path(), {}),
                  CookieImporter::importFile(QStringLiteral("/dev/zero"), {})})
                if (const int code = refusedWith(imported, ErrorCategory::Io, reason))
                    return code;
            return 0;
        },
        60);
    QVERIFY2(run.exited && run.code == 0, qPrintable(describe(run)));
}

QTEST_GUILESS_MAIN(TestCookieImport)
#include "tst_CookieImport.moc"
