// Audit throughput in process, against the bare cost of the same cookies (base64, AES-EAX
// and inflate, no JSON), on one core. Writes the cookie file that audit_benchmark.py then
// feeds to the CLI and to the Python reference. Prints figures only.
//
// usage: audit_benchmark COUNT PATH [vectors|generated]
//   vectors:   the valid cookies of the vector files, in turn
//   generated: 4,000 sessions as applications keep them (a user, a CSRF token, flashed
//              messages, a cart of varying length, some bytes), 70% EncryptedSession and 30%
//              Flask signed, sizes from about 150 bytes to past 4 KiB, in turn
//   formats:   4,000 cookies of every shipped format (see formatsMix), in turn
//   bare, audit (a fourth argument): read the file PATH (written by an earlier run of the same
//              mix) and make one pass of the bare stages or of the audit alone, untimed, for
//              counting instructions:
//              valgrind --tool=callgrind --toggle-collect='*bareStages*' audit_benchmark 0 PATH
//              generated bare (or '*auditOnce*' ... audit)
#include "TestData.h"
#include "audit/SizeAudit.h"
#include "crypto/EaxCipher.h"
#include "crypto/SigningKeyCache.h"
#include "document/SessionSealer.h"
#include "formats/DjangoSignedCodec.h"
#include "formats/EncryptedSessionCodec.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/FormatRegistry.h"
#include "formats/RememberCookieCodec.h"
#include "formats/StarletteSessionFormat.h"
#include "formats/WtfCsrfCodec.h"
#include "formats/ZlibCodec.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>

using namespace sessionlens;

namespace {

const QByteArray kSecret = "benchmark-secret";
constexpr int kRuns = 5;

struct Timings
{
    double best = 0;
    double worst = 0;
    double bestCpu = 0; ///< CPU seconds of this process: less at the mercy of other loads
    /// "best .. worst s (+N%)"
    [[nodiscard]] QByteArray spread() const
    {
        return QByteArray::number(best, 'f', 3) + " .. " + QByteArray::number(worst, 'f', 3) +
               " s (+" + QByteArray::number(100 * (worst - best) / best, 'f', 0) + "%)";
    }
};

// Runs `timed` (which returns its seconds) `runs` times.
template <typename Timed> Timings bestOf(int runs, Timed timed)
{
    Timings t;
    for (int r = 0; r < runs; ++r) {
        const std::clock_t cpuStart = std::clock();
        const double seconds = timed();
        const double cpu = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        t.best = r == 0 ? seconds : std::min(t.best, seconds);
        t.worst = r == 0 ? seconds : std::max(t.worst, seconds);
        t.bestCpu = r == 0 ? cpu : std::min(t.bestCpu, cpu);
    }
    return t;
}

/// Wall seconds of one call of `work`.
template <typename Work> double secondsOf(Work work)
{
    QElapsedTimer clock;
    clock.start();
    work();
    return double(clock.nsecsElapsed()) / 1e9;
}

// Every valid cookie of both formats in the vector files.
QList<QByteArray> vectorMix()
{
    QList<QByteArray> mix;
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session")))
        mix.append(v[QStringLiteral("cookie")].toString().toLatin1());
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("flask_default")))
        mix.append(v[QStringLiteral("cookie")].toString().toLatin1());
    return mix;
}

