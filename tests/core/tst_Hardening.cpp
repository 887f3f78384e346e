// Hostile input at every stage after the reader: each case here reaches a named
// limit (and gets a `limit` error or a counted remainder) or proves a stage stays
// linear and bounded.
#include "Limits.h"
#include "audit/SecretAudit.h"
#include "document/CookieOpener.h"
#include "document/SessionDocument.h"
#include "document/SessionSealer.h"
#include "encoding/Base64.h"
#include "formats/CookieText.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/FormatRegistry.h"
#include "formats/ZlibCodec.h"
#include "keys/RunKeyLoader.h"
#include "os/PrivateFiles.h"
#include "os/ProcessHardening.h"
#include "report/SizeReport.h"
#include "text/TreeText.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonWriter.h"
#include "json/PythonRepr.h"
#include "json/SessionDiff.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace sessionlens;

namespace {

// Flask's signed cookie with the default signer (HMAC-SHA1, a 20-byte signature).
SealOptions flaskSigned()
{
    SealOptions options;
    options.format = FormatRegistry::builtIn().find(u"signed");
    return options;
}

SessionValue nested(int depth)
{
    SessionValue root = SessionValue::makeDict();
    SessionValue *node = root.setValue(QStringLiteral("deep"), SessionValue::makeList());
    for (int i = 2; i < depth; ++i)
        node = node->append(SessionValue::makeList());
    node->append(SessionValue::makeString(QStringLiteral("bottom")));
    return root;
}

// A Flask signed cookie with this JSON as its (compressed) payload; the signature is junk,
// as an attacker's would be: a signed cookie opens without any secret.
QByteArray signedCookie(const QByteArray &json,
                        const QByteArray &timestampBytes = QByteArray("\x60\x00\x00\x00", 4))
{
    return FlaskSignedCodec::payloadField(json) + '.' +
           Base64::encode(timestampBytes, Base64::Alphabet::UrlSafe) +
           ".AAAAAAAAAAAAAAAAAAAAAAAAAAA";
}

int mode(const QString &path)
{
    struct stat status
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return int(status.st_mode & 0777);
}

} // namespace

class TestHardening : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeIndentationIsCapped();
    void treeTextStreamsAndHasABudget();
    void reprHasABudget();
    void readerNodeLimit();
    void warningsAreCappedAndCounted();
    void diffIsLinearAndBounded();
    void sizeReportStaysLinear();
    void signedSizeReportStaysLinear();
    void timestampsPastTheRange_data();
    void timestampsPastTheRange();
    void serverMovesTypeKeyLast();
    void editsCannotNestDeeper();
    void rowIndexFollowsMutations();
    void inputLimits_data();
    void inputLimits();
    void keyFileLimit();
    void privateFilesAreChecked();
    void secretArgumentsAreScrubbed();
    void sealedFilesOpenOnlyWithTheirKeyAndContext();
    void processIsHardened();
    void wordlistLineLimit();
    void sealerRefusesCookiesItCouldNotOpen();
};

void TestHardening::treeIndentationIsCapped()
{
    const SessionValue deep = nested(200);
    auto text = TreeText::indented(deep);
    QVERIFY(text.ok());
    qsizetype widestIndent = 0;
    for (const QString &line : text->split(u'\n')) {
        qsizetype spaces = 0;
        while (spaces < line.size() && line[spaces] == u' ')
            ++spaces;
        widestIndent = std::max(widestIndent, spaces);
    }
    QCOMPARE(widestIndent, qsizetype(2 * limits::kMaxIndentLevels));
    QVERIFY(text->contains(QStringLiteral("[depth 200] ")));
    QVERIFY(text->contains(QStringLiteral("'bottom'")));
}

