// Weak-secret audit throughput: guesses per second on one core and on all
// cores, against itsdangerous' own Signer on the same cookie and wordlist in
// the same run. Prints figures; never fails on speed.

#include "TestData.h"
#include "audit/SecretAudit.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <thread>

using namespace sessionlens;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int lines = argc > 1 ? QString::fromLatin1(argv[1]).toInt() : 2'000'000;
    const QJsonObject vector =
        test::cookieVectors(QStringLiteral("flask_default")).first().toObject();
    const QByteArray cookie = vector[QStringLiteral("cookie")].toString().toLatin1();

    // A wordlist without the secret: every line is tried.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("words.txt"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        QByteArray chunk;
        for (int i = 0; i < lines; ++i) {
            chunk += "password" + QByteArray::number(i * 7919ULL % 100000007ULL) + '\n';
            if (chunk.size() > (1 << 20)) {
                file.write(chunk);
                chunk.clear();
            }
        }
        file.write(chunk);
    }

    SecretAudit::Options options;
    options.builtIn = false;
    double oneCore = 0;
    for (int threads : {1, int(std::max(1u, std::thread::hardware_concurrency()))}) {
        options.threads = threads;
        auto outcome = SecretAudit::run(cookie, path, options);
        if (!outcome || outcome->found) {
            std::fprintf(stderr, "unexpected outcome\n");
            return 1;
        }
        const double rate = double(outcome->tried) / outcome->seconds;
        if (threads == 1)
            oneCore = rate;
        std::printf("sessionlens crack, %d thread(s): %lld guesses in %.2f s: %.0f guesses/s\n",
                    threads, static_cast<long long>(outcome->tried), outcome->seconds, rate);
    }

    const QString python = test::pythonInterpreter();
    if (python.isEmpty()) {
        std::printf("python reference: not run\n");
        return 0;
    }
    // The reference is slow: give it a tenth of the list.
    const QString shortPath = dir.filePath(QStringLiteral("short.txt"));
    {
        QFile in(path), out(shortPath);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
            return 1;
        for (int i = 0; i < lines / 10; ++i)
            out.write(in.readLine());
    }
    QProcess process;
    process.start(python,
                  {test::testSourcePath(QStringLiteral("benchmarks/python_crack_reference.py")),
                   QString::fromLatin1(cookie), shortPath});
    process.waitForFinished(-1);
    bool ok = false;
    const double reference = process.readAllStandardOutput().trimmed().toDouble(&ok);
    if (!ok) {
        std::printf("python reference failed: %s\n", process.readAllStandardError().constData());
        return 0;
    }
    std::printf("python reference (itsdangerous Signer): %.0f guesses/s\n", reference);
    std::printf("ratio per core: %.1fx the Python reference (target 50x)\n", oneCore / reference);
    return 0;
}
