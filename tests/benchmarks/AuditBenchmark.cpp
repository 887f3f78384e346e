// Audit throughput in process, against the bare cost of the same cookies (base64, AES-EAX
// and inflate, no JSON), on one core. Writes the cookie file that audit_benchmark.py then
// feeds to the CLI and to the Python reference. Prints figures only.
#include "TestData.h"
#include "audit/SizeAudit.h"
#include "crypto/EaxCipher.h"
#include "formats/EncryptedSessionCodec.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/ZlibCodec.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

using namespace sessionlens;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 count = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    const QString path =
        argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("audit_cookies.txt");
    const QByteArray keyHex = "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";
    const QByteArray raw = QByteArray::fromHex(keyHex);

    // The vector mix: every valid cookie of both formats, in turn.
    QList<QByteArray> mix;
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session")))
        mix.append(v[QStringLiteral("cookie")].toString().toLatin1());
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("flask_default")))
        mix.append(v[QStringLiteral("cookie")].toString().toLatin1());
    QByteArray text;
    text.reserve(count * 300);
    for (qint64 i = 0; i < count; ++i)
        text.append(mix[qsizetype(i % mix.size())]).append('\n');
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size())
        return 1;
    out.close();

    SizeAudit::Options options;
    options.keys = {SessionKey(QStringLiteral("vectors"), SecureBytes(raw.constData(), 32))};
    options.threads = 1;
    QBuffer buffer(&text);
    buffer.open(QIODevice::ReadOnly);
    SizeAudit::Report report;
    QElapsedTimer clock;
    clock.start();
    if (!SizeAudit::run(buffer, text.size(), options, report).ok())
        return 1;
    const double auditSeconds = double(clock.nsecsElapsed()) / 1e9;

    // Bare cost: the same cookies through base64, EAX (tag and decryption) and inflate only.
    auto cipher = EaxCipher::create(SecureBytes(raw.constData(), 32)).value();
    qint64 bare = 0;
    clock.restart();
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype end = text.indexOf('\n', start);
        const QByteArrayView cookie(text.constData() + start, end - start);
        start = end + 1;
        if (cookie.startsWith('u') || cookie.startsWith('z')) {
            auto fields = EncryptedSessionCodec::split(cookie);
            if (!fields)
                continue;
            auto plain = cipher.decrypt(fields->nonce, {}, fields->ciphertext, fields->tag);
            if (plain && fields->compressed)
                bare +=
                    ZlibCodec::inflate(plain.value(), ZlibCodec::kDefaultMaxInflatedSize) ? 1 : 0;
            else
                bare += plain ? 1 : 0;
        } else {
            auto parts = FlaskSignedCodec::split(cookie, {});
            if (parts && parts->compressed)
                bare +=
                    ZlibCodec::inflate(parts->payload, ZlibCodec::kDefaultMaxInflatedSize) ? 1 : 0;
            else
                bare += parts ? 1 : 0;
        }
    }
    const double bareSeconds = double(clock.nsecsElapsed()) / 1e9;
    std::printf("cookies: %lld (the %lld-cookie vector mix, both formats), file %s (%lld bytes)\n",
                static_cast<long long>(count), static_cast<long long>(mix.size()), qPrintable(path),
                static_cast<long long>(text.size()));
    std::printf("in-process audit, 1 thread: %.0f cookies/s (%.2f us each), %llu opened\n",
                double(count) / auditSeconds, 1e6 * auditSeconds / double(count),
                static_cast<unsigned long long>(report.opened));
    std::printf("bare cost (base64 + AES-EAX + inflate, no JSON): %.0f cookies/s (%.2f us each), "
                "%lld done\n",
                double(count) / bareSeconds, 1e6 * bareSeconds / double(count),
                static_cast<long long>(bare));
    std::printf("audit / bare cost: %.2fx the time\n", auditSeconds / bareSeconds);
    return 0;
}