// A session as applications keep it: a user, a CSRF token, flashed messages (tuples when the
// format's JSON has them), a cart of varying length, now and then recently viewed pages, and
// for encrypted cookies now and then some bytes. Draws from `random` in a fixed order, so a
// seed gives the same sessions.
SessionValue applicationSession(QRandomGenerator &random, bool tuples, bool bytes)
{
    const QStringList products = {QStringLiteral("tea"), QStringLiteral("coffee beans"),
                                  QStringLiteral("mug"), QStringLiteral("gift card")};
    SessionValue session = SessionValue::makeDict();
    session.setValue(QStringLiteral("_user_id"),
                     SessionValue::makeString(QString::number(random.bounded(1000000))));
    session.setValue(QStringLiteral("_fresh"), SessionValue::makeBool(random.bounded(2)));
    session.setValue(QStringLiteral("csrf_token"),
                     SessionValue::makeString(QString::fromLatin1(
                         QByteArray::number(random.generate64(), 16).repeated(2))));
    if (random.bounded(3) == 0) {
        SessionValue flashes = SessionValue::makeList();
        for (int f = 0, n = 1 + int(random.bounded(3)); f < n; ++f) {
            SessionValue *message = flashes.appendChild();
            *message = tuples ? SessionValue::makeTuple() : SessionValue::makeList();
            *message->appendChild() = SessionValue::makeString(QStringLiteral("message"));
            *message->appendChild() =
                SessionValue::makeString(QStringLiteral("Saved item %1.").arg(f));
        }
        session.setValue(QStringLiteral("_flashes"), flashes);
    }
    // Carts from empty to large: the tail past the browsers' limit.
    const int items = random.bounded(4) == 0 ? int(random.bounded(80)) : int(random.bounded(6));
    SessionValue cart = SessionValue::makeList();
    for (int c = 0; c < items; ++c) {
        SessionValue *item = cart.appendChild();
        *item = SessionValue::makeDict();
        item->setValue(QStringLiteral("sku"), SessionValue::makeString(QStringLiteral("SKU-%1").arg(
                                                  random.bounded(99999))));
        item->setValue(QStringLiteral("name"),
                       SessionValue::makeString(products[random.bounded(int(products.size()))]));
        item->setValue(QStringLiteral("qty"), SessionValue::makeInteger(1 + random.bounded(5)));
    }
    session.setValue(QStringLiteral("cart"), cart);
    if (random.bounded(20) == 0) { // recently viewed pages: hard to compress, the big tail
        SessionValue viewed = SessionValue::makeList();
        for (int v = 0, n = 30 + int(random.bounded(150)); v < n; ++v)
            *viewed.appendChild() = SessionValue::makeString(
                QString::fromLatin1(QByteArray::number(random.generate64(), 36) +
                                    QByteArray::number(random.generate64(), 36)));
        session.setValue(QStringLiteral("recently_viewed"), viewed);
    }
    if (bytes && random.bounded(5) == 0) {
        QByteArray blob(16 + int(random.bounded(64)), Qt::Uninitialized);
        for (char &b : blob)
            b = char(random.bounded(256));
        session.setValue(QStringLiteral("device"), SessionValue::makeBytes(blob));
    }
    return session;
}

SecureBytes secretBytes()
{
    return SecureBytes(kSecret.constData(), std::size_t(kSecret.size()));
}

QList<QByteArray> generatedMix(const QByteArray &aesKey)
{
    QRandomGenerator random(20261127);
    QList<QByteArray> mix;
    for (int i = 0; i < 4000; ++i) {
        const bool isSigned = random.bounded(10) < 3;
        const SessionValue session = applicationSession(random, true, !isSigned);
        SessionSealer::Options options;
        if (isSigned) {
            options.format = FormatRegistry::builtIn().find(u"signed");
            options.timestamp = 1790000000 + random.bounded(1000000);
        }
        const auto sealed =
            isSigned ? SessionSealer::seal(session, secretBytes(), options)
                     : SessionSealer::seal(session, SecureBytes(aesKey.constData(), 32), options);
        if (!sealed.cookie.isEmpty())
            mix.append(sealed.cookie);
    }
    return mix;
}