void TestHardening::treeTextStreamsAndHasABudget()
{
    SessionValue wide = SessionValue::makeDict();
    SessionValue *list = wide.setValue(QStringLiteral("l"), SessionValue::makeList());
    for (int i = 0; i < 20000; ++i)
        list->append(SessionValue::makeInteger(i));
    int chunks = 0;
    qsizetype streamed = 0;
    auto written = TreeText::writeIndented(wide, [&](const QString &chunk) {
        ++chunks;
        streamed += chunk.size();
    });
    QVERIFY(written.ok());
    QVERIFY2(chunks > 1, "a large tree arrives in pieces, not as one string");
    QCOMPARE(streamed, TreeText::indented(wide)->size());

    TreeText::Options small;
    small.maxOutputChars = 10000;
    auto limited = TreeText::indented(wide, small);
    QVERIFY(!limited.ok());
    QCOMPARE(limited.error().category, ErrorCategory::Limit);
    auto oneLine = TreeText::oneLine(wide, small);
    QVERIFY(!oneLine.ok());
    QCOMPARE(oneLine.error().category, ErrorCategory::Limit);
}

void TestHardening::reprHasABudget()
{
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("s"), SessionValue::makeString(QString(5000, u'x')));
    auto whole = PythonRepr::reprBounded(session, 100000);
    QVERIFY(whole.ok());
    QCOMPARE(whole.value(), PythonRepr::repr(session));
    auto cut = PythonRepr::reprBounded(session, 1000);
    QVERIFY(!cut.ok());
    QCOMPARE(cut.error().category, ErrorCategory::Limit);
}

void TestHardening::readerNodeLimit()
{
    QByteArray json = "[0";
    json.reserve(2 * limits::kMaxNodes + 4);
    for (qsizetype i = 1; i < limits::kMaxNodes - 1; ++i)
        json.append(",0");
    auto fits = PythonJsonReader::read(json + "]");
    QVERIFY(fits.ok()); // the list and its kMaxNodes - 1 items: exactly at the limit
    auto over = PythonJsonReader::read(json + ",0]");
    QVERIFY(!over.ok());
    QCOMPARE(over.error().category, ErrorCategory::Limit);
}

void TestHardening::warningsAreCappedAndCounted()
{
    QByteArray json = "{";
    for (int i = 0; i < 200000; ++i)
        json.append(i ? ",\"k\":1" : "\"k\":1");
    json.append('}');
    QStringList warnings;
    auto read = PythonJsonReader::read(json, PythonJsonReader::Options{}, &warnings);
    QVERIFY(read.ok());
    QCOMPARE(warnings.size(), limits::kMaxWarnings + 1);
    QVERIFY2(warnings.last().contains(QStringLiteral("199899 more warnings")),
             qPrintable(warnings.last()));
}

void TestHardening::diffIsLinearAndBounded()
{
    // 60,000 keys, all moved and changed: a quadratic match would take minutes.
    SessionValue before = SessionValue::makeDict();
    SessionValue after = SessionValue::makeDict();
    const int keys = 60000;
    for (int i = 0; i < keys; ++i) {
        before.appendEntryUnchecked(QStringLiteral("k%1").arg(i), SessionValue::makeInteger(i));
        after.appendEntryUnchecked(QStringLiteral("k%1").arg(keys - 1 - i),
                                   SessionValue::makeInteger(-i));
    }
    const SessionDiff::Result diff = SessionDiff::compare(before, after);
    QCOMPARE(diff.changes.size(), limits::kMaxDiffChanges);
    QVERIFY(diff.omitted > 0);
    // Every key moved (but the middle one, when even) and every value changed.
    QCOMPARE(diff.changes.size() + diff.omitted, qsizetype(2 * keys - (keys % 2 ? 1 : 0)));
    QCOMPARE(diff.changes.first().path, QStringLiteral("session['k0']"));

    SessionValue longBefore = SessionValue::makeDict();
    longBefore.setValue(QStringLiteral("s"), SessionValue::makeString(QString(100000, u'a')));
    SessionValue longAfter = SessionValue::makeDict();
    longAfter.setValue(QStringLiteral("s"), SessionValue::makeString(QString(100000, u'b')));
    const SessionDiff::Result one = SessionDiff::compare(longBefore, longAfter);
    QCOMPARE(one.changes.size(), 1);
    QVERIFY(one.changes[0].before.size() < limits::kMaxDiffValueChars + 64);
    QVERIFY2(one.changes[0].before.endsWith(QStringLiteral("(95906 more characters)")),
             qPrintable(one.changes[0].before.right(40)));
}

