// Flask-WTF's CSRF form token: the codec, the format and the check, against tokens and verdicts
// Flask-WTF 1.1.1 made (tests/data/make_wtf_csrf_vectors.py).

#include "TestData.h"
#include "audit/SizeAudit.h"
#include "capture/Timeline.h"
#include "document/CookieOpener.h"
#include "document/CsrfTokenCheck.h"
#include "document/SessionSealer.h"
#include "encoding/Base64.h"
#include "formats/FlaskSignedFormat.h"
#include "formats/FormatRegistry.h"
#include "formats/WtfCsrfCodec.h"
#include "formats/WtfCsrfFormat.h"
#include "formats/ZlibFirstByte.h"
#include "keys/KeyRing.h"
#include "json/PythonJsonReader.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <zlib.h>

using namespace sessionlens;

namespace {

constexpr int kValidVectors = 6;
constexpr int kInvalidVectors = 11;

SecureBytes bytesOf(const QByteArray &raw)
{
    return SecureBytes(raw.constData(), std::size_t(raw.size()));
}

void addSecret(KeyRing &ring, const QString &name, const QString &secret)
{
    QVERIFY(
        ring.add(SessionKey(name, bytesOf(secret.toUtf8()), SessionKey::Kind::SigningSecret)).ok());
}

QJsonArray rows(const QString &section, int expected)
{
    const QJsonArray all =
        test::loadJsonObject(QStringLiteral("wtf_csrf_vectors.json"))[section].toArray();
    if (all.size() != expected)
        qWarning("%s: %lld rows, expected %d", qPrintable(section), qlonglong(all.size()),
                 expected);
    return all.size() == expected ? all : QJsonArray();
}

SessionValue sessionOf(const QJsonObject &object)
{
    auto session = PythonJsonReader::read(QJsonDocument(object).toJson(QJsonDocument::Compact));
    return session ? *session : SessionValue();
}

CsrfTokenCheck::Options optionsAt(qint64 now, qint64 timeLimit)
{
    CsrfTokenCheck::Options options;
    options.now = now;
    options.timeLimit = timeLimit;
    return options;
}

/// What the detection asked zlib before ZlibFirstByte: inflate with room for one byte.
std::optional<char> zlibFirstByte(QByteArrayView compressed)
{
    z_stream stream{};
    if (inflateInit(&stream) != Z_OK)
        return std::nullopt;
    unsigned char first = 0;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
    stream.avail_in = uInt(compressed.size());
    stream.next_out = &first;
    stream.avail_out = 1;
    const int status = inflate(&stream, Z_SYNC_FLUSH);
    const bool produced = stream.avail_out == 0 && (status == Z_OK || status == Z_STREAM_END);
    inflateEnd(&stream);
    return produced ? std::optional<char>(char(first)) : std::nullopt;
}

/// `text` deflated by zlib with a level and strategy, flushed (a block boundary) after
/// `flushAt` bytes when that is not negative; with `dictionary`, a preset dictionary.
QByteArray deflated(const QByteArray &text, int level, int strategy, qsizetype flushAt,
                    const QByteArray &dictionary = {})
{
    z_stream stream{};
    if (deflateInit2(&stream, level, Z_DEFLATED, 15, 8, strategy) != Z_OK)
        qFatal("deflateInit2");
    if (!dictionary.isEmpty())
        deflateSetDictionary(&stream, reinterpret_cast<const Bytef *>(dictionary.constData()),
                             uInt(dictionary.size()));
    QByteArray out(int(deflateBound(&stream, uLong(text.size())) + 64), '\0');
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const qsizetype cut = flushAt < 0 ? 0 : std::min(flushAt, text.size());
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(text.constData()));
    if (flushAt >= 0) {
        stream.avail_in = uInt(cut);
        deflate(&stream, Z_FULL_FLUSH);
    }
    stream.avail_in = uInt(text.size() - cut);
    if (deflate(&stream, Z_FINISH) != Z_STREAM_END)
        qFatal("deflate");
    out.truncate(int(stream.total_out));
    deflateEnd(&stream);
    return out;
}

} // namespace