// Every shipped format in one file, as a team running several apps would capture: the
// generated sessions as EncryptedSession (35%), Flask/Quart signed (20%), Starlette (15%) and
// Django (15%) cookies, plus Flask-Login remember cookies (8%) and Flask-WTF form tokens (7%).
// All signed ones under kSecret, so the audit verifies each.
QList<QByteArray> formatsMix(const QByteArray &aesKey, QStringList &kinds)
{
    QRandomGenerator random(20261203);
    QList<QByteArray> mix;
    const FormatRegistry &registry = FormatRegistry::builtIn();
    for (int i = 0; i < 4000; ++i) {
        const int draw = int(random.bounded(100));
        const QString kind = draw < 35   ? QStringLiteral("encrypted")
                             : draw < 55 ? QStringLiteral("signed")
                             : draw < 70 ? QStringLiteral("starlette")
                             : draw < 85 ? QStringLiteral("django")
                             : draw < 93 ? QStringLiteral("remember")
                                         : QStringLiteral("wtf-csrf");
        SessionValue session;
        if (kind == u"remember") {
            session = SessionValue::makeDict();
            session.setValue(QStringLiteral("user_id"),
                             SessionValue::makeString(QString::number(random.bounded(1000000))));
        } else if (kind == u"wtf-csrf") {
            session = SessionValue::makeDict();
            session.setValue(
                QStringLiteral("csrf_token"),
                SessionValue::makeString(QString::fromLatin1(
                    QByteArray::number(random.generate64(), 16).rightJustified(16, '0') +
                    QByteArray::number(random.generate64(), 16).rightJustified(16, '0') +
                    QByteArray::number(random.bounded(0x10000), 16).rightJustified(8, '0'))));
        } else {
            const bool plain = kind == u"starlette" || kind == u"django";
            session = applicationSession(random, !plain, kind == u"encrypted");
        }
        SessionSealer::Options options;
        options.format = registry.find(kind);
        options.timestamp = 1790000000 + random.bounded(1000000);
        const auto sealed =
            kind == u"encrypted"
                ? SessionSealer::seal(session, SecureBytes(aesKey.constData(), 32), options)
                : SessionSealer::seal(session, secretBytes(), options);
        if (sealed.cookie.isEmpty()) {
            std::fprintf(stderr, "cannot seal a %s cookie: %s\n", qPrintable(kind),
                         qPrintable(sealed.error ? sealed.error->message : QString()));
            std::exit(1);
        }
        mix.append(sealed.cookie);
        kinds.append(kind);
    }
    return mix;
}

// What the bare cost does with each line: the split of the line's format.
enum class Kind
{
    Encrypted,
    Flask, ///< Flask/Quart signed
    Wtf,
    Starlette,
    Django,
    Remember
};

Kind kindOf(const QString &id)
{
    return id == u"encrypted"   ? Kind::Encrypted
           : id == u"starlette" ? Kind::Starlette
           : id == u"django"    ? Kind::Django
           : id == u"remember"  ? Kind::Remember
           : id == u"wtf-csrf"  ? Kind::Wtf
                                : Kind::Flask;
}

struct Prepared
{
    Kind kind = Kind::Flask;
    EncryptedSessionCodec::Fields fields;
    QByteArray compressed;               ///< the zlib stream to inflate, or empty
    FlaskSignedCodec::Parts parts;       ///< of the signed kinds but remember
    RememberCookieCodec::Parts remember; ///< of a remember cookie
};

// The split and base64 stage of one cookie: the compressed payload it yields, or the
// encrypted fields. False when the cookie does not split.
bool splitStage(QByteArrayView cookie, Kind kind, Prepared &p)
{
    switch (kind) {
    case Kind::Encrypted: {
        // As the batch paths split: no copies of the field texts.
        auto fields =
            EncryptedSessionCodec::split(cookie, nullptr, EncryptedSessionCodec::FieldTexts::Drop);
        if (fields)
            p.fields = std::move(*fields);
        return fields.ok();
    }
    case Kind::Remember: {
        auto parts = RememberCookieCodec::split(cookie);
        if (parts)
            p.remember = std::move(*parts);
        return parts.ok();
    }
    case Kind::Flask:
    case Kind::Wtf:
    case Kind::Starlette:
    case Kind::Django: {
        static const FlaskSignedCodec::Layout starlette = StarletteSessionFormat::layout();
        auto parts = kind == Kind::Django      ? DjangoSignedCodec::split(cookie)
                     : kind == Kind::Starlette ? FlaskSignedCodec::split(cookie, {}, starlette)
                                               : FlaskSignedCodec::split(cookie, {});
        if (!parts)
            return false;
        p.parts = std::move(*parts);
        if (p.parts.compressed)
            p.compressed = p.parts.payload;
        return true;
    }
    }
    return false;
}