void TestHardening::sizeReportStaysLinear()
{
    SessionValue session = SessionValue::makeDict();
    for (int i = 0; i < 8000; ++i)
        session.appendEntryUnchecked(QStringLiteral("key%1").arg(i),
                                     SessionValue::makeString(QString(i % 97 + 3, u'v')));
    const SizeReport r = SizeReport::compute(session);
    QVERIFY(r.compressed);
    QCOMPARE(r.keys.size(), 8000);
    qsizetype exact = 0;
    for (const SizeReport::KeyShare &share : r.keys)
        exact += share.estimated ? 0 : 1;
    QCOMPARE(exact, limits::kMaxExactKeyShares);
    // The measured shares are those of real cookies without the key.
    for (const SizeReport::KeyShare &share : r.keys) {
        if (share.estimated)
            continue;
        SessionValue without = session;
        without.remove(without.indexOfKey(share.key));
        QCOMPARE(share.cookieSaving,
                 r.cookieValueBytes - SizeReport::compute(without).cookieValueBytes);
        break;
    }
    // Estimates stay in a sane range: never more than the whole cookie.
    for (const SizeReport::KeyShare &share : r.keys)
        QVERIFY(share.cookieSaving <= r.cookieValueBytes);
}

void TestHardening::signedSizeReportStaysLinear()
{
    SessionValue session = SessionValue::makeDict();
    for (int i = 0; i < 8000; ++i)
        session.appendEntryUnchecked(QStringLiteral("key%1").arg(i), SessionValue::makeInteger(i));
    const SizeReport r = SizeReport::compute(session, flaskSigned());
    QCOMPARE(r.keys.size(), 8000);
    qsizetype exact = 0;
    for (const SizeReport::KeyShare &share : r.keys)
        exact += share.estimated ? 0 : 1;
    QCOMPARE(exact, limits::kMaxExactKeyShares);
}

void TestHardening::timestampsPastTheRange_data()
{
    QTest::addColumn<QByteArray>("timestamp");
    QTest::addColumn<bool>("legacy");
    QTest::newRow("2^64-1") << QByteArray(8, '\xff') << false;
    QTest::newRow("2^63") << QByteArray("\x80\0\0\0\0\0\0\0", 8) << false;
    QTest::newRow("2^64-1 legacy epoch") << QByteArray(8, '\xff') << true;
    QTest::newRow("year 10000") << QByteArray("\x00\x00\x00\x3a\xff\xf4\x41\x80", 8) << false;
}

void TestHardening::timestampsPastTheRange()
{
    QFETCH(QByteArray, timestamp);
    QFETCH(bool, legacy);
    FlaskSignedCodec::Options options;
    options.legacyEpoch = legacy;
    const auto decoded = FlaskSignedCodec::decode(signedCookie(R"({"a":1})", timestamp), options);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error->toString()));
    QVERIFY(decoded.parts.timestampOutOfRange);
    QCOMPARE(decoded.parts.timestamp, FlaskSignedCodec::kMaxTimestamp);
    QVERIFY(decoded.expired);
    QCOMPARE(decoded.expiry, FlaskSignedCodec::Expiry::TimestampOutOfRange);
    // The last representable second is still in range.
    const qint64 last =
        FlaskSignedCodec::kMaxTimestamp - (legacy ? FlaskSignedCodec::kLegacyEpoch : 0);
    QByteArray lastBytes;
    for (int shift = 56; shift >= 0; shift -= 8)
        lastBytes.append(char((quint64(last) >> shift) & 0xff));
    const auto edge = FlaskSignedCodec::decode(signedCookie(R"({"a":1})", lastBytes), options);
    QVERIFY(!edge.parts.timestampOutOfRange);
    QCOMPARE(edge.parts.timestamp, FlaskSignedCodec::kMaxTimestamp);
}