class TestWtfCsrf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vectorCounts()
    {
        QCOMPARE(rows(QStringLiteral("valid"), kValidVectors).size(), kValidVectors);
        QCOMPARE(rows(QStringLiteral("invalid"), kInvalidVectors).size(), kInvalidVectors);
    }

    void validTokensVerifyAgainstTheirSession()
    {
        const QJsonArray valid = rows(QStringLiteral("valid"), kValidVectors);
        QCOMPARE(valid.size(), kValidVectors);
        for (const QJsonValue &row : valid) {
            const QJsonObject v = row.toObject();
            const QString name = v[QStringLiteral("name")].toString();
            KeyRing ring;
            addSecret(ring, QStringLiteral("decoy"), QStringLiteral("not the secret"));
            addSecret(ring, QStringLiteral("csrf"), v[QStringLiteral("secret")].toString());
            if (v[QStringLiteral("session_secret")] != v[QStringLiteral("secret")])
                addSecret(ring, QStringLiteral("session"),
                          v[QStringLiteral("session_secret")].toString());
            SessionValue session = SessionValue::makeDict();
            session.setValue(QStringLiteral("csrf_token"),
                             SessionValue::makeString(v[QStringLiteral("raw")].toString()));
            const QJsonValue cookie = v[QStringLiteral("session_cookie")];
            if (cookie.isString()) {
                // The session Flask set: opened as Flask's, with the app's SECRET_KEY.
                FlaskSignedCodec::Options open;
                open.lifetimeSeconds = std::numeric_limits<qint32>::max();
                const auto opened = CookieOpener::open(cookie.toString().toLatin1(), ring, open);
                QVERIFY2(opened.ok(), qPrintable(name));
                QCOMPARE(opened.format->id(), FlaskSignedFormat::formatId());
                session = opened.session();
            }
            const QByteArray token = v[QStringLiteral("token")].toString().toLatin1();
            const auto verdict =
                CsrfTokenCheck::verify(token, session, ring,
                                       optionsAt(v[QStringLiteral("now")].toInteger(),
                                                 v[QStringLiteral("time_limit")].toInteger()));
            QVERIFY2(verdict.ok(),
                     qPrintable(name + QStringLiteral(": ") +
                                (verdict.error ? verdict.error->toString() : QString())));
            QCOMPARE(verdict.keyIndex, 1); // the decoy is tried first
            QCOMPARE(verdict.token.value.stringValue(), v[QStringLiteral("raw")].toString());

            // Minted again with the same inputs: byte for byte Flask-WTF's token.
            const auto minted =
                WtfCsrfCodec::mint(v[QStringLiteral("raw")].toString(),
                                   bytesOf(v[QStringLiteral("secret")].toString().toUtf8()),
                                   v[QStringLiteral("timestamp")].toInteger());
            QVERIFY(minted);
            QCOMPARE(*minted, token);
        }
    }

    void invalidTokensNameFlaskWtfsStep()
    {
        const QJsonArray invalid = rows(QStringLiteral("invalid"), kInvalidVectors);
        QCOMPARE(invalid.size(), kInvalidVectors);
        for (const QJsonValue &row : invalid) {
            const QJsonObject v = row.toObject();
            const QString name = v[QStringLiteral("name")].toString();
            KeyRing ring;
            addSecret(ring, QStringLiteral("app"), v[QStringLiteral("secret")].toString());
            const auto verdict =
                CsrfTokenCheck::verify(v[QStringLiteral("token")].toString().toUtf8(),
                                       sessionOf(v[QStringLiteral("session")].toObject()), ring,
                                       optionsAt(v[QStringLiteral("now")].toInteger(),
                                                 v[QStringLiteral("time_limit")].toInteger()));
            QVERIFY2(!verdict.ok(), qPrintable(name));
            QVERIFY(verdict.error.has_value());
            QCOMPARE(CsrfTokenCheck::stepId(verdict.failed), v[QStringLiteral("step")].toString());
            if (v.contains(QStringLiteral("raw"))) {
                const auto minted =
                    WtfCsrfCodec::mint(v[QStringLiteral("raw")].toString(),
                                       bytesOf(v[QStringLiteral("secret")].toString().toUtf8()),
                                       v[QStringLiteral("timestamp")].toInteger());
                QVERIFY(minted);
                QCOMPARE(*minted, v[QStringLiteral("token")].toString().toLatin1());
            }
        }
    }

    void noTimeLimitAcceptsAnOldToken()
    {
        const QJsonObject v = rows(QStringLiteral("valid"), kValidVectors).first().toObject();
        KeyRing ring;
        addSecret(ring, QStringLiteral("app"), v[QStringLiteral("secret")].toString());
        SessionValue session = SessionValue::makeDict();
        session.setValue(QStringLiteral("csrf_token"),
                         SessionValue::makeString(v[QStringLiteral("raw")].toString()));
        CsrfTokenCheck::Options options =
            optionsAt(v[QStringLiteral("timestamp")].toInteger() + 10 * 365 * 86400, 3600);
        const QByteArray token = v[QStringLiteral("token")].toString().toLatin1();
        QCOMPARE(CsrfTokenCheck::verify(token, session, ring, options).failed,
                 CsrfTokenCheck::Step::Expired);
        options.timeLimit.reset(); // WTF_CSRF_TIME_LIMIT = None
        QVERIFY(CsrfTokenCheck::verify(token, session, ring, options).ok());
    }

    void detectionIsExact()
    {
        const FormatRegistry &formats = FormatRegistry::builtIn();
        for (const QJsonValue &row : rows(QStringLiteral("valid"), kValidVectors)) {
            const QJsonObject v = row.toObject();
            const auto token = formats.detect(v[QStringLiteral("token")].toString().toLatin1());
            QVERIFY(token.format);
            QCOMPARE(token.format->id(), WtfCsrfFormat::formatId());
            QCOMPARE(token.score, int(CookieFormat::Exact));
            if (v[QStringLiteral("session_cookie")].isString()) {
                const auto cookie =
                    formats.detect(v[QStringLiteral("session_cookie")].toString().toLatin1());
                QCOMPARE(cookie.format->id(), FlaskSignedFormat::formatId());
            }
        }
        // Every Flask signed vector stays Flask's.
        for (const QJsonValue &row : test::cookieVectors(QStringLiteral("flask_default"))) {
            const auto cookie =
                formats.detect(row.toObject()[QStringLiteral("cookie")].toString().toLatin1());
            QCOMPARE(cookie.format->id(), FlaskSignedFormat::formatId());
        }
        // A compressed Flask session (".eJ" too) inflates to '{', not '"'.
        QVERIFY(!WtfCsrfCodec::hasTokenShape(".eJyrVkrNTczMUbJSKs1LVqoFAC9JBc8.Zx1A2w.QZ8m9uE0"));
        // Cut tokens are damaged tokens, so the token's own steps say what is missing.
        const auto cut = formats.detect("IjNjM2JmYzY5OGI3ZDA5");
        QVERIFY(cut.format);
        QCOMPARE(cut.format->id(), WtfCsrfFormat::formatId());
        QCOMPARE(cut.score, int(CookieFormat::Damaged));
    }

    void opensAsATreeWithItsVerdict()
    {
        const QJsonObject v = rows(QStringLiteral("valid"), kValidVectors).first().toObject();
        const QByteArray token = v[QStringLiteral("token")].toString().toLatin1();
        KeyRing none;
        const auto unverified = CookieOpener::open(token, none, FlaskSignedCodec::Options());
        QCOMPARE(unverified.format->id(), WtfCsrfFormat::formatId());
        QVERIFY(unverified.ok());
        QVERIFY(!unverified.verified.has_value());
        QCOMPARE(unverified.session().value(QStringLiteral("csrf_token"))->stringValue(),
                 v[QStringLiteral("raw")].toString());
        QCOMPARE(unverified.json(), QByteArray(R"({"csrf_token": ")") +
                                        v[QStringLiteral("raw")].toString().toLatin1() + "\"}");
        const auto *details = unverified.detailsAs<WtfCsrfCodec::Decoded>();
        QVERIFY(details);
        QCOMPARE(details->token.parts.timestamp, v[QStringLiteral("timestamp")].toInteger());

        KeyRing ring;
        addSecret(ring, QStringLiteral("wrong"), QStringLiteral("nope"));
        addSecret(ring, QStringLiteral("app"), v[QStringLiteral("secret")].toString());
        const auto verified = CookieOpener::open(token, ring, FlaskSignedCodec::Options());
        QCOMPARE(verified.verified, std::optional<bool>(true));
        QCOMPARE(verified.keyIndex, 1);

        KeyRing wrong;
        addSecret(wrong, QStringLiteral("wrong"), QStringLiteral("nope"));
        const auto forged = CookieOpener::open(token, wrong, FlaskSignedCodec::Options());
        QCOMPARE(forged.verified, std::optional<bool>(false));
        QVERIFY(forged.readable());
        QCOMPARE(forged.error->category, ErrorCategory::Authentication);
    }

    void sealsThroughTheSealer()
    {
        const QJsonObject v = rows(QStringLiteral("valid"), kValidVectors).first().toObject();
        SessionValue session = SessionValue::makeDict();
        session.setValue(QStringLiteral("csrf_token"),
                         SessionValue::makeString(v[QStringLiteral("raw")].toString()));
        SealOptions options;
        options.format = FormatRegistry::builtIn().find(WtfCsrfFormat::formatId());
        options.timestamp = v[QStringLiteral("timestamp")].toInteger();
        const auto sealed = SessionSealer::seal(
            session, bytesOf(v[QStringLiteral("secret")].toString().toUtf8()), options);
        QVERIFY2(sealed.ok(), qPrintable(sealed.error ? sealed.error->toString() : QString()));
        QCOMPARE(sealed.cookie, v[QStringLiteral("token")].toString().toLatin1());
        QCOMPARE(sealed.report.cookieValueBytes, sealed.cookie.size());
        QCOMPARE(sealed.report.format, WtfCsrfFormat::formatId());

        session.setValue(QStringLiteral("user"), SessionValue::makeString(QStringLiteral("ada")));
        QVERIFY(!SessionSealer::seal(session, bytesOf("dev"), options).ok());
        const auto converted = options.format->convertFrom(session);
        QVERIFY(!converted.error);
        QCOMPARE(converted.session.size(), 1);
        QCOMPARE(converted.notes.size(), 1);
    }

    void mintCreatesTheRawTokenWhenMissing()
    {
        KeyRing ring;
        addSecret(ring, QStringLiteral("app"), QStringLiteral("dev"));
        SessionValue session = SessionValue::makeDict();
        session.setValue(QStringLiteral("user"), SessionValue::makeString(QStringLiteral("ada")));
        CsrfTokenCheck::Options options;
        const auto minted = CsrfTokenCheck::mint(session, ring, options);
        QVERIFY(minted.ok());
        QVERIFY(minted.sessionChanged);
        QCOMPARE(minted.raw.size(), WtfCsrfCodec::kRawTokenHexDigits);
        QCOMPARE(minted.session.value(QStringLiteral("user"))->stringValue(), u"ada");
        QVERIFY(CsrfTokenCheck::verify(minted.token, minted.session, ring, options).ok());
        // The old session lacks the raw token: the check says so.
        QCOMPARE(CsrfTokenCheck::verify(minted.token, session, ring, options).failed,
                 CsrfTokenCheck::Step::MissingInSession);

        const auto again = CsrfTokenCheck::mint(minted.session, ring, options);
        QVERIFY(again.ok());
        QVERIFY(!again.sessionChanged);
        QCOMPARE(again.raw, minted.raw);

        KeyRing empty;
        QCOMPARE(CsrfTokenCheck::mint(session, empty, options).error->category, ErrorCategory::Key);
    }

    void auditAndTimelineCountIt()
    {
        QByteArray lines;
        for (const QJsonValue &row : rows(QStringLiteral("valid"), kValidVectors)) {
            lines += row.toObject()[QStringLiteral("token")].toString().toLatin1() + '\n';
            const QJsonValue cookie = row.toObject()[QStringLiteral("session_cookie")];
            if (cookie.isString())
                lines += cookie.toString().toLatin1() + '\n';
        }
        QBuffer input(&lines);
        QVERIFY(input.open(QIODevice::ReadOnly));
        SizeAudit::Options options;
        options.threads = 1;
        SizeAudit::Report report;
        QVERIFY(SizeAudit::run(input, lines.size(), options, report, {}).ok());
        QCOMPARE(report.formats.value(WtfCsrfFormat::formatId()), quint64(kValidVectors));
        QCOMPARE(report.formats.value(FlaskSignedFormat::formatId()), quint64(kValidVectors - 1));
        const QJsonObject byFormat =
            report.toJson(50, FormatRegistry::builtIn())[QStringLiteral("formats")].toObject();
        QCOMPARE(byFormat[WtfCsrfFormat::formatId()].toInteger(), kValidVectors);
        QCOMPARE(report.keys.value(QStringLiteral("csrf_token")).cookies,
                 quint64(2 * kValidVectors - 1));

        KeyRing ring;
        addSecret(ring, QStringLiteral("app"), QStringLiteral("dev"));
        Timeline timeline(ring, {}, FormatRegistry::builtIn());
        CapturedCookie cookie;
        cookie.value = rows(QStringLiteral("valid"), kValidVectors)
                           .first()
                           .toObject()[QStringLiteral("token")]
                           .toString()
                           .toLatin1();
        const Timeline::Entry &entry = timeline.add(cookie);
        QVERIFY(entry.readable());
        const QJsonObject record = Timeline::toJson(entry);
        QCOMPARE(record[QStringLiteral("format")].toString(), WtfCsrfFormat::formatId());
        QCOMPARE(record[QStringLiteral("verified")].toBool(), true);
    }

    void secretCheckUsesFlaskWtfsSigner()
    {
        const QJsonObject v =
            rows(QStringLiteral("valid"), kValidVectors).at(3).toObject(); // WTF_CSRF_SECRET_KEY
        const CookieFormat *format = FormatRegistry::builtIn().find(WtfCsrfFormat::formatId());
        // Flask's session signer in the options must not leak into the token's check.
        auto check = format->prepareSecretCheck(v[QStringLiteral("token")].toString().toLatin1(),
                                                FlaskSignedCodec::Options());
        QVERIFY(check);
        QVERIFY((*check)->matches(v[QStringLiteral("secret")].toString().toUtf8()));
        QVERIFY(!(*check)->matches(v[QStringLiteral("session_secret")].toString().toUtf8()));
        QVERIFY(!format->prepareSecretCheck("Ijk", FlaskSignedCodec::Options()));
    }

    void firstByteIsZlibsOnValidCutAndDamagedStreams()
    {
        // The detection's first inflated byte, found without zlib, against zlib itself on
        // streams of every block type and strategy, a first byte alone in its block, a preset
        // dictionary, every cut and bits flipped near the start.
        QRandomGenerator random(2107);
        QList<QByteArray> texts = {"\"3c3bfc698b7d09c2a6b2f0f7f7a0d5d1f6e3c2a1\"",
                                   R"({"csrf_token":"3c3bfc698b7d09c2a6b2f0f7f7a0d5d1f6e3c2a1"})",
                                   "x",
                                   "\"",
                                   QByteArray(300, 'a'),
                                   QByteArray()};
        QByteArray json = "{\"cart\":[";
        for (int i = 0; i < 60; ++i)
            json += "{\"sku\":\"A-" + QByteArray::number(random.bounded(1000)) +
                    "\",\"qty\":" + QByteArray::number(random.bounded(9)) + "},";
        texts << json + "{}]}" << '"' + json + '"';
        for (int i = 0; i < 3; ++i) {
            QByteArray noise(1 + random.bounded(400), '\0');
            for (char &c : noise)
                c = char(random.bounded(256));
            texts << noise;
        }
        QList<QByteArray> streams;
        for (const QByteArray &text : texts) {
            for (const int level : {0, 1, 6, 9}) {
                for (const int strategy :
                     {Z_DEFAULT_STRATEGY, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED}) {
                    for (const qsizetype flushAt : {qsizetype(-1), qsizetype(0), qsizetype(1)})
                        streams << deflated(text, level, strategy, flushAt);
                }
            }
            streams << deflated(text, 6, Z_DEFAULT_STRATEGY, -1, "{\"csrf_token\":");
        }
        // A valid header, then anything.
        for (int i = 0; i < 400; ++i) {
            QByteArray noise(2 + random.bounded(60), '\0');
            for (char &c : noise)
                c = char(random.bounded(256));
            noise[0] = '\x78';
            noise[1] = '\x9c';
            streams << noise;
        }
        // A stored block with '"' alone, then a dynamic block whose code length code has no
        // codes (zlib reads each length as a 0 of one bit and fails at the end of them, if the
        // input gets there), then as many bytes as the case says.
        for (int tail = 0; tail < 48; ++tail) {
            QByteArray stream("\x78\x01\x00\x01\x00\xfe\xff\x22", 8);
            // BFINAL 1, BTYPE 2, HLIT 0, HDIST 0, HCLEN 0, then four 3-bit lengths of 0.
            stream += QByteArray("\x05\x00\x00\x00", 4);
            for (int i = 0; i < tail; ++i)
                stream += char(i % 2 ? random.bounded(256) : 0);
            streams << stream;
        }
        // A dynamic block whose one distance length is 0 (no distance codes at all, which zlib
        // accepts until a match needs one) and whose literal code has '"' and the end, one bit
        // each: zlib gives '"'. Cut at every length too.
        const QByteArray noDistances = QByteArray::fromHex(
            "789c05c00104000000001000000000020000000000000000000000000000000000000000000000000000"
            "800400230023");
        for (qsizetype cut = 2; cut <= noDistances.size(); ++cut)
            streams << noDistances.first(cut);
        qsizetype compared = 0, bytes = 0, quotes = 0;
        const auto compare = [&](const QByteArray &stream) {
            const std::optional<char> expected = zlibFirstByte(stream);
            const std::optional<char> actual = ZlibFirstByte::of(stream);
            if (actual != expected)
                qFatal("stream %s: zlib %d, ours %d", stream.toHex().constData(),
                       expected ? int(quint8(*expected)) : -1, actual ? int(quint8(*actual)) : -1);
            ++compared;
            bytes += expected ? 1 : 0;
            quotes += expected == '"' ? 1 : 0;
        };
        // A beginning that answers without running out of input answers for the whole stream
        // (what the detection relies on when it reads a payload's beginning first).
        qsizetype answeredEarly = 0;
        const auto compareBeginning = [&](const QByteArray &stream, qsizetype cut) {
            bool ranOut = true;
            const std::optional<char> early = ZlibFirstByte::of(stream.first(cut), ranOut);
            if (ranOut)
                return;
            ++answeredEarly;
            if (early != zlibFirstByte(stream))
                qFatal("stream %s cut at %lld: answered early %d, zlib on the whole %d",
                       stream.toHex().constData(), static_cast<long long>(cut),
                       early ? int(quint8(*early)) : -1,
                       zlibFirstByte(stream) ? int(quint8(*zlibFirstByte(stream))) : -1);
        };
        for (const QByteArray &stream : std::as_const(streams)) {
            for (qsizetype cut = 0; cut <= std::min<qsizetype>(stream.size(), 96); ++cut) {
                compare(stream.first(cut));
                compareBeginning(stream, cut);
            }
            if (stream.size() > 96)
                compare(stream);
            for (int i = 0; i < 40 && !stream.isEmpty(); ++i) {
                QByteArray damaged = stream;
                for (int flips = 1 + random.bounded(3); flips > 0; --flips) {
                    const int at = random.bounded(int(std::min<qsizetype>(damaged.size(), 48)));
                    damaged[at] = char(damaged[at] ^ (1 << random.bounded(8)));
                }
                compare(damaged);
            }
        }
        qInfo("%lld streams compared: %lld give a first byte, %lld of them '\"'",
              static_cast<long long>(compared), static_cast<long long>(bytes),
              static_cast<long long>(quotes));
        QVERIFY(compared > 50000);
        QVERIFY(bytes > compared / 10);
        QVERIFY(quotes > 1000);
        QVERIFY(compared - bytes > compared / 10);
        QVERIFY(answeredEarly > compared / 10);
    }

    void compressedPayloadsReadFromTheirBeginningFirst()
    {
        // The detection inflates a compressed payload's first kFirstTryBase64Chars, and the
        // whole sniffed start only when that beginning did not answer: both sides of it.
        const auto tokenOf = [](const QByteArray &stream) {
            return '.' + Base64::encode(stream, Base64::Alphabet::UrlSafe) + ".Zx1A2w.QZ8m9uE0";
        };
        const QByteArray quoteBlock = QByteArray::fromHex("0101"
                                                          "00fe"
                                                          "ff") +
                                      '"' + QByteArray::fromHex("00230023");
        // '"' in a stored block after empty stored blocks (five bytes each): in the beginning
        // with three of them, past it with twenty.
        for (const int empty : {3, 20}) {
            QByteArray stream = QByteArray::fromHex("7801");
            for (int i = 0; i < empty; ++i)
                stream += QByteArray::fromHex("000000ffff");
            stream += quoteBlock;
            QCOMPARE(zlibFirstByte(stream), std::optional<char>('"'));
            const QByteArray token = tokenOf(stream);
            QCOMPARE(token.indexOf('.', 1) - 1 > WtfCsrfCodec::kFirstTryBase64Chars, empty == 20);
            QVERIFY2(WtfCsrfCodec::hasTokenShape(token), token.constData());
            QCOMPARE(FormatRegistry::builtIn().detect(token).format->id(),
                     WtfCsrfFormat::formatId());
        }
        // A '"' in the beginning, then a character no base64 has before the sniffed start ends:
        // the start does not decode, so it is no token.
        QByteArray stream = QByteArray::fromHex("7801") + quoteBlock;
        QByteArray token = tokenOf(stream + QByteArray(300, 'x'));
        token[WtfCsrfCodec::kFirstTryBase64Chars + 40] = '!';
        QVERIFY(!WtfCsrfCodec::hasTokenShape(token));
        // A long compressed token Flask-WTF would make of a long raw token, and a long
        // compressed Flask session: the beginning answers for both.
        QString raw;
        QByteArray json = "{\"cart\":[";
        QRandomGenerator random(5);
        for (int i = 0; i < 120; ++i) {
            raw += QString::number(random.generate(), 36);
            json += "{\"sku\":\"" + QByteArray::number(random.generate(), 36) + "\"},";
        }
        const auto minted = WtfCsrfCodec::mint(raw, bytesOf("secret"), 1700000000);
        QVERIFY(minted && minted->startsWith('.'));
        QVERIFY(minted->indexOf('.', 1) > WtfCsrfCodec::kFirstTryBase64Chars);
        QVERIFY(WtfCsrfCodec::hasTokenShape(*minted));
        const QByteArray session = tokenOf(deflated(json + "{}]}", 6, Z_DEFAULT_STRATEGY, -1));
        QVERIFY(session.indexOf('.', 1) > WtfCsrfCodec::kSniffBase64Chars);
        QVERIFY(!WtfCsrfCodec::hasTokenShape(session));
        QCOMPARE(FormatRegistry::builtIn().detect(session).format->id(),
                 FlaskSignedFormat::formatId());
    }

    void keptInFlasksSessionsOnly()
    {
        // Flask-WTF runs in Flask (and Quart's same cookie) and EncryptedSession, a Flask
        // session interface; nowhere else is there a session csrf_token a form token signs.
        QStringList kept;
        for (const CookieFormat *format : FormatRegistry::builtIn().formats())
            if (CsrfTokenCheck::keptIn(*format))
                kept.append(format->id());
        kept.sort();
        QCOMPARE(FormatRegistry::builtIn().formats().size(), 6);
        QCOMPARE(kept, (QStringList{QStringLiteral("encrypted"), QStringLiteral("signed")}));
    }

    void sameTokenComparesWholeStrings()
    {
        QVERIFY(CsrfTokenCheck::sameToken(QStringLiteral("abc"), QStringLiteral("abc")));
        QVERIFY(!CsrfTokenCheck::sameToken(QStringLiteral("abc"), QStringLiteral("abd")));
        QVERIFY(!CsrfTokenCheck::sameToken(QStringLiteral("abc"), QStringLiteral("abcd")));
        QVERIFY(!CsrfTokenCheck::sameToken(QString(), QStringLiteral("a")));
    }
};

QTEST_GUILESS_MAIN(TestWtfCsrf)
#include "tst_WtfCsrf.moc"