// The signature check of a signed cookie with its secret prepared once (SigningKeyCache),
// as EAX's tag check is part of the bare cost of an encrypted one.
bool signatureMatches(const Prepared &p, SigningKeyCache &signatures)
{
    static const ItsdangerousSigner::Options flask;
    static const ItsdangerousSigner::Options wtf = WtfCsrfCodec::signerOptions();
    static const ItsdangerousSigner::Options starlette =
        StarletteSessionFormat::starletteOptions({}).signer;
    static const ItsdangerousSigner::Options django =
        DjangoSignedCodec::signerOptions(DjangoSignedCodec::Digest::Sha256);
    static const SecureBytes secret = secretBytes();
    const auto check = [&](const ItsdangerousSigner::Options &options) {
        auto matched = signatures.verify(options, secret, p.parts.signedValue, p.parts.signature);
        return matched && *matched;
    };
    switch (p.kind) {
    case Kind::Encrypted:
        return true;
    case Kind::Flask:
        return check(flask);
    case Kind::Wtf:
        return check(wtf);
    case Kind::Starlette:
        return check(starlette);
    case Kind::Django:
        return check(django);
    case Kind::Remember:
        return RememberCookieCodec::matches(p.remember, secret, &signatures);
    }
    return false;
}

// The bare cost of every cookie of `text` (one a line, the i-th of kind lineKinds[i % size]):
// the format's split and base64, EAX (tag and decryption; the key schedule and the empty
// header's MAC made once for the key) and a whole-buffer inflate with libdeflate only: no
// JSON, no output, no detection; with `signatures`, each signed cookie's signature is
// checked too. Returns the cookies done.
Q_NEVER_INLINE qint64 bareStages(const QByteArray &text, const QList<Kind> &lineKinds,
                                 EaxCipher &cipher, SigningKeyCache *signatures = nullptr)
{
    qint64 bare = 0;
    qsizetype start = 0;
    qsizetype line = 0;
    Prepared p;
    while (start < text.size()) {
        const qsizetype end = text.indexOf('\n', start);
        const QByteArrayView cookie(text.constData() + start, end - start);
        start = end + 1;
        const Kind kind = lineKinds[line++ % lineKinds.size()];
        p.kind = kind;
        p.compressed.clear();
        if (!splitStage(cookie, kind, p))
            continue;
        if (signatures && !signatureMatches(p, *signatures))
            continue;
        if (kind == Kind::Encrypted) {
            // Decrypted where it lies, as the batch paths decrypt.
            const bool plain =
                !cipher.decryptInPlace(p.fields.nonce, {}, p.fields.ciphertext, p.fields.tag);
            if (plain && p.fields.compressed)
                bare += ZlibCodec::inflate(p.fields.ciphertext, ZlibCodec::kDefaultMaxInflatedSize)
                            ? 1
                            : 0;
            else
                bare += plain ? 1 : 0;
        } else if (!p.compressed.isEmpty()) {
            bare += ZlibCodec::inflate(p.compressed, ZlibCodec::kDefaultMaxInflatedSize) ? 1 : 0;
        } else {
            ++bare;
        }
    }
    return bare;
}