void TestHardening::serverMovesTypeKeyLast()
{
    auto read = PythonJsonReader::read(R"({"o": {"__type__": "set", "b": "x"}})");
    QVERIFY(read.ok());
    // What the server prints after its hook popped and re-inserted "__type__".
    QCOMPARE(PythonRepr::repr(read.value()),
             QStringLiteral("{'o': {'b': 'x', '__type__': 'set'}}"));
}

void TestHardening::editsCannotNestDeeper()
{
    const SessionPath atLimit(SessionDocument::kMaxDepth - 1, 0);
    QVERIFY(SessionDocument::checkPlacement(atLimit, SessionValue::makeList()).ok());
    QVERIFY(SessionDocument::checkPlacement(atLimit, SessionValue::makeString(QStringLiteral("x")))
                .ok());
    const SessionPath deeper(SessionDocument::kMaxDepth, 0);
    auto refused = SessionDocument::checkPlacement(deeper, SessionValue::makeDict());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().category, ErrorCategory::Limit);
    // A subtree counts with its own depth.
    SessionValue three = SessionValue::makeList();
    three.append(SessionValue::makeList())->append(SessionValue::makeList());
    QVERIFY(!SessionDocument::checkPlacement(SessionPath(SessionDocument::kMaxDepth - 2, 0), three)
                 .ok());
    QVERIFY(SessionDocument::checkPlacement(SessionPath(SessionDocument::kMaxDepth - 3, 0), three)
                .ok());
}

void TestHardening::rowIndexFollowsMutations()
{
    SessionValue list = SessionValue::makeList();
    for (int i = 0; i < 10; ++i)
        list.append(SessionValue::makeInteger(i));
    list.insert(3, SessionValue::makeInteger(100));
    list.remove(0);
    list.move(8, 1);
    (void)list.take(4);
    SessionValue copy = list;
    for (const SessionValue *container : {&list, &copy}) {
        for (qsizetype i = 0; i < container->size(); ++i)
            QCOMPARE(container->child(i)->indexInParent(), i);
    }
}

void TestHardening::inputLimits_data()
{
    QTest::addColumn<QByteArray>("cookie");
    QTest::addColumn<QString>("what");
    QTest::newRow("input length") << QByteArray(CookieText::kMaxInputSize + 1, 'A') + ".b.c"
                                  << QStringLiteral("input limit");
    // 9 MiB of spaces inside a string deflate to a few KiB: the bomb stops at the inflate limit.
    const QByteArray bomb = "{\"a\": \"" + QByteArray(9 * 1024 * 1024, ' ') + "\"}";
    QTest::newRow("decompressed size")
        << signedCookie(bomb) << QStringLiteral("inflates to more than");
    QTest::newRow("depth") << signedCookie(QByteArray(600, '[') + QByteArray(600, ']'))
                           << QStringLiteral("nesting");
    QByteArray many = "[0";
    for (qsizetype i = 0; i < limits::kMaxNodes; ++i)
        many.append(",0");
    QTest::newRow("node count") << signedCookie("{\"a\":" + many + "]}")
                                << QStringLiteral("values");
}

void TestHardening::inputLimits()
{
    QFETCH(QByteArray, cookie);
    QFETCH(QString, what);
    KeyRing ring;
    const CookieOpener::Opened opened =
        CookieOpener::open(cookie, ring, FlaskSignedCodec::Options{});
    QVERIFY(opened.error.has_value());
    QCOMPARE(opened.error->category, ErrorCategory::Limit);
    QVERIFY2(opened.error->message.contains(what), qPrintable(opened.error->message));
}

