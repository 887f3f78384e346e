// Decode throughput on one core: the vector mix through the full pipeline
// (split, base64, EAX, inflate, JSON to tree), against the Python reference
// run in the same invocation. Prints figures; never fails on speed.

#include "TestData.h"
#include "formats/EncryptedSessionCodec.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>

#include <cstdio>

using namespace sessionlens;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? QString::fromLatin1(argv[1]).toDouble() : 2.0;

    const QJsonArray vectors = test::cookieVectors(QStringLiteral("encrypted_session"));
    QList<QByteArray> cookies;
    for (const QJsonValue v : vectors)
        cookies.append(v[QStringLiteral("cookie")].toString().toLatin1());
    const QByteArray key =
        QByteArray::fromHex(vectors.first()[QStringLiteral("key_hex")].toString().toLatin1());
    auto codec =
        EncryptedSessionCodec::create(SecureBytes(key.constData(), std::size_t(key.size())));
    if (!codec) {
        std::fprintf(stderr, "cannot create codec\n");
        return 1;
    }

    // Warm up, and make sure every cookie really decodes.
    for (const QByteArray &cookie : cookies) {
        if (!codec->decode(cookie).ok()) {
            std::fprintf(stderr, "a vector failed to decode\n");
            return 1;
        }
    }

    qint64 count = 0;
    qsizetype nodes = 0;
    QElapsedTimer timer;
    timer.start();
    while (timer.nsecsElapsed() < qint64(seconds * 1e9)) {
        for (const QByteArray &cookie : cookies) {
            const auto decoded = codec->decode(cookie);
            nodes += decoded.session.size();
        }
        count += cookies.size();
    }
    const double elapsed = double(timer.nsecsElapsed()) / 1e9;
    const double ours = double(count) / elapsed;
    std::printf("sessionlens decode: %lld cookies in %.2f s: %.0f cookies/s, %.3f us/cookie (mix "
                "of %lld vectors, checksum %lld)\n",
                static_cast<long long>(count), elapsed, ours, 1e6 / ours,
                static_cast<long long>(cookies.size()), static_cast<long long>(nodes));

    // Per-vector cost, to see where the mix spends its time.
    for (qsizetype i = 0; i < cookies.size(); ++i) {
        QElapsedTimer each;
        each.start();
        int rounds = 0;
        while (each.nsecsElapsed() < qint64(seconds * 1e9 / 40)) {
            for (int k = 0; k < 100; ++k)
                nodes += codec->decode(cookies[i]).session.size();
            rounds += 100;
        }
        std::printf("  %-22s %6lld bytes  %8.3f us\n",
                    qPrintable(vectors[i][QStringLiteral("name")].toString()),
                    static_cast<long long>(cookies[i].size()),
                    double(each.nsecsElapsed()) / 1e3 / rounds);
    }

    const QString python = test::pythonInterpreter();
    if (python.isEmpty()) {
        std::printf("python reference: not run (no interpreter with Cryptodome)\n");
        return 0;
    }
    QProcess process;
    process.start(
        python, {test::testSourcePath(QStringLiteral("benchmarks/python_decode_reference.py")),
                 test::dataPath(QStringLiteral("session_cookies.json")), QString::number(seconds)});
    process.waitForFinished(-1);
    bool ok = false;
    const double reference = process.readAllStandardOutput().trimmed().toDouble(&ok);
    if (!ok || reference <= 0) {
        std::printf("python reference failed: %s\n", process.readAllStandardError().constData());
        return 0;
    }
    std::printf("python reference (pycryptodome + json): %.0f cookies/s, %.3f us/cookie\n",
                reference, 1e6 / reference);
    std::printf("ratio: %.1fx the Python reference on one core (target 100x)\n", ours / reference);
    return 0;
}