// One audit of `text` on one thread; exits on failure.
Q_NEVER_INLINE SizeAudit::Report auditOnce(QByteArray &text, const SizeAudit::Options &options)
{
    QBuffer buffer(&text);
    buffer.open(QIODevice::ReadOnly);
    SizeAudit::Report report;
    if (!SizeAudit::run(buffer, text.size(), options, report).ok())
        std::exit(1);
    return report;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 count = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    const QString path =
        argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("audit_cookies.txt");
    const QByteArray keyHex = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";
    const QByteArray raw = QByteArray::fromHex(keyHex);

    const QByteArray mode = argc > 3 ? QByteArray(argv[3]) : QByteArray("vectors");
    const bool generated = mode == "generated";
    const bool allFormats = mode == "formats";
    QStringList kinds; // each mix cookie's format id
    const QList<QByteArray> mix = allFormats  ? formatsMix(raw, kinds)
                                  : generated ? generatedMix(raw)
                                              : vectorMix();
    if (!allFormats) {
        for (const QByteArray &cookie : mix)
            kinds.append(cookie.startsWith('u') || cookie.startsWith('z')
                             ? QStringLiteral("encrypted")
                             : QStringLiteral("signed"));
    }
    QList<Kind> lineKinds;
    for (const QString &id : kinds)
        lineKinds.append(kindOf(id));
    SizeAudit::Options options;
    options.keys = {SessionKey(QStringLiteral("vectors"), SecureBytes(raw.constData(), 32))};
    if (generated || allFormats) // its signed cookies are verified, as a real audit would
        options.keys.append(
            SessionKey(QStringLiteral("secret"), secretBytes(), SessionKey::Kind::SigningSecret));
    options.threads = 1;
    // The bare stages' cipher: the key schedule and the empty header's MAC made once.
    auto cipher = EaxCipher::create(SecureBytes(raw.constData(), 32)).value();

    const QByteArray onePass = argc > 4 ? QByteArray(argv[4]) : QByteArray();
    if (onePass == "bare" || onePass == "audit" || onePass == "bare-timed") {
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly))
            return 1;
        QByteArray text = in.readAll();
        if (onePass == "bare-timed") {
            // One timed pass of the bare stages, without and with signatures, for
            // audit_benchmark.py to take turns with the CLI: timed minutes apart, the two
            // met different speeds of a shared machine.
            const double lines = double(text.count('\n'));
            const Timings bare =
                bestOf(1, [&] { return secondsOf([&] { bareStages(text, lineKinds, cipher); }); });
            const Timings withSignatures = bestOf(1, [&] {
                SigningKeyCache signatures;
                return secondsOf([&] { bareStages(text, lineKinds, cipher, &signatures); });
            });
            std::printf("bare_us_per_cookie=%.6f\nbare_cpu_us_per_cookie=%.6f\n",
                        1e6 * bare.best / lines, 1e6 * bare.bestCpu / lines);
            std::printf("bare_signed_us_per_cookie=%.6f\nbare_signed_cpu_us_per_cookie=%.6f\n",
                        1e6 * withSignatures.best / lines, 1e6 * withSignatures.bestCpu / lines);
            return 0;
        }
        if (onePass == "bare") {
            std::printf("bare stages, one pass: %lld cookies done\n",
                        static_cast<long long>(bareStages(text, lineKinds, cipher)));
        } else {
            std::printf("audit, one pass: %llu cookies opened\n",
                        static_cast<unsigned long long>(auditOnce(text, options).opened));
        }
        return 0;
    }

    QByteArray text;
    text.reserve(count * 300);
    for (qint64 i = 0; i < count; ++i)
        text.append(mix[qsizetype(i % mix.size())]).append('\n');
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size())
        return 1;
    out.close();

    // The machines are shared and one run can be 2x off: the best of several, with the spread.
    SizeAudit::Report report;
    const Timings audit =
        bestOf(kRuns, [&] { return secondsOf([&] { report = auditOnce(text, options); }); });
    const double auditSeconds = audit.best;

    // Bare cost: the same cookies through the format's split and base64, EAX (tag and
    // decryption; the key schedule and the empty header's MAC made once for the key) and a
    // whole-buffer inflate with libdeflate only: no JSON, no signature, no output. Each line's
    // format is known (the mix in turn), so no detection either.
    qint64 bare = 0;
    const Timings bareRuns = bestOf(
        kRuns, [&] { return secondsOf([&] { bare = bareStages(text, lineKinds, cipher); }); });
    const double bareSeconds = bareRuns.best;
    // The same with each signed cookie's signature checked (the secret prepared once).
    qint64 signedDone = 0;
    const Timings signedRuns = bestOf(kRuns, [&] {
        SigningKeyCache signatures;
        return secondsOf([&] { signedDone = bareStages(text, lineKinds, cipher, &signatures); });
    });
    QByteArray counts; // "encrypted 1400, signed 800, ..." for the formats mix
    if (allFormats) {
        for (const char *id :
             {"encrypted", "signed", "starlette", "django", "remember", "wtf-csrf"})
            counts += QByteArray(", ") + id + ' ' +
                      QByteArray::number(kinds.count(QString::fromLatin1(id)));
    }
    std::printf("cookies: %lld (the %lld-cookie %s mix%s), file %s (%lld bytes)\n",
                static_cast<long long>(count), static_cast<long long>(mix.size()), mode.constData(),
                allFormats ? counts.constData() : ", both formats", qPrintable(path),
                static_cast<long long>(text.size()));
    std::printf("in-process audit, 1 thread: %.0f cookies/s (%.2f us each), %llu opened; "
                "best of %d, spread %s\n",
                double(count) / auditSeconds, 1e6 * auditSeconds / double(count),
                static_cast<unsigned long long>(report.opened), kRuns, audit.spread().constData());
    if (allFormats) {
        QByteArray seen;
        for (auto it = report.formats.cbegin(); it != report.formats.cend(); ++it)
            seen += ' ' + it.key().toLatin1() + '=' + QByteArray::number(it.value());
        std::printf("the audit's formats:%s\n", seen.constData());
    }
    std::printf("bare cost (split + base64 + AES-EAX + libdeflate inflate; no JSON, no signature "
                "check): %.0f cookies/s (%.2f us each), %lld done; best of %d, spread %s\n",
                double(count) / bareSeconds, 1e6 * bareSeconds / double(count),
                static_cast<long long>(bare), kRuns, bareRuns.spread().constData());
    // For audit_benchmark.py, which times the CLI on the same file against it.
    std::printf("bare_us_per_cookie=%.6f\n", 1e6 * bareSeconds / double(count));
    std::printf("bare_cpu_us_per_cookie=%.6f\n", 1e6 * bareRuns.bestCpu / double(count));
    std::printf("audit / bare cost: %.2fx the time\n", auditSeconds / bareSeconds);
    std::printf("bare cost with each signed cookie's signature checked (its secret prepared "
                "once), as EAX's tag is: %.2f us each, %lld done; best of %d, spread %s\n",
                1e6 * signedRuns.best / double(count), static_cast<long long>(signedDone), kRuns,
                signedRuns.spread().constData());
    std::printf("bare_signed_us_per_cookie=%.6f\n", 1e6 * signedRuns.best / double(count));
    std::printf("bare_signed_cpu_us_per_cookie=%.6f\n", 1e6 * signedRuns.bestCpu / double(count));
    std::printf("audit / bare cost with signatures: %.2fx the time\n",
                auditSeconds / signedRuns.best);

    // The bare cost by stage, each timed alone over the same sequence of cookies (the mix in
    // turn), per cookie of the whole file: where the floor of any implementation lies.
    QList<Prepared> prepared;
    for (qsizetype i = 0; i < mix.size(); ++i) {
        Prepared p;
        p.kind = lineKinds[i];
        splitStage(mix[i], p.kind, p);
        if (p.kind == Kind::Encrypted && p.fields.compressed)
            p.compressed =
                cipher.decrypt(p.fields.nonce, {}, p.fields.ciphertext, p.fields.tag).value();
        prepared.append(p);
    }
    const auto perCookie = [&](const auto &stage) {
        qint64 done = 0;
        const Timings runs = bestOf(kRuns, [&] {
            done = 0;
            return secondsOf([&] {
                for (qint64 i = 0; i < count; ++i)
                    done += stage(qsizetype(i % mix.size())) ? 1 : 0;
            });
        });
        return std::pair{1e6 * runs.best / double(count), done};
    };
    const auto [splitUs, splitDone] = perCookie([&](qsizetype i) {
        Prepared scratch;
        return splitStage(mix[i], prepared[i].kind, scratch);
    });
    const auto [eaxUs, eaxDone] = perCookie([&](qsizetype i) {
        const Prepared &p = prepared[i];
        return p.kind == Kind::Encrypted &&
               cipher.decrypt(p.fields.nonce, {}, p.fields.ciphertext, p.fields.tag).ok();
    });
    const auto [inflateUs, inflateDone] = perCookie([&](qsizetype i) {
        return !prepared[i].compressed.isEmpty() &&
               ZlibCodec::inflate(prepared[i].compressed, ZlibCodec::kDefaultMaxInflatedSize).ok();
    });
    const auto [zlibUs, zlibDone] = perCookie([&](qsizetype i) {
        return !prepared[i].compressed.isEmpty() &&
               ZlibCodec::inflateWithZlib(prepared[i].compressed,
                                          ZlibCodec::kDefaultMaxInflatedSize)
                   .ok();
    });
    std::printf("bare cost by stage, us a cookie: split + base64 %.2f (%lld), AES-EAX %.2f "
                "(%lld), inflate %.2f (%lld)\n",
                splitUs, static_cast<long long>(splitDone), eaxUs, static_cast<long long>(eaxDone),
                inflateUs, static_cast<long long>(inflateDone));
    std::printf("inflate, us a cookie: libdeflate %.2f, zlib %.2f (%lld): libdeflate is %.2fx "
                "as fast (libdeflate %s, zlib %s)\n",
                inflateUs, zlibUs, static_cast<long long>(zlibDone), zlibUs / inflateUs,
                ZlibCodec::libdeflateVersion(), ZlibCodec::version());
    return 0;
}