void TestHardening::keyFileLimit()
{
    QTemporaryDir dir;
    const QString exact = dir.filePath(QStringLiteral("exact"));
    const QString over = dir.filePath(QStringLiteral("over"));
    QFile a(exact), b(over);
    QVERIFY(a.open(QIODevice::WriteOnly) && b.open(QIODevice::WriteOnly));
    a.write(QByteArray(RunKeyLoader::kMaxKeyFileBytes, 'k'));
    b.write(QByteArray(RunKeyLoader::kMaxKeyFileBytes + 1, 'k'));
    a.close();
    b.close();
    auto fits = RunKeyLoader::readSecretFile(exact);
    QVERIFY(fits.ok());
    QCOMPARE(qsizetype(fits->size()), RunKeyLoader::kMaxKeyFileBytes);
    auto refused = RunKeyLoader::readSecretFile(over);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().category, ErrorCategory::Limit);

    // Key text with surrounding white space and a final newline, as editors save it.
    const QString keyFile = dir.filePath(QStringLiteral("app.key"));
    QFile k(keyFile);
    QVERIFY(k.open(QIODevice::WriteOnly));
    k.write("  b'" + QByteArray("\\x01").repeated(32) + "'\n");
    k.close();
    RunKeyLoader::Sources sources;
    sources.keyFiles = {keyFile};
    sources.secretTexts = {QStringLiteral("s3cret")};
    auto keys = RunKeyLoader::load(sources);
    QVERIFY2(keys.ok(), qPrintable(keys.ok() ? QString() : keys.error().toString()));
    QCOMPARE(keys->size(), 2);
    QCOMPARE(keys->at(0).kind(), SessionKey::Kind::AesKey);
    QCOMPARE(keys->at(0).bytes().exposeCopy(), QByteArray(32, '\x01'));
    QCOMPARE(keys->at(1).kind(), SessionKey::Kind::SigningSecret);
    QCOMPARE(keys->at(1).name(), QStringLiteral("--secret #1"));
}

void TestHardening::privateFilesAreChecked()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("data/sub"));
    QVERIFY(PrivateFiles::ensureFolder(folder).ok());
    QCOMPARE(mode(folder), 0700);
    const QString file = folder + QStringLiteral("/f");
    QVERIFY(PrivateFiles::write(file, "content").ok());
    QCOMPARE(mode(file), 0600);
    QVERIFY(PrivateFiles::checkTrusted(file).ok());
    QCOMPARE(PrivateFiles::read(file, 100).value(), QByteArray("content"));
    QVERIFY(QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ReadOther));
    auto refused = PrivateFiles::read(file, 100);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("other users")),
             qPrintable(refused.error().message));
    // A folder that was there already is never changed: one others can enter is refused.
    QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                              QFileDevice::ExeGroup));
    const auto existing = PrivateFiles::ensureFolder(folder);
    QVERIFY(!existing.ok());
    QVERIFY2(existing.error().message.contains(QStringLiteral("other users")),
             qPrintable(existing.error().message));
    QCOMPARE(mode(folder), 0750);
}

void TestHardening::secretArgumentsAreScrubbed()
{
    QList<QByteArray> given = {
        "sessionlens-cli", "proxy",     "--key",      "k-one",    "--secret=s-two",
        "-kk-three",       "-s",        "s-four",     "--cookie", "c-five",
        "--cookie-name",   "session",   "--upstream", "http://x", "--",
        "--key",           "positional"};
    std::vector<char *> argv;
    for (QByteArray &argument : given)
        argv.push_back(argument.data()); // QByteArray::data() detaches: these are our bytes
    const int wiped = ProcessHardening::scrubArguments(
        int(argv.size()), argv.data(), {"--key", "-k", "--secret", "-s", "--cookie"});
    QCOMPARE(wiped, 5);
    QCOMPARE(QByteArray(argv[3]), QByteArray());
    QCOMPARE(QByteArray(argv[4]), QByteArray("--secret="));
    QCOMPARE(QByteArray(argv[5]), QByteArray("-k"));
    QCOMPARE(QByteArray(argv[7]), QByteArray());
    QCOMPARE(QByteArray(argv[9]), QByteArray());
    // The bytes are gone, not only cut short: what /proc/PID/cmdline would show.
    for (const QByteArray &argument : given)
        for (const char *secret : {"k-one", "s-two", "k-three", "s-four", "c-five"})
            QVERIFY2(!argument.contains(secret), argument.constData());
    QCOMPARE(given[4].size(), qsizetype(strlen("--secret=s-two")));
    // Not secrets, and what follows "--" is positional.
    QCOMPARE(QByteArray(argv[11]), QByteArray("session"));
    QCOMPARE(QByteArray(argv[13]), QByteArray("http://x"));
    QCOMPARE(QByteArray(argv[16]), QByteArray("positional"));
}

void TestHardening::sealedFilesOpenOnlyWithTheirKeyAndContext()
{
    const QByteArray raw(32, '\x11');
    const SecureBytes key(raw.constData(), 32);
    auto sealed = PrivateFiles::seal(key, "history", "cookie=value");
    QVERIFY(sealed.ok());
    QVERIFY(PrivateFiles::isSealed(sealed.value()));
    QVERIFY(!sealed->contains("cookie=value"));
    QCOMPARE(PrivateFiles::unseal(key, "history", sealed.value())->exposeCopy(),
             QByteArray("cookie=value"));
    QCOMPARE(PrivateFiles::unseal(key, "autosave", sealed.value()).error().category,
             ErrorCategory::Authentication);
    const QByteArray otherRaw(32, '\x12');
    QCOMPARE(PrivateFiles::unseal(SecureBytes(otherRaw.constData(), 32), "history", sealed.value())
                 .error()
                 .category,
             ErrorCategory::Authentication);
}

void TestHardening::processIsHardened()
{
    const ProcessHardening::Outcome outcome = ProcessHardening::apply();
    QVERIFY(outcome.dumpsDisabled);
    QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
    rlimit core{};
    QCOMPARE(::getrlimit(RLIMIT_CORE, &core), 0);
    QCOMPARE(core.rlim_cur, rlim_t(0));
    const mode_t previous = ::umask(0);
    ::umask(previous);
    QCOMPARE(previous, mode_t(077));
    QVERIFY(outcome.secureHeap);
    const QByteArray raw(32, '\x33');
    const SecureBytes key(raw.constData(), 32);
    QVERIFY(key.onSecureHeap());
    QCOMPARE(key.exposeCopy(), raw);
}

void TestHardening::wordlistLineLimit()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("words.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("one\ntwo\n");
    file.write(QByteArray(limits::kMaxLineBytes + 10, 'x'));
    file.write("\nthree\n");
    file.close();
    SecretAudit::Options options;
    options.builtIn = false;
    options.threads = 100000; // clamped, not thousands of threads
    auto outcome = SecretAudit::run(signedCookie(R"({"a":1})"), path, options);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().category, ErrorCategory::Limit);
    QVERIFY2(outcome.error().message.contains(QStringLiteral("line 3")),
             qPrintable(outcome.error().message));
}

void TestHardening::sealerRefusesCookiesItCouldNotOpen()
{
    SessionValue session = SessionValue::makeDict();
    QByteArray noise(900 * 1024, '\0');
    for (qsizetype i = 0; i < noise.size(); ++i)
        noise[i] = char('A' + (i * 7919 % 53) % 26 + (i % 3 ? 0 : 32));
    session.setValue(QStringLiteral("blob"), SessionValue::makeBytes(noise));
    const QByteArray raw(32, '\x21');
    SessionSealer::Options options;
    options.compression = EncryptedSessionCodec::Compression::Never;
    const SessionSealer::Sealed sealed =
        SessionSealer::seal(session, SecureBytes(raw.constData(), 32), options);
    QVERIFY(!sealed.ok());
    QCOMPARE(sealed.error->category, ErrorCategory::Limit);
    QVERIFY(sealed.cookie.isEmpty());
    QVERIFY(sealed.report.cookieValueBytes > CookieText::kMaxInputSize);
}

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_Hardening.moc"
